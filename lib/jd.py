"""Job-description parsing: sections, requirements, kinds, weights and hard gates.

:func:`parse_jd` turns the text of a job description into a :class:`ParsedJD`. It is pure and
deterministic: the same text always gives the same requirements, keys and spans.

Steps

1. Normalise the text (:func:`lib.jd_blocks.normalise_text`: line ends, tabs, odd spaces, zero-width
   characters; PDF text that came out one word per line is re-joined and bullets made uniform by
   :mod:`lib.ingest.textfix`). Every span refers to this normalised text, kept in ``ParsedJD.text``.
2. Find section headers (:mod:`lib.jd_sections`): the header's words decide the kind of the lines under
   it — must, nice, responsibility, skip (about us, benefits, legal, how to apply, salary, location) or
   general (an unknown header, or no header yet).
3. Re-join hard-wrapped lines into paragraphs, then cut paragraphs into candidates: each bullet, each
   sentence, and each ``;``-separated part of a long sentence (:mod:`lib.jd_blocks`).
4. Give each candidate a kind: from its section, adjusted by its own cue words ("… is a plus" under
   *Requirements* is nice), or, outside a known section, from cue words alone (:mod:`lib.jd_cues`).
   Lines that are never requirements (titles, dates, places, company blurbs, benefits, legal text, URLs,
   "apply now") are dropped.
5. Enrich each requirement: weight, stable key, competency guess (:func:`lib.competencies.cue_matches`),
   skill terms and any-of groups (:mod:`lib.jd_terms`), and collect hard gates (:mod:`lib.gates`) from the
   must requirements (plus work-authorisation statements anywhere outside legal text).

Weights (:data:`WEIGHTS`): must 1.0, responsibility 0.6, nice 0.4.

* A *must* is what the screen checks first; missing one is the commonest stated reason for a rejection,
  so it counts in full.
* A *responsibility* describes the work, not a filter. Showing you have done similar work is strong
  evidence but the employer rarely rejects on one duty alone, so it counts a little over half.
* A *nice-to-have* is explicitly optional; it separates close candidates but cannot sink one, so it
  counts less than half a must. The gap between 0.6 and 0.4 keeps "what you will do" above "bonus
  points" while three nice-to-haves still weigh more than one must.

Duplicates (the same requirement text twice, as in postings that repeat their skill list) are kept once:
the key must identify one requirement.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from lib.competencies import cue_matches
from lib.gates import extract_gates
from lib.jd_blocks import normalise_text, scan, trim, units
from lib.jd_cues import (
    addresses_duty,
    boilerplate_start,
    fallback_kind,
    is_benefit,
    is_blurb,
    is_boilerplate,
    is_title,
    must_cue,
    nice_cue,
    skill_cue,
)
from lib.jd_sections import GENERAL, MUST, NICE, RESP, SKIP, Section
from lib.jd_terms import any_of_groups, find_terms
from lib.models import Gate, GateKind, Requirement, RequirementKind

__all__ = ["WEIGHTS", "ParsedJD", "Section", "normalise_text", "parse_jd", "requirement_key"]

WEIGHTS: dict[RequirementKind, float] = {
    RequirementKind.MUST: 1.0,
    RequirementKind.RESPONSIBILITY: 0.6,
    RequirementKind.NICE: 0.4,
}
MAX_JD_CHARS = 200_000


@dataclass(frozen=True)
class ParsedJD:
    """A parsed job description. ``text``: the normalised text that every span points into.

    For a requirement ``r``: ``" ".join(text[r.span[0]:r.span[1]].split()) == r.text``.
    """

    text: str
    requirements: tuple[Requirement, ...]
    gates: tuple[Gate, ...]
    sections: tuple[Section, ...]

    def by_kind(self, kind: RequirementKind | str) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == RequirementKind(kind))

def requirement_key(text: str) -> str:
    """Stable id of a requirement: sha1 of its normalised lower-case text, first 16 hex digits."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split()).strip(" .;,:-–—*•")
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------ kinds


def _kind(section_kind: str, unit: str, *, bullet: bool) -> str | None:
    if section_kind == SKIP:
        return None
    if section_kind == GENERAL:
        return fallback_kind(unit, is_bullet=bullet)
    if is_boilerplate(unit) or is_title(unit):
        return None
    cue = must_cue(unit) or skill_cue(unit)
    if section_kind == MUST:
        if is_blurb(unit) and not cue:
            return None
        if nice_cue(unit):
            return NICE
        return RESP if addresses_duty(unit) and not must_cue(unit) else MUST
    if section_kind == NICE:
        return NICE
    # responsibility
    if (is_blurb(unit) or is_benefit(unit)) and not (cue or addresses_duty(unit)):
        return None
    if nice_cue(unit):
        return NICE
    if re.search(r"\d\s*\+?\s*years|\bdegree\b|\bmust have\b", unit, re.I):
        return MUST
    return RESP


# ------------------------------------------------------------------ the parser


def _collapse(text: str) -> str:
    return " ".join(text.split())


def parse_jd(text: str) -> ParsedJD:
    """Parse a job description (see the module docstring). Empty text gives an empty result."""
    norm = normalise_text(text[:MAX_JD_CHARS] if text else "")
    headers, blocks = scan(norm)
    sections = tuple(
        Section(h, kind, (start, headers[i + 1][2] - 1 if i + 1 < len(headers) else len(norm)))
        for i, (h, kind, start) in enumerate(headers)
    )
    requirements: list[Requirement] = []
    gates: list[Gate] = []
    seen_keys: set[str] = set()
    for block in blocks:
        section = sections[block.section] if block.section >= 0 else None
        section_kind = section.kind if section else GENERAL
        for a, b in units(norm, block):
            cut = boilerplate_start(norm[a:b])
            if cut is not None and cut >= 40:
                a, b = trim(norm, a, a + cut)
            unit = _collapse(norm[a:b])
            kind = _kind(section_kind, unit, bullet=block.bullet)
            if kind is None:
                if not is_boilerplate(unit):
                    gates.extend(_shift(g, a) for g in extract_gates(norm[a:b]) if g.kind == GateKind.AUTHORIZATION)
                continue
            key = requirement_key(unit)
            if key in seen_keys:
                continue
            seen_keys.add(key)
            rkind = RequirementKind(kind)
            terms = find_terms(unit)
            cues = cue_matches(unit)
            requirements.append(Requirement(
                key=key, text=unit, kind=rkind, weight=WEIGHTS[rkind], span=(a, b),
                section=section.header if section else "", competency=cues[0][0] if cues else None,
                terms=terms, any_of=any_of_groups(unit, terms),
            ))
            found = extract_gates(norm[a:b])
            if rkind != RequirementKind.MUST:
                found = tuple(g for g in found if g.kind == GateKind.AUTHORIZATION)
            gates.extend(_shift(g, a) for g in found)
    return ParsedJD(text=norm, requirements=tuple(requirements), gates=_dedupe(gates), sections=sections)


def _shift(gate: Gate, offset: int) -> Gate:
    return Gate(gate.kind, _collapse(gate.text), gate.value, (gate.span[0] + offset, gate.span[1] + offset))


def _dedupe(gates: list[Gate]) -> tuple[Gate, ...]:
    out: dict[tuple[str, str], Gate] = {}
    for g in gates:
        key = (g.kind.value, g.value.lower())
        if g.kind == GateKind.DEGREE:
            key = (g.kind.value, "")
        if key not in out:
            out[key] = g
    return tuple(out.values())
