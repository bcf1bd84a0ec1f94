"""Property test: whatever text people type, the PDF renders and stays on one page."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.onepager import (
    ActionLine,
    CommentLine,
    CompetencyBar,
    OnePagerData,
    Point,
    plan_onepager,
    render_onepager,
)

from .helpers import NOW, layout_problems, metrics, reader

NASTY = [
    "\u201csmart quotes\u201d", "en \u2013 em \u2014 dash", "caf\u00e9 na\u00efve", "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1",
    "\u041c\u043e\u0441\u043a\u0432\u0430", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\u4f60\u597d\u4e16\u754c", "\U0001f600\U0001f680\U0001f469\u200d\U0001f4bb", "zero\u200bwidth", "\u202eevil\u202c",
    "nul\x00byte", "tab\there\nnew line", "line\n" * 500, "\ud800", "\ufeff", "x" * 3000, "\u0301\u0301\u0301",
]

texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=80),
    st.lists(st.sampled_from(NASTY), max_size=6).map(" ".join),
)
short_lists = lambda elements: st.lists(elements, max_size=8)  # noqa: E731
points = st.builds(Point, texts, texts, texts, st.sampled_from(["", "skill", "demonstration_gap", "strength"]))
fractions = st.floats(0, 1)


@st.composite
def page_data(draw) -> OnePagerData:
    many = draw(st.booleans())
    count = 500 if many else None
    return OnePagerData(
        title=draw(texts),
        company=draw(texts),
        interview_date=dt.date(2026, 10, 1),
        furthest_stage=draw(texts),
        outcome=draw(texts),
        fit=draw(st.none() | fractions),
        must_coverage=draw(st.none() | fractions),
        coverage_counts=draw(st.tuples(*[st.integers(0, 10**6)] * 3)),
        strengths=tuple(draw(short_lists(points))) * (count or 1),
        gaps=tuple(draw(short_lists(points))),
        competencies=tuple(draw(short_lists(st.builds(CompetencyBar, texts, fractions, st.none() | fractions, texts)))),
        employer_points=tuple(draw(short_lists(texts))),
        actions=tuple(draw(short_lists(st.builds(ActionLine, texts, st.none() | st.dates(dt.date(2000, 1, 1)),
                                                 st.booleans())))) * (count or 1),
        feedback_status=draw(texts),
        comments=tuple(draw(short_lists(st.builds(CommentLine, texts, texts)))),
        author=draw(texts),
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=page_data(), paper=st.sampled_from(["a4", "letter"]), comments=st.booleans())
def test_hostile_text_never_breaks_the_page(data, paper, comments):
    pdf = render_onepager(data, paper=paper, include_comments=comments, created_at=NOW)
    assert len(reader(pdf).pages) == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=page_data(), paper=st.sampled_from(["a4", "letter"]), comments=st.booleans())
def test_hostile_text_never_overlaps_or_leaves_the_page(data, paper, comments):
    page = plan_onepager(data, metrics(paper), paper=paper, include_comments=comments, today=NOW.date())
    assert page.fits
    assert layout_problems(page) == []
