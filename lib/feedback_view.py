"""Glue for the Feedback page: which interview to show, the contact log as a timeline, the drafts to offer,
the calendar reminders for the next step, and a competency guess for a feedback item (pure).

Nothing here sends anything: drafts are text for the person to copy, open in their mail program, or say.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lib import models as m
from lib.calendar_ics import IcsEvent, follow_up_event
from lib.followup import CHANNEL_PHRASES, NextStep, due_items, format_day
from lib.letters import Draft, feedback_request, follow_up

CHANNEL_LABELS: dict[m.Channel, str] = {
    m.Channel.EMAIL: "Email", m.Channel.PHONE: "Phone", m.Channel.LINKEDIN: "LinkedIn", m.Channel.OTHER: "Other"}
OUTCOME_LABELS: dict[m.AttemptOutcome, str] = {
    m.AttemptOutcome.NO_ANSWER: "No answer", m.AttemptOutcome.REPLIED: "Replied",
    m.AttemptOutcome.DECLINED: "Declined"}
DIRECTION_LABELS: dict[m.Direction, str] = {
    m.Direction.OUTBOUND: "I contacted them", m.Direction.INBOUND: "They contacted me"}


def candidates(data: m.WorkspaceData) -> tuple[m.Interview, ...]:
    """Interviews worth a feedback request: the rejections, plus any interview that already has a contact
    log or feedback items; most recent decision first."""
    with_loop = {a.interview_id for a in data.attempts} | {f.interview_id for f in data.feedback}
    keep = [iv for iv in data.interviews if iv.outcome == m.Outcome.REJECTED or iv.id in with_loop]
    return tuple(sorted(keep, key=lambda iv: (iv.decided_on or iv.interview_date, iv.id or 0), reverse=True))


def attempts_by_interview(data: m.WorkspaceData) -> dict[int | None, list[m.ContactAttempt]]:
    out: dict[int | None, list[m.ContactAttempt]] = defaultdict(list)
    for a in data.attempts:
        out[a.interview_id].append(a)
    return out


def default_interview(data: m.WorkspaceData, today: dt.date) -> int | None:
    """The interview most in need of attention: the first with a request or follow-up due (overdue first),
    else the most recent candidate."""
    due = due_items(candidates(data), attempts_by_interview(data), today)
    if due:
        return due[0][0].id
    found = candidates(data)
    return found[0].id if found else None


def available_channels(contacts: Sequence[m.Contact]) -> frozenset[m.Channel]:
    """Channels I can use: email/phone only when a contact has one; LinkedIn and other always."""
    out = {m.Channel.LINKEDIN, m.Channel.OTHER}
    if any(c.email.strip() for c in contacts):
        out.add(m.Channel.EMAIL)
    if any(c.phone.strip() for c in contacts):
        out.add(m.Channel.PHONE)
    return frozenset(out)


def preferred_contact(contacts: Sequence[m.Contact], attempts: Sequence[m.ContactAttempt]) -> m.Contact | None:
    """The contact who last replied, else the one last contacted, else the first one."""
    by_id = {c.id: c for c in contacts}
    log = sorted(attempts, key=lambda a: (a.on, a.id or 0), reverse=True)
    for wanted in (lambda a: a.outcome == m.AttemptOutcome.REPLIED or a.direction == m.Direction.INBOUND,
                   lambda a: True):
        for a in log:
            if wanted(a) and a.contact_id in by_id:
                return by_id[a.contact_id]
    return contacts[0] if contacts else None


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the contact log: when, how, who, what happened."""

    attempt: m.ContactAttempt
    headline: str  # "Tue 14 Oct · Email · I contacted them · Priya Anand-Holt"
    outcome: str  # "No answer" / "Replied" / "Declined"
    summary: str


def timeline(attempts: Sequence[m.ContactAttempt], contacts: Sequence[m.Contact]) -> tuple[TimelineEntry, ...]:
    """The contact log, oldest first (a conversation reads top to bottom)."""
    names = {c.id: c.name for c in contacts}
    out = []
    for a in sorted(attempts, key=lambda a: (a.on, a.id or 0)):
        parts = [format_day(a.on, weekday=True) + f" {a.on.year}", CHANNEL_LABELS[a.channel],
                 DIRECTION_LABELS[a.direction]]
        if a.contact_id in names:
            parts.append(names[a.contact_id])
        out.append(TimelineEntry(a, " · ".join(parts), OUTCOME_LABELS[a.outcome], a.summary))
    return tuple(out)


