"""The Case page's glue: points (saved or proposed), the summary, gaps and the action plan."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lib import case_view as cv
from lib import models as m
from lib.errors import NotFound

TODAY = dt.date(2026, 11, 25)

STORY = m.Evidence(kind=m.EvidenceKind.STORY, title="Brought two heads of department to one test design",
                   action="I asked each what result would change their mind and wrote a test both signed.",
                   result="The test ran for 3 weeks and the tier launched.", competencies=("stakeholder_management",),
                   id=11)
SKILL = m.Evidence(kind=m.EvidenceKind.SKILL, title="SQL", body="Window functions and query tuning.",
                   competencies=("analytical_thinking",), id=12)
NOTE = m.Evidence(kind=m.EvidenceKind.RESEARCH, title="Stakeholder map of the company", id=13)
IV = m.Interview(company="Pelican Row", role="Product Manager", interview_date=dt.date(2026, 11, 2),
                 outcome=m.Outcome.REJECTED, decided_on=dt.date(2026, 11, 20), id=1)
ITEM_A = m.FeedbackItem(interview_id=1, wording="Your stakeholder examples stayed general.",
                        competency="stakeholder_management", position=0, id=21)
ITEM_B = m.FeedbackItem(interview_id=1, wording="We wanted more system design depth.", competency="system_design",
                        position=1, id=22)
Q_LOW = m.ScriptItem(interview_id=1, question="How would you design the event pipeline?", rating=1,
                     competencies=("system_design",), id=31)


def _data(**kw) -> m.WorkspaceData:
    base = m.WorkspaceData(evidence=(STORY, SKILL, NOTE), interviews=(IV,), feedback=(ITEM_B, ITEM_A),
                           script_items=(Q_LOW,),
                           contacts=(m.Contact(interview_id=1, name="Rafael Dominguez", id=41),))
    return dataclasses.replace(base, **kw)


def test_point_views_follow_item_order_and_propose_evidence_for_unsaved_items():
    saved = m.CasePoint(interview_id=1, feedback_id=22, paragraph="I built a small pipeline with 2 stages.",
                        evidence_ids=(12,), id=51, version=3)
    views = cv.point_views(_data(case_points=(saved,)), 1)
    assert [v.item.id for v in views] == [21, 22]
    assert not views[0].saved and views[0].point.evidence_ids == (11,) and views[0].point.id is None
    assert views[0].proposed == (STORY,)  # research notes are never proposed
    assert views[1].saved and views[1].point is saved
    assert views[0].on_topic  # the story is tagged with the item's competency


def test_off_topic_proposals_are_marked():
    views = cv.point_views(_data(), 1)
    assert views[1].proposed == (STORY,)  # it only shares the word "design"
    assert not views[1].on_topic
    assert views[1].point.evidence_ids == (11,)


def test_summary_uses_saved_paragraphs_and_drafts_the_rest_with_warnings():
    saved = m.CasePoint(interview_id=1, feedback_id=22, paragraph="I am a passionate and dedicated learner.",
                        evidence_ids=(), id=51)
    summary = cv.build_summary(_data(case_points=(saved,)), 1, sender_name="Inês")
    assert summary.greeting == "Dear Rafael,"
    assert summary.paragraphs[0].startswith("About “Your stakeholder examples stayed general.”")
    assert STORY.title in summary.paragraphs[0]
    assert summary.paragraphs[1] == saved.paragraph
    kinds = {(w.point_index, w.kind) for w in summary.warnings}
    assert kinds == {(1, "no_evidence"), (1, "vague")}
    assert summary.text.rstrip().endswith("Inês")


def test_unknown_interview_is_not_found_and_candidates_need_feedback():
    with pytest.raises(NotFound):
        cv.build_summary(_data(), 99)
    other = m.Interview(company="Other", role="Analyst", interview_date=dt.date(2026, 10, 1), id=2)
    data = _data(interviews=(IV, other))
    assert cv.case_candidates(data) == (IV,)
    assert cv.summary_title(IV) == "Second look: Product Manager at Pelican Row"


def test_saved_summary_is_the_latest_reconsideration_letter():
    letters = (m.Letter(interview_id=1, kind="reconsideration", body="a", id=1),
               m.Letter(interview_id=1, kind="feedback_request", body="b", id=7),
               m.Letter(interview_id=1, kind="reconsideration", body="c", id=4))
    assert cv.saved_summary(letters, 1).body == "c"
    assert cv.saved_summary(letters, 2) is None


def test_gaps_put_the_feedback_competencies_first_with_their_class():
    gaps = cv.interview_gaps(_data(), 1)
    assert [g.competency for g in gaps[:2]] == ["stakeholder_management", "system_design"]  # by item position
    by_key = {g.competency: g for g in gaps}
    assert by_key["system_design"].gap_class == "skill_gap"  # nothing in the bank
    assert by_key["system_design"].question == Q_LOW.question  # the question that exposed it
    assert by_key["stakeholder_management"].gap_class == "demonstration_gap"
    assert by_key["stakeholder_management"].evidence_titles == (STORY.title,)


def test_ratings_fallback_gives_the_same_classes():
    gaps = cv._ratings_gaps(_data(), 1, ["stakeholder_management"])
    assert [(g.competency, g.gap_class) for g in gaps] == [("stakeholder_management", "demonstration_gap"),
                                                         ("system_design", "skill_gap")]


def test_proposed_actions_respect_the_open_actions_of_the_interview():
    data = _data()
    proposals = cv.proposed_actions(data, 1, today=TODAY)
    assert {a.competency for a in proposals} == {"system_design", "stakeholder_management"}
    assert all(a.interview_id == 1 and a.due_on > TODAY for a in proposals)
    accepted = tuple(dataclasses.replace(a, id=i + 1, version=1) for i, a in enumerate(proposals))
    assert cv.proposed_actions(dataclasses.replace(data, actions=accepted), 1, today=TODAY) == ()
    full = tuple(m.ActionItem(title=f"Open {i}", interview_id=1, id=100 + i) for i in range(5))
    assert cv.proposed_actions(dataclasses.replace(data, actions=full), 1, today=TODAY) == ()


def test_plan_lists_open_actions_first_and_keeps_other_interviews_out():
    acts = (m.ActionItem(title="Done", done=True, interview_id=1, due_on=dt.date(2026, 11, 1), id=1),
            m.ActionItem(title="Late", interview_id=None, due_on=dt.date(2026, 12, 9), id=2),
            m.ActionItem(title="Soon", interview_id=1, due_on=dt.date(2026, 11, 30), id=3),
            m.ActionItem(title="Elsewhere", interview_id=2, id=4))
    assert [a.title for a in cv.plan_for(_data(actions=acts), 1)] == ["Soon", "Late", "Done"]


def test_action_request_id_is_stable_and_short():
    a = m.ActionItem(title="Write a STAR story", interview_id=1)
    assert cv.action_request_id(a) == cv.action_request_id(dataclasses.replace(a, due_on=TODAY))
    assert len(cv.action_request_id(a)) <= 64
    assert cv.action_request_id(a) != cv.action_request_id(dataclasses.replace(a, interview_id=2))
