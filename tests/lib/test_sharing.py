import datetime as dt
import secrets

import pytest

from lib import models as m
from lib.errors import PermissionDenied
from lib.sharing import (
    add_coach_comment,
    allowed,
    create_share,
    hash_token,
    list_shares,
    resolve_token,
    revoke_share,
)
from lib.storage import repo
from lib.storage import tables as t
from tests.conftest import NOW


@pytest.fixture
def iv(engine):
    return repo.add(engine, "alice", m.Interview(company="A", role="B", interview_date=dt.date(2026, 9, 1)), now=NOW)


def test_only_the_hash_is_stored(engine, iv):
    share, token = create_share(engine, "alice", label="Coach Sam", now=NOW)
    assert len(token) >= 43  # 32 random bytes, URL-safe base64 (256 bits)
    with engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(t.shares.select()) for v in row)
    assert token not in dump and hash_token(token) in dump
    assert resolve_token(engine, token, now=NOW).owner == "alice"


def test_random_tokens_match_nothing(engine, iv):
    create_share(engine, "alice", label="Coach", now=NOW)
    assert all(resolve_token(engine, secrets.token_urlsafe(32), now=NOW) is None for _ in range(10_000))


@pytest.mark.parametrize("token", ["", "short", "x" * 5000, "../../etc/passwd", "' OR 1=1 --", None])
def test_malformed_tokens_are_refused(engine, token):
    assert resolve_token(engine, token, now=NOW) is None


def test_expiry_and_revocation(engine, iv):
    share, token = create_share(engine, "alice", label="Coach", now=NOW, expires_in_days=14)
    assert resolve_token(engine, token, now=NOW + dt.timedelta(days=13, hours=23)) is not None
    assert resolve_token(engine, token, now=NOW + dt.timedelta(days=14)) is None
    share2, token2 = create_share(engine, "alice", label="Other", now=NOW)
    revoke_share(engine, "alice", share2.id, now=NOW)
    assert resolve_token(engine, token2, now=NOW) is None


def test_last_used_is_recorded(engine, iv):
    share, token = create_share(engine, "alice", label="Coach", now=NOW)
    later = NOW + dt.timedelta(hours=2)
    resolve_token(engine, token, now=later)
    assert [s.last_used_at for s in list_shares(engine, "alice")] == [later]


def test_another_owner_cannot_revoke(engine, iv):
    share, token = create_share(engine, "alice", label="Coach", now=NOW)
    with pytest.raises(Exception, match="does not exist"):
        revoke_share(engine, "bob", share.id, now=NOW)
    assert resolve_token(engine, token, now=NOW) is not None


def test_scope_must_belong_to_the_owner(engine, iv):
    with pytest.raises(Exception, match="do not exist"):
        create_share(engine, "bob", label="Sneaky", now=NOW, interview_ids=[iv.id])


MATRIX = [
    # role, action, permission, in_scope, expected
    (m.Role.OWNER, "edit", None, True, True),
    (m.Role.OWNER, "delete", None, True, True),
    (m.Role.OWNER, "export", None, True, True),
    (m.Role.COACH, "view", m.SharePermission.VIEW, True, True),
    (m.Role.COACH, "view", m.SharePermission.VIEW, False, False),
    (m.Role.COACH, "comment", m.SharePermission.VIEW, True, False),
    (m.Role.COACH, "comment", m.SharePermission.COMMENT, True, True),
    (m.Role.COACH, "comment", m.SharePermission.COMMENT, False, False),
    (m.Role.COACH, "edit", m.SharePermission.COMMENT, True, False),
    (m.Role.COACH, "delete", m.SharePermission.COMMENT, True, False),
    (m.Role.COACH, "export", m.SharePermission.COMMENT, True, False),
    (m.Role.COACH, "share", m.SharePermission.COMMENT, True, False),
    (m.Role.ANONYMOUS, "view", None, True, False),
]


@pytest.mark.parametrize("role, action, permission, in_scope, expected", MATRIX)
def test_authorization_matrix(role, action, permission, in_scope, expected):
    assert allowed(role, action, permission=permission, in_scope=in_scope) is expected


def test_coach_comment_respects_permission_and_scope(engine, iv):
    other = repo.add(engine, "alice", m.Interview(company="C", role="D", interview_date=dt.date(2026, 9, 2)), now=NOW)
    share, token = create_share(engine, "alice", label="Coach", now=NOW, interview_ids=[iv.id],
                                permission=m.SharePermission.COMMENT)
    grant = resolve_token(engine, token, now=NOW)
    c = add_coach_comment(engine, grant, interview_id=iv.id, target=m.CommentTarget.INTERVIEW, body="Good start",
                          author_name="Sam", now=NOW)
    assert c.author_role == m.Role.COACH and c.share_id == share.id
    with pytest.raises(PermissionDenied):
        add_coach_comment(engine, grant, interview_id=other.id, target=m.CommentTarget.INTERVIEW, body="x",
                          author_name="Sam", now=NOW)
    _, view_token = create_share(engine, "alice", label="Viewer", now=NOW)
    with pytest.raises(PermissionDenied):
        add_coach_comment(engine, resolve_token(engine, view_token, now=NOW), interview_id=iv.id,
                          target=m.CommentTarget.INTERVIEW, body="x", author_name="Sam", now=NOW)
