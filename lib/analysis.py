"""Gap scoring for a whole workspace: the one place that wires the JD parser, the person's corrections,
the employer's feedback and the stored evidence vectors into :func:`lib.scoring.score_interview`.

Pages (Gap scoring, Patterns, One-page PDF) and the CLI call this module instead of wiring the steps
themselves, so every screen shows the same numbers for the same data. Everything here is pure: the
encoder, the stored vectors and "today" come in as arguments; nothing reads a clock or the database.

Per interview (:func:`score_one`):

1. parse its job description with :func:`lib.jd.parse_jd` (empty text gives no requirements);
2. apply that interview's :class:`~lib.models.RequirementOverride` rows (ignored, re-kinded, re-tagged,
   evidence excluded) — :func:`lib.scoring.score_interview` does it, this module only selects them;
3. flag the competencies named by that interview's *employer-stated* feedback items
   (:func:`flagged_competencies`); self-inferred reasons do not count as the employer's word;
4. score against the whole evidence bank and that interview's own script questions.

Evidence vectors (the slow part with the sentence model) are computed once per evidence *version* and
stored; a page view only reads them back:

    stored = lib.storage.vectors.load_vectors(engine, owner, model_id)
    for ev in missing_vectors(data.evidence, stored, model_id):
        save_vectors(engine, owner, ev.id, ev.version, model_id, compute_unit_vectors(ev, encoder))
    unit_vectors = unit_vectors_from_stored(data.evidence, stored_after_saving, model_id)
    scores = score_workspace(data, encoder, unit_vectors=unit_vectors, today=today)

The TF-IDF fallback encoder is not cacheable (its vectors depend on the corpus): :func:`missing_vectors`
returns nothing for it and the scorer works without stored vectors.

Caching: :func:`input_fingerprints` gives each interview a hash of everything its score depends on, so a
cache keyed by it rescores only the interviews an edit touched (:mod:`lib.ui.analysis_ui` does this).

Shared work: the bank's side of scoring (unit terms, hashed n-grams, content words, unit vectors) does
not depend on the interview. :func:`evidence_index` builds it once
(:class:`~lib.matching.index.EvidenceIndex`) and :func:`score_workspace` passes it to every
:func:`score_one`; it also encodes every requirement and answer text of the workspace in one call (each
distinct text once). The scores are the same as without the index.

Cost (``tools/bench_scoring.py``, demo ×10 — 100 interviews, 2,000 evidence items, 1,000 questions —
vectors stored, imports warm, 2-core machine): ~5 s with TF-IDF and ~7 s with the sentence model for the
whole workspace (~2 s of it building the index, ~35 ms per interview), against 190–390 s when the bank's
side was redone for every interview. ×1 (7 interviews): ~0.3 s with TF-IDF; with the model, encoding the
~150 requirement and answer texts (~2 s) dominates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from lib.errors import NotFound
from lib.jd import ParsedJD, parse_jd
from lib.matching.embedder import TFIDF_ID
from lib.matching.index import EvidenceIndex, build_index
from lib.matching.units import evidence_units, unit_key
from lib.models import Evidence, FeedbackSource, WorkspaceData
from lib.scoring import InterviewScore, score_interview

__all__ = [
    "bank_fingerprint", "compute_many_unit_vectors", "compute_unit_vectors", "evidence_index", "flagged_competencies",
    "input_fingerprint", "input_fingerprints", "missing_vectors", "prime_index", "parse_interview_jd", "score_one", "score_workspace", "unit_vectors_from_stored",
]

StoredVectors = Mapping[tuple[int, int], Sequence[tuple[str, np.ndarray]]]


def _unwrap(encoder):
    """The bare encoder and its fallback reason (``load_encoder`` returns a ``LoadedEncoder`` wrapper)."""
    if hasattr(encoder, "encoder") and hasattr(encoder, "fallback_reason"):
        return encoder.encoder, encoder.fallback_reason
    return encoder, None


def _cacheable(model_id: str, encoder=None) -> bool:
    if encoder is not None:
        return bool(getattr(_unwrap(encoder)[0], "cacheable", False))
    return model_id != TFIDF_ID


# ---------------------------------------------------------------- vectors


def missing_vectors(evidence: Iterable[Evidence], stored: StoredVectors, model_id: str, *,
                    encoder=None) -> tuple[Evidence, ...]:
    """Saved evidence items whose vectors for ``model_id`` are not stored for their current version
    (or were stored for different unit texts). ``stored``: what
    :func:`lib.storage.vectors.load_vectors` returned for ``model_id``. Empty for a non-cacheable
    model (the TF-IDF fallback; pass ``encoder`` to decide from its ``cacheable`` flag)."""
    if not _cacheable(model_id, encoder):
        return ()
    out = []
    for ev in evidence:
        if ev.id is None:
            continue
        rows = stored.get((ev.id, ev.version))
        if rows is None or [t for t, _ in rows] != [u.text for u in evidence_units(ev)]:
            out.append(ev)
    return tuple(out)


def compute_unit_vectors(ev: Evidence, encoder) -> list[tuple[str, np.ndarray]]:
    """(unit text, vector) for each unit of one evidence item, in unit order — the shape
    :func:`lib.storage.vectors.save_vectors` stores."""
    enc, _ = _unwrap(encoder)
    units = evidence_units(ev)
    if not units:
        return []
    vecs = enc.encode([u.text for u in units])
    return [(u.text, np.asarray(vecs[i], dtype=np.float32)) for i, u in enumerate(units)]


def compute_many_unit_vectors(evidence: Sequence[Evidence], encoder
                              ) -> dict[tuple[int, int], list[tuple[str, np.ndarray]]]:
    """:func:`compute_unit_vectors` for many items in one encoder call (each distinct text encoded once),
    keyed by (evidence id, version) like :func:`lib.storage.vectors.load_vectors`. Much faster than one
    call per item with the sentence model (per-call overhead, and batches of similar lengths)."""
    enc, _ = _unwrap(encoder)
    per_item = [(ev, evidence_units(ev)) for ev in evidence if ev.id is not None]
    texts = list(dict.fromkeys(u.text for _, units in per_item for u in units))
    vecs = enc.encode(texts) if texts else np.zeros((0, 0), dtype=np.float32)
    row = {t: i for i, t in enumerate(texts)}
    return {(ev.id, ev.version): [(u.text, np.asarray(vecs[row[u.text]], dtype=np.float32)) for u in units]
            for ev, units in per_item}


def unit_vectors_from_stored(evidence: Iterable[Evidence], stored: StoredVectors,
                             model_id: str) -> dict[str, np.ndarray]:
    """``{unit_key: vector}`` for the scorer, from stored rows of the *current* evidence versions only
    (rows of an older version are ignored, so an edited item is never scored with stale vectors)."""
    out: dict[str, np.ndarray] = {}
    for ev in evidence:
        if ev.id is None:
            continue
        for text, vec in stored.get((ev.id, ev.version), ()):
            out[unit_key(model_id, text)] = vec
    return out


# ---------------------------------------------------------------- scoring


def flagged_competencies(data: WorkspaceData, interview_id: int) -> frozenset[str]:
    """Competencies the employer's own feedback on this interview points at (self-inferred reasons and
    items without a competency are left out)."""
    return frozenset(f.competency for f in data.feedback
                     if f.interview_id == interview_id and f.source == FeedbackSource.EMPLOYER and f.competency)


def parse_interview_jd(data: WorkspaceData, interview_id: int) -> ParsedJD:
    """The parsed job description of one interview (raises :class:`NotFound` for an unknown id)."""
    for iv in data.interviews:
        if iv.id == interview_id:
            return parse_jd(iv.jd_text)
    raise NotFound(f"Interview {interview_id} was not found.")


def score_one(data: WorkspaceData, interview_id: int, encoder, *, unit_vectors: Mapping[str, np.ndarray] | None = None,
              today: dt.date, index: EvidenceIndex | None = None) -> InterviewScore:
    """Score one interview of the workspace (see the module docstring for the steps). ``index``: the
    bank's :func:`evidence_index` (shared by the interviews of one workspace; built here when absent)."""
    parsed = parse_interview_jd(data, interview_id) if index is None else _parsed_jd(index, data, interview_id)
    enc, reason = _unwrap(encoder)
    items, overrides = _interview_inputs(data, interview_id)
    return score_interview(parsed.requirements, parsed.gates, data.evidence, items, enc,
                           overrides=overrides, flagged_competencies=flagged_competencies(data, interview_id),
                           unit_vectors=unit_vectors, today=today, fallback_reason=reason, index=index)


