"""The action plan: a few concrete next steps proposed from the gaps of an interview.

Input is :class:`GapInput`, a small description of one gap (the scoring module owns the real gap classes;
this keeps the two decoupled). Two kinds of gap, two kinds of action:

* **demonstration gap** — the evidence exists but did not come across: rewrite the STAR story with a
  measurable result and rehearse it for the kind of question that exposed the gap;
* **skill gap** — there is no evidence yet: build some (a small project, a course, a volunteer task), then
  log it in the evidence bank.

Rules: at most ``max_actions`` (5) actions, in the order of the gaps given (the most important first),
one per competency and gap class, none that duplicates an open action already in the plan. Due dates are
spread over the coming weeks, every ``spacing_business_days`` (5, about a week) business days, starting
``first_due_business_days`` (3) business days from today; weekends are skipped. Deterministic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lib.competencies import label
from lib.errors import ValidationError
from lib.followup import add_business_days
from lib.letters import one_line
from lib.models import MAX_TITLE, ActionItem

GapClass = Literal["skill_gap", "demonstration_gap"]
GAP_CLASSES: tuple[str, ...] = ("skill_gap", "demonstration_gap")
_QUOTE_MAX = 60


@dataclass(frozen=True)
class GapInput:
    """One gap: the competency key, its class, titles of related evidence, a question that exposed it."""

    competency: str
    gap_class: GapClass
    evidence_titles: tuple[str, ...] = ()
    question: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.competency, str) or not self.competency.strip():
            raise ValidationError("competency", "A gap needs a competency.")
        if self.gap_class not in GAP_CLASSES:
            raise ValidationError("gap_class", f"Gap class must be one of: {', '.join(GAP_CLASSES)}.")
        if isinstance(self.evidence_titles, str):
            raise ValidationError("evidence_titles", "Evidence titles must be a list.")
        object.__setattr__(self, "evidence_titles", tuple(self.evidence_titles))


def _short(text: str, limit: int = _QUOTE_MAX) -> str:
    text = one_line(text).strip("\"“”'‘’ ")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return (cut or text[: limit - 1]) + "…"


def _norm(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def action_for(gap: GapInput) -> tuple[str, str]:
    """(title, detail) of the action answering one gap."""
    name = label(gap.competency)
    question = _short(gap.question) if gap.question and gap.question.strip() else ""
    if gap.gap_class == "demonstration_gap":
        story = next((_short(t) for t in gap.evidence_titles if t and t.strip()), "")
        rehearse = f"rehearse it for questions like “{question}”" if question else "rehearse it out loud"
        if story:
            title = f"Rewrite the STAR story “{story}” with a measurable result and {rehearse}"
        else:
            title = f"Write a STAR story that shows {name.lower()}, with a measurable result, and {rehearse}"
        detail = ("Situation and task in two sentences, then what you did (your own actions, with verbs) and "
                  "what changed, with a number if you have one. Say it out loud in under two minutes, then "
                  "update it in the evidence bank.")
    else:
        title = f"Build evidence for {name.lower()}: a small project, course or volunteer task, then log it"
        detail = (f"Pick something you can finish in a few weeks that needs {name.lower()}; keep notes on what "
                  "you did and what came of it, and add it to the evidence bank as a STAR story.")
        if question:
            detail += f" It should help you answer questions like “{question}”."
    return title[:MAX_TITLE], detail


def propose_actions(gaps: Sequence[GapInput], *, today: dt.date, existing: Sequence[ActionItem] = (),
                    max_actions: int = 5, interview_id: int | None = None, first_due_business_days: int = 3,
                    spacing_business_days: int = 5,
                    holidays: frozenset[dt.date] = frozenset()) -> tuple[ActionItem, ...]:
    """Up to ``max_actions`` new actions for ``gaps`` (see the module docstring for the rules).

    Fewer gaps give fewer actions: the plan is never padded with generic advice.
    """
    open_keys = {(a.competency, a.gap_class) for a in existing if not a.done and a.competency}
    titles = {_norm(a.title) for a in existing}
    out: list[ActionItem] = []
    seen: set[tuple[str, str]] = set()
    for gap in gaps:
        if len(out) >= max_actions:
            break
        key = (gap.competency, gap.gap_class)
        if key in seen or key in open_keys:
            continue
        title, detail = action_for(gap)
        if _norm(title) in titles:
            continue
        seen.add(key)
        titles.add(_norm(title))
        due = add_business_days(today, first_due_business_days + spacing_business_days * len(out), holidays)
        out.append(ActionItem(title=title, detail=detail, competency=gap.competency, gap_class=gap.gap_class,
                              due_on=due, interview_id=interview_id))
    return tuple(out)
