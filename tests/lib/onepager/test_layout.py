"""The fit-to-one-page search, checked on the laid-out operations (no PDF needed)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lib.onepager import (
    ActionLine,
    CommentLine,
    CompetencyBar,
    OnePagerData,
    Point,
    plan_onepager,
    sample_onepager_data,
)
from lib.onepager.page import BODY_SIZES, START_LIMITS

from .helpers import TODAY, layout_problems, metrics, text_ops

LONG_WORD = "y" * 10_000


def plan(data: OnePagerData, paper: str = "a4", include_comments: bool = True):
    return plan_onepager(data, metrics(paper), paper=paper, include_comments=include_comments, today=TODAY)


def texts(page) -> str:
    return "\n".join(op.text for op in text_ops(page))


def crowded(n: int) -> OnePagerData:
    return OnePagerData(
        title="Analyst " * 40,
        company=LONG_WORD,
        interview_date=dt.date(2026, 11, 1),
        strengths=tuple(Point(f"Strength number {i}", "detail " * 60, "question " * 20) for i in range(n)),
        gaps=tuple(Point(LONG_WORD, LONG_WORD, LONG_WORD, "skill gap") for _ in range(n)),
        competencies=tuple(CompetencyBar(f"Competency {i} " + "z" * 80, 0.5, 0.4, "skill") for i in range(n)),
        employer_points=tuple("point " * 80 for _ in range(n)),
        actions=tuple(ActionLine(LONG_WORD, dt.date(2027, 1, 1), i % 2 == 0) for i in range(n)),
        feedback_status="status " * 300,
        comments=tuple(CommentLine("Coach " * 30, "comment " * 100) for _ in range(n)),
        author=LONG_WORD,
    )


def test_sample_fits_at_full_size_without_cutting_anything():
    page = plan(sample_onepager_data(TODAY))
    assert page.fits
    assert page.body_size == BODY_SIZES[0]
    assert page.limits == START_LIMITS
    assert "more)" not in texts(page)
    assert layout_problems(page) == []


def test_crowded_page_shrinks_then_cuts_and_says_so():
    page = plan(crowded(500))
    assert page.fits
    assert page.body_size == BODY_SIZES[-1]
    assert layout_problems(page) == []
    body = texts(page)
    strengths_shown = page.limits["strengths"].cap
    assert f"\u2026({500 - strengths_shown} more)" in body
    assert "\u2026(" in body


def test_shrinking_comes_before_cutting():
    # a moderately full page: smaller type, but every entry still there
    base = sample_onepager_data(TODAY)
    fuller = dataclasses.replace(base, strengths=base.strengths + base.strengths[:1], gaps=base.gaps + base.gaps[:1],
                                 actions=base.actions + base.actions[:1])
    page = plan(fuller)
    assert page.fits
    assert page.body_size < BODY_SIZES[0]
    assert "more)" not in texts(page)


def test_every_paper_and_load_keeps_text_apart_and_inside_the_page():
    for paper in ("a4", "letter"):
        for data in (crowded(1), crowded(7), crowded(60), OnePagerData.empty(TODAY), sample_onepager_data(TODAY)):
            page = plan(data, paper)
            assert page.fits, paper
            assert layout_problems(page) == [], paper


def test_empty_data_shows_titles_and_placeholders():
    page = plan(OnePagerData.empty(TODAY))
    body = texts(page)
    for title in ("What went right", "What went wrong", "Competencies", "Requirement coverage", "Action plan",
                  "Feedback request", "Untitled role"):
        assert title in body
    assert "The employer" not in body  # only shown when the employer said something
    assert "Coach" not in body


def test_comments_can_be_left_out():
    data = sample_onepager_data(TODAY)
    assert "Coach\u2019s comments" in texts(plan(data))
    assert "Coach\u2019s comments" not in texts(plan(data, include_comments=False))


def test_gaps_are_labelled_by_kind_and_strengths_are_not():
    body = texts(plan(sample_onepager_data(TODAY)))
    assert "Skill gap" in body and "Demonstration gap" in body
    data = OnePagerData(title="R", company="C", interview_date=TODAY,
                        gaps=(Point("Vague answer", "", "Demonstration gap"),))
    body = texts(plan(data))
    assert "Demonstration gap" in body
    assert "Question: Demonstration gap" not in body  # a tag naming the class is not a question


def test_header_shows_fit_and_done_actions_are_marked():
    body = texts(plan(sample_onepager_data(TODAY)))
    assert "71%" in body
    assert "done" in body
    assert "fit not scored yet" in texts(plan(OnePagerData.empty(TODAY)))
