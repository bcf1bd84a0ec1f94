"""Gap scoring of one interview: requirement coverage, fit, hard gates and competency gap classes (pure).

:func:`score_interview` takes the requirements and gates of a job description (:mod:`lib.jd`), the
evidence bank, the interview script, an encoder (:func:`lib.matching.embedder.load_encoder`) and the
person's corrections, and returns an :class:`InterviewScore`. Nothing here reads a clock, a file or the
database: stored unit vectors come in as ``unit_vectors`` ({unit_key: vector}, see
:mod:`lib.matching.units`) and "today" as an argument. The same inputs give the same output.

- coverage per requirement: :mod:`lib.matching.coverage` (terms + semantic similarity, labels
  covered ≥ 0.7 / partial ≥ 0.35 / gap);
- fit: mean coverage weighted by requirement weight; gap = 1 − fit; must_coverage: the same over
  must-haves only (1.0 when the description has none);
- gates: :mod:`lib.scoring_gates`; a requirement that contains a degree, certificate or language gate the
  bank meets (same text span, e.g. "Bachelor's degree in a STEM field") is covered at least
  ``GATE_MET_COVERAGE``;
- competencies: :mod:`lib.scoring_competencies`.

Everything about the evidence bank that does not depend on the interview lives in an
:class:`~lib.matching.index.EvidenceIndex`: build it once per bank (:func:`lib.analysis.evidence_index`)
and pass it as ``index=`` when scoring many interviews; the result is the same as without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from lib.competencies import COMPETENCIES, cue_matches
from lib.jd import WEIGHTS as JD_WEIGHTS
from lib.matching.coverage import fused_similarity, label_for, requirement_coverage
from lib.matching.index import EvidenceIndex, answer_table, build_index, unit_view
from lib.matching.similarity import sim_to_coverage
from lib.matching.terms import load_lexicon
from lib.models import Evidence, Gate, GateKind, Requirement, RequirementKind, RequirementOverride, ScriptItem
from lib.scoring_competencies import CompetencyScore, GapClass, score_competencies
from lib.scoring_gates import check_gate

__all__ = [
    "CompetencyScore", "EvidenceHit", "GapClass", "GateResult", "InterviewScore", "RequirementScore",
    "apply_overrides", "score_interview", "suggest_competencies",
]

# relative weight of each kind (lib.jd's table), used to re-weight a requirement whose kind was corrected
KIND_WEIGHT = JD_WEIGHTS
# a requirement whose own hard gate the bank meets ("Bachelor's degree in …") is covered at least this much
GATE_MET_COVERAGE = 0.8
# gates that are the whole point of their requirement (years are not: "3+ years in growth analytics" also
# asks what the years were spent on)
SELF_CONTAINED_GATES = frozenset({GateKind.DEGREE, GateKind.CERTIFICATION, GateKind.LANGUAGE})


@dataclass(frozen=True)
class EvidenceHit:
    """One piece of evidence behind a requirement's coverage (its best unit: a sentence of a story, a
    skill, an answer). ``similarity``: the fused similarity of that unit (see
    :mod:`lib.matching.similarity`); ``score``: its contribution 0–1 (similarity mapped to coverage, times
    the unit's strength, blended with the terms it names); ``terms``: the requirement's terms it contains.
    """

    evidence_id: int | None
    script_item_id: int | None
    text: str
    similarity: float
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class RequirementScore:
    """Coverage 0–1 of one requirement (after the person's corrections), its label, up to three hits
    (best first, one per evidence item) and a one-paragraph explanation."""

    requirement: Requirement
    coverage: float
    label: str  # "covered" | "partial" | "gap"
    hits: tuple[EvidenceHit, ...]
    why: str
    matched_terms: tuple[str, ...] = ()  # the requirement's skill terms found in the evidence
    missing_terms: tuple[str, ...] = ()  # … and those found nowhere


@dataclass(frozen=True)
class GateResult:
    """A hard gate and whether the bank meets it (None: cannot tell)."""

    gate: Gate
    met: bool | None
    why: str


@dataclass(frozen=True)
class InterviewScore:
    """Everything the gap pages, the PDF and the CLI show for one interview. ``encoder_id``: the model
    that produced the similarities; ``fallback_reason``: why the simple matcher was used (None if not)."""

    fit: float
    gap: float
    must_coverage: float
    requirements: tuple[RequirementScore, ...]
    gates: tuple[GateResult, ...]
    competencies: tuple[CompetencyScore, ...]
    encoder_id: str
    fallback_reason: str | None

    @property
    def unmet_gates(self) -> tuple[GateResult, ...]:
        return tuple(g for g in self.gates if g.met is False)


def apply_overrides(requirements: Sequence[Requirement], overrides: Sequence[RequirementOverride]
                    ) -> tuple[list[Requirement], dict[str, frozenset[int]]]:
    """Drop ignored requirements, apply kind/competency corrections (a new kind re-weights the requirement
    by the ratio of ``KIND_WEIGHT``), and collect the excluded evidence ids per requirement key."""
    by_key = {o.req_key: o for o in overrides}
    kept: list[Requirement] = []
    excluded: dict[str, frozenset[int]] = {}
    for req in requirements:
        o = by_key.get(req.key)
        if o is None:
            kept.append(req)
            continue
        if o.ignored:
            continue
        new = req
        if o.kind is not None and o.kind != req.kind:
            ratio = KIND_WEIGHT[RequirementKind(o.kind)] / KIND_WEIGHT[RequirementKind(req.kind)]
            new = replace(new, kind=RequirementKind(o.kind), weight=round(req.weight * ratio, 4))
        if o.competency is not None:
            new = replace(new, competency=o.competency or None)
        excluded[req.key] = frozenset(o.excluded_evidence)
        kept.append(new)
    return kept, excluded


def _met_gate_inside(req: Requirement, gates: Sequence[GateResult]) -> GateResult | None:
    """A met hard gate (degree, years, certificate…) extracted from this requirement's own text."""
    a, b = req.span
    if b <= a:
        return None
    for g in gates:
        ga, gb = g.gate.span
        if g.met is True and g.gate.kind in SELF_CONTAINED_GATES and gb > ga and a <= ga and gb <= b:
            return g
    return None


def _why(cov, titles: Mapping[int, str], label: str) -> str:
    parts = []
    if cov.hits:
        best = cov.hits[0]
        src = (f"“{titles.get(best.unit.evidence_id, 'evidence')}”" if best.unit.evidence_id is not None
               else "your interview answer")
        parts.append(f"Best match: {src} (similarity {best.similarity:.2f})")
    else:
        parts.append("Nothing in your evidence matches it")
    if cov.matched_terms:
        parts.append("terms found: " + ", ".join(cov.matched_terms))
    if cov.missing_terms:
        parts.append("terms missing: " + ", ".join(cov.missing_terms))
    return f"{label.capitalize()} ({cov.coverage:.0%}). " + "; ".join(parts) + "."


def score_interview(requirements: Sequence[Requirement], gates: Sequence[Gate], evidence: Sequence[Evidence],
                    script_items: Sequence[ScriptItem], encoder, *,
                    overrides: Sequence[RequirementOverride] = (), flagged_competencies: Collection[str] = (),
                    unit_vectors: Mapping | None = None, today: dt.date | None = None,
                    fallback_reason: str | None = None, index: EvidenceIndex | None = None) -> InterviewScore:
    """Score one interview. ``encoder``: an :class:`~lib.matching.embedder.Encoder`, or the
    :class:`~lib.matching.embedder.LoadedEncoder` returned by ``load_encoder`` (its fallback reason is
    then reported). ``today`` closes open-ended evidence dates for the years gate. ``unit_vectors``:
    {unit_key(model_id, text): vector} for evidence units (and, optionally, requirement texts) already
    encoded; anything missing is encoded here. Ignored by the TF-IDF fallback (its vectors are not cached).

    ``index``: the bank's :class:`~lib.matching.index.EvidenceIndex` (:func:`~lib.matching.index.build_index`
    of the same ``evidence``, encoder and ``unit_vectors``), shared by every interview scored against that
    bank; without it (or when it was built for another bank or model) one is built here. The result is
    the same either way."""
    if hasattr(encoder, "encoder") and hasattr(encoder, "fallback_reason"):
        fallback_reason = fallback_reason or encoder.fallback_reason
        encoder = encoder.encoder
    lex = load_lexicon()
    kept, excluded = apply_overrides(requirements, overrides)
    if index is None or not index.matches(evidence, encoder):
        index = build_index(evidence, encoder, unit_vectors, lexicon=lex)
    view = unit_view(index, answer_table(script_items, lex), lex)
    sims, fallback = fused_similarity(encoder, [r.text for r in kept], index, view, unit_vectors)
    titles = index.titles
    gate_results = tuple(GateResult(gate=g, met=m, why=w)
                         for g in gates for m, w in [_check_gate(index, g, today)])
    scores: list[RequirementScore] = []
    for i, req in enumerate(kept):
        row = sims[i] if len(view.units) else np.zeros(0, dtype=np.float32)
        cov = requirement_coverage(req, row, view, fallback=fallback,
                                   excluded=excluded.get(req.key, frozenset()), lexicon=lex)
        coverage, why_extra = cov.coverage, ""
        met = _met_gate_inside(req, gate_results)
        if met is not None and coverage < GATE_MET_COVERAGE:
            coverage, why_extra = GATE_MET_COVERAGE, f" Hard gate met: {met.why}"
        lab = label_for(coverage)
        hits = tuple(EvidenceHit(evidence_id=h.unit.evidence_id, script_item_id=h.unit.script_item_id,
                                 text=h.unit.text, similarity=h.similarity, score=h.score, terms=h.terms)
                     for h in cov.hits)
        scores.append(RequirementScore(requirement=req, coverage=coverage, label=lab, hits=hits,
                                       why=_why(replace(cov, coverage=coverage), titles, lab) + why_extra,
                                       matched_terms=tuple(cov.matched_terms),
                                       missing_terms=tuple(cov.missing_terms)))
    total_w = sum(max(s.requirement.weight, 0.0) for s in scores)
    fit = sum(max(s.requirement.weight, 0.0) * s.coverage for s in scores) / total_w if total_w > 0 else 0.0
    musts = [s for s in scores if s.requirement.kind == RequirementKind.MUST]
    must_w = sum(max(s.requirement.weight, 0.0) for s in musts)
    must_cov = (sum(max(s.requirement.weight, 0.0) * s.coverage for s in musts) / must_w) if must_w > 0 else 1.0
    comps = score_competencies([(s.requirement.competency, max(s.requirement.weight, 0.0), s.coverage)
                                for s in scores], evidence, script_items, flagged_competencies)
    return InterviewScore(fit=round(fit, 4), gap=round(1.0 - fit, 4), must_coverage=round(must_cov, 4),
                          requirements=tuple(scores), gates=gate_results, competencies=comps,
                          encoder_id=encoder.model_id, fallback_reason=fallback_reason)


def _check_gate(index: EvidenceIndex, gate: Gate, today: dt.date | None) -> tuple[bool | None, str]:
    """:func:`lib.scoring_gates.check_gate` against the index's bank, remembered per gate wording."""
    key = (str(gate.kind), gate.value, gate.text, today)
    if key not in index.gate_seen:
        index.gate_seen[key] = check_gate(gate, index.evidence, today)
    return index.gate_seen[key]


def suggest_competencies(text: str, encoder=None, k: int = 3) -> tuple[str, ...]:
    """Up to ``k`` competency keys for a question or requirement: cue words (``cue_matches``) plus, with an
    encoder, semantic similarity to the competency definitions. Best first; deterministic."""
    if not text or not text.strip() or k <= 0:
        return ()
    score = {c.key: 0.0 for c in COMPETENCIES}
    for key, n in cue_matches(text):
        score[key] += 0.5 * min(1.0, n / 2.0)
    if encoder is not None:
        if hasattr(encoder, "encoder") and hasattr(encoder, "fallback_reason"):
            encoder = encoder.encoder
        defs = [f"{c.label}. {c.definition}" for c in COMPETENCIES]
        vecs = encoder.encode([text, *defs])
        sims = vecs[1:] @ vecs[0]
        cov = sim_to_coverage(sims, fallback=not getattr(encoder, "cacheable", False))
        for c, v in zip(COMPETENCIES, cov, strict=True):
            score[c.key] += 0.5 * float(v)
    ranked = sorted((v, -i, c.key) for i, c in enumerate(COMPETENCIES) if (v := score[c.key]) > 0.05)
    return tuple(key for _, _, key in reversed(ranked))[:k]
