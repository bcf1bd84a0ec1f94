"""The Home overview: counts, latest interviews, and the next steps worth doing (pure)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from lib import models as m
from lib.followup import due_items


@dataclass(frozen=True)
class NextStepLine:
    text: str
    page: str  # the page script that handles it, e.g. "pages/feedback.py"
    interview_id: int | None = None
    urgent: bool = False


@dataclass(frozen=True)
class HomeSummary:
    n_evidence: int
    n_stories: int
    n_interviews: int
    n_rejections: int
    n_questions: int
    mean_rating: float | None
    latest: tuple[m.Interview, ...]
    next_steps: tuple[NextStepLine, ...]


def home_summary(data: m.WorkspaceData, *, today: dt.date, latest_n: int = 5, max_steps: int = 8) -> HomeSummary:
    questions_by_iv: dict[int, list[m.ScriptItem]] = defaultdict(list)
    for q in data.script_items:
        questions_by_iv[q.interview_id].append(q)
    attempts_by_iv: dict[int | None, list[m.ContactAttempt]] = defaultdict(list)
    for a in data.attempts:
        attempts_by_iv[a.interview_id].append(a)
    ratings = [q.rating for q in data.script_items if q.rating is not None]
    latest = tuple(sorted(data.interviews, key=lambda iv: (iv.interview_date, iv.id or 0), reverse=True)[:latest_n])

    steps: list[NextStepLine] = []
    for iv, step in due_items(data.interviews, attempts_by_iv, today):
        late = " (overdue)" if step.overdue else ""
        steps.append(NextStepLine(f"{iv.title}: {step.message}{late}", "pages/feedback.py", iv.id, True))
    for a in sorted((a for a in data.actions if not a.done and a.due_on is not None), key=lambda a: a.due_on):
        if a.due_on <= today + dt.timedelta(days=7):
            late = " — overdue" if a.due_on < today else ""
            steps.append(NextStepLine(f"Action due {a.due_on:%d %b}{late}: {a.title}", "pages/case.py",
                                      a.interview_id, a.due_on <= today))
    for iv in latest:
        if not questions_by_iv.get(iv.id):
            steps.append(NextStepLine(f"{iv.title}: write down the questions you were asked while you "
                                      "still remember them.", "pages/interviews.py", iv.id))
        elif any(q.rating is None for q in questions_by_iv[iv.id]):
            steps.append(NextStepLine(f"{iv.title}: rate every answer honestly (1–5).", "pages/interviews.py", iv.id))
    no_result = [e for e in data.evidence if e.kind == m.EvidenceKind.STORY and not any(c.isdigit() for c in e.result)]
    if no_result:
        steps.append(NextStepLine(f"{len(no_result)} STAR stor{'y has' if len(no_result) == 1 else 'ies have'} "
                                  "no measurable result yet — add a number.", "pages/evidence.py"))
    if not data.evidence:
        steps.append(NextStepLine("Start your evidence bank: add a skill, a qualification or a STAR story.",
                                  "pages/evidence.py"))
    if not data.interviews:
        steps.append(NextStepLine("Log the interview you want to look at again.", "pages/interviews.py"))
    return HomeSummary(
        n_evidence=len(data.evidence),
        n_stories=sum(1 for e in data.evidence if e.kind == m.EvidenceKind.STORY),
        n_interviews=len(data.interviews),
        n_rejections=sum(1 for iv in data.interviews if iv.outcome == m.Outcome.REJECTED),
        n_questions=len(data.script_items),
        mean_rating=round(sum(ratings) / len(ratings), 2) if ratings else None,
        latest=latest,
        next_steps=tuple(steps[:max_steps]),
    )
