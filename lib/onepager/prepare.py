"""Clean every text of a :class:`OnePagerData` once, before the fit-to-page loop measures it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass

from lib.onepager.content import ActionLine, CommentLine, CompetencyBar, OnePagerData, Point
from lib.onepager.text import clean
from lib.palette import GAP_NOT_ASSESSED, normalise_gap_class

KEEP = 12  # no list ever shows more than this many entries; the rest only count towards "…(n more)"


@dataclass(frozen=True)
class Prepared:
    """The page content with clean text; ``*_total`` keep the full counts for the "…(n more)" markers."""

    title: str
    company: str
    interview_date: dt.date
    furthest_stage: str
    outcome: str
    fit: float | None
    must_coverage: float | None
    coverage_counts: tuple[int, int, int]
    strengths: tuple[Point, ...]
    strengths_total: int
    gaps: tuple[Point, ...]
    gaps_total: int
    competencies: tuple[CompetencyBar, ...]
    competencies_total: int
    employer_points: tuple[str, ...]
    employer_total: int
    actions: tuple[ActionLine, ...]
    actions_total: int
    feedback_status: str
    comments: tuple[CommentLine, ...]
    comments_total: int
    generated_on: dt.date
    author: str


def _point(p: Point, covered: Container[int], *, is_gap: bool) -> Point | None:
    headline = clean(p.headline, covered, max_chars=160)
    detail = clean(p.detail, covered, max_chars=420)
    tag = clean(p.tag, covered, max_chars=200)
    gap_class = normalise_gap_class(p.gap_class) if p.gap_class else ""
    if is_gap and not gap_class and tag and normalise_gap_class(tag) != GAP_NOT_ASSESSED:
        gap_class, tag = normalise_gap_class(tag), ""  # the tag named the class, not a question
    if not headline:
        headline, detail = detail, ""
    if not headline:
        return None
    return Point(headline=headline, detail=detail, tag=tag, gap_class=gap_class)


def _points(points: tuple[Point, ...], covered: Container[int], *, is_gap: bool) -> tuple[tuple[Point, ...], int]:
    kept: list[Point] = []
    total = 0
    for p in points:
        if not (p.headline.strip() or p.detail.strip()):
            continue
        total += 1
        if len(kept) < KEEP:
            cleaned = _point(p, covered, is_gap=is_gap)
            if cleaned is None:
                total -= 1
            else:
                kept.append(cleaned)
    return tuple(kept), total


def prepare(data: OnePagerData, covered: Container[int], *, today: dt.date) -> Prepared:
    """Clean ``data`` against the font coverage ``covered``; ``today`` fills a missing ``generated_on``."""
    strengths, strengths_total = _points(data.strengths, covered, is_gap=False)
    gaps, gaps_total = _points(data.gaps, covered, is_gap=True)
    bars = tuple(
        CompetencyBar(clean(b.label, covered, max_chars=60) or "Unnamed", b.evidence, b.demonstration, b.gap_class)
        for b in data.competencies[:KEEP]
    )
    employer = [e for e in data.employer_points if e.strip()]
    actions = [a for a in data.actions if a.text.strip()]
    comments = [c for c in data.comments if c.text.strip()]
    employer_kept = [t for t in (clean(e, covered, max_chars=300) for e in employer[:KEEP]) if t]
    actions_kept = [
        ActionLine(t, a.due, a.done) for a in actions[:KEEP] if (t := clean(a.text, covered, max_chars=240))
    ]
    comments_kept = [
        CommentLine(clean(c.author, covered, max_chars=60), t)
        for c in comments[:KEEP]
        if (t := clean(c.text, covered, max_chars=400))
    ]
    return Prepared(
        title=clean(data.title, covered, max_chars=160),
        company=clean(data.company, covered, max_chars=120),
        interview_date=data.interview_date,
        furthest_stage=clean(data.furthest_stage, covered, max_chars=40),
        outcome=clean(data.outcome, covered, max_chars=40),
        fit=data.fit,
        must_coverage=data.must_coverage,
        coverage_counts=data.coverage_counts,
        strengths=strengths,
        strengths_total=strengths_total,
        gaps=gaps,
        gaps_total=gaps_total,
        competencies=bars,
        competencies_total=len(data.competencies),
        employer_points=tuple(employer_kept),
        employer_total=len(employer) - (min(len(employer), KEEP) - len(employer_kept)),
        actions=tuple(actions_kept),
        actions_total=len(actions) - (min(len(actions), KEEP) - len(actions_kept)),
        feedback_status=clean(data.feedback_status, covered, max_chars=400),
        comments=tuple(comments_kept),
        comments_total=len(comments) - (min(len(comments), KEEP) - len(comments_kept)),
        generated_on=data.generated_on or today,
        author=clean(data.author, covered, max_chars=80),
    )
