"""lib.trends and lib.trends_text on small hand-built workspaces with exact expected values."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from lib import trends
from lib import trends_text as say
from lib.models import FeedbackItem, FeedbackSource, Interview, Outcome, ScriptItem, Stage, WorkspaceData
from lib.scoring import InterviewScore
from lib.scoring_competencies import CompetencyScore, GapClass

S, D, K, N = GapClass.STRENGTH, GapClass.DEMONSTRATION_GAP, GapClass.SKILL_GAP, GapClass.NOT_ASSESSED


def iv(i, day, company, stage, outcome=Outcome.REJECTED, stages=()):
    return Interview(company=company, role="Analyst", interview_date=dt.date(2026, 1, day), furthest_stage=stage,
                     stages=stages, outcome=outcome, id=i)


def comp(key, cls, *, ev=0.6, demo=None, weight=1.0, flagged=False):
    return CompetencyScore(competency=key, evidence=ev, demonstration=demo, gap_class=cls, weight=weight,
                           flagged=flagged, script_item_ids=(), evidence_ids=(), why=f"{key} is {cls}")


def score(*comps):
    return InterviewScore(fit=0.5, gap=0.5, must_coverage=0.5, requirements=(), gates=(), competencies=comps,
                          encoder_id="test", fallback_reason=None)


@pytest.fixture
def workspace():
    # listed out of date order on purpose
    interviews = (iv(3, 20, "Cobalt", Stage.FINAL_ROUND), iv(1, 5, "Amber", Stage.SCREEN),
                  iv(2, 12, "Birch", Stage.FIRST_ROUND, Outcome.OFFER, stages=(Stage.SCREEN,)))
    items = (ScriptItem(1, "q1", rating=2, id=1), ScriptItem(1, "q2", rating=4, id=2), ScriptItem(3, "q3", rating=5, id=3),
             ScriptItem(2, "q4", id=4))
    feedback = (FeedbackItem(3, "Unclear on stakeholders", competency="stakeholder_management", id=1),
                FeedbackItem(3, "My own guess", source=FeedbackSource.SELF, competency="communication", id=2))
    data = WorkspaceData(interviews=interviews, script_items=items, feedback=feedback)
    scores = {
        1: score(comp("communication", D, demo=0.4, weight=0.6), comp("stakeholder_management", K, ev=0.2, demo=0.6)),
        2: score(comp("communication", S, demo=0.8, weight=2.0), comp("stakeholder_management", N, ev=0.2, weight=0.0)),
        3: score(comp("communication", D, demo=0.6, weight=0.0),
                 comp("stakeholder_management", D, demo=1.0, weight=1.0, flagged=True)),
    }
    return data, scores


def test_furthest_stage_keeps_the_highest_rung():
    assert trends.furthest_stage(Stage.SCREEN, (Stage.SCREEN, Stage.FINAL_ROUND)) == Stage.FINAL_ROUND
    assert trends.furthest_stage(Stage.FIRST_ROUND, (), Outcome.OFFER) == Stage.OFFER
    assert trends.furthest_stage(Stage.ASSESSMENT, (Stage.SCREEN,), Outcome.REJECTED) == Stage.ASSESSMENT


def test_interview_frame_orders_by_date_and_counts_ratings_and_employer_flags(workspace):
    data, _ = workspace
    got = trends.interview_frame(data)
    expected = pd.DataFrame({
        "interview_id": [1, 2, 3], "interview_date": pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-20"]),
        "company": ["Amber", "Birch", "Cobalt"], "role": ["Analyst"] * 3,
        "stage": ["screen", "offer", "final_round"], "stage_rank": [1, 5, 4],
        "outcome": ["rejected", "offer", "rejected"], "mean_rating": [3.0, np.nan, 5.0],
        "n_rated": [2, 0, 1], "n_flags": [0, 0, 1]})
    expected["interview_date"] = expected["interview_date"].astype("datetime64[ns]")
    pd.testing.assert_frame_equal(got, expected)


def test_competency_frame_rows(workspace):
    data, scores = workspace
    f = trends.competency_frame(data, scores)
    assert list(f.columns) == trends.COMPETENCY_COLUMNS
    assert f["interview_id"].tolist() == [1, 1, 2, 2, 3, 3]
    assert f["gap_class"].tolist() == ["demonstration_gap", "skill_gap", "strength", "not_assessed",
                                       "demonstration_gap", "demonstration_gap"]
    assert f["flagged"].tolist() == [False, False, False, False, False, True]
    assert np.isnan(f.loc[3, "demonstration"]) and f.loc[0, "demonstration"] == 0.4
    assert f.loc[0, "competency_label"] == "Clear communication"


def test_competency_summary_exact(workspace):
    data, scores = workspace
    got = trends.competency_summary(trends.competency_frame(data, scores))
    expected = pd.DataFrame({
        "competency": ["communication", "stakeholder_management"],
        "competency_label": ["Clear communication", "Stakeholder management"],
        "n_assessed": [3, 2], "n_rated": [3, 2],
        "mean_demonstration": [0.6, 0.8],
        "trend": [0.1, 0.4],  # 0.4, 0.8, 0.6 → slope 0.1; 0.6, 1.0 → 0.4
        "n_skill_gap": [0, 1], "n_demo_gap": [2, 1], "n_gap": [2, 2],
        "gap_share": [2 / 3, 1.0],
        # communication: weights 0.6 and 0.0→floor 0.4 on its two gaps; stakeholders: 1.0 + 1.0
        "weighted_gap": [1.0, 2.0],
        "skill_gap_in": ["", "Amber (05 Jan 2026)"],
        "demo_gap_in": ["Amber (05 Jan 2026), Cobalt (20 Jan 2026)", "Cobalt (20 Jan 2026)"],
    })
    expected = expected.iloc[[1, 0]].reset_index(drop=True)  # equal gap counts: the heavier one first
    pd.testing.assert_frame_equal(got, expected, atol=1e-9)


def test_weight_is_capped_at_a_must_have():
    data = WorkspaceData(interviews=(iv(1, 5, "Amber", Stage.SCREEN),))
    s = {1: score(comp("communication", D, weight=7.5))}
    assert trends.competency_summary(trends.competency_frame(data, s))["weighted_gap"].tolist() == [1.0]


def test_funnel_is_cumulative_by_furthest_stage(workspace):
    data, _ = workspace
    got = trends.funnel(trends.interview_frame(data))
    assert got["reached"].tolist() == [3, 3, 2, 2, 2, 1]  # screen, offer, final round
    assert got["label"].iloc[0] == "Applied"
    assert got["share"].tolist() == pytest.approx([1, 1, 2 / 3, 2 / 3, 2 / 3, 1 / 3])
    assert trends.funnel(trends.interview_frame(WorkspaceData()))["reached"].tolist() == [0] * 6


def test_a_rejection_at_the_final_round_still_counts_every_earlier_stage():
    data = WorkspaceData(interviews=(iv(1, 5, "Amber", Stage.FINAL_ROUND, Outcome.REJECTED),))
    assert trends.funnel(trends.interview_frame(data))["reached"].tolist() == [1, 1, 1, 1, 1, 0]


def test_calibration_math(workspace):
    data, scores = workspace
    cal = trends.calibration(trends.competency_frame(data, scores)).set_index("competency")
    sm = cal.loc["stakeholder_management"]
    assert sm["mean_rating"] == pytest.approx(4.0)  # (0.6 + 1.0) / 2 × 5
    assert (sm["n_rated"], sm["n_flagged"], sm["n_flagged_rated"]) == (2, 1, 1)
    assert sm["flag_rate"] == pytest.approx(0.5) and sm["rejection_rate"] == pytest.approx(1.0)
    assert bool(sm["overconfident"]) is True
    co = cal.loc["communication"]
    assert co["mean_rating"] == pytest.approx(3.0) and co["flag_rate"] == 0.0
    assert co["rejection_rate"] == pytest.approx(2 / 3) and not co["overconfident"]
    assert list(cal.index) == ["stakeholder_management", "communication"]  # overconfident first


def test_interview_calibration_keeps_rated_interviews(workspace):
    data, _ = workspace
    got = trends.interview_calibration(trends.interview_frame(data))
    assert got["company"].tolist() == ["Amber", "Cobalt"]
    assert got["rejected"].tolist() == [True, True]
    assert got["mean_rating"].tolist() == [3.0, 5.0]


def test_filter_frame(workspace):
    data, scores = workspace
    f = trends.competency_frame(data, scores)
    assert trends.filter_frame(f, start=dt.date(2026, 1, 6))["interview_id"].unique().tolist() == [2, 3]
    assert trends.filter_frame(f, end=dt.date(2026, 1, 12))["interview_id"].unique().tolist() == [1, 2]
    assert trends.filter_frame(f, companies=["Birch"])["interview_id"].unique().tolist() == [2]
    assert trends.filter_frame(f, stages=[Stage.FINAL_ROUND, "screen"])["interview_id"].unique().tolist() == [1, 3]
    assert trends.filter_frame(f, outcomes=["offer"])["interview_id"].unique().tolist() == [2]
    assert trends.filter_frame(f, outcomes=["withdrawn"]).empty
    assert len(trends.filter_frame(f)) == len(f)


def test_takeaways_follow_the_data(workspace):
    data, scores = workspace
    frame = trends.competency_frame(data, scores)
    summary = trends.competency_summary(frame)
    assert say.recurring_takeaway(summary) == (
        "Stakeholder management was a gap in 2 of 2 interviews, equally as a skill and a demonstration gap "
        "(1 skill, 1 demonstration).")
    assert say.heatmap_takeaway(frame, summary) == (
        "Across 3 interviews, 2 competencies were a gap more than once: Stakeholder management and Clear "
        "communication.")
    assert say.trend_takeaway(summary) == (
        "Your self-rating on Stakeholder management rose the most (+2.0 points per interview).")
    assert say.funnel_takeaway(trends.funnel(trends.interview_frame(data))) == (
        "Of 3 applications, 1 got an offer; the biggest drop is from recruiter screen to first interview (3 → 2).")
    assert say.calibration_takeaway(trends.calibration(frame)) == (
        "You rate yourself high on Stakeholder management (mean 4.0/5), yet employer feedback named it in "
        "1 interview.")


def test_takeaways_for_empty_data():
    empty = trends.competency_frame(WorkspaceData(), {})
    summary = trends.competency_summary(empty)
    assert "No scored interviews" in say.heatmap_takeaway(empty, summary)
    assert "No competency" in say.recurring_takeaway(summary)
    assert "at least two interviews" in say.trend_takeaway(summary)
    assert "No interviews" in say.funnel_takeaway(trends.funnel(trends.interview_frame(WorkspaceData())))
    assert "Rate your answers" in say.calibration_takeaway(trends.calibration(empty))


def test_filter_options(workspace):
    data, _ = workspace
    assert trends.filter_options(data) == (dt.date(2026, 1, 5), dt.date(2026, 1, 20), ["Amber", "Birch", "Cobalt"])
    assert trends.filter_options(WorkspaceData()) == (None, None, [])
