"""lib.gates: years, degree ladder, certifications, work authorisation and languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lib.gates import DEGREE_LADDER, degree_level, extract_gates, is_softened
from lib.jd import parse_jd
from lib.models import Gate, GateKind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jd"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _values(text: str, kind: GateKind) -> list[str]:
    return [g.value for g in extract_gates(text) if g.kind == kind]


@pytest.mark.parametrize("text,years", [
    ("5+ years of experience with Python", "5"),
    ("At least 3 years in a customer-facing role", "3"),
    ("Minimum of two years of professional experience", "2"),
    ("3-5 years experience in B2B sales", "3"),
    ("You have 7 (seven) years of experience", "7"),
    ("Ten years of experience managing teams", "10"),
    ("At least 18 months of experience in retail", "1.5"),
])
def test_years(text, years):
    assert _values(text, GateKind.YEARS) == [years]


@pytest.mark.parametrize("text", [
    "The company was founded 20 years ago",
    "A 2-year contract with the option to extend",
    "Our customers have trusted us for 15 years.",
    "Up to 3 years of experience",
])
def test_years_that_are_not_gates(text):
    assert _values(text, GateKind.YEARS) == []


def test_years_gate_span_points_at_the_phrase():
    text = "Requirements: at least 4 years of Go."
    (gate,) = [g for g in extract_gates(text) if g.kind == GateKind.YEARS]
    assert text[gate.span[0]:gate.span[1]] == gate.text == "at least 4 years"


def test_degree_ladder_order():
    assert DEGREE_LADDER == ("none", "high school", "associate", "bachelor", "master", "phd")


@pytest.mark.parametrize("text,level", [
    ("Bachelor's degree in Computer Science", "bachelor"),
    ("BS/BA degree or equivalent experience", "bachelor"),
    ("MSc in Physics", "master"),
    ("Master's or PhD in statistics", "master"),
    ("PhD in machine learning", "phd"),
    ("High school diploma or GED", "high school"),
    ("Associate degree in nursing", "associate"),
    ("Bachelor's required, Master's preferred", "bachelor"),
])
def test_degree_level(text, level):
    assert degree_level(text) == DEGREE_LADDER.index(level)
    assert _values(text, GateKind.DEGREE) == [level]


@pytest.mark.parametrize("text", [
    "Master's degree preferred",
    "A high degree of autonomy",
    "Experience with MS Excel",
])
def test_no_degree(text):
    assert degree_level(text) is None
    assert _values(text, GateKind.DEGREE) == []


def test_or_equivalent_softens_a_degree_gate():
    (soft,) = extract_gates("Bachelor's degree in economics or equivalent experience")
    (hard,) = extract_gates("Bachelor's degree in economics")
    assert is_softened(soft) and "or equivalent" in soft.text
    assert not is_softened(hard)


@pytest.mark.parametrize("text,expected", [
    ("PMP certification is required", "PMP certification"),
    ("Qualified CPA", "CPA"),
    ("AWS Certified Solutions Architect", "AWS Certified Solutions Architect"),
    ("A valid driver's licence", "valid driver's licence"),
    ("Valid driving license (category B)", "Valid driving license"),
    ("Certified Scrum Master", "Certified Scrum Master"),
    ("Must be a licensed electrician", "licensed electrician"),
])
def test_certifications(text, expected):
    assert expected in _values(text, GateKind.CERTIFICATION)


@pytest.mark.parametrize("text,value", [
    ("You must have the right to work in the UK", "right to work"),
    ("Candidates must be authorized to work in the United States", "right to work"),
    ("We are unable to offer visa sponsorship for this role", "no visa sponsorship"),
    ("Visa sponsorship is available", "visa sponsorship available"),
    ("Active TS/SCI clearance required", "security clearance"),
    ("Must be a US citizen", "citizenship"),
])
def test_authorization(text, value):
    assert _values(text, GateKind.AUTHORIZATION) == [value]


def test_legal_text_mentioning_citizenship_status_is_not_a_gate():
    text = "We do not discriminate on the basis of race, national origin, citizenship status or age."
    assert _values(text, GateKind.AUTHORIZATION) == []


@pytest.mark.parametrize("text,langs", [
    ("Fluent in German", ["German"]),
    ("English and French required", ["English", "French"]),
    ("German (C1) and basic Spanish", ["German", "Spanish"]),
    ("Native Japanese speaker", ["Japanese"]),
])
def test_languages(text, langs):
    assert _values(text, GateKind.LANGUAGE) == langs


@pytest.mark.parametrize("text", ["Teach English literature to year 9", "Experience with Java and Go"])
def test_not_languages(text):
    assert _values(text, GateKind.LANGUAGE) == []


def test_empty_text_has_no_gates():
    assert extract_gates("") == () and extract_gates("   ") == ()


def test_gates_are_sorted_by_position_and_typed():
    gates = extract_gates("Fluent Dutch. 5+ years of experience. Bachelor's degree.")
    assert [g.kind for g in gates] == [GateKind.LANGUAGE, GateKind.YEARS, GateKind.DEGREE]
    assert all(isinstance(g, Gate) for g in gates)


# ---------------------------------------------------------------- gates of whole JDs (fixtures)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_gates(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    parsed = parse_jd(text)
    assert [[g.kind.value, g.value] for g in parsed.gates] == [list(g) for g in spec["gates"]]
    for g in parsed.gates:
        assert g.value.lower() in parsed.text[g.span[0]:g.span[1]].lower() or g.kind in (
            GateKind.YEARS, GateKind.DEGREE, GateKind.AUTHORIZATION)
    for phrase in spec.get("no_gates_from", []):
        assert not any(phrase in g.text for g in parsed.gates), phrase
    if spec.get("softened_degree"):
        assert any(is_softened(g) for g in parsed.gates if g.kind == GateKind.DEGREE)


def test_nice_to_have_requirements_give_no_gates():
    parsed = parse_jd("Requirements\n- Fluent English\n\nNice to have\n- Fluent Swedish\n- PMP certification\n")
    assert [(g.kind.value, g.value) for g in parsed.gates] == [("language", "English")]


def test_sponsorship_statement_outside_requirements_is_still_a_gate():
    parsed = parse_jd("Requirements\n- Python\n\nLocation\nBerlin. We cannot sponsor visas for this role.\n")
    assert [(g.kind.value, g.value) for g in parsed.gates] == [("authorization", "no visa sponsorship")]
