"""Requirement coverage: combine the term layer and the semantic layer for each requirement.

For every requirement × evidence unit the fused similarity (:mod:`lib.matching.similarity`) is mapped to
a semantic coverage 0–1 and multiplied by the unit's strength (a 2/5 interview answer counts 0.4).
The term layer counts the requirement's term slots (terms and any-of groups, :mod:`lib.matching.terms`)
filled anywhere in the bank: exact/alias matches in every unit, near spellings in the ten closest units.

coverage = semantic  (no terms in the requirement)
coverage = (1 − w) · semantic + w · terms  (with terms), where the term weight w grows with the share of
the requirement's content words that its terms account for: w = 0.5 · min(1, 2 · share). "Advanced SQL
and Python or R" is all terms (w = 0.5); "Coach two analysts on SQL, test design and presenting" is
mostly not (w ≈ 0.1), so naming SQL alone does not cover it. When the terms are at least half the
requirement and every slot is filled by a full-strength unit, coverage is at least ``ALL_TERMS_FLOOR``:
naming every tool the requirement names is enough to call it covered.

Labels: covered ≥ ``COVERED`` (0.7), partial ≥ ``PARTIAL`` (0.35), else gap. With the calibration of
:mod:`lib.matching.similarity` a requirement without terms is covered from a fused similarity of ~0.40 and
partial from ~0.29 (just above the 99th percentile of unrelated pairs).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lib.matching.embedder import TfidfEncoder
from lib.matching.similarity import (
    clean_query,
    content_words,
    fused_matrix,
    sim_to_coverage,
    term_overlap_matrix,
)
from lib.matching.terms import Lexicon, cover_slots, find_terms, load_lexicon, term_slots
from lib.matching.units import EvidenceUnit, unit_key
from lib.models import Requirement

COVERED = 0.7
PARTIAL = 0.35
ALL_TERMS_FLOOR = 0.7
TERM_WEIGHT = 0.5
FUZZY_TOP_UNITS = 10
MAX_HITS = 3
MIN_HIT_SCORE = 0.05


@dataclass(frozen=True)
class UnitHit:
    """One unit's contribution to a requirement (before it becomes a public ``EvidenceHit``)."""

    unit: EvidenceUnit
    similarity: float
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    coverage: float
    semantic: float
    term_fraction: float | None  # None: the requirement names no terms
    matched_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]
    hits: tuple[UnitHit, ...]


def label_for(coverage: float) -> str:
    return "covered" if coverage >= COVERED else "partial" if coverage >= PARTIAL else "gap"


