"""The demo workspace (sample_data/demo_workspace.json): it loads into the domain model and tells its story.

Pure and fast: reads one JSON file, builds the ``lib.models`` dataclasses, checks references, minimum
counts and the patterns later screens rely on (a stakeholder/conflict demonstration gap, a system-design
skill gap, analytical strength, a complete feedback loop on the final-round rejection).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

import pytest

from lib import models as m
from lib.competencies import KEYS

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo_workspace.json"

ENTITIES: dict[str, type] = {
    "evidence": m.Evidence,
    "interviews": m.Interview,
    "script_items": m.ScriptItem,
    "overrides": m.RequirementOverride,
    "contacts": m.Contact,
    "attempts": m.ContactAttempt,
    "feedback": m.FeedbackItem,
    "case_points": m.CasePoint,
    "letters": m.Letter,
    "actions": m.ActionItem,
    "comments": m.Comment,
}
STAKEHOLDER_KEYS = {"stakeholder_management", "conflict_resolution"}


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"duplicate keys in the demo file: {dupes}"
    return dict(pairs)


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"non-standard JSON constant {name} in the demo file")


@pytest.fixture(scope="module")
def doc() -> dict:
    raw = DEMO.read_bytes()
    return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant)


def _build(cls: type, row: dict) -> object:
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in row:
            continue
        value = row[f.name]
        if isinstance(value, str) and "dt.datetime" in str(f.type):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and "dt.date" in str(f.type):
            value = dt.date.fromisoformat(value)
        kwargs[f.name] = value
    return cls(**kwargs)


@pytest.fixture(scope="module")
def data(doc: dict) -> m.WorkspaceData:
    return m.WorkspaceData(**{name: tuple(_build(cls, row) for row in doc[name]) for name, cls in ENTITIES.items()})


# ---------------------------------------------------------------- format


def test_envelope(doc: dict) -> None:
    assert doc["format"] == "secondlook-backup"
    assert doc["schema_version"] == 1
    dt.datetime.fromisoformat(doc["exported_at"])
    ws = doc["workspace"]
    assert ws["is_demo"] is True
    assert ws["display_name"].strip()
    assert dt.date.fromisoformat(ws["anchor_date"]) == dt.date(2026, 11, 20)
    assert set(doc) == {"format", "schema_version", "exported_at", "workspace", *ENTITIES}


def test_file_is_pretty_printed_utf8() -> None:
    text = DEMO.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format"')
    assert "\\u00" not in text  # non-ASCII characters are written as themselves
    assert any(ord(c) > 127 for c in text)


@pytest.mark.parametrize("name", list(ENTITIES))
def test_keys_are_exactly_the_dataclass_fields(doc: dict, name: str) -> None:
    expected = {f.name for f in dataclasses.fields(ENTITIES[name])} - {"version"}
    for row in doc[name]:
        assert set(row) == expected, (name, row.get("id"), set(row) ^ expected)


@pytest.mark.parametrize("name", list(ENTITIES))
def test_every_row_builds_and_ids_are_unique(doc: dict, data: m.WorkspaceData, name: str) -> None:
    objects = getattr(data, name)
    assert len(objects) == len(doc[name])
    ids = [o.id for o in objects]
    assert all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in ids)
    assert len(set(ids)) == len(ids)


def test_dates_are_iso_strings(doc: dict) -> None:
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for name, cls in ENTITIES.items():
        date_fields = [f.name for f in dataclasses.fields(cls)
                       if "dt.date" in str(f.type) and "dt.datetime" not in str(f.type)]
        for row in doc[name]:
            for field in date_fields:
                assert row[field] is None or iso.match(row[field]), (name, row["id"], field)


# ---------------------------------------------------------------- references


def test_references_resolve(data: m.WorkspaceData) -> None:
    interviews = {i.id for i in data.interviews}
    evidence = {e.id for e in data.evidence}
    contacts = {c.id: c for c in data.contacts}
    feedback = {f.id: f for f in data.feedback}
    for group in (data.script_items, data.contacts, data.attempts, data.feedback, data.case_points):
        for obj in group:
            assert obj.interview_id in interviews, obj
    for a in data.attempts:
        if a.contact_id is not None:
            assert a.contact_id in contacts
            assert contacts[a.contact_id].interview_id == a.interview_id
    for p in data.case_points:
        assert p.feedback_id in feedback
        assert feedback[p.feedback_id].interview_id == p.interview_id
        assert p.evidence_ids and set(p.evidence_ids) <= evidence
    for a in data.actions:
        assert a.interview_id is None or a.interview_id in interviews


def test_competency_keys_are_known(data: m.WorkspaceData) -> None:
    used = [k for e in data.evidence for k in e.competencies]
    used += [k for q in data.script_items for k in q.competencies]
    used += [f.competency for f in data.feedback if f.competency]
    used += [a.competency for a in data.actions if a.competency]
    assert used
    assert set(used) <= set(KEYS), set(used) - set(KEYS)


# ---------------------------------------------------------------- evidence bank


def test_evidence_bank_minimums(data: m.WorkspaceData) -> None:
    by_kind = defaultdict(list)
    for e in data.evidence:
        by_kind[e.kind].append(e)
    assert len(data.evidence) >= 25
    stars = [e for e in by_kind[m.EvidenceKind.STORY]
             if all(getattr(e, part).strip() for part in ("situation", "task", "action", "result"))]
    assert len(stars) >= 6
    assert len(by_kind[m.EvidenceKind.QUALIFICATION]) >= 2
    assert len(by_kind[m.EvidenceKind.SKILL]) >= 6
    assert len(by_kind[m.EvidenceKind.RESEARCH]) >= 3
    assert any(re.search(r"\d", e.body) for e in by_kind[m.EvidenceKind.ACHIEVEMENT])
    assert all(e.competencies for e in data.evidence)


def test_most_star_results_are_measurable_but_not_all(data: m.WorkspaceData) -> None:
    stories = [e for e in data.evidence if e.kind == m.EvidenceKind.STORY]
    without_number = [e for e in stories if not re.search(r"\d", e.result)]
    assert 1 <= len(without_number) <= 2
    assert len(stories) - len(without_number) > len(stories) / 2


def test_research_notes_name_companies_interviewed_with(data: m.WorkspaceData) -> None:
    companies = {i.company for i in data.interviews}
    covered = {c for c in companies for e in data.evidence
               if e.kind == m.EvidenceKind.RESEARCH and c.lower() in e.full_text().lower()}
    assert len(covered) >= 3


# ---------------------------------------------------------------- interviews and scripts


def test_interview_mix(data: m.WorkspaceData) -> None:
    ivs = data.interviews
    assert len(ivs) >= 6
    assert len({i.company for i in ivs}) >= 4
    assert all(dt.date(2026, 6, 1) <= i.interview_date <= dt.date(2026, 11, 30) for i in ivs)
    months = {i.interview_date.month for i in ivs}
    assert len(months) >= 4
    outcomes = [i.outcome for i in ivs]
    assert outcomes.count(m.Outcome.OFFER) == 1
    assert outcomes.count(m.Outcome.REJECTED) >= 4
    assert m.Outcome.PENDING in outcomes or m.Outcome.GHOSTED in outcomes
    rejected_stages = {i.furthest_stage for i in ivs if i.outcome == m.Outcome.REJECTED}
    assert len(rejected_stages) >= 3
    assert {m.Stage.SCREEN, m.Stage.FIRST_ROUND, m.Stage.ASSESSMENT, m.Stage.FINAL_ROUND} <= rejected_stages
    for i in ivs:
        assert i.interviewers and i.stages and i.notes.strip() and i.appraisal.strip()
        assert i.furthest_stage == max(i.stages, key=m.STAGE_ORDER.index)
        if i.outcome in (m.Outcome.REJECTED, m.Outcome.OFFER):
            assert i.decided_on is not None


def test_scripts(data: m.WorkspaceData) -> None:
    by_iv = defaultdict(list)
    for q in data.script_items:
        by_iv[q.interview_id].append(q)
    for iv in data.interviews:
        items = by_iv[iv.id]
        low, high = (2, 3) if iv.furthest_stage == m.Stage.SCREEN else (4, 8)
        assert low <= len(items) <= high, (iv.company, len(items))
        assert sorted(q.position for q in items) == list(range(1, len(items) + 1))
        for q in items:
            assert q.rating in (1, 2, 3, 4, 5)
            assert q.answer.strip() and q.went_right.strip() and q.went_wrong.strip() and q.next_time.strip()
            assert q.competencies
            sentences = len(re.findall(r"[.!?…](?:\s|$)", q.answer))
            assert 2 <= sentences <= 5, (iv.company, q.question, sentences)


def _ratings_by_interview(data: m.WorkspaceData, keys: set[str]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for q in data.script_items:
        if keys & set(q.competencies):
            out[q.interview_id].append(q.rating)
    return out


def test_stakeholder_and_conflict_are_a_demonstration_gap(data: m.WorkspaceData) -> None:
    by_iv = _ratings_by_interview(data, STAKEHOLDER_KEYS)
    weak = [iv for iv, ratings in by_iv.items() if statistics.mean(ratings) <= 2.5]
    assert len(weak) >= 4
    assert statistics.mean(r for ratings in by_iv.values() for r in ratings) <= 2.5
    stories = [e for e in data.evidence if e.kind == m.EvidenceKind.STORY and STAKEHOLDER_KEYS & set(e.competencies)]
    assert len(stories) >= 2


def test_system_design_is_a_skill_gap(data: m.WorkspaceData) -> None:
    ratings = [r for rs in _ratings_by_interview(data, {"system_design"}).values() for r in rs]
    assert len(ratings) >= 3 and statistics.mean(ratings) <= 2
    assert not [e for e in data.evidence if "system_design" in e.competencies]


def test_analytical_thinking_is_a_strength(data: m.WorkspaceData) -> None:
    by_iv = _ratings_by_interview(data, {"analytical_thinking"})
    assert len(by_iv) >= 5
    assert statistics.mean(r for rs in by_iv.values() for r in rs) >= 4
    assert sum("analytical_thinking" in e.competencies for e in data.evidence) >= 8


# ---------------------------------------------------------------- job descriptions

HEADER_STEMS = (
    "about", "the role", "the opportunity", "who we are", "what you'll", "what you will", "what we",
    "responsibilities", "key responsibilities", "requirements", "essential", "desirable", "nice to have",
    "bonus points", "benefits", "perks", "your mission", "you'll bring", "extra credit", "it would be great",
)
BULLET = re.compile(r"^\s*(•|-|\*|–|\d+\.)\s")


def _headers(jd: str) -> list[str]:
    out = []
    for line in jd.splitlines():
        if BULLET.match(line) or len(line.strip()) > 60:
            continue
        text = line.strip().lstrip("#").strip().rstrip(":").lower()
        if text.startswith(HEADER_STEMS):
            out.append(text)
    return out


def test_job_descriptions(data: m.WorkspaceData) -> None:
    bullet_styles = set()
    for iv in data.interviews:
        jd = iv.jd_text
        assert 1500 <= len(jd) <= 3500, (iv.company, len(jd))
        assert len(set(_headers(jd))) >= 3, (iv.company, _headers(jd))
        assert re.search(r"equal opportunit|diverse team|regardless of", jd, re.IGNORECASE), iv.company
        assert re.search(r"\d\+ years", jd), iv.company
        bullet_styles |= {BULLET.match(line).group(1).rstrip(".").isdigit() or BULLET.match(line).group(1)
                          for line in jd.splitlines() if BULLET.match(line)}
    assert len(bullet_styles) >= 4  # •, -, *, numbered
    all_text = "\n".join(iv.jd_text for iv in data.interviews).lower()
    assert "equivalent experience" in all_text and "right to work" in all_text and "fluent english" in all_text


# ---------------------------------------------------------------- feedback loop


def _final_round_rejection(data: m.WorkspaceData) -> m.Interview:
    found = [i for i in data.interviews
             if i.outcome == m.Outcome.REJECTED and i.furthest_stage == m.Stage.FINAL_ROUND]
    assert len(found) == 1
    return found[0]


def test_final_round_feedback_and_case(data: m.WorkspaceData) -> None:
    anchor = dt.date(2026, 11, 20)
    final = _final_round_rejection(data)
    assert 3 <= (anchor - final.decided_on).days <= 7
    employer = [f for f in data.feedback if f.interview_id == final.id and f.source == m.FeedbackSource.EMPLOYER]
    assert len(employer) == 3 and all(f.competency in KEYS for f in employer)
    own = [f for f in data.feedback if f.source == m.FeedbackSource.SELF]
    assert len(own) == 1 and own[0].interview_id != final.id
    answered = {p.feedback_id for p in data.case_points if p.interview_id == final.id}
    assert answered == {f.id for f in employer}
    assert all(p.paragraph.strip() for p in data.case_points)


def test_contact_log_tells_three_endings(data: m.WorkspaceData) -> None:
    final = _final_round_rejection(data)
    ivs_with_contacts = {c.interview_id for c in data.contacts}
    assert len(ivs_with_contacts) >= 3
    assert all(c.email.endswith(("@example.com", "@example.org")) and c.phone for c in data.contacts)

    log = sorted((a for a in data.attempts if a.interview_id == final.id), key=lambda a: (a.on, a.id))
    outbound = [a for a in log if a.direction == m.Direction.OUTBOUND]
    assert len(outbound) >= 2
    assert outbound[1].channel != outbound[0].channel and (outbound[1].on - outbound[0].on).days == 7
    assert any(a.direction == m.Direction.INBOUND and a.outcome == m.AttemptOutcome.REPLIED for a in log)

    by_iv = defaultdict(list)
    for a in data.attempts:
        by_iv[a.interview_id].append(a)
    declined = [iv for iv, log in by_iv.items() if any(a.outcome == m.AttemptOutcome.DECLINED for a in log)]
    silent = [iv for iv, log in by_iv.items() if iv in ivs_with_contacts and len(log) >= 2
              and all(a.outcome == m.AttemptOutcome.NO_ANSWER for a in log)]
    assert declined and silent and final.id not in declined + silent


def test_a_fresh_rejection_awaits_its_first_request(data: m.WorkspaceData) -> None:
    anchor = dt.date(2026, 11, 20)
    fresh = [i for i in data.interviews if i.outcome == m.Outcome.REJECTED and i.decided_on == anchor - dt.timedelta(1)]
    assert len(fresh) == 1
    assert not [a for a in data.attempts if a.interview_id == fresh[0].id]


def test_action_plan(data: m.WorkspaceData) -> None:
    assert 3 <= len(data.actions) <= 4
    assert sum(a.done for a in data.actions) == 1
    classes = {a.gap_class for a in data.actions if a.gap_class}
    assert classes <= {"strength", "demonstration_gap", "skill_gap", "not_assessed"}
    assert {"demonstration_gap", "skill_gap"} <= classes
