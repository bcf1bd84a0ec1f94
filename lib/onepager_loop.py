"""The feedback-loop parts of the one-pager (pure): one sentence on the feedback request, the action
plan lines and the coach's comments. :mod:`lib.onepager_build` assembles the page from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lib.followup import CHANNEL_PHRASES, format_day, next_step
from lib.models import ActionItem, Comment, Direction, FeedbackSource, Interview, Outcome, Role, WorkspaceData
from lib.onepager.content import ActionLine, CommentLine

MAX_ACTIONS = 5
MAX_COMMENTS = 3

_NOT_APPLICABLE: dict[Outcome, str] = {
    Outcome.PENDING: "No decision yet, so no feedback request for now.",
    Outcome.OFFER: "An offer: no feedback request needed.",
    Outcome.WITHDRAWN: "Withdrawn from the process: no feedback request.",
    Outcome.GHOSTED: "No decision has arrived; a feedback request only makes sense after a clear answer.",
}


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def feedback_status(data: WorkspaceData, interview: Interview, *, today: dt.date) -> str:
    """One plain, neutral sentence for a reader of the page: what was sent, what came back, what is next
    (the state comes from :func:`lib.followup.next_step`)."""
    log = sorted((a for a in data.attempts if a.interview_id == interview.id), key=lambda a: (a.on, a.id or 0))
    step = next_step(interview, log, today=today)
    outbound = [a for a in log if a.direction == Direction.OUTBOUND]
    reply = next((a for a in log if a.direction == Direction.INBOUND), None)
    if step.state == "not_applicable":
        if outbound:
            last = outbound[-1]
            return (f"Last contact {CHANNEL_PHRASES[last.channel]} on {format_day(last.on)}"
                    + ("; they answered." if reply else "; no answer yet."))
        return _NOT_APPLICABLE.get(interview.outcome, step.message)
    asked = ""
    if outbound:
        asked = f"Feedback requested {CHANNEL_PHRASES[outbound[0].channel]} on {format_day(outbound[0].on)}"
        if len(outbound) > 1:
            asked += f", followed up {_times(len(outbound) - 1)}"
    lead = asked + "; they" if asked else "They"
    if step.state == "replied":
        n = sum(1 for f in data.feedback if f.interview_id == interview.id and f.source == FeedbackSource.EMPLOYER)
        said = f" with {n} point{'s' if n != 1 else ''}" if n else ""
        return f"{lead} replied{f' on {format_day(reply.on)}' if reply else ''}{said}. No more follow-ups needed."
    if step.state == "declined":
        return f"{lead} said they don't give feedback, so no more asking."
    if step.state == "let_go":
        if asked:
            return f"{asked}; no reply, so it is let go."
        days = (today - (interview.decided_on or interview.interview_date)).days
        return f"No feedback request was sent; {days} days after the decision, it is best let go."
    channel = CHANNEL_PHRASES[step.suggested_channel] if step.suggested_channel else ""
    if step.state == "request_due":
        when = f"by {format_day(step.due_on, weekday=True)}" if step.due_on and not step.overdue else "soon"
        return f"Not requested yet: a short, polite request {channel} is due {when}."
    if step.state == "waiting" and step.earliest_on:
        return f"{asked}; no reply yet. A gentle follow-up {channel} is fine from {format_day(step.earliest_on)}."
    due = f" by {format_day(step.due_on)}" if step.due_on and not step.overdue else ""
    return f"{asked}; no reply yet. One polite follow-up {channel} is due{due}."


def actions_for(data: WorkspaceData, interview_id: int) -> tuple[ActionLine, ...]:
    """Up to five actions of this interview or the whole workspace: open ones by due date, then done ones."""
    mine = [a for a in data.actions if a.interview_id in (interview_id, None)]

    def key(a: ActionItem) -> tuple:
        if a.done:
            return (1, -(a.due_on or dt.date.min).toordinal(), a.interview_id is None, a.id or 0)
        return (0, (a.due_on or dt.date.max).toordinal(), a.interview_id is None, a.id or 0)

    return tuple(ActionLine(a.title, a.due_on, a.done) for a in sorted(mine, key=key)[:MAX_ACTIONS])


def comments_for(comments: Sequence[Comment], interview_id: int) -> tuple[CommentLine, ...]:
    """A coach's top-level comments on this interview (not the owner's replies), open ones and newest first."""
    coach = [c for c in comments
             if c.interview_id == interview_id and c.author_role == Role.COACH and c.parent_id is None]
    coach.sort(key=lambda c: (c.resolved, -(c.created_at.timestamp() if c.created_at else 0.0), c.id or 0))
    return tuple(CommentLine(c.author_name, c.body) for c in coach[:MAX_COMMENTS])
