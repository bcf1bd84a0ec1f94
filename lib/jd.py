"""Job-description parsing: sections, requirements, kinds, weights and hard gates.

:func:`parse_jd` turns the text of a job description into a :class:`ParsedJD`. It is pure and
deterministic: the same text always gives the same requirements, keys and spans.

Steps

1. Normalise the text (line ends, tabs, odd spaces, zero-width characters; PDF text that came out one word
   per line is re-joined and bullets made uniform by :mod:`lib.ingest.textfix` when that module is
   present). Every span refers to this normalised text, kept in ``ParsedJD.text``.
2. Find section headers (:mod:`lib.jd_sections`): the header's words decide the kind of the lines under
   it — must, nice, responsibility, skip (about us, benefits, legal, how to apply, salary, location) or
   general (an unknown header, or no header yet).
3. Re-join hard-wrapped lines into paragraphs, then cut paragraphs into candidates: each bullet, each
   sentence, and each ``;``-separated part of a long sentence.
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
from lib.jd_sections import GENERAL, MUST, NICE, RESP, SKIP, Section, detect_header
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


# ------------------------------------------------------------------ normalisation

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _looks_one_word_per_line(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 20:
        return False
    words = sorted(len(ln.split()) for ln in lines)
    return words[len(words) // 2] <= 2


def normalise_text(text: str) -> str:
    """The text spans refer to: NFC, ``\\n`` line ends, plain spaces, no zero-width characters, no
    trailing spaces; one-word-per-line PDF text re-joined and bullets unified when
    :mod:`lib.ingest.textfix` is available."""
    out = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    out = _SPACES.sub(" ", out)
    try:
        from lib.ingest import textfix
    except ImportError:
        textfix = None
    if textfix is not None:
        if _looks_one_word_per_line(out) and hasattr(textfix, "rejoin_lines"):
            out = textfix.rejoin_lines(out)
        if hasattr(textfix, "normalise_bullets"):
            out = textfix.normalise_bullets(out)
    return "\n".join(line.rstrip() for line in out.split("\n")).strip("\n")


def requirement_key(text: str) -> str:
    """Stable id of a requirement: sha1 of its normalised lower-case text, first 16 hex digits."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split()).strip(" .;,:-–—*•")
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------ lines, blocks, units

_BULLET = re.compile(
    r"^[ \t]*(?:(?:[-*•●▪◦‣∙·–—+>»✓✔✗□■◆◇○►▶➢➤→§]|o(?=\s)|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)](?=\s))[ \t]*)+",
    re.M,
)
_CONNECTOR_END = re.compile(
    r"(?:[,&/(\-–]|\b(?:and|or|of|the|with|to|in|for|a|an|using|via|on|as|such|like|including|by|from|at|"
    r"our|your|that|which|is|are|be|into|across|within|strong|deep|solid|good|excellent))$",
    re.I,
)
_ABBREV = frozenset(
    "e.g i.e etc vs inc ltd co dr mr ms mrs jr sr no approx incl esp min max u.s b.s m.s b.a m.a ph.d st "
    "dept fig al e.v yrs".split()
)
_SENT_END = re.compile(r"[.!?](?=\s+[\"“(<A-Z0-9])(?!\s+NET\b)")


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    bullet: bool
    section: int  # index into the section list, -1 = none


def _iter_lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _continues(prev: str, line: str) -> bool:
    prev_s, cur = prev.rstrip(), line.strip()
    if not prev_s or not cur or prev_s.endswith((".", "!", "?", ":")):
        return False
    return cur[0].islower() or cur[0] in "([" or bool(_CONNECTOR_END.search(prev_s))


def _sentences(text: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute) inside ``text`` that starts at ``base``."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        before = text[start: m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREV or (len(last) == 1 and last.isalpha()) or len(before) < 3:
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return [(base + a, base + b) for a, b in out]


def _semicolon_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    chunk = text[a:b]
    if len(chunk) < 120 or chunk.count(";") < 1:
        return [(a, b)]
    parts, start = [], 0
    for m in re.finditer(r";\s+", chunk):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(chunk)))
    if any(len(chunk[p:q].split()) < 3 for p, q in parts):
        return [(a, b)]
    return [(a + p, a + q) for p, q in parts]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "-*•;,.\x95"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_INLINE_BULLET = re.compile(r"\s+[*•▪●◦]\s+(?:[*•▪●◦]\s+)*|\s*\x95\s*")


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a block at bullets written inside the line ("… tooling * • React …")."""
    out, start = [], a
    for m in _INLINE_BULLET.finditer(text, a, b):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, b))
    return [(p, q) for p, q in out if q > p]


def _units(text: str, block: _Block) -> list[tuple[int, int]]:
    a = block.start
    m = _BULLET.match(text, a, block.end)
    if m:
        a = m.end()
    spans: list[tuple[int, int]] = []
    for s, e in (se for p, q in _pieces(text, a, block.end) for se in _sentences(text[p:q], p)):
        for p, q in _semicolon_parts(text, s, e):
            p, q = _trim(text, p, q)
            if q <= p:
                continue
            if spans and len(text[p:q].split()) <= 2 and not text[p:q][:1].isupper():
                spans[-1] = (spans[-1][0], q)  # glue a tiny tail ("etc.") to the sentence before
            else:
                spans.append((p, q))
    return spans


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


def _scan(text: str) -> tuple[list[tuple[str, str, int]], list[_Block]]:
    """Headers (header, kind, line start) and blocks of content, in order."""
    headers: list[tuple[str, str, int]] = []
    blocks: list[_Block] = []
    cur: list[int] | None = None  # [start, end, bullet]
    prev_line = ""

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            blocks.append(_Block(cur[0], cur[1], bool(cur[2]), len(headers) - 1))
        cur = None

    for pos, line in _iter_lines(text):
        if not line.strip():
            flush()
            prev_line = ""
            continue
        bullet = bool(_BULLET.match(line)) and not re.match(r"^\s*\d{1,2}[.)]\d", line)
        hit = None if (cur is not None and _continues(prev_line, line)) else detect_header(line, is_bullet=bullet)
        if hit is not None:
            flush()
            if hit.metadata:
                prev_line = ""
                continue
            kind = hit.kind
            if not hit.matched and headers and headers[-1][1] in (MUST, NICE, RESP) and line.rstrip().endswith(":"):
                kind = headers[-1][1]  # an unknown "Topic:" inside a list of duties or skills is a sub-header
            headers.append((hit.header, kind, pos))
            if hit.rest:
                cur = [pos + hit.rest_offset, pos + len(line), 0]
                prev_line = line
            else:
                prev_line = ""
            continue
        if cur is not None and not bullet and _continues(prev_line, line):
            cur[1] = pos + len(line)
        else:
            flush()
            cur = [pos, pos + len(line), int(bullet)]
        prev_line = line
    flush()
    return headers, blocks


def parse_jd(text: str) -> ParsedJD:
    """Parse a job description (see the module docstring). Empty text gives an empty result."""
    norm = normalise_text(text[:MAX_JD_CHARS] if text else "")
    headers, blocks = _scan(norm)
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
        for a, b in _units(norm, block):
            cut = boilerplate_start(norm[a:b])
            if cut is not None and cut >= 40:
                a, b = _trim(norm, a, a + cut)
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
