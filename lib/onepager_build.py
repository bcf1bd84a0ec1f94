"""Map one interview of a workspace (and its gap score) to the content of the one-page PDF (pure).

:func:`build_onepager_data` decides *what* the page says; :mod:`lib.onepager` decides how it looks.

- **What went right**: the competencies classed as strengths, each with the best-rated answer that showed
  it (competencies shown by the same answer share one entry), then other well-rated answers (4–5/5), then
  requirements of the job description that the evidence bank covers.
- **What went wrong**: the competencies classed as gaps, each with the lowest-rated answer where it showed
  (again one entry per answer; the class of the answer's first-tagged gap competency decides its colour).
  Answers come first, demonstration gaps before skill gaps, the ones the employer named first; then, at
  most two gaps the job description needs but the interview never touched.
- **Competency bars**: competencies the job description needs or the script touched, the most relevant
  first (touched, named by the employer, weight), shown strengths → demonstration gaps → skill gaps.
- Coverage counts from requirement labels; the employer's own points verbatim; and from
  :mod:`lib.onepager_loop`: 3–5 actions (open first, by due date), one sentence on the feedback request,
  the coach's comments.

Without a score (no job description, or not scored yet) the competency classes come from the evidence bank
and the self-ratings alone (:func:`lib.scoring_competencies.score_competencies` with no requirements).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lib.competencies import label as competency_label
from lib.errors import NotFound
from lib.models import STAGE_LABELS, FeedbackSource, Interview, Outcome, ScriptItem, WorkspaceData
from lib.onepager.content import CompetencyBar, OnePagerData, Point
from lib.onepager_loop import actions_for, comments_for, feedback_status
from lib.scoring import InterviewScore
from lib.scoring_competencies import CompetencyScore, GapClass, score_competencies

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.PENDING: "Pending",
    Outcome.REJECTED: "Rejected",
    Outcome.OFFER: "Offer",
    Outcome.WITHDRAWN: "Withdrawn",
    Outcome.GHOSTED: "No answer",
}
MAX_STRENGTHS = 4
MAX_GAPS = 4
MAX_UNASKED_GAPS = 2
MAX_BARS = 8
GOOD_RATING = 4
DETAIL_CHARS = 260
STRENGTH_CHARS = 180  # about three lines in a column of the A4 page
SHORT_DETAIL = 60  # a strength verdict shorter than this is followed by an excerpt of the answer
_GAPS = (GapClass.DEMONSTRATION_GAP, GapClass.SKILL_GAP)
_CLASS_ORDER = {GapClass.STRENGTH: 0, GapClass.DEMONSTRATION_GAP: 1, GapClass.SKILL_GAP: 2, GapClass.NOT_ASSESSED: 3}


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def _join_labels(keys: Sequence[str]) -> str:
    """Labels already contain "and" ("Influence and persuasion"): a middle dot keeps two of them apart."""
    return " · ".join(competency_label(k) for k in keys)


def _is_blank(text: str) -> bool:
    return text.strip().strip(".").lower() in {"", "none", "n/a", "-", "nothing"}


def find_interview(data: WorkspaceData, interview_id: int) -> Interview:
    for iv in data.interviews:
        if iv.id == interview_id:
            return iv
    raise NotFound(f"Interview {interview_id} was not found.")


def default_interview_id(data: WorkspaceData) -> int | None:
    """The latest rejection (by decision date, then interview date), else the latest interview."""
    ivs = [iv for iv in data.interviews if iv.id is not None]
    if not ivs:
        return None
    rejected = [iv for iv in ivs if iv.outcome == Outcome.REJECTED] or ivs
    return max(rejected, key=lambda iv: (iv.decided_on or iv.interview_date, iv.interview_date, iv.id)).id


def pdf_file_name(interview: Interview) -> str:
    """``second-look-<company>-<interview date>.pdf`` with a plain ASCII slug of the company."""
    plain = unicodedata.normalize("NFKD", interview.company).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "interview"
    return f"second-look-{slug}-{interview.interview_date.isoformat()}.pdf"


# ---------------------------------------------------------------- strengths and gaps


@dataclass
class _Group:
    """Competencies that one answer showed (or failed to show)."""

    item: ScriptItem | None
    keys: list[str]
    cls: GapClass
    flagged: bool = False
    weight: float = 0.0


def _group_by_answer(scores: Sequence[CompetencyScore], items: dict[int, ScriptItem], *, best: bool) -> list[_Group]:
    groups: dict[int | None, _Group] = {}
    loose: list[_Group] = []
    for cs in scores:
        rated = [items[i] for i in cs.script_item_ids if i in items and items[i].rating is not None]
        if not rated:
            loose.append(_Group(None, [cs.competency], cs.gap_class, cs.flagged, cs.weight))
            continue
        pick = sorted(rated, key=lambda q: ((-q.rating if best else q.rating), q.position, q.id or 0))[0]
        group = groups.setdefault(pick.id, _Group(pick, [], cs.gap_class))
        group.keys.append(cs.competency)
        group.flagged = group.flagged or cs.flagged
        group.weight = max(group.weight, cs.weight)
    for group in groups.values():  # the answer's own tag order: its first-tagged competency leads
        assert group.item is not None
        order = {k: i for i, k in enumerate(group.item.competencies)}
        group.keys.sort(key=lambda k: order.get(k, len(order)))
        classes = {cs.competency: cs.gap_class for cs in scores}
        group.cls = classes[group.keys[0]]
        group.keys = [k for k in group.keys if classes[k] == group.cls]  # one colour, one kind of gap
    return [*groups.values(), *loose]


def _rated(item: ScriptItem) -> str:
    return f"self-rated {item.rating}/5"


def _strength_point(group: _Group) -> Point:
    item = group.item
    assert item is not None
    verdict = "" if _is_blank(item.went_right) else item.went_right.strip()
    if group.keys:
        name, detail = _join_labels(group.keys), verdict
    else:  # an untagged answer: its verdict becomes the headline, the answer the detail
        name, detail = (clip(verdict, 70) if verdict else "A well-rated answer"), ""
    if len(detail) < SHORT_DETAIL and item.answer.strip():  # a short verdict: let the answer itself speak
        room = STRENGTH_CHARS - len(detail) - 16
        detail = (detail + " " if detail else "") + f"My answer: “{clip(item.answer, room)}”"
    return Point(headline=f"{name} ({_rated(item)})", detail=clip(detail, STRENGTH_CHARS), tag=item.question)


def _gap_point(group: _Group, data: WorkspaceData) -> Point:
    name = _join_labels(group.keys)
    item = group.item
    if item is None:
        key = group.keys[0]
        titles = [ev.title for ev in data.evidence if key in ev.competencies]
        if group.cls == GapClass.DEMONSTRATION_GAP:
            example = f" (for example “{clip(titles[0], 70)}”)" if titles else ""
            detail = f"The job asks for it and the bank has it{example}, but it did not come up in the interview."
        else:
            detail = "The job asks for it and nothing in the evidence bank shows it yet."
        if group.flagged:
            detail = "Named by the employer. " + detail
        return Point(headline=name, detail=detail, gap_class=str(group.cls))
    if not _is_blank(item.went_wrong):
        detail = item.went_wrong.strip()
    elif not _is_blank(item.next_time):
        detail = "Next time: " + item.next_time.strip()
    else:
        detail = f"My answer: “{clip(item.answer, DETAIL_CHARS - 20)}”" if item.answer.strip() else ""
    if group.flagged:
        detail = "Named by the employer. " + detail
    return Point(headline=f"{name} ({_rated(item)})", detail=clip(detail, DETAIL_CHARS), tag=item.question,
                 gap_class=str(group.cls))


def _strengths(scores: Sequence[CompetencyScore], items: dict[int, ScriptItem],
               score: InterviewScore | None, titles: dict[int, str]) -> tuple[Point, ...]:
    strong = [cs for cs in scores if cs.gap_class == GapClass.STRENGTH]
    groups = [g for g in _group_by_answer(strong, items, best=True) if g.item is not None]
    used = {g.item.id for g in groups if g.item is not None}
    for item in items.values():  # well-rated answers that no strength competency claimed
        if item.id not in used and item.rating is not None and item.rating >= GOOD_RATING:
            groups.append(_Group(item, list(item.competencies), GapClass.STRENGTH))
    groups.sort(key=lambda g: (-(g.item.rating or 0), g.item.position, g.item.id or 0))  # type: ignore[union-attr]
    points = [_strength_point(g) for g in groups[:MAX_STRENGTHS]]
    if score is not None and len(points) < MAX_STRENGTHS:
        covered = sorted((r for r in score.requirements if r.label == "covered"),
                         key=lambda r: (-r.requirement.weight, -r.coverage))
        for rs in covered[: MAX_STRENGTHS - len(points)]:
            hit = next((h for h in rs.hits if h.evidence_id in titles), None)
            detail = f"Backed by “{clip(titles[hit.evidence_id], 90)}” in the evidence bank." if hit else ""
            points.append(Point(headline="Meets: " + clip(rs.requirement.text, 90), detail=detail))
    return tuple(points)


def _gaps(scores: Sequence[CompetencyScore], items: dict[int, ScriptItem], data: WorkspaceData) -> tuple[Point, ...]:
    gaps = [cs for cs in scores if cs.gap_class in _GAPS]
    groups = _group_by_answer(gaps, items, best=False)
    asked = sorted((g for g in groups if g.item is not None),
                   key=lambda g: (_CLASS_ORDER[g.cls], not g.flagged, g.item.rating, -g.weight,  # type: ignore[union-attr]
                                  g.item.position))  # type: ignore[union-attr]
    unasked = sorted((g for g in groups if g.item is None and (g.weight > 0 or g.flagged)),
                     key=lambda g: (_CLASS_ORDER[g.cls], not g.flagged, -g.weight, g.keys[0]))
    demo = [g for g in asked if g.cls == GapClass.DEMONSTRATION_GAP]
    skill = [g for g in asked if g.cls == GapClass.SKILL_GAP]
    n_skill = min(len(skill), max(1, MAX_GAPS - len(demo)))  # the worst skill gap always gets a place
    chosen = demo[: MAX_GAPS - n_skill] + skill[:n_skill]
    chosen += unasked[: min(MAX_UNASKED_GAPS, MAX_GAPS - len(chosen))]
    return tuple(_gap_point(g, data) for g in chosen)


def _bars(scores: Sequence[CompetencyScore]) -> tuple[CompetencyBar, ...]:
    relevant = [cs for cs in scores if cs.weight > 0 or cs.script_item_ids or cs.flagged]
    relevant.sort(key=lambda cs: (not cs.script_item_ids, not cs.flagged, -cs.weight, cs.competency))
    kept = relevant[:MAX_BARS]
    kept.sort(key=lambda cs: (_CLASS_ORDER[cs.gap_class], -(cs.demonstration or 0.0), -cs.evidence))
    return tuple(CompetencyBar(competency_label(cs.competency), min(1.0, max(0.0, cs.evidence)),
                               cs.demonstration, str(cs.gap_class)) for cs in kept)


# ---------------------------------------------------------------- the page


def build_onepager_data(data: WorkspaceData, interview_id: int, score: InterviewScore | None, *, today: dt.date,
                        author: str = "", include_comments: bool = True) -> OnePagerData:
    """The one-pager content for one interview (raises :class:`NotFound` for an unknown id)."""
    iv = find_interview(data, interview_id)
    ordered = sorted((q for q in data.script_items if q.interview_id == interview_id),
                     key=lambda q: (q.position, q.id or 0))
    items = {q.id: q for q in ordered if q.id is not None}
    if score is not None:
        scores = score.competencies
    else:
        flagged = {f.competency for f in data.feedback
                   if f.interview_id == interview_id and f.source == FeedbackSource.EMPLOYER and f.competency}
        scores = score_competencies((), data.evidence, ordered, flagged)
    titles = {ev.id: ev.title for ev in data.evidence if ev.id is not None}
    has_reqs = score is not None and bool(score.requirements)
    counts = (0, 0, 0)
    if has_reqs:
        labels = [r.label for r in score.requirements]  # type: ignore[union-attr]
        counts = (labels.count("covered"), labels.count("partial"), labels.count("gap"))
    employer = tuple(f.wording for f in sorted(data.feedback, key=lambda f: (f.position, f.id or 0))
                     if f.interview_id == interview_id and f.source == FeedbackSource.EMPLOYER)
    return OnePagerData(
        title=iv.role,
        company=iv.company,
        interview_date=iv.interview_date,
        furthest_stage=STAGE_LABELS.get(iv.furthest_stage, str(iv.furthest_stage)),
        outcome=OUTCOME_LABELS.get(iv.outcome, str(iv.outcome)),
        fit=min(1.0, max(0.0, score.fit)) if has_reqs else None,  # type: ignore[union-attr]
        must_coverage=min(1.0, max(0.0, score.must_coverage)) if has_reqs else None,  # type: ignore[union-attr]
        coverage_counts=counts,
        strengths=_strengths(scores, items, score, titles),
        gaps=_gaps(scores, items, data),
        competencies=_bars(scores),
        employer_points=employer,
        actions=actions_for(data, interview_id),
        feedback_status=feedback_status(data, iv, today=today),
        comments=comments_for(data.comments, interview_id) if include_comments else (),
        generated_on=today,
        author=author,
    )
