"""What the Gap scoring page shows, as plain data (pure: scores and workspace data in, frames and small
dataclasses out; no Streamlit).

- :func:`headline` — fit, must-have coverage, label counts and the hard gates in words;
- :func:`requirement_frame` — one row per requirement for the table (kind, weight, coverage, label,
  competency, best evidence);
- :func:`explain` — the "why" of one requirement in plain words: terms found and missing, the top evidence
  with its match strength, and the job-description text around the requirement (:func:`span_context`);
- :func:`gap_groups` — the two kinds of gap: *skill gaps* (not evidenced: things to build) and
  *demonstration gaps* (evidenced in the bank, not shown in the interview: the material for a second look);
- override helpers — :func:`find_override`, :func:`changed_override`, :func:`is_empty`,
  :func:`ignored_requirements`: build the :class:`~lib.models.RequirementOverride` a correction stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from lib.competencies import label as competency_label
from lib.matching.coverage import COVERED, PARTIAL
from lib.matching.embedder import TFIDF_ID
from lib.mdsafe import md as escape_markdown
from lib.models import Requirement, RequirementKind, WorkspaceData
from lib.palette import COVERAGE_COLOURS, GAP_LABELS
from lib.scoring import EvidenceHit, GateResult, InterviewScore, RequirementScore
from lib.scoring_competencies import GapClass

KIND_LABELS: dict[RequirementKind, str] = {
    RequirementKind.MUST: "Must-have",
    RequirementKind.RESPONSIBILITY: "Responsibility",
    RequirementKind.NICE: "Nice-to-have",
}
STATUS_LABELS = {"covered": "Covered", "partial": "Partly covered", "gap": "Gap"}
STATUS_COLOURS = [COVERAGE_COLOURS[k] for k in STATUS_LABELS]  # in STATUS_LABELS order
GATE_STATUS = {True: "met", False: "not met", None: "can't tell"}
CONTEXT_CHARS = 220
EXCERPT_CHARS = 260
FRAME_COLUMNS = ["key", "Requirement", "Kind", "Weight", "Coverage", "Status", "Competency", "Best evidence"]


# ---------------------------------------------------------------- headline


@dataclass(frozen=True)
class GateView:
    text: str
    kind: str
    status: str  # "met" | "not met" | "can't tell"
    reason: str


@dataclass(frozen=True)
class Headline:
    fit_pct: int
    must_pct: int
    covered: int
    partial: int
    gap: int
    gates: tuple[GateView, ...]
    encoder: str

    @property
    def gates_label(self) -> str:
        counts = [(sum(g.status == s for g in self.gates), s) for s in ("met", "not met", "can't tell")]
        return "Hard requirements: " + ", ".join(f"{n} {s}" for n, s in counts if n)

    @property
    def unmet(self) -> tuple[GateView, ...]:
        return tuple(g for g in self.gates if g.status == "not met")


def pct(value: float) -> int:
    return int(round(max(0.0, min(1.0, float(value))) * 100))


def encoder_label(model_id: str) -> str:
    if model_id == TFIDF_ID:
        return "simple word matching (the sentence model is not available)"
    return f"the sentence model ({model_id.removesuffix('-onnx-int8')})"


def headline(score: InterviewScore) -> Headline:
    labels = [r.label for r in score.requirements]
    gates = tuple(GateView(text=g.gate.text, kind=str(g.gate.kind), status=GATE_STATUS[g.met], reason=g.why)
                  for g in score.gates)
    return Headline(fit_pct=pct(score.fit), must_pct=pct(score.must_coverage), covered=labels.count("covered"),
                    partial=labels.count("partial"), gap=labels.count("gap"), gates=gates,
                    encoder=encoder_label(score.encoder_id))


# ---------------------------------------------------------------- sources of evidence


def shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:.") + "…"


def hit_source(hit: EvidenceHit, data: WorkspaceData) -> str:
    """Who the hit comes from, in words: an evidence title, or "Your answer to “question”"."""
    if hit.evidence_id is not None:
        title = next((ev.title for ev in data.evidence if ev.id == hit.evidence_id), None)
        return title or "An evidence item"
    if hit.script_item_id is not None:
        q = next((it.question for it in data.script_items if it.id == hit.script_item_id), "")
        return f"Your answer to “{shorten(q, 70)}”" if q else "Your interview answer"
    return "Unsaved evidence"


# ---------------------------------------------------------------- the table


def requirement_frame(score: InterviewScore, data: WorkspaceData) -> pd.DataFrame:
    """One row per requirement (the person's corrections applied), in job-description order.

    Coverage is a whole percentage (0–100) for a progress column; Status is a one-item list (a coloured
    label column); ``key`` identifies the requirement (hidden in the table)."""
    rows = []
    for r in score.requirements:
        req = r.requirement
        rows.append({
            "key": req.key, "Requirement": req.text, "Kind": KIND_LABELS[RequirementKind(req.kind)],
            "Weight": float(req.weight), "Coverage": pct(r.coverage), "Status": [r.label],
            "Competency": competency_label(req.competency) if req.competency else "—",
            "Best evidence": hit_source(r.hits[0], data) if r.hits else "—",
        })
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


# ---------------------------------------------------------------- the "why" of one requirement


@dataclass(frozen=True)
class SpanContext:
    """The job-description text around a requirement: ``before`` + ``match`` + ``after`` (cut at word
    boundaries, with "…" where text was left out)."""

    before: str
    match: str
    after: str


def span_context(text: str, span: tuple[int, int], width: int = CONTEXT_CHARS) -> SpanContext:
    a, b = span
    a, b = max(0, min(a, len(text))), max(0, min(b, len(text)))
    if b <= a:
        return SpanContext("", "", "")
    start = max(0, a - width)
    before = text[start:a]
    if start > 0:  # start at a line start when the window holds one, else after the first space
        nl = before.find("\n")
        cut = re.search(r"\s", before)
        before = before[nl + 1:] if nl >= 0 else "…" + (before[cut.end():] if cut else before)
    end = min(len(text), b + width)
    after = text[b:end]
    if end < len(text):  # end at a line end when the window holds one, else before the last space
        nl = after.rfind("\n")
        cut = after.rfind(" ")
        after = after[:nl].rstrip() if nl > 0 else (after[:cut] if cut > 0 else after).rstrip() + "…"
    return SpanContext(before=before, match=text[a:b], after=after)


def context_markdown(ctx: SpanContext) -> str:
    """The context as escaped Markdown quote lines with the requirement in bold (bold per line, so it never
    spans a line break; hard line breaks keep the posting's own lines)."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for part, bold in ((ctx.before, False), (ctx.match, True), (ctx.after, False)):
        for i, piece in enumerate(part.split("\n")):
            if i:
                lines.append([])
            if piece:
                lines[-1].append((piece, bold))
    rendered = []
    for segments in lines:
        out = ""
        for text, bold in segments:
            core = text.strip()
            if bold and core:
                lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
                out += f"{lead}**{escape_markdown(core)}**{trail}"
            else:
                out += escape_markdown(text)
        rendered.append(" ".join(out.split()))
    while rendered and not rendered[0]:
        rendered.pop(0)
    while rendered and not rendered[-1]:
        rendered.pop()
    return "\n".join(f"> {ln}  " if ln else ">" for ln in rendered)


@dataclass(frozen=True)
class HitView:
    source: str
    evidence_id: int | None
    script_item_id: int | None
    excerpt: str
    strength: str  # "strong" | "fair" | "weak"
    score_pct: int
    similarity_pct: int
    terms: tuple[str, ...]


@dataclass(frozen=True)
class WhyPanel:
    key: str
    text: str
    kind: str
    status: str
    coverage_pct: int
    summary: str
    matched_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]
    hits: tuple[HitView, ...]
    context: SpanContext
    section: str
    gate_note: str
    gates: tuple[GateView, ...] = ()


def gates_inside(req: Requirement, gates: Sequence[GateResult]) -> tuple[GateView, ...]:
    """The hard gates extracted from this requirement's own text (same span), in words."""
    a, b = req.span
    return tuple(GateView(text=g.gate.text, kind=str(g.gate.kind), status=GATE_STATUS[g.met], reason=g.why)
                 for g in gates if b > a and a <= g.gate.span[0] and g.gate.span[1] <= b and g.gate.span[1] > g.gate.span[0])


def strength_word(score: float) -> str:
    return "strong" if score >= COVERED else "fair" if score >= PARTIAL else "weak"


def terms_of(rs: RequirementScore) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(terms found in the bank, terms missing) for a requirement."""
    return tuple(rs.matched_terms), tuple(rs.missing_terms)


def _summary(rs: RequirementScore, n_hits: int) -> str:
    p = pct(rs.coverage)
    if rs.label == "covered":
        return f"Covered ({p}%): your evidence shows this well."
    if rs.label == "partial":
        return f"Partly covered ({p}%): you have related evidence, but nothing that shows it clearly."
    if n_hits:
        return f"A gap ({p}%): the closest evidence is only loosely related."
    return f"A gap ({p}%): nothing in your evidence bank shows this yet."


def _excerpt(text: str, source: str) -> str:
    """The matched text without the evidence title it repeats ("Title: body…" → "body…")."""
    text = " ".join(str(text).split())
    if text == source:
        return ""
    if text.startswith(source + ":"):
        text = text[len(source) + 1:].strip()
    return shorten(text, EXCERPT_CHARS)


def explain(rs: RequirementScore, data: WorkspaceData, jd_text: str, gates: Sequence[GateResult] = ()) -> WhyPanel:
    """The "why" panel of one requirement, in plain words (percentages, no raw scores). ``gates``: the
    interview's gate results; those inside the requirement are listed with it."""
    req = rs.requirement
    found, missing = terms_of(rs)
    hits = tuple(HitView(source=(src := hit_source(h, data)), evidence_id=h.evidence_id,
                         script_item_id=h.script_item_id, excerpt=_excerpt(h.text, src), strength=strength_word(h.score),
                         score_pct=pct(h.score), similarity_pct=pct(h.similarity), terms=tuple(h.terms))
                 for h in rs.hits[:3])
    gate = rs.why.split(" Hard gate met:", 1)
    return WhyPanel(key=req.key, text=req.text, kind=KIND_LABELS[RequirementKind(req.kind)],
                    status=STATUS_LABELS.get(rs.label, rs.label), coverage_pct=pct(rs.coverage),
                    summary=_summary(rs, len(hits)), matched_terms=found, missing_terms=missing, hits=hits,
                    context=span_context(jd_text, req.span), section=req.section,
                    gate_note=f"You meet the hard requirement inside it: {gate[1].strip()}" if len(gate) > 1 else "",
                    gates=gates_inside(req, gates))


# ---------------------------------------------------------------- the two kinds of gap


@dataclass(frozen=True)
class EvidenceRef:
    evidence_id: int
    title: str


@dataclass(frozen=True)
class SkillGap:
    """Not evidenced: something to build. ``competency`` None groups a requirement without one."""

    competency: str | None
    label: str
    why: str
    requirements: tuple[str, ...]


@dataclass(frozen=True)
class DemonstrationGap:
    """Evidenced in the bank, not shown in the interview: the evidence that could have been told."""

    competency: str
    label: str
    why: str
    evidence: tuple[EvidenceRef, ...]
    flagged: bool


@dataclass(frozen=True)
class GapGroups:
    skill: tuple[SkillGap, ...]
    demonstration: tuple[DemonstrationGap, ...]


def by_priority(reqs: Iterable[RequirementScore]) -> list[RequirementScore]:
    rank = {RequirementKind.MUST: 0, RequirementKind.RESPONSIBILITY: 1, RequirementKind.NICE: 2}
    return sorted(reqs, key=lambda r: (rank[RequirementKind(r.requirement.kind)], r.coverage))


def plain_why(label: str, why: str) -> str:
    """A competency's explanation without its name in front and the verdict the heading already gives."""
    text = why[len(label) + 2:] if why.startswith(label + ": ") else why
    head, sep, tail = text.partition(" — ")
    if not sep:
        return text
    extra = tail.split(".", 1)[1].strip() if "." in tail else ""
    return (head[:1].upper() + head[1:] + "." + (" " + extra if extra else "")).strip()


def gap_groups(score: InterviewScore, data: WorkspaceData, max_evidence: int = 3) -> GapGroups:
    titles = {ev.id: ev.title for ev in data.evidence if ev.id is not None}
    skill: list[SkillGap] = []
    used: set[str] = set()
    for c in score.competencies:
        if c.gap_class != GapClass.SKILL_GAP:
            continue
        reqs = by_priority(r for r in score.requirements if r.requirement.competency == c.competency and r.label != "covered")
        used |= {r.requirement.key for r in reqs}
        skill.append(SkillGap(c.competency, (name := competency_label(c.competency)), plain_why(name, c.why), tuple(r.requirement.text for r in reqs)))
    for r in by_priority(r for r in score.requirements if r.label == "gap" and r.requirement.key not in used):
        comp = r.requirement.competency
        kind = KIND_LABELS[RequirementKind(r.requirement.kind)].lower()
        skill.append(SkillGap(comp, r.requirement.text, f"A {kind} with no matching evidence in your bank"
                              + (f" ({competency_label(comp)})." if comp else "."), ()))
    demo: list[DemonstrationGap] = []
    for c in score.competencies:
        if c.gap_class != GapClass.DEMONSTRATION_GAP:
            continue
        best: dict[int, float] = {}
        for r in score.requirements:
            if r.requirement.competency == c.competency:
                for h in r.hits:
                    if h.evidence_id in titles and h.score >= PARTIAL:
                        best[h.evidence_id] = max(best.get(h.evidence_id, 0.0), h.score)
        for eid in c.evidence_ids:
            if eid in titles:
                best.setdefault(eid, 0.0)
        ranked = sorted(best, key=lambda e: (-best[e], titles[e]))[:max_evidence]
        name = competency_label(c.competency)
        demo.append(DemonstrationGap(c.competency, name, plain_why(name, c.why),
                                     tuple(EvidenceRef(e, titles[e]) for e in ranked), c.flagged))
    demo.sort(key=lambda d: (not d.flagged, -len(d.evidence), d.label))
    return GapGroups(skill=tuple(skill), demonstration=tuple(demo))


def default_key(score: InterviewScore) -> str | None:
    """The requirement to explain first: the weakest must-have that is not covered, else the first one."""
    weak = by_priority(r for r in score.requirements if r.label != "covered")
    first = weak[0] if weak else (score.requirements[0] if score.requirements else None)
    return first.requirement.key if first else None


def competency_frame(score: InterviewScore) -> pd.DataFrame:
    """The competencies of the map as a table (assessed ones only): evidence and demonstration in %."""
    rows = [{"Competency": competency_label(c.competency), "Class": GAP_LABELS[str(c.gap_class)],
             "In your bank": pct(c.evidence),
             "Shown in the interview": None if c.demonstration is None else pct(c.demonstration),
             "Employer mentioned it": "yes" if c.flagged else ""}
            for c in score.competencies if c.gap_class != GapClass.NOT_ASSESSED]
    return pd.DataFrame(rows, columns=["Competency", "Class", "In your bank", "Shown in the interview",
                                       "Employer mentioned it"])

