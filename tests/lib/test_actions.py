"""Action plan proposals from gap descriptions."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.actions import GapInput, action_for, propose_actions
from lib.errors import ValidationError
from lib.models import ActionItem

TODAY = dt.date(2026, 10, 16)  # a Friday

DEMO = GapInput("stakeholder_management", "demonstration_gap", ("Led the billing migration",),
                "Tell me about a time you managed conflicting priorities")
SKILL = GapInput("system_design", "skill_gap", (), "How would you design a rate limiter?")
BARE_DEMO = GapInput("leadership", "demonstration_gap")


def test_demonstration_gap_rewrites_the_story_for_the_question():
    title, detail = action_for(DEMO)
    assert "Rewrite the STAR story “Led the billing migration”" in title
    assert "measurable result" in title
    assert "“Tell me about a time you managed conflicting priorities”" in title
    assert detail


def test_demonstration_gap_without_story_or_question():
    title, _ = action_for(BARE_DEMO)
    assert "leadership" in title and "rehearse it out loud" in title
    assert "“" not in title


def test_skill_gap_builds_evidence():
    title, detail = action_for(SKILL)
    assert title.startswith("Build evidence for system design")
    assert "project" in title and "log it" in title
    assert "rate limiter" in detail


def test_due_dates_spread_over_weeks_on_business_days():
    gaps = [DEMO, SKILL, BARE_DEMO, GapInput("communication", "skill_gap"),
            GapInput("planning", "demonstration_gap"), GapInput("ownership", "skill_gap")]
    actions = propose_actions(gaps, today=TODAY, interview_id=4)
    assert len(actions) == 5
    dues = [a.due_on for a in actions]
    assert all(d.weekday() < 5 for d in dues)
    assert dues == sorted(dues) and len(set(dues)) == 5
    assert dues[0] == dt.date(2026, 10, 21)  # 3 business days after a Friday
    assert all((b - a).days == 7 for a, b in zip(dues, dues[1:], strict=False))
    assert all(a.interview_id == 4 and not a.done for a in actions)
    assert [a.competency for a in actions] == ["stakeholder_management", "system_design", "leadership",
                                               "communication", "planning"]
    assert actions[0].gap_class == "demonstration_gap"


def test_deterministic_and_no_duplicates():
    once = propose_actions([DEMO, DEMO, SKILL], today=TODAY)
    assert once == propose_actions([DEMO, DEMO, SKILL], today=TODAY)
    assert len(once) == 2
    assert propose_actions([], today=TODAY) == ()


def test_existing_open_actions_are_not_proposed_again():
    existing = [ActionItem(title="Something else", competency="stakeholder_management",
                           gap_class="demonstration_gap")]
    again = propose_actions([DEMO, SKILL], today=TODAY, existing=existing)
    assert [a.competency for a in again] == ["system_design"]
    same_title = [ActionItem(title=action_for(SKILL)[0].upper(), done=True)]
    assert propose_actions([SKILL], today=TODAY, existing=same_title) == ()
    done = [ActionItem(title="Old", competency="stakeholder_management", gap_class="demonstration_gap",
                       done=True)]
    assert len(propose_actions([DEMO], today=TODAY, existing=done)) == 1


def test_long_inputs_stay_within_the_title_limit():
    gap = GapInput("leadership", "demonstration_gap", ("A very long story title " * 20,), "Why? " * 100)
    (action,) = propose_actions([gap], today=TODAY)
    assert len(action.title) <= 200 and "…" in action.title


def test_gap_input_is_validated():
    with pytest.raises(ValidationError):
        GapInput("leadership", "attitude_gap")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        GapInput(" ", "skill_gap")
    with pytest.raises(ValidationError):
        GapInput("leadership", "skill_gap", "just one title")  # type: ignore[arg-type]
