"""Evidence units: the pieces of the evidence bank and the interview script that a requirement is
compared with.

- a skill, qualification or achievement is one unit (title + body);
- a STAR story is split into sentences (title first), each keeping the evidence id;
- a research note is one unit with a low strength (it shows interest, not ability);
- an interview answer is one unit (question context + answer) whose strength scales with its
  self-rating: rating / 5, or 0.5 when unrated.

``strength`` (0–1) multiplies the unit's contribution to coverage. Unit vectors can be stored per evidence
id by the storage layer: :func:`encode_units` encodes a list of units, :func:`unit_key` is the cache key
of one unit (model id + text hash), so stored vectors survive reordering.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from lib.models import Evidence, EvidenceKind, ScriptItem

RESEARCH_STRENGTH = 0.3
UNRATED_STRENGTH = 0.5
MIN_SENTENCE_CHARS = 12  # shorter fragments ("Yes.", "Result:") join the next sentence
_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'(])|\n\s*[-•*]?\s*|\n")


@dataclass(frozen=True)
class EvidenceUnit:
    """One comparable piece of text. Exactly one of ``evidence_id`` / ``script_item_id`` is set
    (both may be None for unsaved objects). ``kind``: an :class:`EvidenceKind` value or "answer"."""

    text: str
    kind: str
    strength: float
    evidence_id: int | None = None
    script_item_id: int | None = None


def split_sentences(text: str) -> list[str]:
    """Sentences and bullet lines of ``text``; very short fragments are merged into the next one."""
    parts = [p.strip() for p in _SENTENCE_RE.split(text or "") if p and p.strip()]
    out: list[str] = []
    carry = ""
    for p in parts:
        p = f"{carry} {p}".strip() if carry else p
        if len(p) < MIN_SENTENCE_CHARS:
            carry = p
            continue
        out.append(p)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


def evidence_units(ev: Evidence) -> list[EvidenceUnit]:
    kind = str(ev.kind)
    if ev.kind == EvidenceKind.STORY:
        body = "\n".join(p for p in (ev.body, ev.situation, ev.task, ev.action, ev.result) if p.strip())
        sentences = [ev.title.strip(), *split_sentences(body)]
        return [EvidenceUnit(text=s, kind=kind, strength=1.0, evidence_id=ev.id) for s in dict.fromkeys(sentences)]
    text = ev.title.strip() if not ev.body.strip() else f"{ev.title.strip()}: {ev.body.strip()}"
    strength = RESEARCH_STRENGTH if ev.kind == EvidenceKind.RESEARCH else 1.0
    return [EvidenceUnit(text=text, kind=kind, strength=strength, evidence_id=ev.id)]


def answer_strength(rating: int | None) -> float:
    return UNRATED_STRENGTH if rating is None else rating / 5.0


def script_unit(item: ScriptItem) -> EvidenceUnit | None:
    """The answer as a unit (None when there is no answer text)."""
    if not item.answer.strip():
        return None
    return EvidenceUnit(text=item.answer.strip(), kind="answer", strength=answer_strength(item.rating),
                        script_item_id=item.id)


def build_units(evidence: Iterable[Evidence], script_items: Iterable[ScriptItem] = (), *,
                exclude_evidence: Iterable[int] = ()) -> tuple[EvidenceUnit, ...]:
    """All units of the bank and the script, in a stable order (bank first, then answers)."""
    skip = set(exclude_evidence)
    units: list[EvidenceUnit] = []
    for ev in evidence:
        if ev.id is not None and ev.id in skip:
            continue
        units.extend(evidence_units(ev))
    for item in script_items:
        u = script_unit(item)
        if u is not None:
            units.append(u)
    return tuple(units)


def unit_key(model_id: str, text: str) -> str:
    """Cache key of one unit's vector: the model id and a hash of the exact text."""
    return f"{model_id}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:24]}"


def encode_units(encoder, units: Sequence[EvidenceUnit]) -> np.ndarray:
    """Vectors of the units, in order: (len(units), dim) float32."""
    return encoder.encode([u.text for u in units])


def vectors_by_key(encoder, units: Sequence[EvidenceUnit]) -> dict[str, np.ndarray]:
    """{unit_key: vector} for storage: pass it back to the scorer as ``unit_vectors``."""
    vecs = encode_units(encoder, units)
    return {unit_key(encoder.model_id, u.text): vecs[i] for i, u in enumerate(units)}
