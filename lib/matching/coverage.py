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

from lib.matching.index import EvidenceIndex, UnitView, hashed_counts
from lib.matching.similarity import (
    clean_query,
    content_words,
    fused_matrix,
    overlap_counts,
    refit_lex,
    sim_to_coverage,
)
from lib.matching.terms import Lexicon, cover_slots, find_terms, load_lexicon, term_slots
from lib.matching.units import EvidenceUnit
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


def fused_similarity(encoder, req_texts: Sequence[str], index: EvidenceIndex, view: UnitView,
                     unit_vectors: Mapping[str, np.ndarray] | None = None) -> tuple[np.ndarray, bool]:
    """(n_req, n_units) fused similarity against ``view`` (the bank's units, then the answers), and
    whether it is the TF-IDF-only fallback scale.

    ``unit_vectors`` is a vector cache keyed by :func:`~lib.matching.units.unit_key`: requirement and
    answer texts found in it (or in the index's own cache) are not encoded again. The bank's side (n-gram
    counts, content words, unit vectors) comes from ``index``; only the requirements and answers are
    analysed here."""
    n_units = len(view.units)
    if not req_texts or not n_units:
        return np.zeros((len(req_texts), n_units), dtype=np.float32), False
    bank, answers = view.bank, view.answers
    cleaned = [clean_query(t) for t in req_texts]
    lex_bank, lex_ans = refit_lex(hashed_counts(cleaned), [(bank.ngrams, bank.df, len(bank)),
                                                           (answers.ngrams, answers.df, len(answers))])
    lex = np.concatenate([lex_bank[:, bank.row], lex_ans[:, answers.row]], axis=1)
    # share of the requirement's content words that the unit uses
    req_words = [content_words(t) for t in cleaned]
    sizes = np.array([max(len(w), 1) for w in req_words], dtype=np.float32)
    shared = np.concatenate([overlap_counts(req_words, bank.vocab, bank.word_matrix)[:, bank.row],
                             overlap_counts(req_words, answers.vocab, answers.word_matrix)[:, answers.row]], axis=1)
    overlap = shared / sizes[:, None]
    fallback = not getattr(encoder, "cacheable", False)
    if fallback:
        return fused_matrix(None, lex, overlap), True
    req_vecs = index.text_vectors_for(encoder, list(req_texts), unit_vectors)
    parts = [index.vectors] if len(bank) else []
    if len(answers):
        parts.append(index.text_vectors_for(encoder, list(answers.texts), unit_vectors)[answers.row])
    vecs = np.concatenate(parts, axis=0) if len(parts) > 1 else parts[0]
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


def requirement_coverage(req: Requirement, sims: np.ndarray, view: UnitView, *, fallback: bool,
                         excluded: Collection[int] = (), lexicon: Lexicon | None = None) -> Coverage:
    """Coverage of one requirement from its row of fused similarities against ``view``'s units."""
    lex = lexicon or load_lexicon()
    units, strength = view.units, view.strength
    n = len(units)
    allowed = (~np.isin(view.evidence_id, np.fromiter(excluded, dtype=np.int64)) | (view.evidence_id < 0)
               if excluded else np.ones(n, dtype=bool))
    sem_unit = sim_to_coverage(sims, fallback=fallback) * strength * allowed if n else np.zeros(0)
    slots = term_slots(req.terms or find_terms(req.text, lex), req.any_of, lex)
    unit_fill: dict[int, tuple[str, ...]] = {}
    slot_credit = [0.0] * len(slots)
    if slots and n:
        fuzzy_rows = set(np.argsort(-sem_unit, kind="stable")[:FUZZY_TOP_UNITS].tolist())
        named = view.units_with({t for slot in slots for t in slot}).tolist()
        for i in sorted(fuzzy_rows.union(named)):
            if not allowed[i]:
                continue
            fuzzy = i in fuzzy_rows
            cov = cover_slots(slots, view.unit_terms(i), units[i].text if fuzzy else "", fuzzy=fuzzy,
                              lexicon=lex, match=view.fuzzy)
            unit_fill[i] = cov.matched
            for s, slot in enumerate(slots):
                if any(t in cov.matched for t in slot):
                    slot_credit[s] = max(slot_credit[s], units[i].strength)
    semantic = float(sem_unit.max()) if n else 0.0
    weight = term_weight(req.text, slots)
    if slots:
        term_fraction = sum(slot_credit) / len(slots)
        coverage = (1 - weight) * semantic + weight * term_fraction
        if weight >= TERM_WEIGHT and all(c >= 1.0 for c in slot_credit):
            coverage = max(coverage, ALL_TERMS_FLOOR)
    else:
        term_fraction = None
        coverage = semantic
    matched = tuple(dict.fromkeys(t for i in sorted(unit_fill) for t in unit_fill[i]))
    missing = tuple(" / ".join(slot) for s, slot in enumerate(slots) if slot_credit[s] == 0.0)
    hits = _top_hits(view, sims, sem_unit, unit_fill, len(slots), allowed, weight)
    return Coverage(coverage=round(float(min(coverage, 1.0)), 4), semantic=round(semantic, 4),
                    term_fraction=None if term_fraction is None else round(term_fraction, 4),
                    matched_terms=matched, missing_terms=missing, hits=hits)


# Hits are chosen among the units scoring at least this close to the third-best source (scores are
# rounded to 4 decimals before they are compared, so a margin of a few 1e-4 keeps the choice exact).
_HIT_MARGIN = 3e-4


def _top_hits(view: UnitView, sims, sem_unit, unit_fill, n_slots, allowed, weight) -> tuple[UnitHit, ...]:
    units = view.units
    if not len(units):
        return ()
    if n_slots:
        filled = np.zeros(len(units), dtype=np.float32)
        for i, fill in unit_fill.items():
            filled[i] = len(fill)
        scores = (1 - weight) * sem_unit + weight * (filled / n_slots) * view.strength
    else:
        scores = sem_unit
    scores = np.where(allowed, scores, 0.0)
    candidates = np.nonzero(scores >= MIN_HIT_SCORE)[0]
    if len(candidates) > 4 * MAX_HITS:
        # the score of the MAX_HITS-th distinct source, best first: nothing much below it can be a hit
        seen: set = set()
        for i in candidates[np.argsort(-scores[candidates], kind="stable")].tolist():
            seen.add(view.sources[i])
            if len(seen) == MAX_HITS:
                candidates = candidates[scores[candidates] >= scores[i] - _HIT_MARGIN]
                break
    best: dict[tuple, UnitHit] = {}
    for i in candidates.tolist():
        source = view.sources[i]
        hit = UnitHit(unit=units[i], similarity=round(float(sims[i]), 4), score=round(float(scores[i]), 4),
                      terms=unit_fill.get(i, ()))
        if source not in best or hit.score > best[source].score:
            best[source] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, -h.similarity, h.unit.text))
    return tuple(ranked[:MAX_HITS])
