"""lib.jd: sections, kinds, drop rules, spans, keys, terms and any-of groups.

The fixtures in tests/fixtures/jd/ are short job descriptions written for these tests; each has a sidecar
JSON with the expected kind of every non-blank line (must, nice, responsibility, drop), the expected
section headers and the expected gates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.competencies import is_known
from lib.jd import WEIGHTS, ParsedJD, normalise_text, parse_jd, requirement_key
from lib.jd_sections import detect_header, match_header
from lib.jd_terms import any_of_groups, builtin_terms
from lib.models import RequirementKind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jd"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[str, dict]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return text, spec


def _line_kind(parsed: ParsedJD, line: str) -> str:
    """The kind of the requirement covering most of a line of the JD, or "drop"."""
    body = re.sub(r"^\s*(?:[^\w\s(]+|\d+\)|o(?=\s))\s*", "", line).strip()  # bullets may be rewritten
    at = parsed.text.find(body)
    assert at >= 0, f"line not found in the normalised text: {line!r}"
    a, b = at, at + len(body)
    best, best_len = "drop", 0
    for r in parsed.requirements:
        overlap = min(b, r.span[1]) - max(a, r.span[0])
        if overlap > best_len:
            best, best_len = r.kind.value, overlap
    return best


def test_there_are_six_labelled_fixtures():
    assert len(NAMES) >= 6
    for name in NAMES:
        assert (FIXTURES / f"{name}.json").exists(), name


@pytest.mark.parametrize("name", NAMES)
def test_every_labelled_line_gets_the_expected_kind(name):
    text, spec = _load(name)
    parsed = parse_jd(text)
    lines = text.split("\n")
    wrong = {}
    for number, expected in spec["lines"].items():
        got = _line_kind(parsed, lines[int(number) - 1])
        if got != expected:
            wrong[number] = (expected, got, lines[int(number) - 1][:60])
    assert not wrong


@pytest.mark.parametrize("name", NAMES)
def test_sections_are_found_with_their_kind(name):
    text, spec = _load(name)
    parsed = parse_jd(text)
    assert [[s.header, s.kind] for s in parsed.sections] == spec["sections"]


@pytest.mark.parametrize("name", NAMES)
def test_spans_point_at_the_requirement_text(name):
    text, _ = _load(name)
    parsed = parse_jd(text)
    assert parsed.requirements
    for r in parsed.requirements:
        assert " ".join(parsed.text[r.span[0]:r.span[1]].split()) == r.text
    for s in parsed.sections:
        assert s.header in parsed.text[s.span[0]:s.span[1]]
    for g in parsed.gates:
        assert 0 <= g.span[0] < g.span[1] <= len(parsed.text)


@pytest.mark.parametrize("name", NAMES)
def test_each_requirement_is_well_formed(name):
    text, _ = _load(name)
    parsed = parse_jd(text)
    keys = [r.key for r in parsed.requirements]
    assert len(keys) == len(set(keys))
    for r in parsed.requirements:
        assert r.weight == WEIGHTS[r.kind]
        assert r.key == requirement_key(r.text) and len(r.key) == 16
        assert r.competency is None or is_known(r.competency)
        assert all(t == t.lower() for t in r.terms)
        assert r.section == "" or r.section in [s.header for s in parsed.sections]


@pytest.mark.parametrize("name", NAMES)
def test_parsing_is_deterministic(name):
    text, _ = _load(name)
    assert parse_jd(text) == parse_jd(text)
    assert parse_jd(text.replace("\n", "\r\n")).requirements == parse_jd(text).requirements


def test_weights_order_must_above_responsibility_above_nice():
    assert WEIGHTS[RequirementKind.MUST] == 1.0
    assert WEIGHTS[RequirementKind.MUST] > WEIGHTS[RequirementKind.RESPONSIBILITY] > WEIGHTS[RequirementKind.NICE]


def test_key_ignores_case_spacing_and_trailing_punctuation():
    assert requirement_key("Strong SQL skills.") == requirement_key("  strong   sql SKILLS ")
    assert requirement_key("Strong SQL skills") != requirement_key("Strong Python skills")


def test_skip_sections_never_yield_requirements():
    text, _ = _load("boilerplate")
    parsed = parse_jd(text)
    skipped = [s for s in parsed.sections if s.kind == "skip"]
    assert skipped
    for r in parsed.requirements:
        assert not any(s.span[0] <= r.span[0] < s.span[1] for s in skipped), r.text


def test_a_repeated_requirement_is_kept_once():
    parsed = parse_jd("Requirements:\n- Strong SQL skills\n- Python\n\nRequirements:\n- Strong SQL skills.\n")
    assert [r.text for r in parsed.requirements].count("Strong SQL skills") == 1


def test_inline_header_with_semicolon_list_is_split_into_requirements():
    parsed = parse_jd("Requirements: 3+ years of Go experience; strong knowledge of PostgreSQL;\n"
                      "familiarity with Kafka or RabbitMQ for messaging between services.")
    texts = [r.text for r in parsed.requirements]
    assert texts == ["3+ years of Go experience", "strong knowledge of PostgreSQL",
                     "familiarity with Kafka or RabbitMQ for messaging between services."]
    assert all(r.kind == RequirementKind.MUST for r in parsed.requirements)
    assert parsed.requirements[2].any_of == (("Kafka", "RabbitMQ"),)


def test_nice_cue_inside_a_must_section_makes_it_nice():
    parsed = parse_jd("Requirements\n- Solid Java\n- Kotlin is a plus\n")
    assert [r.kind.value for r in parsed.requirements] == ["must", "nice"]


def test_duty_sentence_inside_requirements_is_a_responsibility():
    parsed = parse_jd("Requirements:\n- 4+ years of React\n- You will own our design system\n")
    assert [r.kind.value for r in parsed.requirements] == ["must", "responsibility"]


def test_unknown_colon_subheader_inherits_the_list_kind():
    parsed = parse_jd("Responsibilities\nReconciliation:\nMonthly supplier reconciliation and recovery\n")
    assert [r.kind.value for r in parsed.requirements] == ["responsibility"]


def test_long_paragraph_is_split_into_sentences():
    parsed = parse_jd("About the role\nYou will run our billing jobs. You will also review pull requests "
                      "from the two junior engineers, e.g. the Stripe webhooks. Good luck with that.")
    texts = [r.text for r in parsed.requirements]
    assert texts[0] == "You will run our billing jobs."
    assert texts[1].startswith("You will also review") and texts[1].endswith("Stripe webhooks.")


def test_boilerplate_tail_is_cut_from_a_run_on_line():
    parsed = parse_jd("Your profile:\nExcellent presentation skills Willingness to travel For further "
                      "information please contact Jane Doe at 555 0100.")
    assert [r.text for r in parsed.requirements] == ["Excellent presentation skills Willingness to travel"]


def test_empty_and_blank_text():
    for text in ("", "   \n\n  "):
        parsed = parse_jd(text)
        assert parsed.requirements == () and parsed.gates == () and parsed.sections == ()


def test_normalise_text_plain_spaces_and_line_ends():
    assert normalise_text("a\u00a0b\r\nc\u200b\td  \n") == "a b\nc d"


def test_by_kind_filters():
    text, _ = _load("markdown_headers")
    parsed = parse_jd(text)
    assert {r.kind for r in parsed.by_kind("nice")} == {RequirementKind.NICE}
    assert len(parsed.by_kind("must")) == 5


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize("line,kind", [
    ("## Requirements", "must"), ("Minimum qualifications:", "must"), ("What you'll need", "must"),
    ("**Nice to have**", "nice"), ("Preferred Qualifications", "nice"), ("Bonus points:", "nice"),
    ("What you'll do", "responsibility"), ("RESPONSIBILITIES", "responsibility"), ("Day-to-day:", "responsibility"),
    ("About us", "skip"), ("Perks & Benefits", "skip"), ("Equal Opportunity Employer", "skip"),
    ("How to apply:", "skip"), ("Job description", "general"), ("Skills required -", "must"), ("Why us?", "skip"),
])
def test_header_kinds(line, kind):
    hit = detect_header(line, is_bullet=False)
    assert hit is not None and hit.kind == kind


@pytest.mark.parametrize("line", [
    "Experience with Python", "Application architecture", "Strong SQL skills.", "Python", "Code reviews",
])
def test_short_requirements_are_not_headers(line):
    assert detect_header(line, is_bullet=False) is None


def test_metadata_pair_is_dropped_without_opening_a_section():
    hit = detect_header("Salary: 45,000 - 55,000 EUR", is_bullet=False)
    assert hit is not None and hit.metadata and hit.kind == "skip"
    parsed = parse_jd("Requirements\nSalary: 45,000 EUR\n- Fluent Spanish\n")
    assert [s.header for s in parsed.sections] == ["Requirements"]
    assert [r.text for r in parsed.requirements] == ["Fluent Spanish"]


def test_longest_phrase_wins():
    assert match_header("Preferred qualifications")[0] == "nice"
    assert match_header("About the role")[0] == "responsibility"
    assert match_header("About the company")[0] == "skip"


# ---------------------------------------------------------------- terms and any-of


def test_builtin_terms_find_tools_and_tech_tokens():
    terms = builtin_terms("Experience with Python, PostgreSQL and C++ on AWS; we use Kubernetes and Node.js.")
    for t in ("python", "postgresql", "c++", "aws", "kubernetes", "node.js"):
        assert t in terms
    assert "we" not in terms and "experience" not in terms


@pytest.mark.parametrize("text,groups", [
    ("Experience with a cloud such as AWS, GCP or Azure", (("AWS", "GCP", "Azure"),)),
    ("One of Java, Kotlin, Scala", (("Java", "Kotlin", "Scala"),)),
    ("Familiar with GitHub Actions or CircleCI", (("GitHub Actions", "CircleCI"),)),
    ("Knowledge of databases, e.g. MySQL, Postgres, etc.", (("MySQL", "Postgres"),)),
    ("Strong communication skills", ()),
    ("We'd like you to start soon", ()),
])
def test_any_of_groups(text, groups):
    assert any_of_groups(text, builtin_terms(text)) == groups


# ---------------------------------------------------------------- robustness

_JD_ALPHABET = st.sampled_from(
    list("abcdefghij ABCDE.,;:()-•*#\n\t") + ["Requirements:\n", "Nice to have\n", "5+ years ", "must ",
                                             " or ", "such as ", "Benefits\n", "- ", "You will "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_JD_ALPHABET, max_size=120).map("".join))
def test_any_text_parses_with_valid_spans(text):
    parsed = parse_jd(text)
    for r in parsed.requirements:
        assert 0 <= r.span[0] < r.span[1] <= len(parsed.text)
        assert " ".join(parsed.text[r.span[0]:r.span[1]].split()) == r.text
    for g in parsed.gates:
        assert 0 <= g.span[0] <= g.span[1] <= len(parsed.text)
