from __future__ import annotations

import datetime as dt

import pytest

from lib.errors import ValidationError
from lib.onepager import ActionLine, CommentLine, CompetencyBar, OnePagerData, Point
from lib.palette import (
    GAP_COLOURS,
    GAP_DEMONSTRATION,
    GAP_NOT_ASSESSED,
    GAP_SKILL,
    GAP_STRENGTH,
    gap_colour,
    hex_to_rgb,
    mix,
    normalise_gap_class,
)

DAY = dt.date(2026, 11, 9)


def test_lists_become_tuples():
    data = OnePagerData(title="Role", company="Co", interview_date=DAY, strengths=[Point("A")],
                        coverage_counts=[1, 2, 3], employer_points=["x"])
    assert data.strengths == (Point("A"),)
    assert data.coverage_counts == (1, 2, 3)
    assert data.employer_points == ("x",)


@pytest.mark.parametrize("fit", [1.5, -0.1, float("nan"), float("inf"), "0.5", True])
def test_fit_must_be_a_fraction(fit):
    with pytest.raises(ValidationError) as err:
        OnePagerData(title="Role", company="Co", interview_date=DAY, fit=fit)
    assert err.value.field == "fit"


@pytest.mark.parametrize("counts", [(1, 2), (1, 2, -1), (1, 2, 3.0), "123", (True, 0, 0)])
def test_coverage_counts_are_three_whole_numbers(counts):
    with pytest.raises(ValidationError) as err:
        OnePagerData(title="Role", company="Co", interview_date=DAY, coverage_counts=counts)
    assert err.value.field == "coverage_counts"


def test_entries_must_have_the_right_kind():
    with pytest.raises(ValidationError) as err:
        OnePagerData(title="Role", company="Co", interview_date=DAY, strengths=("not a point",))
    assert err.value.field == "strengths"
    with pytest.raises(ValidationError):
        OnePagerData(title="Role", company="Co", interview_date=DAY, employer_points="a single string")


def test_dates_and_texts_are_checked():
    with pytest.raises(ValidationError):
        OnePagerData(title="Role", company="Co", interview_date=dt.datetime(2026, 1, 1))
    with pytest.raises(ValidationError):
        OnePagerData(title=None, company="Co", interview_date=DAY)
    with pytest.raises(ValidationError):
        ActionLine("x", due="2026-01-01")
    with pytest.raises(ValidationError):
        ActionLine("x", done="yes")
    with pytest.raises(ValidationError):
        CommentLine("coach", None)


def test_competency_bar_values_are_fractions():
    assert CompetencyBar("Communication", 1, None).evidence == 1.0
    with pytest.raises(ValidationError):
        CompetencyBar("Communication", 0.5, 2.0)


def test_empty_page_data_has_nothing_in_it():
    data = OnePagerData.empty(DAY)
    assert data.strengths == () and data.fit is None and data.coverage_counts == (0, 0, 0)


def test_palette_maps_loose_gap_spellings():
    assert normalise_gap_class("Skill gap") == GAP_SKILL
    assert normalise_gap_class("skill-gap") == GAP_SKILL
    assert normalise_gap_class("demonstration_gap") == GAP_DEMONSTRATION
    assert normalise_gap_class("Strength") == GAP_STRENGTH
    assert normalise_gap_class(None) == GAP_NOT_ASSESSED
    assert normalise_gap_class("something else") == GAP_NOT_ASSESSED
    assert gap_colour("Skill gap") == GAP_COLOURS[GAP_SKILL] == "#D55E00"
    assert len(set(GAP_COLOURS.values())) == 4


def test_palette_colour_helpers():
    assert hex_to_rgb("#0072B2") == (0, 114, 178)
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert mix("#0072B2", "#FFFFFF", 0) == "#0072B2"
    with pytest.raises(ValueError):
        hex_to_rgb("#123")
