"""Widgets of the One-page PDF screen: the options row, the cached PDF, and an HTML-free preview.

The preview shows the same content as the PDF (:class:`lib.onepager.OnePagerData`) as Streamlit
elements; the PDF itself is only downloaded (``st.pdf`` needs the ``streamlit[pdf]`` extra, which this
project does not ship). The PDF bytes are cached per session, keyed by database, owner, data version,
the coach's share scope, interview and options, so an edit anywhere gives a fresh PDF on the next view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from lib import models as m
from lib.mdsafe import md as escape_markdown
from lib.onepager import OnePagerData, Point, render_onepager
from lib.onepager_build import build_onepager_data
from lib.palette import GAP_LABELS, normalise_gap_class
from lib.scoring import InterviewScore
from lib.storage import workspace
from lib.ui import analysis_ui, store

PAPERS: dict[str, str] = {"a4": "A4", "letter": "US Letter"}
_BADGE_COLOURS = {"demonstration_gap": "orange", "skill_gap": "red", "not_assessed": "gray", "strength": "green"}


def interview_label(iv: m.Interview) -> str:
    return f"{iv.role} · {iv.company} · {iv.interview_date:%d %b %Y} · {iv.outcome.value}"


def options(interviews: Sequence[m.Interview], default_id: int | None) -> tuple[m.Interview, str, bool]:
    """The interview picker (most recent first), the paper size and the comments switch."""
    ordered = sorted(interviews, key=lambda iv: (iv.interview_date, iv.id or 0), reverse=True)
    by_id = {iv.id: iv for iv in ordered}
    labels = {iv.id: interview_label(iv) for iv in ordered}  # a dict's .get pickles (session state is checked)
    ids = list(by_id)
    left, mid, right = st.columns([4, 2, 2], vertical_alignment="bottom")
    chosen = left.selectbox("Interview", ids, index=ids.index(default_id) if default_id in ids else 0,
                            format_func=labels.get, key="op_interview")
    paper = mid.segmented_control("Paper size", list(PAPERS), format_func=PAPERS.get, default="a4",
                                  key="op_paper", required=True)
    comments = right.toggle("Include coach comments", value=True, key="op_comments")
    return by_id[chosen], paper or "a4", comments


@st.cache_data(scope="session", max_entries=16, show_spinner="Drawing the page…")
def _pdf(url: str, owner: str, version: int, scope: tuple[int, ...], interview_id: int, paper: str,
         include_comments: bool, today: dt.date, author: str, _data: m.WorkspaceData,
         _score: InterviewScore | None) -> tuple[bytes, OnePagerData]:
    content = build_onepager_data(_data, interview_id, _score, today=today, author=author,
                                  include_comments=include_comments)
    return render_onepager(content, paper=paper, include_comments=include_comments, created_at=store.now()), content


def _keys(ctx) -> tuple[str, str, int, tuple[int, ...]]:
    version = workspace.data_version(ctx.engine, ctx.owner)
    scope = tuple(sorted(ctx.share.interview_ids)) if ctx.share is not None else ()
    return ctx.engine.url.render_as_string(hide_password=True), ctx.owner, version, scope


def interview_score(ctx, data: m.WorkspaceData, interview_id: int) -> InterviewScore:
    """The gap score of one interview, from the per-interview cache the Gap scoring and Patterns pages
    share (only this interview is scored: a first visit does not wait for the whole workspace)."""
    return analysis_ui.interview_score(ctx, interview_id)


def one_pager(ctx, data: m.WorkspaceData, interview_id: int, score: InterviewScore | None, paper: str,
              include_comments: bool) -> tuple[bytes, OnePagerData]:
    """The PDF bytes and the content they show (cached until the next write to the workspace)."""
    url, owner, version, scope = _keys(ctx)
    return _pdf(url, owner, version, scope, interview_id, paper, include_comments, store.today(),
                ctx.display_name, data, score)


# ---------------------------------------------------------------- preview


def _md(text: str) -> str:
    return escape_markdown(" ".join(text.split()))


def _point(p: Point, *, is_gap: bool) -> None:
    with st.container(border=True):
        st.markdown(f"**{_md(p.headline)}**")
        if is_gap:
            cls = normalise_gap_class(p.gap_class)
            st.badge(GAP_LABELS[cls], color=_BADGE_COLOURS[cls])
        if p.detail:
            st.markdown(_md(p.detail))
        if p.tag:
            st.caption(f"Question: {_md(p.tag)}")


def _points(title: str, points: Sequence[Point], *, is_gap: bool, empty: str) -> None:
    st.subheader(title, divider="green" if not is_gap else "orange")
    if not points:
        st.caption(empty)
    for p in points:
        _point(p, is_gap=is_gap)


def _header(c: OnePagerData) -> None:
    st.caption(f"{_md(c.company)} · {c.interview_date:%d %b %Y} · furthest stage: {_md(c.furthest_stage)} · "
               f"{_md(c.outcome)}")
    cols = st.columns(3)
    covered, partial, gap = c.coverage_counts
    cols[0].metric("Fit to the job", "—" if c.fit is None else f"{c.fit:.0%}",
                   help="Weighted share of the job description's requirements your evidence covers.")
    cols[1].metric("Must-haves covered", "—" if c.must_coverage is None else f"{c.must_coverage:.0%}")
    total = covered + partial + gap
    cols[2].metric("Requirements covered", f"{covered} of {total}" if total else "—",
                   help=f"{partial} more partly covered, {gap} not covered." if total else None)
    if c.fit is None:
        st.caption("No job description scored for this interview: the page shows your ratings and evidence only.")


def _bars(c: OnePagerData) -> None:
    st.subheader("Competencies", divider="blue")
    if not c.competencies:
        st.caption("No competencies tagged on this interview's questions or job description yet.")
        return
    st.caption("For each competency: how much evidence your bank holds, and how well the interview showed it.")
    for b in c.competencies:
        cls = normalise_gap_class(b.gap_class)
        name, bank, shown = st.columns([5, 4, 4], vertical_alignment="center")
        name.markdown(f"**{_md(b.label)}**  \n:{_BADGE_COLOURS[cls]}[{GAP_LABELS[cls]}]")
        bank.progress(b.evidence, text=f"Evidence {b.evidence:.0%}")
        if b.demonstration is None:
            shown.caption("Not asked")
        else:
            shown.progress(b.demonstration, text=f"Shown {b.demonstration:.0%}")


def _loop(c: OnePagerData, include_comments: bool) -> None:
    if c.employer_points:
        st.subheader("The employer’s 3 things", divider="blue")
        for i, text in enumerate(c.employer_points[:3], 1):
            st.markdown(f"{i}\\. {_md(text)}")
    st.subheader("Action plan", divider="green")
    if not c.actions:
        st.caption("No next steps yet: add three to five on the Second-look case page.")
    for a in c.actions:
        due = "done" if a.done else (f"by {a.due:%d %b}" if a.due else "")
        box = ":material/check_box:" if a.done else ":material/check_box_outline_blank:"
        st.markdown(f"{box} {_md(a.text)}" + (f" — *{due}*" if due else ""))
    st.subheader("Feedback request", divider="orange")
    st.markdown(_md(c.feedback_status) if c.feedback_status else "No feedback request recorded yet.")
    if include_comments and c.comments:
        st.subheader("Coach’s comments", divider="gray")
        for com in c.comments:
            st.markdown(f"> {_md(com.text)}")
            st.caption(f"— {_md(com.author)}")


def preview(c: OnePagerData, include_comments: bool) -> None:
    """The page's content as Streamlit elements, in the PDF's reading order."""
    _header(c)
    left, right = st.columns(2, gap="large")
    with left:
        _points("What went right", c.strengths, is_gap=False, empty="No strengths recorded yet: rate your answers.")
    with right:
        _points("What went wrong", c.gaps, is_gap=True, empty="No gaps found: rate your answers 1–5 to find them.")
    left, right = st.columns(2, gap="large")
    with left:
        _bars(c)
    with right:
        _loop(c, include_comments)
