"""Share links for a coach, and who may do what.

A token is 32 random bytes from :mod:`secrets` (256 bits, URL-safe). It is shown to the owner once;
only its SHA-256 is stored, so a database leak does not leak working links. A link has a scope (the whole
workspace, or chosen interviews), a permission (view, or view + comment) and an expiry (default 14 days).
Every request of a coach resolves the token again, so revoking or expiry takes effect on their next
interaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from lib import models as m
from lib.errors import PermissionDenied, ValidationError
from lib.storage import repo, shares

DEFAULT_EXPIRY_DAYS = 14
MAX_EXPIRY_DAYS = 365
TOKEN_BYTES = 32
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
USED_GRANULARITY = dt.timedelta(minutes=1)

# actions a viewer can attempt on an object they can reach
ACTIONS = ("view", "comment", "edit", "delete", "export", "share")


@dataclass(frozen=True)
class Grant:
    owner: str
    share: m.Share


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_share(engine: sa.Engine, owner: str, *, label: str, now: dt.datetime,
                 interview_ids: Sequence[int] = (), permission: m.SharePermission = m.SharePermission.VIEW,
                 expires_in_days: int = DEFAULT_EXPIRY_DAYS, request_id: str | None = None) -> tuple[m.Share, str]:
    """Create a link; returns the stored share and the token (the only time the token exists in clear)."""
    if not 1 <= expires_in_days <= MAX_EXPIRY_DAYS:
        raise ValidationError("expires_in_days", f"Expiry must be between 1 and {MAX_EXPIRY_DAYS} days.")
    token = new_token()
    share = m.Share(label=label, token_hash=hash_token(token), permission=permission,
                    interview_ids=tuple(sorted(set(interview_ids))),
                    expires_at=now + dt.timedelta(days=expires_in_days))
    saved = repo.add(engine, owner, share, now=now, request_id=request_id)
    if saved.token_hash != share.token_hash:  # a double submit: the first token was already shown
        raise ValidationError("label", "This link was already created; copy it from where it was shown, "
                                       "or create a new one.")
    return saved, token


def is_active(share: m.Share, now: dt.datetime) -> bool:
    if share.revoked_at is not None:
        return False
    return share.expires_at is None or now < share.expires_at


def resolve_token(engine: sa.Engine, token: str, *, now: dt.datetime) -> Grant | None:
    """The grant behind a token, or None when it is malformed, unknown, revoked or expired."""
    if not isinstance(token, str) or not _TOKEN_RE.match(token):
        return None
    found = shares.find_by_hash(engine, hash_token(token))
    if found is None:
        return None
    owner, share = found
    if not is_active(share, now):
        return None
    if share.last_used_at is None or now - share.last_used_at >= USED_GRANULARITY:
        shares.mark_used(engine, share.id, now=now)
    return Grant(owner=owner, share=share)


def list_shares(engine: sa.Engine, owner: str) -> list[m.Share]:
    return repo.list_all(engine, owner, m.Share)


def revoke_share(engine: sa.Engine, owner: str, share_id: int, *, now: dt.datetime) -> None:
    shares.revoke(engine, owner, share_id, now=now)


def allowed(role: m.Role, action: str, *, permission: m.SharePermission | None = None,
            in_scope: bool = True) -> bool:
    """The authorization matrix. Owners may do everything in their workspace; a coach may view what is in
    the link's scope, and comment on it when the link allows; nobody else may do anything."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if role == m.Role.OWNER:
        return True
    if role == m.Role.COACH and in_scope:
        return action == "view" or (action == "comment" and permission == m.SharePermission.COMMENT)
    return False


def require(role: m.Role, action: str, *, permission: m.SharePermission | None = None,
            in_scope: bool = True) -> None:
    if not allowed(role, action, permission=permission, in_scope=in_scope):
        raise PermissionDenied("You don't have permission to do that with this link.")


def add_coach_comment(engine: sa.Engine, grant: Grant, *, interview_id: int, target: m.CommentTarget,
                      body: str, author_name: str, now: dt.datetime, target_id: int | None = None,
                      request_id: str | None = None) -> m.Comment:
    """A coach's comment, checked server-side against the link's permission and scope."""
    in_scope = not grant.share.interview_ids or interview_id in grant.share.interview_ids
    require(m.Role.COACH, "comment", permission=grant.share.permission, in_scope=in_scope)
    comment = m.Comment(interview_id=interview_id, target=target, target_id=target_id, body=body,
                        author_name=author_name, author_role=m.Role.COACH, share_id=grant.share.id)
    return repo.add(engine, grant.owner, comment, now=now, request_id=request_id)


def share_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + "/?share=" + token
