"""The debrief of one interview (pure): script summary, honest-appraisal prompts and candidates, stage helpers.

Everything here takes plain domain objects and returns frozen dataclasses or tuples; nothing reads a
clock or a database. The Interviews page is the main caller; the PDF and the coach view may reuse it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lib import models as m
from lib.competencies import COMPETENCIES, KEYS, cue_matches
from lib.errors import ValidationError

LOW_RATING = 2  # a self-rating at or below this is "went badly" for the appraisal candidates


# ---------------------------------------------------------------- script summary


@dataclass(frozen=True)
class CompetencyTouch:
    """One competency the script touched: how many questions were tagged with it and their mean rating."""

    key: str
    questions: int
    mean_rating: float | None


@dataclass(frozen=True)
class ScriptSummary:
    """The headline of one interview's script.

    best/worst: the highest- and lowest-rated answers (earliest question wins a tie); ``worst`` is None
    when it would be the same answer as ``best`` or every rated answer got the same mark.
    """

    n_questions: int
    n_rated: int
    mean_rating: float | None
    best: m.ScriptItem | None
    worst: m.ScriptItem | None
    competencies: tuple[CompetencyTouch, ...]

    @property
    def n_unrated(self) -> int:
        return self.n_questions - self.n_rated


def in_script_order(items: Iterable[m.ScriptItem]) -> list[m.ScriptItem]:
    return sorted(items, key=lambda q: (q.position, q.id if q.id is not None else 0))


def summarise_script(items: Iterable[m.ScriptItem]) -> ScriptSummary:
    """Average rating, best and worst answers, and the competencies touched (most questions first)."""
    ordered = in_script_order(items)
    rated = [q for q in ordered if q.rating is not None]
    mean = sum(q.rating for q in rated) / len(rated) if rated else None
    best = max(rated, key=lambda q: q.rating, default=None)  # max/min keep the first of equals
    worst = min(rated, key=lambda q: q.rating, default=None)
    if worst is not None and best is not None and worst.rating == best.rating:
        worst = None
    return ScriptSummary(len(ordered), len(rated), mean, best, worst, competencies_touched(ordered))


def competencies_touched(items: Sequence[m.ScriptItem]) -> tuple[CompetencyTouch, ...]:
    ratings: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for q in items:
        for key in dict.fromkeys(q.competencies):
            counts[key] = counts.get(key, 0) + 1
            if q.rating is not None:
                ratings.setdefault(key, []).append(q.rating)
    order = {k: i for i, k in enumerate(KEYS)}
    touched = [CompetencyTouch(k, n, sum(ratings[k]) / len(ratings[k]) if ratings.get(k) else None)
               for k, n in counts.items()]
    touched.sort(key=lambda t: (-t.questions, order.get(t.key, len(order)), t.key))
    return tuple(touched)


def stars(rating: int | None) -> str:
    """A rating as five stars ("★★★☆☆"), or "not rated"."""
    if rating is None:
        return "not rated"
    return "★" * rating + "☆" * (5 - rating)


# ---------------------------------------------------------------- honest appraisal


@dataclass(frozen=True)
class AppraisalCandidate:
    """A STAR story from the bank that could have carried a low-rated answer.

    competencies: the competency keys it shares with low-rated questions. questions: those questions' ids.
    """

    evidence: m.Evidence
    competencies: tuple[str, ...]
    questions: tuple[int, ...]


def appraisal_candidates(items: Iterable[m.ScriptItem], evidence: Iterable[m.Evidence], *,
                         low: int = LOW_RATING, limit: int = 6) -> tuple[AppraisalCandidate, ...]:
    """STAR stories whose competencies match low-rated questions: "which evidence did I fail to mention?".

    Ranked by the number of low-rated questions they speak to, then shared competencies, then title.
    """
    weak = [q for q in in_script_order(items) if q.rating is not None and q.rating <= low and q.competencies]
    if not weak:
        return ()
    found = []
    for ev in evidence:
        if not ev.is_star or not ev.competencies:
            continue
        own = set(ev.competencies)
        shared = tuple(k for k in dict.fromkeys(k for q in weak for k in q.competencies) if k in own)
        if not shared:
            continue
        qids = tuple(q.id for q in weak if own.intersection(q.competencies) and q.id is not None)
        found.append(AppraisalCandidate(ev, shared, qids))
    found.sort(key=lambda c: (-len(c.questions), -len(c.competencies), c.evidence.title.casefold()))
    return tuple(found[:limit])


GENERAL_PROMPTS: tuple[str, ...] = (
    "Where exactly did it go wrong? Name the question and the moment (the opening, the example, the ending).",
    "What did they ask twice, or probe further, and why do you think they did?",
    "Which claim did you make without a number, a name or an outcome behind it?",
    "If you had been the interviewer, what would you have written in your notes about you?",
    "What one thing will you prepare differently before the next interview?",
)


def appraisal_prompts(summary: ScriptSummary, candidates: Sequence[AppraisalCandidate],
                      label_of=None) -> tuple[str, ...]:
    """Prompts that push for specifics, the first ones built from this script (weakest answer, unused stories)."""
    label_of = label_of or _label
    prompts: list[str] = []
    weakest = summary.worst or (summary.best if summary.best and summary.best.rating <= LOW_RATING else None)
    if weakest is not None:
        prompts.append(f"Your weakest answer was to “{_clip(weakest.question)}” ({weakest.rating}/5). "
                       "Where exactly did it go wrong — the structure, the example, or the result?")
    if candidates:
        n = len(candidates)
        prompts.append(f"Which evidence from your bank did you fail to mention? {n} stor{'y' if n == 1 else 'ies'} "
                       f"match your low-rated answers, starting with “{_clip(candidates[0].evidence.title, 60)}”.")
    else:
        prompts.append("Which evidence from your bank did you fail to mention?")
    if summary.n_unrated:
        prompts.append(f"{summary.n_unrated} answer(s) are not rated yet: rate them honestly before you judge "
                       "the whole interview.")
    low_comps = [t for t in summary.competencies if t.mean_rating is not None and t.mean_rating <= LOW_RATING]
    if low_comps:
        names = ", ".join(label_of(t.key) for t in low_comps[:3])
        prompts.append(f"Your answers on {names} rated low. What would a convincing example look like?")
    prompts.extend(p for p in GENERAL_PROMPTS if weakest is None or not p.startswith("Where exactly"))
    return tuple(prompts)


def _label(key: str) -> str:
    from lib.competencies import label

    return label(key)


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# ---------------------------------------------------------------- competency suggestions


def suggest_tags(text: str, k: int = 3, encoder=None) -> tuple[str, ...]:
    """Up to ``k`` competency keys for a question: the scoring matcher when present, cue words otherwise."""
    if not text or not text.strip():
        return ()
    try:
        from lib.scoring import suggest_competencies
    except ImportError:
        suggest_competencies = None
    if suggest_competencies is not None:
        try:
            return tuple(suggest_competencies(text, encoder=encoder, k=k))
        except Exception:  # the matcher failing must never block typing a question
            pass
    return tuple(key for key, _ in cue_matches(text)[:k])


# ---------------------------------------------------------------- interviews: stages, labels, form parsing


def stage_rank(stage: m.Stage) -> int:
    return m.STAGE_ORDER.index(m.Stage(stage))


def sorted_stages(stages: Iterable[m.Stage | str]) -> tuple[m.Stage, ...]:
    """Stages attended in funnel order, without repeats."""
    return tuple(sorted({m.Stage(s) for s in stages}, key=stage_rank))


def furthest_of(stages: Iterable[m.Stage | str], default: m.Stage = m.Stage.FIRST_ROUND) -> m.Stage:
    ordered = sorted_stages(stages)
    return ordered[-1] if ordered else default


def check_stages(stages: Sequence[m.Stage], furthest: m.Stage) -> None:
    """The furthest stage can't be before a stage that was attended (raises ValidationError on 'furthest_stage')."""
    if stages and stage_rank(furthest) < stage_rank(furthest_of(stages)):
        raise ValidationError("furthest_stage", "The furthest stage reached can't be before a stage you attended "
                              f"({m.STAGE_LABELS[furthest_of(stages)]}).")


