"""Per competency: how well the evidence bank covers it, how well the interview demonstrated it, and the
gap class that follows.

evidence (0–1): the larger of (a) the weighted mean coverage of the requirements tagged with the
competency and (b) a tag score from evidence items tagged with it (one item 0.7, two or more 1.0).
demonstration (0–1 or None): mean self-rating / 5 of the rated script questions tagged with it
(None = not asked, or asked but not rated).

Classes (thresholds ``EVIDENCED`` 0.5, ``DEMONSTRATED`` 0.7, i.e. a mean rating of 3.5):
- strength: evidenced and demonstrated — or demonstrated well even if the bank is thin;
- demonstration gap: evidenced, but shown poorly, or not asked although the job description needs it;
- skill gap: not evidenced, and not shown well in the interview;
- not assessed: neither asked nor needed by the job description.
Employer feedback that names the competency (``flagged``) forces a gap: a strength or a not-assessed
one becomes a demonstration gap when the bank evidences it, a skill gap when it does not.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from lib.competencies import KEYS, label
from lib.models import Evidence, ScriptItem

EVIDENCED = 0.5
DEMONSTRATED = 0.7


class GapClass(StrEnum):
    STRENGTH = "strength"
    DEMONSTRATION_GAP = "demonstration_gap"
    SKILL_GAP = "skill_gap"
    NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True)
class CompetencyScore:
    competency: str
    evidence: float
    demonstration: float | None
    gap_class: GapClass
    weight: float
    flagged: bool
    script_item_ids: tuple[int, ...]
    evidence_ids: tuple[int, ...]
    why: str


def tag_score(n_items: int) -> float:
    return 0.0 if n_items <= 0 else 0.7 if n_items == 1 else 1.0


def classify(evidence: float, demonstration: float | None, needed: bool, flagged: bool) -> GapClass:
    evidenced = evidence >= EVIDENCED
    if demonstration is not None and demonstration >= DEMONSTRATED:
        cls = GapClass.STRENGTH
    elif evidenced and (demonstration is not None or needed):
        cls = GapClass.DEMONSTRATION_GAP
    elif not evidenced and (demonstration is not None or needed):
        cls = GapClass.SKILL_GAP
    else:
        cls = GapClass.NOT_ASSESSED
    if flagged and cls in (GapClass.STRENGTH, GapClass.NOT_ASSESSED):
        cls = GapClass.DEMONSTRATION_GAP if evidenced else GapClass.SKILL_GAP
    return cls


def _why(key: str, cls: GapClass, evidence: float, demo: float | None, n_req: int, n_tagged: int,
         n_asked: int, flagged: bool) -> str:
    name = label(key)
    bank = (f"{n_req} job requirement(s) need it; your bank covers them {evidence:.0%}" if n_req
            else f"{n_tagged} evidence item(s) tagged with it" if n_tagged else "nothing in your bank is tagged with it")
    shown = (f"asked in {n_asked} question(s), mean self-rating {demo * 5:.1f}/5" if demo is not None
             else f"asked in {n_asked} question(s) but not rated yet" if n_asked else "not asked in the interview")
    verdict = {
        GapClass.STRENGTH: "a strength",
        GapClass.DEMONSTRATION_GAP: "a demonstration gap: you have it, but the interview did not show it",
        GapClass.SKILL_GAP: "a skill gap: your evidence does not show it yet",
        GapClass.NOT_ASSESSED: "not assessed",
    }[cls]
    flag = " The employer's feedback pointed at it." if flagged else ""
    return f"{name}: {bank}; {shown} — {verdict}.{flag}"


def score_competencies(req_comp: Sequence[tuple[str | None, float, float]], evidence: Sequence[Evidence],
                       script_items: Sequence[ScriptItem], flagged: Collection[str] = ()) -> tuple[CompetencyScore, ...]:
    """``req_comp``: (competency, weight, coverage) per kept requirement. Returns one score per competency
    that a requirement, a question, an evidence item or the feedback mentions, in the list's order."""
    flagged_set = set(flagged)
    mentioned = {c for c, _, _ in req_comp if c} | flagged_set
    mentioned |= {c for ev in evidence for c in ev.competencies}
    mentioned |= {c for it in script_items for c in it.competencies}
    order = [k for k in KEYS if k in mentioned] + sorted(k for k in mentioned if k not in KEYS)
    # one pass over the bank and the script (not one per competency: a bank may hold thousands of items)
    tagged_by: dict[str, list[Evidence]] = {}
    for ev in evidence:
        for c in dict.fromkeys(ev.competencies):
            tagged_by.setdefault(c, []).append(ev)
    asked_by: dict[str, list[ScriptItem]] = {}
    for it in script_items:
        for c in dict.fromkeys(it.competencies):
            asked_by.setdefault(c, []).append(it)
    out = []
    for key in order:
        reqs = [(w, cov) for c, w, cov in req_comp if c == key]
        weight = sum(w for w, _ in reqs)
        req_part = sum(w * cov for w, cov in reqs) / weight if weight > 0 else 0.0
        tagged = tagged_by.get(key, [])
        ev_score = max(req_part, tag_score(len(tagged)))
        asked = asked_by.get(key, [])
        rated = [it.rating for it in asked if it.rating is not None]
        demo = sum(rated) / (5.0 * len(rated)) if rated else None
        is_flagged = key in flagged_set
        cls = classify(ev_score, demo, needed=weight > 0, flagged=is_flagged)
        out.append(CompetencyScore(
            competency=key, evidence=round(ev_score, 4), demonstration=None if demo is None else round(demo, 4),
            gap_class=cls, weight=round(weight, 4), flagged=is_flagged,
            script_item_ids=tuple(it.id for it in asked if it.id is not None),
            evidence_ids=tuple(ev.id for ev in tagged if ev.id is not None),
            why=_why(key, cls, ev_score, demo, len(reqs), len(tagged), len(asked), is_flagged)))
    return tuple(out)