def vectors_for_texts(encoder, texts: Sequence[str],
                      cached: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    """Vectors of ``texts``; those found in ``cached`` (keyed by :func:`unit_key`) are not re-encoded."""
    cached = cached or {}
    keys = [unit_key(encoder.model_id, t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in cached]
    fresh = encoder.encode([texts[i] for i in missing]) if missing else None
    dim = fresh.shape[1] if fresh is not None else (len(next(iter(cached.values()))) if cached else 0)
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, i in enumerate(missing):
        out[i] = fresh[row]
    for i, k in enumerate(keys):
        if k in cached:
            out[i] = cached[k]
    return out


def unit_vectors_for(encoder, units: Sequence[EvidenceUnit],
                     cached: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    return vectors_for_texts(encoder, [u.text for u in units], cached)


def fused_similarity(encoder, req_texts: Sequence[str], units: Sequence[EvidenceUnit],
                     unit_vectors: Mapping[str, np.ndarray] | None = None) -> tuple[np.ndarray, bool]:
    """(n_req, n_units) fused similarity, and whether it is the TF-IDF-only fallback scale.

    ``unit_vectors`` is a vector cache keyed by :func:`unit_key`: unit texts and requirement texts found
    in it are not encoded again (storage may keep requirement vectors the same way)."""
    if not req_texts or not units:
        return np.zeros((len(req_texts), len(units)), dtype=np.float32), False
    cleaned = [clean_query(t) for t in req_texts]
    texts = [u.text for u in units]
    rows = TfidfEncoder().encode_corpus([*cleaned, *texts])
    lex = np.asarray((rows[: len(cleaned)] @ rows[len(cleaned):].T).toarray(), dtype=np.float32)
    overlap = term_overlap_matrix(texts, cleaned).T  # share of the requirement's words the unit uses
    fallback = not getattr(encoder, "cacheable", False)
    if fallback:
        return fused_matrix(None, lex, overlap), True
    req_vecs = vectors_for_texts(encoder, list(req_texts), unit_vectors)
    vecs = unit_vectors_for(encoder, units, unit_vectors)
    sem = req_vecs @ vecs.T
    return fused_matrix(sem, lex, overlap), False


def term_weight(text: str, slots: Sequence[Sequence[str]]) -> float:
    """Weight of the term layer for a requirement: TERM_WEIGHT · min(1, 2 · share of its content words
    that belong to its terms)."""
    if not slots:
        return 0.0
    words = content_words(clean_query(text))
    if not words:
        return TERM_WEIGHT
    term_words = set(content_words(" ".join(t for slot in slots for t in slot)))
    share = sum(1 for w in words if w in term_words) / len(words)
    return TERM_WEIGHT * min(1.0, 2.0 * share)


def requirement_coverage(req: Requirement, sims: np.ndarray, units: Sequence[EvidenceUnit],
                         unit_terms: Sequence[tuple[str, ...]], *, fallback: bool,
                         excluded: Collection[int] = (), lexicon: Lexicon | None = None) -> Coverage:
    """Coverage of one requirement from its row of fused similarities."""
    lex = lexicon or load_lexicon()
    strength = np.array([u.strength for u in units], dtype=np.float32)
    allowed = np.array([u.evidence_id is None or u.evidence_id not in excluded for u in units], dtype=bool)
    sem_unit = sim_to_coverage(sims, fallback=fallback) * strength * allowed if len(units) else np.zeros(0)
    slots = term_slots(req.terms or find_terms(req.text, lex), req.any_of, lex)
    order = np.argsort(-sem_unit, kind="stable")
    fuzzy_rows = set(order[:FUZZY_TOP_UNITS].tolist())
    unit_fill: list[tuple[str, ...]] = []
    slot_credit = [0.0] * len(slots)
    slot_terms = {t for slot in slots for t in slot}
    for i, u in enumerate(units):
        if not allowed[i] or not slots or (i not in fuzzy_rows and slot_terms.isdisjoint(unit_terms[i])):
            unit_fill.append(())
            continue
        cov = cover_slots(slots, unit_terms[i], u.text if i in fuzzy_rows else "",
                          fuzzy=i in fuzzy_rows, lexicon=lex)
        unit_fill.append(cov.matched)
        for s, slot in enumerate(slots):
            if any(t in cov.matched for t in slot):
                slot_credit[s] = max(slot_credit[s], u.strength)
    semantic = float(sem_unit.max()) if len(units) else 0.0
    weight = term_weight(req.text, slots)
    if slots:
        term_fraction = sum(slot_credit) / len(slots)
        coverage = (1 - weight) * semantic + weight * term_fraction
        if weight >= TERM_WEIGHT and all(c >= 1.0 for c in slot_credit):
            coverage = max(coverage, ALL_TERMS_FLOOR)
    else:
        term_fraction = None
        coverage = semantic
    matched = tuple(dict.fromkeys(t for fill in unit_fill for t in fill))
    missing = tuple(" / ".join(slot) for s, slot in enumerate(slots) if slot_credit[s] == 0.0)
    hits = _top_hits(units, sims, sem_unit, unit_fill, len(slots), allowed, weight)
    return Coverage(coverage=round(float(min(coverage, 1.0)), 4), semantic=round(semantic, 4),
                    term_fraction=None if term_fraction is None else round(term_fraction, 4),
                    matched_terms=matched, missing_terms=missing, hits=hits)


def _top_hits(units, sims, sem_unit, unit_fill, n_slots, allowed, weight) -> tuple[UnitHit, ...]:
    if not len(units):
        return ()
    if n_slots:
        strength = np.array([u.strength for u in units], dtype=np.float32)
        filled = np.array([len(f) for f in unit_fill], dtype=np.float32)
        scores = (1 - weight) * sem_unit + weight * (filled / n_slots) * strength
    else:
        scores = sem_unit
    scores = np.where(allowed, scores, 0.0)
    best: dict[tuple, UnitHit] = {}
    for i in np.nonzero(scores >= MIN_HIT_SCORE)[0].tolist():
        u = units[i]
        # one hit per evidence item (its best sentence); answers and unsaved items by their own text
        source = ("e", u.evidence_id) if u.evidence_id is not None else ("u", u.script_item_id, u.text)
        hit = UnitHit(unit=u, similarity=round(float(sims[i]), 4), score=round(float(scores[i]), 4),
                      terms=unit_fill[i])
        if source not in best or hit.score > best[source].score:
            best[source] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, -h.similarity, h.unit.text))
    return tuple(ranked[:MAX_HITS])
