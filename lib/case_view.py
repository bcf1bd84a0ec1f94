"""Glue for the Second-look case page and ``secondlook letter``: one point per feedback item (saved, or
proposed from the evidence bank), the assembled summary, and the gaps that feed the action plan (pure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from lib.actions import GapInput, propose_actions
from lib.errors import NotFound
from lib.feedback_view import preferred_contact
from lib.letters_case import CaseSummary, OverlapIndex, Scorer, assemble_summary, propose_evidence
from lib.models import (
    ActionItem,
    CasePoint,
    Evidence,
    EvidenceKind,
    FeedbackItem,
    Interview,
    Letter,
    WorkspaceData,
)


@dataclass(frozen=True)
class PointView:
    """One feedback item and its answer. saved: ``point`` is stored; otherwise it is a proposal (not stored)
    citing the best of the ``proposed`` evidence. proposed: the strongest evidence for the item, best first."""

    item: FeedbackItem
    point: CasePoint
    saved: bool
    proposed: tuple[Evidence, ...]

    @property
    def on_topic(self) -> bool:
        """False when the item names a competency that none of the proposed evidence is tagged with: the
        proposals then only share words with the feedback, and it may be a real skill gap."""
        return not self.item.competency or any(self.item.competency in ev.competencies for ev in self.proposed)


def find_interview(data: WorkspaceData, interview_id: int) -> Interview:
    for iv in data.interviews:
        if iv.id == interview_id:
            return iv
    raise NotFound(f"There is no interview with id {interview_id} in this workspace.")


def case_candidates(data: WorkspaceData) -> tuple[Interview, ...]:
    """Interviews with at least one feedback item, most recent decision first."""
    with_items = {f.interview_id for f in data.feedback}
    keep = [iv for iv in data.interviews if iv.id in with_items]
    return tuple(sorted(keep, key=lambda iv: (iv.decided_on or iv.interview_date, iv.id or 0), reverse=True))


def items_for(data: WorkspaceData, interview_id: int) -> tuple[FeedbackItem, ...]:
    return tuple(sorted((f for f in data.feedback if f.interview_id == interview_id),
                        key=lambda f: (f.position, f.id or 0)))


def point_views(data: WorkspaceData, interview_id: int, *, k: int = 3,
                scorer: Scorer | None = None) -> tuple[PointView, ...]:
    """One view per feedback item of the interview, in the items' order. ``scorer``: relevance of the
    evidence to a wording (default: word overlap, the bank tokenised once for all the items)."""
    saved = {p.feedback_id: p for p in data.case_points if p.interview_id == interview_id}
    items = items_for(data, interview_id)
    if scorer is None and items:
        scorer = OverlapIndex(data.evidence)
    out = []
    for item in items:
        proposed = propose_evidence(item, data.evidence, k=k, scorer=scorer)
        point = saved.get(item.id)
        if point is not None:
            out.append(PointView(item, point, True, proposed))
        else:
            ids = tuple(ev.id for ev in proposed if ev.id is not None)[:1]  # one strong example keeps it short
            out.append(PointView(item, CasePoint(interview_id=interview_id, feedback_id=item.id, evidence_ids=ids),
                                 False, proposed))
    return tuple(out)


def build_summary(data: WorkspaceData, interview_id: int, *, sender_name: str = "",
                  views: Sequence[PointView] | None = None) -> CaseSummary:
    """The reconsideration summary of an interview from its points (saved or proposed)."""
    interview = find_interview(data, interview_id)
    views = point_views(data, interview_id) if views is None else views
    contacts = [c for c in data.contacts if c.interview_id == interview_id]
    attempts = [a for a in data.attempts if a.interview_id == interview_id]
    evidence_by_id = {ev.id: ev for ev in data.evidence if ev.id is not None}
    return assemble_summary(interview, preferred_contact(contacts, attempts),
                            [(v.item, v.point) for v in views], evidence_by_id, sender_name=sender_name)


def summary_title(interview: Interview) -> str:
    return f"Second look: {interview.role} at {interview.company}"


def saved_summary(letters: Sequence[Letter], interview_id: int) -> Letter | None:
    found = [x for x in letters if x.interview_id == interview_id and x.kind == "reconsideration"]
    return max(found, key=lambda x: x.id or 0) if found else None


# ---------------------------------------------------------------- gaps → action plan


def _story_titles(evidence: Sequence[Evidence], ids: Sequence[int | None]) -> tuple[str, ...]:
    """Titles of the STAR stories among ``ids`` (the only evidence an action can ask to rewrite as a story)."""
    wanted = set(ids)
    return tuple(ev.title for ev in evidence if ev.id in wanted and ev.kind == EvidenceKind.STORY)


def _ratings_gaps(data: WorkspaceData, interview_id: int, flagged: Sequence[str]) -> list[GapInput]:
    """Fallback without the scoring module: flagged competencies and low-rated questions; a competency with
    tagged evidence is a demonstration gap, one without is a skill gap."""
    tagged = {c for ev in data.evidence for c in ev.competencies}
    keys: list[tuple[str, str | None]] = [(c, None) for c in flagged]
    for q in sorted((q for q in data.script_items if q.interview_id == interview_id and q.rating is not None
                     and q.rating <= 2), key=lambda q: (q.rating, q.position)):
        keys += [(c, q.question) for c in q.competencies]
    out, seen = [], set()
    for key, question in keys:
        if key in seen:
            continue
        seen.add(key)
        titles = _story_titles(data.evidence, [ev.id for ev in data.evidence if key in ev.competencies])
        out.append(GapInput(key, "demonstration_gap" if key in tagged else "skill_gap", titles, question))
    return out


def interview_gaps(data: WorkspaceData, interview_id: int) -> tuple[GapInput, ...]:
    """The gaps of one interview, most important first: the competencies the feedback names, then the other
    gaps the scoring module finds from the evidence bank and the self-ratings (lowest ratings first)."""
    items = items_for(data, interview_id)
    flagged = list(dict.fromkeys(f.competency for f in items if f.competency))
    questions = [q for q in data.script_items if q.interview_id == interview_id]
    try:
        from lib.scoring_competencies import score_competencies
    except ImportError:
        return tuple(_ratings_gaps(data, interview_id, flagged))
    scores = score_competencies([], data.evidence, questions, flagged)
    by_q = {q.id: q for q in questions}
    gaps = [s for s in scores if s.gap_class in ("skill_gap", "demonstration_gap")]
    gaps.sort(key=lambda s: (not s.flagged, flagged.index(s.competency) if s.flagged else 0,
                             1.0 if s.demonstration is None else s.demonstration))
    out = []
    for s in gaps:
        asked = sorted((by_q[i] for i in s.script_item_ids if i in by_q), key=lambda q: (q.rating or 6, q.position))
        question = asked[0].question if asked else None
        if not question:
            question = next((f.wording for f in items if f.competency == s.competency), None)
        out.append(GapInput(s.competency, str(s.gap_class), _story_titles(data.evidence, s.evidence_ids), question))
    return tuple(out)


def proposed_actions(data: WorkspaceData, interview_id: int, *, today: dt.date,
                     max_open: int = 5) -> tuple[ActionItem, ...]:
    """New actions for the interview's gaps that the plan does not already hold; the interview keeps at most
    ``max_open`` open actions, so accepting some never pulls in a fresh batch."""
    room = max_open - sum(1 for a in data.actions if a.interview_id == interview_id and not a.done)
    if room <= 0:
        return ()
    return propose_actions(interview_gaps(data, interview_id), today=today, existing=data.actions,
                           interview_id=interview_id, max_actions=room)


def plan_for(data: WorkspaceData, interview_id: int) -> tuple[ActionItem, ...]:
    """The actions shown with this case: the interview's own and the workspace-wide ones; open first, by date."""
    keep = [a for a in data.actions if a.interview_id in (interview_id, None)]
    return tuple(sorted(keep, key=lambda a: (a.done, a.due_on or dt.date.max, a.id or 0)))


def action_request_id(action: ActionItem) -> str:
    """A stable request id for accepting a proposed action (a double click adds it once)."""
    import hashlib

    digest = hashlib.sha256(f"{action.interview_id}\x1f{action.title}".encode()).hexdigest()[:40]
    return f"action:{digest}"
