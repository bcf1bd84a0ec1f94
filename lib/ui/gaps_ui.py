"""Widgets of the Gap scoring page: interview picker, cached per-interview score, headline, requirements
table with the "why" panel and corrections, the two kinds of gap and the competency map.

Corrections are stored as :class:`~lib.models.RequirementOverride` (one per interview and requirement):
created on the first change, updated with the version the page loaded (a stale save shows the conflict),
deleted when it no longer changes anything. Every write checks the role first; a coach sees no controls.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib

import streamlit as st
from sqlalchemy.exc import IntegrityError

from lib import charts, debrief
from lib import gap_overrides as go
from lib import gap_view as gv
from lib import models as m
from lib.competencies import KEYS
from lib.competencies import label as competency_label
from lib.errors import NotFound, SecondLookError
from lib.jd import ParsedJD, parse_jd
from lib.mdsafe import md as esc
from lib.scoring import InterviewScore, RequirementScore
from lib.storage import repo
from lib.ui import analysis_ui, store
from lib.ui.feedback_ui import pick_interview
from lib.ui.nav import link
from lib.ui.trends_ui import CHART_CONFIG

_ERR = "_gap_err"  # requirement key -> last save error
_FLASH = "_gap_flash"  # a one-off confirmation shown after a correction
BADGE = {"covered": "green", "partial": "orange", "gap": "red"}
GATE_ICON = {"met": ":material/check_circle:", "not met": ":material/cancel:", "can't tell": ":material/help:"}
CONFLICT = "This requirement was corrected in another tab meanwhile. The page now shows the saved version: try again."


# ---------------------------------------------------------------- picking and scoring


def pick(data: m.WorkspaceData) -> m.Interview | None:
    """The interview selectbox (newest first; ``?interview=ID`` selects one). Default: the newest with a JD."""
    ivs = debrief.newest_first(data.interviews)
    default = next((iv.id for iv in ivs if iv.jd_text.strip()), ivs[0].id if ivs else None)
    return pick_interview(ivs, default, key="gap_interview")


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def _parsed(jd_text: str) -> ParsedJD:
    return parse_jd(jd_text)


def scored(ctx, interview_id: int) -> tuple[ParsedJD, InterviewScore]:
    """The parsed JD and the score of one interview. The score comes from the per-interview cache that the
    Patterns page shares (:func:`lib.ui.analysis_ui.interview_score`, keyed by a hash of the interview's
    inputs), so a correction is scored on the next run and the two pages never score the same inputs
    twice."""
    data = ctx.data()
    iv = next((x for x in data.interviews if x.id == interview_id), None)
    if iv is None:
        raise NotFound(f"Interview {interview_id} was not found.")
    with st.spinner("Scoring this interview…"):
        score = analysis_ui.interview_score(ctx, interview_id)
    return _parsed(iv.jd_text), score


def no_jd_state(ctx, iv: m.Interview) -> None:
    st.info(f"“{esc(iv.title)}” has no job description yet. Gap scoring compares the job description with "
            "your evidence bank: paste or upload it on the Interviews page, then come back here.",
            icon=":material/description:")
    if ctx.can_edit:
        link("pages/interviews.py", "Add the job description", query_params={"interview": iv.id})


# ---------------------------------------------------------------- headline


def headline_section(score: InterviewScore) -> None:
    h = gv.headline(score)
    cols = st.columns(5)
    cols[0].metric("Fit", f"{h.fit_pct}%", help="How much of the job description your evidence covers, "
                   "weighted: must-haves count 1.0, responsibilities 0.6, nice-to-haves 0.4.")
    cols[1].metric("Must-haves covered", f"{h.must_pct}%", help="The same, over the must-haves only.")
    cols[2].metric("Covered", h.covered)
    cols[3].metric("Partly covered", h.partial)
    cols[4].metric("Gaps", h.gap)
    for g in h.unmet:
        st.warning(f"**Hard requirement not met — {esc(g.text)}.** {esc(g.reason)}", icon=GATE_ICON[g.status])
    others = [g for g in h.gates if g.status != "not met"]
    if others:
        with st.expander(h.gates_label):
            for g in others:
                st.markdown(f"{GATE_ICON[g.status]} **{esc(g.text)}** — {g.status}. {esc(g.reason)}")
    st.caption(f"Matched with {h.encoder}.")
    analysis_ui.show_fallback()


# ---------------------------------------------------------------- corrections


def _errors() -> dict:
    return st.session_state.setdefault(_ERR, {})


def _save(ctx, interview_id: int, original: m.Requirement, existing: m.RequirementOverride | None,
          widget: str | None = None, field: str | None = None, **change) -> None:
    """Apply one correction: create, update (with the loaded version) or delete the override."""
    try:
        ctx.require_edit()
        if widget is not None:
            change[field] = st.session_state[widget]
        new = go.changed_override(existing, interview_id, original, **change)
        if existing is None:
            if not go.is_empty(new):
                saved = repo.add(ctx.engine, ctx.owner, new, now=store.now(),
                                 request_id=f"gap-override:{interview_id}:{original.key}")
                if dataclasses.replace(saved, id=None, version=0) != new:
                    raise IntegrityError("override exists", None, Exception())
        elif go.is_empty(new):
            repo.delete(ctx.engine, ctx.owner, m.RequirementOverride, existing.id, now=store.now(),
                        version=existing.version)
        else:
            repo.update(ctx.engine, ctx.owner, new, now=store.now())
    except IntegrityError:
        _errors()[original.key] = CONFLICT
        return
    except SecondLookError as err:
        _errors()[original.key] = str(err)
        return
    _errors().pop(original.key, None)
    st.session_state[_FLASH] = _confirmation(change)


def _confirmation(change: dict) -> str:
    if change.get("ignored") is True:
        return "Ignored: it no longer counts. Restore it under “Ignored requirements”."
    if change.get("ignored") is False:
        return "Restored: it counts again."
    if "exclude" in change:
        return "That evidence no longer counts for this requirement."
    if "include" in change:
        return "That evidence counts again."
    return "Saved: the scores now use your correction."


def _controls(ctx, iv: m.Interview, rs: RequirementScore, original: m.Requirement,
              existing: m.RequirementOverride | None, data: m.WorkspaceData) -> None:
    st.markdown("**Correct this requirement**")
    st.caption("Your corrections apply to this interview only and change the scores straight away.")
    base = (ctx, iv.id, original, existing)
    tag = f"{iv.id}_{original.key}_{existing.version if existing else 0}"
    cols = st.columns([2, 3, 2], vertical_alignment="bottom")
    kinds = list(m.RequirementKind)
    kind_key = f"gap_kind_{tag}"
    cols[0].selectbox("Kind", kinds, index=kinds.index(rs.requirement.kind), format_func=gv.KIND_LABELS.get,
                      key=kind_key, on_change=_save, args=base, kwargs={"widget": kind_key, "field": "kind"})
    comps = ["", *KEYS]
    current = rs.requirement.competency or ""
    comp_key = f"gap_comp_{tag}"
    cols[1].selectbox("Competency", comps, index=comps.index(current) if current in comps else 0,
                      format_func=_competency_name, key=comp_key,
                      on_change=_save, args=base, kwargs={"widget": comp_key, "field": "competency"})
    cols[2].button("Ignore it", key=f"gap_ignore_{tag}", icon=":material/visibility_off:", on_click=_save,
                   args=base, kwargs={"ignored": True}, help="Drop this line from the scores (for example, "
                   "it is not a real requirement).", width="stretch")
    for ref in go.excluded_titles(existing, data):
        c = st.columns([6, 2], vertical_alignment="center")
        c[0].caption(f"Marked not relevant here: {esc(ref.title)}")
        c[1].button("Count it again", key=f"gap_incl_{tag}_{ref.evidence_id}", on_click=_save, args=base,
                    kwargs={"include": ref.evidence_id}, type="tertiary", icon=":material/undo:")
    if message := _errors().pop(original.key, None):
        st.error(esc(message), icon=":material/error:")


def ignored_section(ctx, iv: m.Interview, parsed: ParsedJD, data: m.WorkspaceData) -> None:
    ignored = go.ignored_requirements(parsed.requirements, data.overrides, iv.id)
    if not ignored:
        return
    with st.expander(f"Ignored requirements ({len(ignored)})", icon=":material/visibility_off:"):
        for req in ignored:
            existing = go.find_override(data.overrides, iv.id, req.key)
            c = st.columns([6, 2], vertical_alignment="center")
            c[0].markdown(esc(req.text))
            if ctx.can_edit:
                c[1].button("Restore", key=f"gap_restore_{iv.id}_{req.key}", on_click=_save,
                            args=(ctx, iv.id, req, existing), kwargs={"ignored": False}, icon=":material/undo:")
            if message := _errors().pop(req.key, None):
                st.error(esc(message), icon=":material/error:")


# ---------------------------------------------------------------- requirements table and the "why" panel


def _picked(table_key: str, pick_key: str, keys: tuple[str, ...]) -> None:
    """A row selected in the table becomes the requirement explained below it."""
    rows = st.session_state[table_key].selection.rows
    if rows and rows[0] < len(keys):
        st.session_state[pick_key] = keys[rows[0]]


def _short(texts: dict[str, str], key: str) -> str:
    return gv.shorten(texts.get(key, key), 110)


def _competency_name(key: str) -> str:
    return competency_label(key) if key else "— none —"


def requirements_section(ctx, iv: m.Interview, parsed: ParsedJD, score: InterviewScore, data: m.WorkspaceData) -> None:
    if flash := st.session_state.pop(_FLASH, None):
        st.toast(flash, icon=":material/check:")
    if not score.requirements:
        st.info("No requirements were found in this job description (or all of them are ignored).")
        ignored_section(ctx, iv, parsed, data)
        return
    frame = gv.requirement_frame(score, data)
    keys = list(frame["key"])
    pick_key = f"gap_req_{iv.id}"
    if st.session_state.get(pick_key) not in keys:
        st.session_state[pick_key] = gv.default_key(score)
    table_key = "gap_table_" + hashlib.sha1("|".join(keys).encode()).hexdigest()[:10]

    st.caption("Select a row to see why it scored as it did.")
    st.dataframe(frame, key=table_key, height=min(38 + 35 * len(frame), 640), on_select=functools.partial(_picked, table_key, pick_key, tuple(keys)), selection_mode="single-row", hide_index=True,
                 column_order=gv.FRAME_COLUMNS[1:], column_config={
                     "Requirement": st.column_config.TextColumn(width=270, pinned=True),
                     "Kind": st.column_config.TextColumn(width=100),
                     "Competency": st.column_config.TextColumn(width=130),
                     "Best evidence": st.column_config.TextColumn(width=170),
                     "Weight": st.column_config.NumberColumn(format="%.1f", width=60,
                                                             help="must-have 1.0 · responsibility 0.6 · nice-to-have 0.4"),
                     "Coverage": st.column_config.ProgressColumn(format="%d%%", min_value=0, max_value=100, width=90),
                     "Status": st.column_config.MultiselectColumn(
                         options=list(gv.STATUS_LABELS), format_func=gv.STATUS_LABELS.get,
                         color=gv.STATUS_COLOURS),
                 })
    texts = {r.requirement.key: r.requirement.text for r in score.requirements}
    st.selectbox("Explain this requirement", keys, key=pick_key, format_func=functools.partial(_short, texts))
    rs = next(r for r in score.requirements if r.requirement.key == st.session_state[pick_key])
    why_panel(ctx, iv, rs, parsed, data, score.gates)
    ignored_section(ctx, iv, parsed, data)


def why_panel(ctx, iv: m.Interview, rs: RequirementScore, parsed: ParsedJD, data: m.WorkspaceData,
              gates=()) -> None:
    w = gv.explain(rs, data, parsed.text, gates)
    original = next((r for r in parsed.requirements if r.key == w.key), rs.requirement)
    existing = go.find_override(data.overrides, iv.id, w.key)
    with st.container(border=True, key="gap_why"):
        head = st.columns([8, 2], vertical_alignment="center")
        head[0].markdown(f"#### {esc(w.text)}")
        with head[1]:
            st.badge(w.status, color=BADGE.get(rs.label, "gray"))
        st.caption(f"{w.kind}" + (f" · under “{esc(w.section)}”" if w.section else "")
                   + (" · corrected by you" if existing else ""))
        st.markdown(w.summary)
        if w.gate_note:
            st.success(esc(w.gate_note), icon=":material/verified:")
        for g in w.gates:
            if not w.gate_note or g.status != "met":
                hint = " If you meet it, you can ignore this line below." if ctx.can_edit and g.status == "can't tell" else ""
                st.info(f"A hard requirement — **{esc(g.text)}**: {g.status}. {esc(g.reason)}{hint}",
                        icon=GATE_ICON[g.status])
        if w.matched_terms:
            st.markdown("**Named in your evidence:** " + esc(", ".join(w.matched_terms)))
        if w.missing_terms:
            st.markdown("**Not named anywhere in your evidence:** " + esc(", ".join(w.missing_terms)))
        st.markdown("**Closest evidence**" if w.hits else "**Closest evidence:** none of your evidence comes near it.")
        for i, h in enumerate(w.hits, 1):
            c = st.columns([8, 2], vertical_alignment="top")
            c[0].markdown(f"{i}. **{esc(h.source)}** — {h.strength} match: counts {h.score_pct}% "
                          f"(wording similarity {h.similarity_pct}%)")
            if h.excerpt:
                c[0].caption(esc(h.excerpt))
            if ctx.can_edit and h.evidence_id is not None:
                c[1].button("Not relevant", key=f"gap_excl_{iv.id}_{w.key}_{h.evidence_id}", on_click=_save,
                            args=(ctx, iv.id, original, existing), kwargs={"exclude": h.evidence_id},
                            type="tertiary", icon=":material/block:",
                            help="Stop counting this evidence for this requirement.")
        if w.context.match:
            st.markdown("**Where it sits in the job description**")
            st.markdown(gv.context_markdown(w.context))
        if ctx.can_edit:
            st.divider()
            _controls(ctx, iv, rs, original, existing, data)


# ---------------------------------------------------------------- the two kinds of gap and the chart


def gaps_section(iv: m.Interview, score: InterviewScore, data: m.WorkspaceData) -> None:
    groups = gv.gap_groups(score, data)
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("Skill gaps", anchor=False)
        st.caption("Not evidenced in your bank yet: things to build (a course, a project, a story to collect).")
        if not groups.skill:
            st.success("None: your bank has evidence for everything this job asks.", icon=":material/task_alt:")
        for g in groups.skill:
            with st.container(border=True):
                st.markdown(f":material/construction: **{esc(g.label)}**")
                st.caption(esc(g.why))
                for text in g.requirements:
                    st.markdown(f"- {esc(text)}")
    with right:
        st.subheader("Demonstration gaps", anchor=False)
        st.caption("You have the evidence, but the interview did not show it: the material for a second look.")
        if not groups.demonstration:
            st.success("None: what your bank evidences, the interview showed.", icon=":material/task_alt:")
        for d in groups.demonstration:
            with st.container(border=True):
                st.markdown(f":material/record_voice_over: **{esc(d.label)}**"
                            + (" · :orange-badge[the employer mentioned it]" if d.flagged else ""))
                st.caption(esc(d.why))
                if d.evidence:
                    st.markdown("You could have told: " + "; ".join(f"“{esc(e.title)}”" for e in d.evidence))
        if groups.demonstration:
            link("pages/case.py", "Build the second-look case", query_params={"interview": iv.id})


def quadrant_section(score: InterviewScore) -> None:
    st.caption("Each dot is a competency: how well your bank evidences it (across) against how well the "
               "interview showed it (up, from your self-ratings). Hollow dots were not asked.")
    st.plotly_chart(charts.competency_quadrant(score.competencies), key="gap_quadrant", config=CHART_CONFIG,
                    theme=None)
    frame = gv.competency_frame(score)
    if not frame.empty:
        st.dataframe(frame, hide_index=True, key="gap_competencies", column_config={
            "In your bank": st.column_config.NumberColumn(format="%d%%"),
            "Shown in the interview": st.column_config.NumberColumn(format="%d%%", help="Empty: not asked or not rated."),
        })
