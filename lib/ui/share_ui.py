"""Widgets of the Share page: create a link (token shown once), list and revoke links, delete the workspace."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from lib import models as m
from lib.errors import SecondLookError
from lib.mdsafe import md as escape_markdown
from lib.sharing import DEFAULT_EXPIRY_DAYS, create_share, is_active, list_shares, revoke_share, share_url
from lib.ui.guard import Context
from lib.ui.store import now
from lib.ui.widgets import form_saved, request_id, show_error

NEW_LINK_KEY = "_new_share_link"


def base_url() -> str:
    parts = urlsplit(st.context.url or "http://127.0.0.1:8501/")
    return f"{parts.scheme}://{parts.netloc}"


def create_form(ctx: Context) -> None:
    interviews = sorted(ctx.data().interviews, key=lambda iv: iv.interview_date, reverse=True)
    names = {iv.id: f"{iv.role} at {iv.company} ({iv.interview_date:%d %b %Y})" for iv in interviews}
    with st.form("share_form"):
        label = st.text_input("Label", placeholder="e.g. Sam — career coach", key="share_label")
        whole = st.radio("What to share", ["The whole workspace", "Chosen interviews"], horizontal=True,
                         key="share_scope") == "The whole workspace"
        chosen = st.multiselect("Interviews", list(names), format_func=names.get, key="share_interviews",
                                help="Used when sharing chosen interviews. The evidence bank is always visible.")
        comment = st.toggle("Allow comments", value=True, key="share_comment")
        days = st.number_input("Expires after (days)", 1, 365, DEFAULT_EXPIRY_DAYS, key="share_days")
        if st.form_submit_button("Create link", type="primary"):
            try:
                ctx.require_edit()
                if not whole and not chosen:
                    raise SecondLookError("Choose at least one interview, or share the whole workspace.")
                _, token = create_share(
                    ctx.engine, ctx.owner, label=label, now=now(), interview_ids=() if whole else chosen,
                    permission=m.SharePermission.COMMENT if comment else m.SharePermission.VIEW,
                    expires_in_days=int(days), request_id=request_id("share_form"))
                form_saved("share_form")
                st.session_state[NEW_LINK_KEY] = share_url(base_url(), token)
            except SecondLookError as err:
                show_error(err)
    link = st.session_state.pop(NEW_LINK_KEY, None)
    if link:
        st.success("Link created. Copy it now — for your safety it is shown only once.")
        st.code(link, language=None)


def links_table(ctx: Context) -> None:
    shares = list_shares(ctx.engine, ctx.owner)
    if not shares:
        st.caption("No links yet.")
        return
    current = now()
    for s in shares:
        with st.container(border=True):
            # two lines: what and the button (wide enough for its label), then state, expiry and last use
            top = st.columns([4, 1], vertical_alignment="center")
            scope = "whole workspace" if not s.interview_ids else f"{len(s.interview_ids)} interview(s)"
            top[0].markdown(f"**{escape_markdown(s.label)}** · {scope} · {s.permission.value}")
            state = "active" if is_active(s, current) else ("revoked" if s.revoked_at else "expired")
            st.caption(" · ".join([
                f"{state} · expires {s.expires_at:%d %b %Y}" if s.expires_at else state,
                f"last used {s.last_used_at:%d %b %Y %H:%M} UTC" if s.last_used_at else "never used"]))
            if is_active(s, current) and top[1].button("Revoke", key=f"revoke_{s.id}", width="stretch",
                                                       help="The link stops working at once."):
                try:
                    ctx.require_edit()
                    revoke_share(ctx.engine, ctx.owner, s.id, now=now())
                    st.rerun()
                except SecondLookError as err:
                    show_error(err)


def delete_workspace_section(ctx: Context) -> None:
    from lib.storage import workspace

    with st.expander("Delete my workspace"):
        st.write("This deletes every evidence item, interview, note, share link and comment in this "
                 "workspace. It can't be undone — download a backup first (Import & export).")
        typed = st.text_input('Type "delete everything" to confirm', key="delete_confirm")
        if st.button("Delete my workspace", type="primary", key="delete_workspace",
                     disabled=typed.strip().lower() != "delete everything"):
            ctx.require_edit()
            workspace.delete_workspace(ctx.engine, ctx.owner)
            workspace.ensure_workspace(ctx.engine, ctx.owner, now=now())  # empty, not re-seeded with the demo
            st.success("Your workspace was deleted.")
            st.rerun()
