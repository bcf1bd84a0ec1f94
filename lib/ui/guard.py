"""The page guard: the first call of every page.

It resolves, on its own, everything a page needs — the engine, the mode, who is asking, their role and
the workspace — because a freshly started server may run a page file without running ``app.py`` first.

Modes (decided here and nowhere else):
- **local** (default): one owner (``local``), no sign-in. On first start the workspace is seeded with the
  demo so a newcomer sees a full dashboard.
- **hosted**: on when an ``[auth]`` section exists in Streamlit secrets. Owners sign in with ``st.login``;
  each identity gets its own workspace; an anonymous visitor sees a sign-in screen and no data query runs.
A coach arrives with ``?share=TOKEN``: the token moves from the URL into session state, and every rerun
checks it again (so revocation and expiry take effect on the coach's next interaction).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import sqlalchemy as sa
import streamlit as st

from lib import models as m
from lib.errors import PermissionDenied, SchemaTooNew, SecondLookError
from lib.mdsafe import md
from lib.settings import LOCAL_OWNER
from lib.ui import store

SHARE_KEY = "_share_token"
VIA_APP = "_via_app"  # set by app.py; missing when a fresh server served a page file directly


@dataclass(frozen=True)
class Context:
    """Who is looking at which workspace, and what they may do."""

    engine: sa.Engine
    owner: str
    role: m.Role
    mode: str  # "local" | "hosted"
    display_name: str = ""
    is_demo: bool = False
    share: m.Share | None = None
    _memo: dict = field(default_factory=dict, compare=False, repr=False)  # per run: one data-version query

    @property
    def can_edit(self) -> bool:
        return self.role == m.Role.OWNER

    @property
    def can_comment(self) -> bool:
        return self.role == m.Role.OWNER or (
            self.share is not None and self.share.permission == m.SharePermission.COMMENT)

    def require_edit(self) -> None:
        """Server-side refusal of every mutating action for a non-owner."""
        if not self.can_edit:
            raise PermissionDenied("This is a read-only view shared with you; changes are not possible.")

    def visible_interview_ids(self, interviews) -> set[int]:
        ids = {iv.id for iv in interviews}
        if self.share is not None and self.share.interview_ids:
            ids &= set(self.share.interview_ids)
        return ids

    def data(self) -> m.WorkspaceData:
        """The workspace content this viewer may see (a coach: only the shared interviews).

        Read once per run (a context lives for one script run; writes are followed by a rerun), and a
        coach's scoped view is derived once per workspace version."""
        if "data" not in self._memo:
            data = store.workspace_data(self.engine, self.owner)
            if self.share is not None and self.share.interview_ids:
                data = store.derived(data, _scope, tuple(self.share.interview_ids))
            self._memo["data"] = data
        return self._memo["data"]


def _scope(data: m.WorkspaceData, interview_ids: tuple[int, ...]) -> m.WorkspaceData:
    keep = set(interview_ids)
    fields = {}
    for name in ("script_items", "overrides", "contacts", "attempts", "feedback", "case_points", "letters",
                 "comments"):
        fields[name] = tuple(o for o in getattr(data, name) if o.interview_id in keep)
    interviews = tuple(iv for iv in data.interviews if iv.id in keep)
    actions = tuple(a for a in data.actions if a.interview_id in keep)
    return m.WorkspaceData(evidence=data.evidence, interviews=interviews, actions=actions, **fields)


def hosted_mode() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return False


def owner_for_identity(user) -> str:
    """A stable, opaque owner id for a signed-in identity (issuer + subject, hashed)."""
    issuer = str(user.get("iss", "") or "")
    subject = str(user.get("sub", "") or user.get("email", "") or "")
    return "oidc:" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:40]


def _sign_in_screen() -> None:
    st.title("Second Look")
    st.write("Turn an interview rejection into a plan. Sign in to open your private workspace.")
    if st.button("Sign in", type="primary", key="sign_in"):
        st.login()
    st.stop()


def _stop_with(message: str) -> None:
    st.error(message)
    st.stop()


