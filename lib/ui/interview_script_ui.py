"""The interview "script" (one expander per question, every field autosaved) and the honest appraisal."""

from __future__ import annotations

import dataclasses

import streamlit as st

from lib import debrief
from lib import models as m
from lib.competencies import KEYS
from lib.competencies import label as comp_label
from lib.errors import SecondLookError, ValidationError
from lib.mdsafe import md as escape_markdown
from lib.storage import repo
from lib.ui.autosave import Autosave, Field, OnConflict
from lib.ui.comments_ui import comments_panel
from lib.ui.guard import Context
from lib.ui.interview_ui import INTERVIEW
from lib.ui.store import derived, now
from lib.ui.widgets import form_saved, request_id

OPEN = "_q_open"  # the question to show expanded (the one just added)
FLASH = "_q_flash"
ADDED = "_q_added"


def _stars_index(rating: int | None) -> int | None:
    return None if rating is None else rating - 1


def _rating(index: int | None) -> int | None:
    return None if index is None else index + 1


QUESTION = Autosave("as_{type}_{id}", (
    Field("question"), Field("answer"), Field("rating", _stars_index, _rating),
    Field("went_right", label="what went right"), Field("went_wrong", label="what went wrong"),
    Field("next_time", label="next-time answer"), Field("competencies", list, tuple)), OnConflict.REFILL)


def _add_key(iv: m.Interview) -> str:
    return f"q_new_{iv.id}"


def _encoder():
    """The cached sentence model for better tag suggestions on a new question (cue words if it can't load)."""
    try:
        from lib.ui.analysis_ui import encoder

        return encoder().encoder
    except Exception:  # noqa: BLE001 - suggestions are a convenience; cue words still work
        return None


def _add(ctx: Context, iv: m.Interview, next_pos: int) -> None:
    key = _add_key(iv)
    text = (st.session_state.get(key) or "").strip()
    try:
        ctx.require_edit()
        item = m.ScriptItem(interview_id=iv.id, question=text, position=next_pos,
                            competencies=debrief.suggest_tags(text, encoder=_encoder()))
        saved = repo.add(ctx.engine, ctx.owner, item, now=now(), request_id=request_id(key))
    except ValidationError as err:
        st.session_state[FLASH] = "Type the question first." if err.field == "question" and not text else err.message
        return
    except SecondLookError as err:
        st.session_state[FLASH] = str(err)
        return
    form_saved(key)
    st.session_state[key] = ""
    st.session_state[OPEN] = saved.id
    st.session_state[ADDED] = "Question added at the end of the script: rate it and note what happened."


def quick_add(ctx: Context, iv: m.Interview, items: list[m.ScriptItem]) -> None:
    next_pos = max((q.position for q in items), default=-1) + 1
    with st.form(f"q_add_form_{iv.id}", border=False, enter_to_submit=True):
        c1, c2 = st.columns([5, 1], vertical_alignment="bottom")
        c1.text_input("Add a question you were asked", key=_add_key(iv), max_chars=2000,
                      placeholder="e.g. Tell me about a time you disagreed with your manager")
        c2.form_submit_button("Add question", icon=":material/add:", on_click=_add, args=(ctx, iv, next_pos),
                              width="stretch", key=f"q_add_{iv.id}")
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.error(flash, icon=":material/error:")
    added = st.session_state.pop(ADDED, None)
    if added:
        st.toast(added, icon=":material/check:")


def _move(ctx: Context, items: list[m.ScriptItem], item_id: int, step: int) -> None:
    ids = [q.id for q in items]
    order = debrief.moved(ids, item_id, step)
    if order == ids:
        return
    try:
        ctx.require_edit()
        repo.reorder(ctx.engine, ctx.owner, m.ScriptItem, order, now=now())
    except SecondLookError as err:
        st.session_state[FLASH] = str(err)
        return
    for q in items:  # reorder bumps every version: keep the bases in step where they were current
        base = QUESTION.base(q)
        if base.version == q.version:
            QUESTION.remember(dataclasses.replace(base, position=order.index(q.id), version=q.version + 1))


def _header(n: int, q: m.ScriptItem, open_comments: int = 0) -> str:
    text = " ".join(q.question.split())
    text = text if len(text) <= 90 else text[:89].rstrip() + "…"
    note = f" · :material/chat: {open_comments}" if open_comments else ""
    return f"**Q{n}** · {debrief.stars(q.rating)} · {escape_markdown(text)}{note}"


def _open_comments(data: m.WorkspaceData, interview_id: int) -> dict[int, int]:
    """Open coach threads per question of one interview (one pass over the comments, not one per question)."""
    counts: dict[int, int] = {}
    for c in data.comments:
        if (c.interview_id == interview_id and c.target == m.CommentTarget.SCRIPT_ITEM and not c.resolved
                and c.parent_id is None and c.target_id is not None):
            counts[c.target_id] = counts.get(c.target_id, 0) + 1
    return counts