def _parsed_jd(index: EvidenceIndex, data: WorkspaceData, interview_id: int) -> ParsedJD:
    """:func:`parse_interview_jd`, remembered in the index per job description text."""
    iv = next((iv for iv in data.interviews if iv.id == interview_id), None)
    if iv is None:
        raise NotFound(f"Interview {interview_id} was not found.")
    if iv.jd_text not in index.parsed_jds:
        index.parsed_jds[iv.jd_text] = parse_jd(iv.jd_text)
    return index.parsed_jds[iv.jd_text]


def evidence_index(data: WorkspaceData, encoder, *, unit_vectors: Mapping[str, np.ndarray] | None = None,
                   interview_ids: Iterable[int] | None = None) -> EvidenceIndex:
    """The workspace bank's :class:`~lib.matching.index.EvidenceIndex` for ``encoder``: build it once and
    pass it to :func:`score_one` for every interview (it stays valid while the bank and the model do; see
    :func:`bank_fingerprint`). Primed for ``interview_ids`` (default: all), see :func:`prime_index`."""
    enc, _ = _unwrap(encoder)
    index = build_index(data.evidence, enc, unit_vectors)
    prime_index(index, data, enc, unit_vectors=unit_vectors, interview_ids=interview_ids)
    return index


def prime_index(index: EvidenceIndex, data: WorkspaceData, encoder, *,
                unit_vectors: Mapping[str, np.ndarray] | None = None, interview_ids: Iterable[int] | None = None) -> None:
    """With a cacheable encoder, encode the requirement and answer texts of ``interview_ids`` (default: all
    interviews) that the index does not hold yet, in one call and each distinct text once (one call for
    the whole workspace instead of two per interview). Nothing to do for the TF-IDF fallback."""
    enc, _ = _unwrap(encoder)
    if not getattr(enc, "cacheable", False):
        return
    wanted = None if interview_ids is None else set(interview_ids)
    texts: list[str] = []
    for iv in data.interviews:
        if iv.id is not None and (wanted is None or iv.id in wanted):
            texts.extend(r.text for r in _parsed_jd(index, data, iv.id).requirements)
    texts.extend(q.answer.strip() for q in data.script_items
                 if q.answer.strip() and (wanted is None or q.interview_id in wanted))
    index.prime(enc, texts, unit_vectors)