def page_guard(title: str | None = None, *, owner_only: bool = False) -> Context:
    """The first call of every page: resolve the context, draw the sidebar badges, check the role."""
    ctx = resolve_context()
    _sidebar(ctx)
    if owner_only and not ctx.can_edit:
        _stop_with("This page is only available to the workspace owner.")
    if title:
        st.title(title)
    return ctx


def resolve_context() -> Context:
    """Resolve engine, mode, identity, role and workspace for this run, or stop with a clear message."""
    try:
        engine = store.get_engine()
    except SchemaTooNew as err:
        _stop_with(str(err))
    except Exception as err:  # the database can't be reached: say so instead of a stack trace
        _stop_with(f"Second Look can't open its database ({type(err).__name__}). Check the database "
                   "setting (SECONDLOOK_DATABASE_URL or the secrets file) and restart.")
    token = st.query_params.get("share")
    if token:
        st.session_state[SHARE_KEY] = token
        del st.query_params["share"]  # the token never stays in the address bar
    mode = "hosted" if hosted_mode() else "local"
    return _coach_context(engine, mode) if st.session_state.get(SHARE_KEY) else _owner_context(engine, mode)


def _owner_context(engine: sa.Engine, mode: str) -> Context:
    if mode == "hosted":
        if not st.user.get("is_logged_in", False):
            _sign_in_screen()
        owner = owner_for_identity(st.user)
        name = str(st.user.get("name", "") or st.user.get("email", "") or "")
    else:
        owner, name = LOCAL_OWNER, ""
    ws = _ensure_workspace(engine, owner, name, seed_demo=(mode == "local"))
    return Context(engine=engine, owner=owner, role=m.Role.OWNER, mode=mode,
                   display_name=name or ws.display_name, is_demo=ws.is_demo)


def _ensure_workspace(engine: sa.Engine, owner: str, name: str, *, seed_demo: bool) -> m.Workspace:
    from lib.storage import workspace

    ws = workspace.get_workspace(engine, owner)
    if ws is None:
        if seed_demo:
            from lib.demo import load_demo

            try:
                load_demo(engine, owner, today=store.today(), now=store.now())
            except SecondLookError:
                workspace.ensure_workspace(engine, owner, now=store.now(), display_name=name)
        else:
            workspace.ensure_workspace(engine, owner, now=store.now(), display_name=name)
        ws = workspace.get_workspace(engine, owner)
    assert ws is not None
    return ws


def _coach_context(engine: sa.Engine, mode: str) -> Context:
    from lib import sharing

    grant = sharing.resolve_token(engine, st.session_state[SHARE_KEY], now=store.now())
    if grant is None:
        st.session_state.pop(SHARE_KEY, None)
        _stop_with("This share link has expired or was revoked. Ask the person who shared it for a new one.")
    from lib.storage import workspace

    ws = workspace.get_workspace(engine, grant.owner)
    return Context(engine=engine, owner=grant.owner, role=m.Role.COACH, mode=mode,
                   display_name=ws.display_name if ws else "", is_demo=bool(ws and ws.is_demo), share=grant.share)


def _sidebar(ctx: Context) -> None:
    with st.sidebar:
        if not st.session_state.get(VIA_APP):
            try:  # a deep link answered before app.py ran in any session: offer the real menu
                st.page_link("app.py", label="Open the full menu", icon=":material/menu:")
            except st.errors.StreamlitPageNotFoundError:
                pass  # a page script run on its own (tests): nothing to link to
        if ctx.role == m.Role.COACH:
            st.info(f"Coach view (read-only) — shared as “{md(ctx.share.label)}”.", icon=":material/visibility:")
        elif ctx.is_demo:
            st.warning("Demo data — a fictional candidate. Try everything; "
                       "start your own workspace from Home when ready.", icon=":material/science:")
        if ctx.mode == "hosted" and ctx.engine.url.get_backend_name() == "sqlite":
            st.warning("This hosted app keeps data in a SQLite file. Hosted disks may be wiped on restart: "
                       "download a backup often, or ask the host to configure Postgres.", icon=":material/warning:")
        if ctx.mode == "hosted" and ctx.role == m.Role.OWNER:
            if ctx.display_name:
                st.caption(f"Signed in as {md(ctx.display_name)}")
            if st.button("Sign out", key="sign_out"):
                st.logout()
