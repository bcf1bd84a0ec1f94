"""Specificity and honesty rules for the reconsideration summary."""

from __future__ import annotations

import pytest

from lib.checks import (
    CaseWarning,
    check_points,
    is_concrete,
    is_vague,
    length_warning,
    split_sentences,
    vague_warnings,
    word_count,
)
from lib.errors import ValidationError
from lib.models import CasePoint, Evidence, EvidenceKind

STORY = Evidence(kind=EvidenceKind.STORY, title="Story", id=1)


@pytest.mark.parametrize("sentence", [
    "I am a passionate team player and a hard worker.",
    "I have excellent communication skills.",
    "I'm a results-driven self-starter who thinks outside the box.",
    "My proven track record speaks for itself.",
])
def test_stock_phrases_without_facts_are_vague(sentence):
    assert is_vague(sentence)


@pytest.mark.parametrize("sentence", [
    "I led the migration of 40 services to the new platform.",
    "I am passionate about data, and I built the churn model the sales team still uses.",
    "Excellent results: complaints halved within two quarters.",
    "I rewrote the onboarding guide.",
    "I would be glad to talk further.",  # makes no claim: not flagged
    'You said I was "not a team player".',  # the quoted wording is ignored
])
def test_concrete_or_claim_free_sentences_are_not_vague(sentence):
    assert not is_vague(sentence)


def test_concreteness_signals():
    assert is_concrete("Revenue grew 12%.")
    assert is_concrete("It took three weeks.")
    assert is_concrete("I negotiated the contract.")
    assert not is_concrete("I am very motivated.")


def test_sentence_split_and_word_count():
    text = "I led it. Then I shipped v2! Did it work? Yes.\nNew line here"
    assert split_sentences(text) == ("I led it.", "Then I shipped v2!", "Did it work?", "Yes.", "New line here")
    assert split_sentences("Costs fell 3.5% in Q1. Fine.") == ("Costs fell 3.5% in Q1.", "Fine.")
    assert word_count("I cut costs by 3.5% in two-thirds of the regions.") == 10
    assert word_count("") == 0


def test_vague_warnings_name_the_sentence_and_the_point():
    (warning,) = vague_warnings("I shipped 3 apps. I am a dedicated hard worker.", 2)
    assert warning == CaseWarning(2, "vague", "I am a dedicated hard worker.", warning.message)
    assert "hard worker" in warning.message


def test_honesty_per_point():
    points = [CasePoint(interview_id=1, feedback_id=1, evidence_ids=(1,)),
              CasePoint(interview_id=1, feedback_id=2, evidence_ids=()),
              CasePoint(interview_id=1, feedback_id=3, evidence_ids=(1, 7))]
    warnings = check_points(points, ["I did 1 thing.", "I did 2 things.", "I did 3 things."], {1: STORY})
    assert [(w.point_index, w.kind) for w in warnings] == [(1, "no_evidence"), (2, "unknown_evidence")]
    assert warnings[0].sentence == "I did 2 things."


def test_length_warning_threshold():
    assert length_warning(250) == ()
    (warning,) = length_warning(251)
    assert warning.kind == "too_long" and "251" in warning.message
    assert length_warning(120, max_words=100)[0].point_index is None


def test_warning_kind_is_validated():
    with pytest.raises(ValidationError):
        CaseWarning(None, "rude", "", "")  # type: ignore[arg-type]