def bank_fingerprint(data: WorkspaceData) -> str:
    """A hash of the evidence bank: an :func:`evidence_index` serves every interview while it is unchanged
    (for the same encoder)."""
    return _digest(data.evidence)


def score_workspace(data: WorkspaceData, encoder, *, unit_vectors: Mapping[str, np.ndarray] | None = None,
                    today: dt.date) -> dict[int, InterviewScore]:
    """``{interview_id: InterviewScore}`` for every saved interview, in date order (then id).
    Deterministic: the same data, encoder and vectors give equal scores. The bank's side of the work is
    done once (:func:`evidence_index`), not once per interview."""
    order = sorted((iv for iv in data.interviews if iv.id is not None), key=lambda iv: (iv.interview_date, iv.id))
    index = evidence_index(data, encoder, unit_vectors=unit_vectors)
    return {iv.id: score_one(data, iv.id, encoder, unit_vectors=unit_vectors, today=today, index=index)
            for iv in order}


def _digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _interview_inputs(data: WorkspaceData, interview_id: int):
    items = sorted((q for q in data.script_items if q.interview_id == interview_id), key=lambda q: (q.position, q.id or 0))
    overrides = sorted((o for o in data.overrides if o.interview_id == interview_id), key=lambda o: o.req_key)
    return items, overrides


def input_fingerprints(data: WorkspaceData) -> dict[int, str]:
    """``{interview_id: hash}`` of everything that interview's score depends on: the interview itself,
    its script questions, its overrides, its employer-flagged competencies and the whole evidence bank.
    Equal hashes (with the same encoder and "today") mean an equal score, so a cache keyed by it only
    rescores the interviews an edit touched (an evidence edit touches them all)."""
    bank = _digest(data.evidence)
    return {iv.id: _fingerprint(data, iv, bank) for iv in data.interviews if iv.id is not None}


def input_fingerprint(data: WorkspaceData, interview_id: int) -> str:
    """One interview's entry of :func:`input_fingerprints` (raises :class:`NotFound` for an unknown id)."""
    for iv in data.interviews:
        if iv.id == interview_id:
            return _fingerprint(data, iv, _digest(data.evidence))
    raise NotFound(f"Interview {interview_id} was not found.")


def _fingerprint(data: WorkspaceData, iv, bank: str) -> str:
    items, overrides = _interview_inputs(data, iv.id)
    return _digest(bank, iv, items, overrides, sorted(flagged_competencies(data, iv.id)))
