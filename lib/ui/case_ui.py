"""Streamlit sections of the Second-look case page: the points (evidence picker and paragraph), the
assembled summary with its warnings and exports, and the action plan. Every write checks the role first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Sequence

import streamlit as st

from lib import case_view as cv
from lib import models as m
from lib.calendar_ics import action_events, build_ics
from lib.competencies import label
from lib.docx_export import summary_docx, summary_markdown, summary_text
from lib.errors import SecondLookError
from lib.letters_case import CaseSummary, draft_paragraph
from lib.mdsafe import md as escape_markdown
from lib.storage import repo
from lib.ui.autosave import Autosave, Field, OnConflict
from lib.ui.autosave import run_write as _write
from lib.ui.store import derived, now

SOURCE_BADGE = {m.FeedbackSource.EMPLOYER: ("Employer said it", "blue"), m.FeedbackSource.SELF: ("My inference", "gray")}
GAP_LABELS = {"skill_gap": "skill gap", "demonstration_gap": "demonstration gap"}
POINT = Autosave("fs_{type}_{id}", (Field("paragraph"),), OnConflict.KEEP)
ACTION = Autosave("fs_{type}_{id}", (Field("done"),), OnConflict.KEEP)


def _errors() -> dict:  # refused first saves of a suggested (not yet stored) point, by feedback item id
    return st.session_state.setdefault("_case_err", {})


# ---------------------------------------------------------------- the page model, once per data version


@dataclasses.dataclass(frozen=True)
class CaseModel:
    """What the Case page shows for one interview: its points (saved or proposed) and the summary."""

    views: tuple[cv.PointView, ...]
    summary: CaseSummary


def _model(data: m.WorkspaceData, interview_id: int, sender_name: str) -> CaseModel:
    views = cv.point_views(data, interview_id)
    return CaseModel(views, cv.build_summary(data, interview_id, sender_name=sender_name, views=views))


def case_model(data: m.WorkspaceData, interview_id: int, sender_name: str) -> CaseModel:
    """Points and summary of an interview, computed once per workspace version (proposals scan the bank)."""
    return derived(data, _model, interview_id, sender_name)


def _evidence_maps(data: m.WorkspaceData) -> tuple[dict[int, str], dict[int, m.Evidence]]:
    citable = [ev for ev in data.evidence if ev.kind != m.EvidenceKind.RESEARCH]
    return evidence_labels(citable), {ev.id: ev for ev in data.evidence}


def _proposals(data: m.WorkspaceData, interview_id: int, today: dt.date) -> tuple[m.ActionItem, ...]:
    return cv.proposed_actions(data, interview_id, today=today)


# ---------------------------------------------------------------- points


def evidence_labels(evidence: Sequence[m.Evidence]) -> dict[int, str]:
    return {ev.id: f"{ev.title} ({ev.kind.value})" for ev in evidence if ev.id is not None}


def _save_point(ctx, view: cv.PointView, key: str, field: str) -> None:
    """Create the point on first save, else save the field like any autosaved one (stale → conflict)."""
    value = st.session_state[key]
    value = tuple(value) if field == "evidence_ids" else value
    if view.saved:
        POINT.save(ctx, view.point, field, value)
        return
    try:
        ctx.require_edit()
        point = dataclasses.replace(view.point, **{field: value})
        repo.add(ctx.engine, ctx.owner, point, now=now(), request_id=f"case:{view.item.interview_id}:{view.item.id}")
    except SecondLookError as err:
        _errors()[view.item.id] = str(err)
        return
    _errors().pop(view.item.id, None)


def point_block(ctx, i: int, view: cv.PointView, summary: CaseSummary, data: m.WorkspaceData) -> None:
    item, point = view.item, view.point
    labels, by_id = derived(data, _evidence_maps)
    with st.container(border=True):
        head = st.columns([6, 2], vertical_alignment="center")
        head[0].markdown(f"**Point {i + 1}** · “{escape_markdown(item.wording)}”")
        with head[1]:
            text, colour = SOURCE_BADGE[item.source]
            st.badge(text, color=colour)
            if item.competency:
                st.caption(label(item.competency))
        proposed = [ev.id for ev in view.proposed if ev.id in labels]
        options = proposed + [i for i in labels if i not in proposed]
        chosen = [i for i in point.evidence_ids if i in labels]
        if view.saved:
            POINT.show_conflict(point)
        ev_key = f"case_ev_{item.id}_{point.version}_{int(view.saved)}"
        st.session_state.setdefault(ev_key, chosen)
        st.multiselect("Evidence for this point", options, format_func=labels.get, key=ev_key,
                       help="The strongest matches from your evidence bank come first.",
                       on_change=_save_point, args=(ctx, view, ev_key, "evidence_ids"), disabled=not ctx.can_edit)
        if view.saved:
            POINT.field_error(point, "evidence_ids")
        if not view.saved:
            st.caption("Suggested from your evidence bank — not saved yet. Change the choice or edit the paragraph "
                       "to keep it. The other strong matches are listed first in the picker.")
        if not view.on_topic:
            st.info(f"Nothing in your bank is tagged {label(item.competency)}, so these suggestions only share words "
                    "with the feedback. Cite them only if they truly answer it — this may be a gap to work on "
                    "(see the action plan).", icon=":material/lightbulb:")
        _paragraph(ctx, view, by_id)
        if message := _errors().get(item.id):
            st.error(message, icon=":material/error:")
        for w in summary.warnings:
            if w.point_index == i:
                icon = ":material/gpp_maybe:" if w.kind in ("no_evidence", "unknown_evidence") else ":material/blur_on:"
                quoted = f" — “{escape_markdown(w.sentence)}”" if w.kind == "vague" and w.sentence else ""
                st.warning(f"{escape_markdown(w.message)}{quoted}", icon=icon)


def _paragraph(ctx, view: cv.PointView, by_id: dict[int, m.Evidence]) -> None:
    point = view.point
    if view.saved and point.paragraph.strip():
        POINT.sync(point)
        POINT.draw(st.text_area, "Paragraph", ctx, point, "paragraph", height=200)
        if ctx.can_edit and st.button("Redraft from the chosen evidence", key=f"case_redraft_{point.id}",
                                      type="tertiary", icon=":material/restart_alt:"):
            POINT.save(ctx, point, "paragraph", "")  # a refusal shows next to the paragraph after the rerun
            st.rerun()
        return
    draft = draft_paragraph(view.item, [by_id[i] for i in point.evidence_ids if i in by_id])
    digest = hashlib.sha1(draft.encode()).hexdigest()[:10]
    key = f"case_par_{view.item.id}_{int(view.saved)}_{digest}"
    st.session_state.setdefault(key, draft)
    st.text_area("Paragraph", height=200, key=key, on_change=_save_point, args=(ctx, view, key, "paragraph"),
                 disabled=not ctx.can_edit, placeholder="Pick at least one piece of evidence to draft this point.")
    if view.saved:
        POINT.field_error(point, "paragraph")
    if draft:
        st.caption("Drafted from the chosen evidence, using only its own words — edit it freely.")


# ---------------------------------------------------------------- summary


def _utf8(build, summary: CaseSummary, title: str) -> bytes:
    return build(summary, title=title).encode("utf-8")


def summary_section(ctx, iv: m.Interview, summary: CaseSummary, letters: Sequence[m.Letter]) -> None:
    cols = st.columns(3)
    cols[0].metric("Words", summary.word_count, help="Aim for under 250: one strong example per point.",
                   delta="over 250" if summary.word_count > 250 else "under 250", delta_color="inverse"
                   if summary.word_count > 250 else "normal", delta_arrow="off")
    honesty = sum(w.kind in ("no_evidence", "unknown_evidence") for w in summary.warnings)
    vague = sum(w.kind == "vague" for w in summary.warnings)
    cols[1].metric("Points without evidence", honesty)
    cols[2].metric("Vague sentences", vague)
    for w in summary.warnings:
        where = "The whole summary" if w.point_index is None else f"Point {w.point_index + 1}"
        st.warning(f"**{where}:** {escape_markdown(w.message)}", icon=":material/warning:")
    if summary.ok:
        st.success("No warnings: every point cites evidence, and the sentences are specific.",
                   icon=":material/verified:")
    st.markdown(f"**Subject:** {escape_markdown(summary.subject)}")
    st.code(summary.text, language=None, wrap_lines=True)
    title = cv.summary_title(iv)
    slug = f"second-look-{iv.id}"
    cols = st.columns(4)
    # the files are built when a button is clicked (callables), not on every rerun
    cols[0].download_button("Plain text", functools.partial(_utf8, summary_text, summary, title), f"{slug}.txt",
                            "text/plain", key="case_dl_txt", icon=":material/description:", on_click="ignore")
    cols[1].download_button("Markdown", functools.partial(_utf8, summary_markdown, summary, title), f"{slug}.md",
                            "text/markdown", key="case_dl_md", icon=":material/markdown:", on_click="ignore")
    cols[2].download_button("Word (.docx)", functools.partial(summary_docx, summary, title=title), f"{slug}.docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            key="case_dl_docx", icon=":material/article:", on_click="ignore")
    saved = cv.saved_summary(letters, iv.id)
    if ctx.can_edit:
        with cols[3]:
            if st.button("Save as my letter", key="case_save_letter", type="primary", icon=":material/save:"):
                letter = m.Letter(interview_id=iv.id, kind="reconsideration", tone="formal",
                                  subject=summary.subject, body=summary.text)
                if _write(ctx, lambda: repo.update(ctx.engine, ctx.owner, dataclasses.replace(
                        saved, subject=letter.subject, body=letter.body), now=now()) if saved else repo.add(
                        ctx.engine, ctx.owner, letter, now=now(), request_id=f"case-letter:{iv.id}")):
                    st.toast("Saved.", icon=":material/save:")
                    st.rerun()
    if saved is not None:
        same = saved.body == summary.text
        st.caption("Saved letter: up to date." if same else "Saved letter: an older version — save again to "
                   "keep the current text.")


# ---------------------------------------------------------------- action plan


def actions_section(ctx, iv: m.Interview, data: m.WorkspaceData, today: dt.date) -> None:
    proposals = derived(data, _proposals, iv.id, today)
    if proposals and ctx.can_edit:
        st.markdown("**Proposed from the gaps of this interview**")
        keys = [f"case_prop_{iv.id}_{cv.action_request_id(a)[-10:]}" for a in proposals]
        for key, a in zip(keys, proposals, strict=True):
            gap = GAP_LABELS.get(a.gap_class or "", "")
            st.checkbox(f"{escape_markdown(a.title)} — due {a.due_on:%d %b}", value=True, key=key,
                        help=f"{label(a.competency)} · {gap}. {escape_markdown(a.detail)}")
        if st.button("Add the ticked actions to my plan", key="case_accept", icon=":material/playlist_add_check:"):
            picked = [a for key, a in zip(keys, proposals, strict=True) if st.session_state.get(key)]
            if _write(ctx, lambda: [repo.add(ctx.engine, ctx.owner, a, now=now(), request_id=cv.action_request_id(a))
                                    for a in picked]):
                st.rerun()
    elif not proposals:
        st.caption("No new actions to propose: the plan already covers this interview's gaps (or holds five "
                   "open actions for it — finish one first).")
    plan = cv.plan_for(data, iv.id)
    st.markdown("**My plan**")
    if not plan:
        st.caption("Nothing in the plan yet.")
    for a in plan:
        ACTION.sync(a)
        ACTION.show_conflict(a)
        cols = st.columns([8, 2, 1], vertical_alignment="center")
        with cols[0]:
            ACTION.draw(st.checkbox, escape_markdown(a.title), ctx, a, "done", help=escape_markdown(a.detail) or None)
        late = a.due_on is not None and a.due_on < today and not a.done
        cols[1].caption(("Overdue · " if late else "") + (f"due {a.due_on:%d %b %Y}" if a.due_on else "no date"))
        if ctx.can_edit and cols[2].button("", icon=":material/delete:", key=f"case_del_action_{a.id}",
                                           help="Remove from the plan", type="tertiary"):
            ACTION.delete(ctx, a)  # a refusal shows above the action after the rerun
            st.rerun()
    events = action_events(plan)
    if events:
        st.download_button("Add the open actions to my calendar", functools.partial(build_ics, events, now=now()),
                           f"action-plan-{iv.id}.ics", "text/calendar", key="case_dl_ics",
                           icon=":material/event:", on_click="ignore")