# ---------------------------------------------------------------- drafts


@dataclass(frozen=True)
class DraftChoice:
    """A draft the page can offer: which message (``slot`` stored as the Letter's tone), its label, the text."""

    slot: str  # "warm" (the request) or "warm:follow_up_1"
    label: str
    draft: Draft
    follow_up_n: int = 0  # 0 = the first request


def slot_for(tone: str, follow_up_n: int = 0) -> str:
    return tone if follow_up_n <= 0 else f"{tone}:follow_up_{follow_up_n}"


def draft_choices(interview: m.Interview, contact: m.Contact | None, step: NextStep, tone: str,
                  sender_name: str = "") -> tuple[DraftChoice, ...]:
    """The request, and the follow-up when one is due or coming; the one to send next comes first."""
    request = DraftChoice(slot_for(tone), "Feedback request",
                          feedback_request(interview, contact, tone=tone, sender_name=sender_name))
    if step.state not in ("follow_up_due", "waiting"):
        return (request,)
    n = step.follow_ups_sent + 1
    label = "Last follow-up" if n >= 2 else "Follow-up"
    nudge = DraftChoice(slot_for(tone, n), label,
                        follow_up(interview, contact, n=n, tone=tone, sender_name=sender_name), follow_up_n=n)
    return (nudge, request) if step.state == "follow_up_due" else (request, nudge)


def saved_draft(letters: Sequence[m.Letter], interview_id: int, slot: str) -> m.Letter | None:
    """The person's edited version of a draft (the latest saved one for this interview and slot)."""
    found = [x for x in letters if x.interview_id == interview_id and x.kind == "feedback_request" and x.tone == slot]
    return max(found, key=lambda x: x.id or 0) if found else None


def sent_attempt(interview: m.Interview, on: dt.date, channel: m.Channel, choice: DraftChoice,
                 contact: m.Contact | None) -> m.ContactAttempt:
    """The contact-log entry for "I sent it" (outbound, no answer yet)."""
    what = "the feedback request" if choice.follow_up_n == 0 else f"follow-up {choice.follow_up_n}"
    to = f" to {contact.name}" if contact else ""
    return m.ContactAttempt(interview_id=interview.id, on=on, channel=channel, direction=m.Direction.OUTBOUND,
                          outcome=m.AttemptOutcome.NO_ANSWER, contact_id=contact.id if contact else None,
                          summary=f"Sent {what}{to} {CHANNEL_PHRASES[channel]}.")


def sent_request_id(interview: m.Interview, on: dt.date, choice: DraftChoice) -> str:
    """One "I sent it" log per interview, message and day: a double click logs it once."""
    return f"sent:{interview.id}:{on.isoformat()}:{choice.follow_up_n}"


# ---------------------------------------------------------------- calendar


def step_events(interview: m.Interview, step: NextStep, today: dt.date) -> tuple[IcsEvent, ...]:
    """Reminders for the next step: the day the window opens and the last polite day (or today when late)."""
    if step.state not in ("request_due", "follow_up_due", "waiting") or step.due_on is None:
        return ()
    what = "Follow up on feedback" if step.state != "request_due" else "Ask for feedback"
    title = f"{what}: {interview.title}"
    if step.overdue or (step.earliest_on is not None and step.earliest_on <= today <= step.due_on):
        start = today if step.overdue else max(today, step.earliest_on or today)
        return (follow_up_event(interview, title, start, step.message),)
    events = []
    if step.earliest_on is not None and step.earliest_on < step.due_on:
        events.append(follow_up_event(interview, f"{title} (from today)", step.earliest_on, step.message))
    events.append(follow_up_event(interview, f"{title} (last polite day)", step.due_on, step.message))
    return tuple(events)


# ---------------------------------------------------------------- competency guess


def suggest_competency(wording: str) -> str | None:
    """The best competency key for a feedback wording: the scoring module's suggestion when it is
    available (cue words, no model needed), else the best cue match; None when nothing fits."""
    try:
        from lib.scoring import suggest_competencies
    except ImportError:  # scoring not available in this build: the cue words are enough
        suggest_competencies = None
    if suggest_competencies is not None:
        found = suggest_competencies(wording, None, 1)
        return found[0] if found else None
    from lib.competencies import cue_matches

    hits = cue_matches(wording)
    return hits[0][0] if hits else None