def parse_interviewers(text: str) -> tuple[str, ...]:
    """Names typed comma-separated — or semicolon/line-separated when entries carry a job title
    ("Ana Ruiz, Recruiter; Bo Lind, Head of Data"). Trimmed; blanks and repeats dropped."""
    text = text or ""
    sep = r"[;\n]" if (";" in text or "\n" in text) else ","
    names = (" ".join(p.split()) for p in re.split(sep, text))
    return tuple(dict.fromkeys(n for n in names if n))


def format_interviewers(names: Sequence[str]) -> str:
    """The inverse of :func:`parse_interviewers`: semicolons as soon as one entry holds a comma (a single
    such entry ends with one, so "Dana Whitlock, Talent Partner" stays one person)."""
    if not any("," in n for n in names):
        return ", ".join(names)
    return "; ".join(names) + (";" if len(names) == 1 else "")


def interview_label(iv: m.Interview) -> str:
    return f"{iv.role} at {iv.company} — {iv.interview_date:%d %b %Y}"


def newest_first(interviews: Iterable[m.Interview]) -> list[m.Interview]:
    return sorted(interviews, key=lambda iv: (iv.interview_date, iv.id or 0), reverse=True)


def new_interview(company: str, role: str, interview_date: dt.date | None, stages: Sequence[m.Stage] = (),
                  furthest: m.Stage | None = None) -> m.Interview:
    """Validate the few fields of the creation form (errors name their field) and build the interview."""
    if interview_date is None:
        raise ValidationError("interview_date", "The interview date is required.")
    stages = sorted_stages(stages)
    furthest = m.Stage(furthest) if furthest else furthest_of(stages)
    check_stages(stages, furthest)
    return m.Interview(company=(company or "").strip(), role=(role or "").strip(), interview_date=interview_date,
                       stages=stages, furthest_stage=furthest)


def moved(ids: Sequence[int], item_id: int, step: int) -> list[int]:
    """The id order after moving ``item_id`` by ``step`` places (clamped at both ends)."""
    order = list(ids)
    i = order.index(item_id)
    j = max(0, min(len(order) - 1, i + step))
    order.insert(j, order.pop(i))
    return order


def competency_options() -> tuple[str, ...]:
    """Competency keys in the list's order (for a multiselect)."""
    return tuple(c.key for c in COMPETENCIES)