def question_editor(ctx: Context, q: m.ScriptItem, n: int, items: list[m.ScriptItem], open_comments: int = 0) -> None:
    base = QUESTION.sync(q)
    QUESTION.show_conflict(q)  # outside the expander: visible even when it is closed
    with st.expander(_header(n, base, open_comments), key=f"q_exp_{q.id}", expanded=st.session_state.get(OPEN) == q.id):
        top, rate = st.columns([4, 1], vertical_alignment="bottom")
        with top:
            QUESTION.draw(st.text_input, "Question", ctx, q, "question", max_chars=2000)
        with rate:
            st.caption("How did my answer go?")
            st.feedback("stars", **QUESTION.widget(ctx, q, "rating"))
        QUESTION.draw(st.text_area, "My answer, as I gave it", ctx, q, "answer", height=110)
        cols = st.columns(3)
        for col, name, label in zip(cols, ("went_right", "went_wrong", "next_time"),
                                    ("What went right", "What went wrong", "What I would say next time"),
                                    strict=True):
            with col:
                QUESTION.draw(st.text_area, label, ctx, q, name, height=110)
        QUESTION.draw(st.multiselect, "Competencies", ctx, q, "competencies", options=_options(base),
                      format_func=comp_label, placeholder="Which competencies was this question testing?")
        suggested = debrief.suggest_tags(base.question)
        if suggested:
            st.caption("Suggested from the wording: " + ", ".join(
                comp_label(k) + (" ✓" if k in base.competencies else "") for k in suggested))
        b1, b2, _, b4 = st.columns([1, 1, 3, 1])
        b1.button("Move up", key=f"q_up_{q.id}", icon=":material/arrow_upward:", disabled=n == 1,
                  on_click=_move, args=(ctx, items, q.id, -1), width="stretch")
        b2.button("Move down", key=f"q_down_{q.id}", icon=":material/arrow_downward:", disabled=n == len(items),
                  on_click=_move, args=(ctx, items, q.id, 1), width="stretch")
        with b4.popover("Delete", icon=":material/delete:", width="stretch"):
            st.write("Delete this question and its notes?")
            st.button("Yes, delete", key=f"q_del_{q.id}", type="primary", on_click=QUESTION.delete, args=(ctx, q))
        comments_panel(ctx, q.interview_id, m.CommentTarget.SCRIPT_ITEM, q.id, key=f"q_comments_{q.id}")


def _options(q: m.ScriptItem) -> list[str]:
    return [*KEYS, *(k for k in q.competencies if k not in KEYS)]  # never drop an unknown stored key


def question_view(ctx: Context, q: m.ScriptItem, n: int) -> None:
    """The coach's read-only view of one question: everything visible at once, comments underneath."""
    with st.container(border=True, key=f"q_view_{q.id}"):
        st.markdown(_header(n, q))
        for label, text in (("Answer as given", q.answer), ("What went right", q.went_right),
                            ("What went wrong", q.went_wrong), ("What I would say next time", q.next_time)):
            if text.strip():
                st.caption(label)
                st.markdown(escape_markdown(text))
        if q.competencies:
            st.caption("Competencies: " + escape_markdown(", ".join(comp_label(k) for k in q.competencies)))
        comments_panel(ctx, q.interview_id, m.CommentTarget.SCRIPT_ITEM, q.id, key=f"q_comments_{q.id}")


def script_section(ctx: Context, iv: m.Interview, items: list[m.ScriptItem], data: m.WorkspaceData) -> None:
    if ctx.can_edit:
        quick_add(ctx, iv, items)
    if not items:
        st.info("No questions yet. Add each question you remember, then rate your answer honestly.")
    open_comments = derived(data, _open_comments, iv.id) if ctx.can_edit else {}
    for n, q in enumerate(items, start=1):
        if ctx.can_edit:
            question_editor(ctx, q, n, items, open_comments.get(q.id, 0))
        else:
            question_view(ctx, q, n)


def _candidates(data: m.WorkspaceData, interview_id: int) -> tuple[debrief.AppraisalCandidate, ...]:
    return debrief.appraisal_candidates((q for q in data.script_items if q.interview_id == interview_id),
                                        data.evidence)


def appraisal_section(ctx: Context, iv: m.Interview, items: list[m.ScriptItem], data: m.WorkspaceData) -> None:
    """Prompts that push for specifics, unused STAR stories, and the appraisal text (autosaved)."""
    summary = debrief.summarise_script(items)
    candidates = derived(data, _candidates, iv.id)  # scans the whole bank: once per data version
    left, right = st.columns([3, 2], gap="large")
    with right:
        with st.container(border=True):
            st.markdown("**Ask yourself**")
            st.markdown("\n".join(f"- {escape_markdown(p)}"
                                   for p in debrief.appraisal_prompts(summary, candidates, comp_label)))
        if candidates:
            pos = {q.id: n for n, q in enumerate(items, start=1)}
            lines = [f"- **{escape_markdown(c.evidence.title)}** — {escape_markdown(', '.join(comp_label(k) for k in c.competencies))}"
                     f" (Q{', Q'.join(str(pos[i]) for i in c.questions if i in pos)})" for c in candidates]
            st.markdown("**Stories from your bank you could have used**\n\n" + "\n".join(lines))
    with left:
        if ctx.can_edit:
            INTERVIEW.sync(iv)
            INTERVIEW.draw(st.text_area, "My honest appraisal of the whole interview", ctx, iv, "appraisal",
                           height=320, placeholder="Be specific: which question, which moment, what you would change.")
        elif iv.appraisal.strip():
            st.markdown(escape_markdown(iv.appraisal))
        else:
            st.caption("No appraisal written yet.")
