"""Hard gates (years, degree, certificate, language, right to work) checked against the evidence bank.

Each check returns ``(met, why)``: True / False when the bank shows it either way, None when it cannot
tell (absence of a language or a work permit in the bank says nothing). ``today`` closes open-ended
date ranges; without it only closed ranges count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from lib.matching.terms import fuzzy_match
from lib.models import Evidence, EvidenceKind, Gate, GateKind

# degree ladder, numbered as lib.gates.DEGREE_LADDER ("none", "high school", "associate", "bachelor",
# "master", "phd"): a DEGREE gate's value is one of those names (or its number)
LADDER_NAMES: tuple[str, ...] = ("none", "high school", "associate", "bachelor", "master", "phd")
DEGREE_LADDER: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (1, "high school diploma", re.compile(r"\bhigh school\b|\bsecondary school\b|\bA[- ]levels?\b|\bGED\b", re.I)),
    (2, "associate degree", re.compile(r"\bassociate(?:'s)? degree\b|\bassociate of\b|\bhnd\b|\bfoundation degree\b",
                                       re.I)),
    (3, "bachelor's degree", re.compile(r"\bbachelor|\bb\.?sc?\b|\bb\.a\.|\bBA\b|\bb\.?eng\b|\bundergraduate degree\b",
                                        re.I)),
    (4, "master's degree", re.compile(r"\bmaster|\bm\.?sc\b|\bmba\b|\bm\.a\.|\bMA\b|\bm\.?eng\b|\bpostgraduate\b",
                                      re.I)),
    (5, "doctorate", re.compile(r"\bph\.?d\b|\bdoctor(?:ate|al)\b|\bd\.?phil\b", re.I)),
)
_WORK_KINDS = {EvidenceKind.STORY, EvidenceKind.ACHIEVEMENT, EvidenceKind.SKILL}


def degree_level(text: str) -> int:
    """The highest ladder level named in ``text`` (0 = none)."""
    return max((level for level, _, pat in DEGREE_LADDER if pat.search(text or "")), default=0)


def _required_degree(gate: Gate) -> int:
    v = (gate.value or "").strip().lower()
    if v.isdigit():
        return max(0, min(len(LADDER_NAMES) - 1, int(v)))
    if v in LADDER_NAMES:
        return LADDER_NAMES.index(v)
    return degree_level(v) or degree_level(gate.text)


def _required_years(gate: Gate) -> float | None:
    for source in (gate.value, gate.text):
        m = re.search(r"(\d+(?:\.\d+)?)", source or "")
        if m:
            return float(m.group(1))
    return None


def years_of_experience(evidence: Sequence[Evidence], today: dt.date | None) -> float | None:
    """Years covered by the union of dated work evidence (None when nothing is dated)."""
    spans = []
    for ev in evidence:
        if ev.kind not in _WORK_KINDS or ev.started_on is None:
            continue
        end = ev.ended_on or today
        if end is None or end < ev.started_on:
            continue
        spans.append((ev.started_on, end))
    if not spans:
        return None
    spans.sort()
    total, (cur_start, cur_end) = 0, spans[0]
    for start, end in spans[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += (cur_end - cur_start).days
            cur_start, cur_end = start, end
    total += (cur_end - cur_start).days
    return total / 365.25


def _mentions(evidence: Sequence[Evidence], needle: str) -> Evidence | None:
    """The first item that names ``needle`` (as written, or a near spelling). The cheap substring test
    runs over the whole bank first, so the fuzzy search only runs on the items before that hit."""
    if not needle.strip():
        return None
    low = needle.lower()
    texts = [ev.full_text() for ev in evidence]
    plain = next((k for k, text in enumerate(texts) if low in text.lower()), len(texts))
    for k in range(plain):
        if fuzzy_match(needle, texts[k]):
            return evidence[k]
    return evidence[plain] if plain < len(texts) else None


def check_gate(gate: Gate, evidence: Sequence[Evidence], today: dt.date | None = None) -> tuple[bool | None, str]:
    kind = GateKind(gate.kind)
    if kind == GateKind.YEARS:
        need = _required_years(gate)
        have = years_of_experience(evidence, today)
        if need is None:
            return None, "The number of years could not be read from the requirement."
        if have is None:
            return None, "None of your evidence has dates, so the years cannot be counted."
        met = have + 1e-9 >= need
        return met, f"Your dated evidence spans about {have:.1f} years; {need:g} asked."
    if kind == GateKind.DEGREE:
        need = _required_degree(gate)
        quals = [ev for ev in evidence if ev.kind == EvidenceKind.QUALIFICATION]
        have = max((degree_level(ev.full_text()) for ev in quals), default=0)
        if need == 0:
            return None, "The degree level could not be read from the requirement."
        if have == 0:
            return None, "No degree found among your qualifications."
        name = {lv: nm for lv, nm, _ in DEGREE_LADDER}
        why = f"Your highest qualification is a {name[have]}; a {name[need]} is asked."
        if have < need and "equivalent" in gate.text.lower():
            return None, why + " The posting accepts equivalent experience."
        return have >= need, why
    needle = gate.value or gate.text
    if kind == GateKind.AUTHORIZATION:
        return None, f"Only you can confirm this one ({needle})."
    found = _mentions(evidence, needle)
    if found is not None:
        return True, f"“{found.title}” mentions {needle}."
    if kind == GateKind.CERTIFICATION:
        quals = [ev for ev in evidence if ev.kind == EvidenceKind.QUALIFICATION]
        if quals:
            return False, f"None of your {len(quals)} qualifications mentions {needle}."
        return None, "Your bank lists no qualifications yet."
    return None, f"Your bank does not say anything about {needle}."
