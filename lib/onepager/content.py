"""The plain input of the one-page PDF: what to print, already decided.

The renderer knows nothing about scoring or storage; whoever calls it (the one-pager page, the CLI) maps
scores and records to these dataclasses. Numbers are fractions between 0 and 1 (``0.72`` prints "72%").
Text may be anything a person typed: the renderer cleans it, wraps it and shortens it to fit one page.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from lib.errors import ValidationError


def _check_str(obj: object, *names: str) -> None:
    for name in names:
        if not isinstance(getattr(obj, name), str):
            raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be text.")


def _check_fraction(obj: object, name: str, *, optional: bool) -> None:
    value = getattr(obj, name)
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be a number between 0 and 1.")
    if not 0.0 <= float(value) <= 1.0:
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be between 0 and 1.")
    object.__setattr__(obj, name, float(value))


def _check_items(obj: object, name: str, kind: type | tuple[type, ...]) -> None:
    value = getattr(obj, name)
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be a list.")
    value = tuple(value)
    if not all(isinstance(item, kind) for item in value):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} holds an entry of the wrong kind.")
    object.__setattr__(obj, name, value)


def _check_day(obj: object, name: str, *, optional: bool) -> None:
    value = getattr(obj, name)
    if value is None and optional:
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be a date.")


@dataclass(frozen=True)
class Point:
    """A strength or a gap. tag: a short marker ("Skill gap", "Demonstration gap") or the question where it
    showed; for gaps, ``gap_class`` drives the colour (see :mod:`lib.palette`; a loose spelling is fine)."""

    headline: str
    detail: str = ""
    tag: str = ""
    gap_class: str = ""

    def __post_init__(self) -> None:
        _check_str(self, "headline", "detail", "tag", "gap_class")


@dataclass(frozen=True)
class CompetencyBar:
    """One competency on the chart: how much evidence the bank holds (0–1) and how well the interview
    showed it (0–1, None when it was not assessed); gap_class colours the demonstration bar."""

    label: str
    evidence: float
    demonstration: float | None = None
    gap_class: str = ""

    def __post_init__(self) -> None:
        _check_str(self, "label", "gap_class")
        _check_fraction(self, "evidence", optional=False)
        _check_fraction(self, "demonstration", optional=True)


@dataclass(frozen=True)
class ActionLine:
    """A next step; due: its date (or None); done ones print ticked."""

    text: str
    due: dt.date | None = None
    done: bool = False

    def __post_init__(self) -> None:
        _check_str(self, "text")
        _check_day(self, "due", optional=True)
        if not isinstance(self.done, bool):
            raise ValidationError("done", "Done must be true or false.")


@dataclass(frozen=True)
class CommentLine:
    """A coach's comment."""

    author: str
    text: str

    def __post_init__(self) -> None:
        _check_str(self, "author", "text")


@dataclass(frozen=True)
class OnePagerData:
    """Everything the one-page PDF shows.

    title: the role. fit: overall fit 0–1 (None = not scored). must_coverage: share of must-have
    requirements covered, 0–1. coverage_counts: (covered, partial, gap) requirement counts. strengths/gaps:
    best first (the page shows as many as fit). employer_points: what the employer said (up to three are
    shown). feedback_status: one sentence on the feedback request. generated_on: the date printed in the
    footer. author: printed in the footer and stored in the PDF metadata.
    """

    title: str
    company: str
    interview_date: dt.date
    furthest_stage: str = ""
    outcome: str = ""
    fit: float | None = None
    must_coverage: float | None = None
    coverage_counts: tuple[int, int, int] = (0, 0, 0)
    strengths: tuple[Point, ...] = ()
    gaps: tuple[Point, ...] = ()
    competencies: tuple[CompetencyBar, ...] = ()
    employer_points: tuple[str, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    feedback_status: str = ""
    comments: tuple[CommentLine, ...] = ()
    generated_on: dt.date | None = None
    author: str = ""

    def __post_init__(self) -> None:
        _check_str(self, "title", "company", "furthest_stage", "outcome", "feedback_status", "author")
        _check_day(self, "interview_date", optional=False)
        _check_day(self, "generated_on", optional=True)
        _check_fraction(self, "fit", optional=True)
        _check_fraction(self, "must_coverage", optional=True)
        counts = self.coverage_counts
        if (
            isinstance(counts, str)
            or not isinstance(counts, (tuple, list))
            or len(counts) != 3
            or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts)
        ):
            raise ValidationError("coverage_counts", "Coverage counts must be three whole numbers, 0 or more.")
        object.__setattr__(self, "coverage_counts", tuple(counts))
        _check_items(self, "strengths", Point)
        _check_items(self, "gaps", Point)
        _check_items(self, "competencies", CompetencyBar)
        _check_items(self, "employer_points", str)
        _check_items(self, "actions", ActionLine)
        _check_items(self, "comments", CommentLine)

    @classmethod
    def empty(cls, interview_date: dt.date) -> OnePagerData:
        """A page with nothing filled in (renders the section titles and friendly placeholders)."""
        return cls(title="", company="", interview_date=interview_date)
