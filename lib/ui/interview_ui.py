"""Widgets of the Interviews page: pick or create an interview, its details (autosaved), deletion, and
the summary header. The script and the appraisal live in :mod:`lib.ui.interview_script_ui`, the job description in
:mod:`lib.ui.interview_jd_ui`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import streamlit as st

from lib import debrief
from lib import models as m
from lib.competencies import label as comp_label
from lib.errors import SecondLookError, ValidationError
from lib.mdsafe import md as escape_markdown
from lib.storage import repo
from lib.ui.autosave import Autosave, Field, OnConflict, show_gone
from lib.ui.guard import Context
from lib.ui.store import now, today
from lib.ui.widgets import OUTCOME_BADGES, form_saved, outcome_badge, request_id, stage_label

NEW = "new"
PICK_KEY = "iv_pick"
SELECTED = "_iv_selected"
FLASH = "_iv_flash"
DONE = "_iv_done"
NEW_ERRORS = "_iv_new_errors"
DATES = {"min_value": dt.date(1950, 1, 1), "max_value": dt.date(2100, 12, 31), "format": "DD/MM/YYYY"}

def outcome_label(o: m.Outcome) -> str:
    return OUTCOME_BADGES.get(o, (str(o), ""))[0]


# ---------------------------------------------------------------- picking and creating


def _pick_label(names: dict, option) -> str:  # module-level: format_func must pickle
    return "+ Log a new interview" if option == NEW else names.get(option, str(option))


def _furthest_label(stage) -> str:
    return "The last stage attended (first interview if none is ticked)" if stage is None else stage_label(stage)


def _remember_pick() -> None:
    st.session_state[SELECTED] = st.session_state.get(PICK_KEY)


def pick_interview(ctx: Context, data: m.WorkspaceData) -> m.Interview | None:
    """The selectbox (newest first, plus "New interview" for an owner). None means "new"."""
    ivs = debrief.newest_first(data.interviews)
    by_id = {iv.id: iv for iv in ivs}
    options: list = [iv.id for iv in ivs] + ([NEW] if ctx.can_edit else [])
    if not options:
        st.info("No interviews have been shared with you yet.")
        st.stop()
    asked = st.query_params.get("interview")  # ?interview=<id> from another page's link
    if asked is not None:
        del st.query_params["interview"]
        if asked.isdigit() and int(asked) in by_id:
            _select(int(asked))
    if st.session_state.get(PICK_KEY) not in options:
        want = st.session_state.get(SELECTED)
        st.session_state[PICK_KEY] = want if want in options else options[0]
    names = {iv.id: debrief.interview_label(iv) for iv in ivs}
    st.selectbox("Interview", options, key=PICK_KEY, on_change=_remember_pick,
                 format_func=functools.partial(_pick_label, names))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.error(flash, icon=":material/error:")
    show_gone()
    done = st.session_state.pop(DONE, None)
    if done:
        st.success(done, icon=":material/check:")
    return by_id.get(st.session_state[PICK_KEY])


def _select(iv_id) -> None:
    st.session_state[SELECTED] = iv_id
    st.session_state[PICK_KEY] = iv_id


def _create(ctx: Context) -> None:
    s = st.session_state
    try:
        ctx.require_edit()
        iv = debrief.new_interview(s.get("iv_new_company", ""), s.get("iv_new_role", ""), s.get("iv_new_date"),
                                   s.get("iv_new_stages", ()), s.get("iv_new_furthest"))
        saved = repo.add(ctx.engine, ctx.owner, iv, now=now(), request_id=request_id("iv_new"))
    except ValidationError as err:
        s[NEW_ERRORS] = {err.field: err.message}
        return
    except SecondLookError as err:
        s[NEW_ERRORS] = {"": str(err)}
        return
    form_saved("iv_new")
    s[NEW_ERRORS] = {}
    for k in ("iv_new_company", "iv_new_role", "iv_new_stages", "iv_new_furthest"):
        s.pop(k, None)
    _select(saved.id)


def new_interview_form(ctx: Context) -> None:
    """Only the required fields; everything else is edited (and autosaved) once the interview exists."""
    errs = st.session_state.get(NEW_ERRORS, {})

    def err(name: str) -> None:
        if errs.get(name):
            st.error(errs[name], icon=":material/error:")

    with st.form("iv_new_form"):
        st.subheader("Log a new interview")
        c1, c2 = st.columns(2)
        with c1:
            st.text_input("Company", key="iv_new_company", max_chars=m.MAX_TITLE)
            err("company")
        with c2:
            st.text_input("Role", key="iv_new_role", max_chars=m.MAX_TITLE)
            err("role")
        c1, c2, c3 = st.columns(3)
        with c1:
            st.date_input("Interview date", value=today(), key="iv_new_date", **DATES)
            err("interview_date")
        with c2:
            st.multiselect("Stages attended", list(m.Stage), key="iv_new_stages", format_func=stage_label,
                           placeholder="Choose stages")
            err("stages")
        with c3:
            st.selectbox("Furthest stage reached", [None, *m.Stage], key="iv_new_furthest",
                         format_func=_furthest_label)
            err("furthest_stage")
        err("")
        st.caption("The questions, your notes and the job description come next, once the interview exists.")
        st.form_submit_button("Create interview", type="primary", on_click=_create, args=(ctx,), key="iv_new_submit")


# ---------------------------------------------------------------- the summary header


def _competency_badges(summary: debrief.ScriptSummary) -> str:
    def colour(mean: float | None) -> str:
        if mean is None:
            return "gray"
        return "green" if mean >= 4 else "red" if mean <= 2 else "orange"

    return " ".join(f":{colour(t.mean_rating)}-badge[{escape_markdown(comp_label(t.key))} ×{t.questions}]"
                    for t in summary.competencies)


def summary_header(iv: m.Interview, summary: debrief.ScriptSummary) -> None:
    """Average rating, best and worst answers, competencies touched — the debrief in one glance."""
    head, badge = st.columns([5, 1], vertical_alignment="center")
    head.caption(f"{iv.interview_date:%d %b %Y} · furthest stage: {stage_label(iv.furthest_stage)}"
                 + (f" · decided {iv.decided_on:%d %b %Y}" if iv.decided_on else ""))
    with badge:
        outcome_badge(iv.outcome)
    cols = st.columns(3)
    cols[0].metric("Questions", summary.n_questions)
    cols[1].metric("Rated", f"{summary.n_rated} of {summary.n_questions}")
    cols[2].metric("Average self-rating", f"{summary.mean_rating:.1f} / 5" if summary.mean_rating else "—")
    if summary.best is not None:
        with st.container(border=True):
            st.markdown(f"**Best answer** {debrief.stars(summary.best.rating)} — "
                        f"{escape_markdown(summary.best.question)}")
            if summary.worst is not None:
                st.markdown(f"**Weakest answer** {debrief.stars(summary.worst.rating)} — "
                            f"{escape_markdown(summary.worst.question)}")
            if summary.competencies:
                st.markdown("**Competencies touched** " + _competency_badges(summary))
    elif summary.n_questions:
        st.info("Rate your answers (1–5 stars) to see your best and weakest ones here.")


# ---------------------------------------------------------------- details (autosaved)


def _stages_adjust(iv: m.Interview) -> m.Interview:
    stages = debrief.sorted_stages(iv.stages)
    furthest = iv.furthest_stage
    if stages and debrief.stage_rank(debrief.furthest_of(stages)) > debrief.stage_rank(furthest):
        furthest = debrief.furthest_of(stages)
    return dataclasses.replace(iv, stages=stages, furthest_stage=furthest)


def _furthest_check(iv: m.Interview) -> m.Interview:
    debrief.check_stages(iv.stages, iv.furthest_stage)
    return iv


INTERVIEW = Autosave("as_{type}_{id}", (
    Field("company"), Field("role"), Field("interview_date"), Field("decided_on"),
    Field("stages", list, tuple, adjust=_stages_adjust), Field("furthest_stage", adjust=_furthest_check),
    Field("outcome"), Field("interviewers", debrief.format_interviewers, debrief.parse_interviewers),
    Field("notes"), Field("jd_text", label="job description"), Field("appraisal")), OnConflict.REFILL)


def details_editor(ctx: Context, iv: m.Interview) -> None:
    INTERVIEW.sync(iv)
    c1, c2 = st.columns(2)
    with c1:
        INTERVIEW.draw(st.text_input, "Company", ctx, iv, "company", max_chars=m.MAX_TITLE)
    with c2:
        INTERVIEW.draw(st.text_input, "Role", ctx, iv, "role", max_chars=m.MAX_TITLE)
    c1, c2, c3 = st.columns(3)
    with c1:
        INTERVIEW.draw(st.date_input, "Interview date", ctx, iv, "interview_date", **DATES)
    with c2:
        INTERVIEW.draw(st.selectbox, "Outcome", ctx, iv, "outcome", options=list(m.Outcome), format_func=outcome_label)
    with c3:
        INTERVIEW.draw(st.date_input, "Decision arrived on", ctx, iv, "decided_on",
                       help="Leave empty while you wait.", **DATES)
    c1, c2 = st.columns([2, 1])
    with c1:
        INTERVIEW.draw(st.multiselect, "Stages attended", ctx, iv, "stages", options=list(m.Stage),
                       format_func=stage_label, placeholder="Choose stages")
    with c2:
        INTERVIEW.draw(st.selectbox, "Furthest stage reached", ctx, iv, "furthest_stage", options=list(m.Stage),
                       format_func=stage_label)
    INTERVIEW.draw(st.text_input, "Interviewers (comma separated)", ctx, iv, "interviewers",
                   help="Adding job titles? Separate people with semicolons: Ana Ruiz, Recruiter; Bo Lind, Head of Data")
    INTERVIEW.draw(st.text_area, "Notes", ctx, iv, "notes", height=120)


def details_view(iv: m.Interview) -> None:
    """The coach's read-only view of the same details."""
    st.markdown(f"**Stages attended:** {', '.join(stage_label(s) for s in iv.stages) or '—'}  \n"
                f"**Outcome:** {outcome_label(iv.outcome)}  \n"
                f"**Interviewers:** {escape_markdown(', '.join(iv.interviewers)) or '—'}")
    for title, text in (("Notes", iv.notes), ("Job description", iv.jd_text)):
        if text.strip():
            st.caption(title)
            with st.container(height=220 if len(text) > 800 else "content", border=True):
                st.markdown(escape_markdown(text))


# ---------------------------------------------------------------- deletion


def _delete(ctx: Context, iv: m.Interview) -> None:
    if not INTERVIEW.delete(ctx, iv):
        return
    st.session_state.pop(SELECTED, None)
    st.session_state.pop(PICK_KEY, None)
    st.session_state[DONE] = f"Deleted “{escape_markdown(iv.title)}”."


def delete_section(ctx: Context, iv: m.Interview) -> None:
    with st.expander("Delete this interview", icon=":material/delete:"):
        st.write("This removes the interview with its questions, contacts, feedback and drafts.")
        ok = st.checkbox("Yes, delete it for good", key=f"iv_delete_ok_{iv.id}")
        st.button("Delete interview", type="primary", disabled=not ok, key=f"iv_delete_{iv.id}",
                  on_click=_delete, args=(ctx, iv))

