"""Coach comments shown in place (interview, script answer, case draft, action plan), with replies and
resolve for the owner and a comment box for a coach whose link allows it. Every write is checked
server-side: owners through ``ctx.require_edit()``, coaches through ``lib.sharing.add_coach_comment``."""

from __future__ import annotations

import streamlit as st

from lib import models as m
from lib.errors import SecondLookError
from lib.mdsafe import md as escape_markdown
from lib.sharing import Grant, add_coach_comment
from lib.storage import repo
from lib.ui.guard import Context
from lib.ui.store import now
from lib.ui.widgets import form_saved, request_id, show_error

COACH_NAME_KEY = "_coach_name"


def comments_for(ctx: Context, interview_id: int, target: m.CommentTarget, target_id: int | None = None):
    return [c for c in ctx.data().comments
            if c.interview_id == interview_id and c.target == target and c.target_id == target_id]


def comments_panel(ctx: Context, interview_id: int, target: m.CommentTarget, target_id: int | None = None,
                   *, key: str) -> None:
    """Draw the thread for one object. Hidden entirely when there is nothing to show or do."""
    thread = comments_for(ctx, interview_id, target, target_id)
    if not thread and not (ctx.role == m.Role.COACH and ctx.can_comment):
        return
    open_count = sum(1 for c in thread if not c.resolved and c.parent_id is None)
    with st.expander(f"Coach comments ({open_count} open)" if thread else "Add a comment", expanded=False):
        for c in (c for c in thread if c.parent_id is None):
            _comment(ctx, c, [r for r in thread if r.parent_id == c.id], key=f"{key}_{c.id}")
        if ctx.role == m.Role.COACH and ctx.can_comment:
            _coach_form(ctx, interview_id, target, target_id, key=key)


def _comment(ctx: Context, c: m.Comment, replies: list[m.Comment], *, key: str) -> None:
    with st.container(border=True):
        state = " · resolved" if c.resolved else ""
        st.caption(f"{escape_markdown(c.author_name)} ({c.author_role}) · {c.created_at:%d %b %Y}{state}")
        st.markdown(escape_markdown(c.body))
        for r in replies:
            st.caption(f"↳ {escape_markdown(r.author_name)} ({r.author_role})")
            st.markdown(escape_markdown(r.body))
        if ctx.can_edit:
            cols = st.columns([3, 1])
            reply = cols[0].text_input("Reply", key=f"{key}_reply", label_visibility="collapsed",
                                       placeholder="Reply to your coach…")
            if cols[1].button("Reply", key=f"{key}_reply_btn") and reply.strip():
                _save(ctx, m.Comment(interview_id=c.interview_id, target=c.target, target_id=c.target_id,
                                     body=reply, author_name=ctx.display_name or "Me",
                                     author_role=m.Role.OWNER, parent_id=c.id), form=f"{key}_reply")
            if st.toggle("Resolved", value=c.resolved, key=f"{key}_resolved") != c.resolved:
                try:
                    ctx.require_edit()
                    repo.update(ctx.engine, ctx.owner, m.Comment(**{**c.__dict__, "resolved": not c.resolved}),
                                now=now())
                    st.rerun()
                except SecondLookError as err:
                    show_error(err)


def _save(ctx: Context, comment: m.Comment, *, form: str) -> None:
    try:
        ctx.require_edit()
        repo.add(ctx.engine, ctx.owner, comment, now=now(), request_id=request_id(form))
        form_saved(form)
        st.rerun()
    except SecondLookError as err:
        show_error(err)


def _coach_form(ctx: Context, interview_id: int, target: m.CommentTarget, target_id: int | None, *, key: str) -> None:
    with st.form(f"{key}_coach_form", clear_on_submit=True):
        name = st.text_input("Your name", value=st.session_state.get(COACH_NAME_KEY, ""), key=f"{key}_coach_name")
        body = st.text_area("Comment", key=f"{key}_coach_body")
        if st.form_submit_button("Add comment"):
            try:
                add_coach_comment(ctx.engine, Grant(ctx.owner, ctx.share), interview_id=interview_id,
                                  target=target, target_id=target_id, body=body, author_name=name, now=now(),
                                  request_id=request_id(f"{key}_coach"))
                form_saved(f"{key}_coach")
                st.session_state[COACH_NAME_KEY] = name
                st.rerun()
            except SecondLookError as err:
                show_error(err)
