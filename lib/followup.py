"""Etiquette rules for asking for feedback after a rejection: a date goes in, one kind suggestion comes out.

The rules, in plain words (every number is a field of :class:`FollowUpRules`):

* Ask only after a clear "no" (``Outcome.REJECTED`` by default). Pending processes, offers and
  withdrawals need nothing.
* Send the first request soon: any day from the decision (``interview.decided_on``, or the interview
  date when the decision date is unknown) up to 2 business days after it. A decision on a weekend opens
  the window on Monday and closes it on Tuesday. Business days skip Saturdays, Sundays and the dates in
  ``rules.holidays``.
* Without a reply after about a week (7 days), send one polite follow-up, preferably on another channel
  (an email can get lost; a short call or a LinkedIn note often lands). Then wait another week.
* Stop after ``max_follow_ups`` follow-ups (2): "let it go". Stop at once after a clear decline, and a
  reply ends the sequence.
* A request nobody sent within ``request_stale_after_days`` (30) of the decision is no longer nagged
  about: it becomes "let it go" as well.

Only attempts dated on or after the decision anchor count: a thank-you note sent after the interview but
before the decision is not a feedback request.

Everything is a pure function of its arguments; "today" is always passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lib.errors import ValidationError
from lib.models import AttemptOutcome, Channel, ContactAttempt, Direction, Interview, Outcome

State = Literal["not_applicable", "request_due", "waiting", "follow_up_due", "let_go", "declined", "replied"]
ACTIONABLE: frozenset[str] = frozenset({"request_due", "follow_up_due"})

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

CHANNEL_PHRASES: dict[Channel, str] = {
    Channel.EMAIL: "by email",
    Channel.PHONE: "by phone",
    Channel.LINKEDIN: "on LinkedIn",
    Channel.OTHER: "through another channel",
}


# ---------------------------------------------------------------- dates


def format_day(day: dt.date, *, weekday: bool = False) -> str:
    """``14 October`` (or ``Tuesday 14 October``), independent of the machine's locale."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def is_business_day(day: dt.date, holidays: Collection[dt.date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_business_day(day: dt.date, holidays: Collection[dt.date] = ()) -> dt.date:
    """``day`` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day, holidays):
        day += dt.timedelta(days=1)
    return day


def add_business_days(day: dt.date, n: int, holidays: Collection[dt.date] = ()) -> dt.date:
    """The date ``n`` business days after ``day`` (``day`` itself is not counted; ``n`` >= 0)."""
    if n < 0:
        raise ValidationError("n", "The number of business days cannot be negative.")
    while n > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day, holidays):
            n -= 1
    return day


# ---------------------------------------------------------------- rules and result


@dataclass(frozen=True)
class FollowUpRules:
    """The etiquette, as numbers. The defaults follow common career-advice practice.

    first_request_business_days: the first request is due within this many business days of the decision.
    follow_up_after_days: calendar days without a reply before a follow-up is suggested.
    follow_up_window_business_days: how long (business days) a follow-up stays "due" before it is overdue.
    max_follow_ups: follow-ups after the first request; then "let it go".
    prefer_channel_switch: suggest a different channel for each follow-up when one is available.
    channel_order: the order in which channels are suggested (first = first request).
    request_stale_after_days: after this many days without any request, stop suggesting one (None = never).
    applies_to: the outcomes for which feedback is worth asking.
    holidays: extra non-business days (public holidays), skipped like weekends.
    """

    first_request_business_days: int = 2
    follow_up_after_days: int = 7
    follow_up_window_business_days: int = 2
    max_follow_ups: int = 2
    prefer_channel_switch: bool = True
    channel_order: tuple[Channel, ...] = (Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN, Channel.OTHER)
    request_stale_after_days: int | None = 30
    applies_to: tuple[Outcome, ...] = (Outcome.REJECTED,)
    holidays: frozenset[dt.date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in ("first_request_business_days", "follow_up_after_days", "follow_up_window_business_days",
                     "max_follow_ups"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be a whole number ≥ 0.")
        if self.follow_up_after_days < 1:
            raise ValidationError("follow_up_after_days", "Wait at least one day before a follow-up.")
        if not self.channel_order:
            raise ValidationError("channel_order", "List at least one channel.")
        object.__setattr__(self, "channel_order", tuple(Channel(c) for c in self.channel_order))
        object.__setattr__(self, "applies_to", tuple(Outcome(o) for o in self.applies_to))
        object.__setattr__(self, "holidays", frozenset(self.holidays))


@dataclass(frozen=True)
class NextStep:
    """What to do next about feedback for one interview.

    state: see :data:`State`. due_on: for "request_due"/"follow_up_due", the last day of the polite window
    (act by then); for "waiting", the last day of the coming follow-up window; otherwise None.
    earliest_on: the day the current/coming window opens (None when nothing is coming).
    suggested_channel: the channel for the action (None when there is nothing to send).
    message: one kind, plain sentence for the page. overdue: the window has passed and it is still undone.
    follow_ups_sent: how many follow-ups were already sent (after the first request).
    """

    state: State
    message: str
    due_on: dt.date | None = None
    earliest_on: dt.date | None = None
    suggested_channel: Channel | None = None
    overdue: bool = False
    follow_ups_sent: int = 0

    @property
    def actionable(self) -> bool:
        return self.state in ACTIONABLE


# ---------------------------------------------------------------- the engine


def _pick_channel(used: Sequence[Channel], rules: FollowUpRules, available: Collection[Channel] | None) -> Channel:
    order = [c for c in rules.channel_order if available is None or c in available] or list(rules.channel_order)
    if not used:
        return order[0]
    last = used[-1]
    if not rules.prefer_channel_switch:
        return last if available is None or last in available else order[0]
    unused = [c for c in order if c not in used]
    if unused:
        return unused[0]
    others = [c for c in order if c != last]
    return others[0] if others else last


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def next_step(
    interview: Interview,
    attempts: Iterable[ContactAttempt],
    *,
    today: dt.date,
    rules: FollowUpRules = FollowUpRules(),  # noqa: B008 - frozen, safe as a default
    available: Collection[Channel] | None = None,
) -> NextStep:
    """The next feedback step for ``interview`` given its contact log, as of ``today``.

    ``attempts``: the contact log (attempts of other interviews are ignored when both ids are known).
    ``available``: channels I can actually use (e.g. no phone number → no PHONE); None = all.
    """
    if interview.outcome not in rules.applies_to:
        return NextStep("not_applicable", _not_applicable_message(interview.outcome))
    anchor = interview.decided_on or interview.interview_date
    log = sorted(
        (a for a in attempts
         if a.on >= anchor and (interview.id is None or a.interview_id is None or a.interview_id == interview.id)),
        key=lambda a: (a.on, a.id or 0),
    )
    if any(a.outcome == AttemptOutcome.DECLINED for a in log):
        return NextStep("declined", "They have said they don't give feedback — respect that and don't ask "
                                    "again; your own review of the interview is enough to learn from.")
    outbound = [a for a in log if a.direction == Direction.OUTBOUND]
    first_out = outbound[0].on if outbound else None
    replied = any(a.outcome == AttemptOutcome.REPLIED for a in log) or any(
        a.direction == Direction.INBOUND and first_out is not None and a.on >= first_out for a in log)
    if replied:
        return NextStep("replied", "They replied — no more follow-ups are needed; note what they said as "
                                   "feedback items while it is fresh.", follow_ups_sent=max(len(outbound) - 1, 0))
    if not outbound:
        return _first_request(anchor, today, rules, available)

    sent = len(outbound) - 1
    used = [a.channel for a in outbound]
    if sent >= rules.max_follow_ups:
        asked = len(outbound)
        return NextStep("let_go", f"You have asked {asked} times without a reply — that is plenty; let this one "
                                  "go and put the energy into your next application.", follow_ups_sent=sent)
    last = outbound[-1].on
    opens = next_business_day(last + dt.timedelta(days=rules.follow_up_after_days), rules.holidays)
    due = add_business_days(opens, rules.follow_up_window_business_days, rules.holidays)
    channel = _pick_channel(used, rules, available)
    final = sent + 1 == rules.max_follow_ups
    if today < opens:
        word = "a last gentle follow-up" if final else "one gentle follow-up"
        return NextStep("waiting", f"Give them time — if nothing arrives, {word} {CHANNEL_PHRASES[channel]} "
                                   f"would be fine from {format_day(opens, weekday=True)}.",
                        due_on=due, earliest_on=opens, suggested_channel=channel, follow_ups_sent=sent)
    waited = (today - last).days
    tail = "; it will be the last one." if final else "."
    return NextStep("follow_up_due", f"Send one polite follow-up {CHANNEL_PHRASES[channel]} — it has been "
                                     f"{_days(waited)} without a reply{tail}",
                    due_on=due, earliest_on=opens, suggested_channel=channel, overdue=today > due,
                    follow_ups_sent=sent)


def _first_request(anchor: dt.date, today: dt.date, rules: FollowUpRules,
                   available: Collection[Channel] | None) -> NextStep:
    opens = next_business_day(anchor, rules.holidays)
    due = add_business_days(anchor, rules.first_request_business_days, rules.holidays)
    due = max(due, opens)
    channel = _pick_channel([], rules, available)
    how = CHANNEL_PHRASES[channel]
    since = (today - anchor).days
    if rules.request_stale_after_days is not None and since > rules.request_stale_after_days:
        return NextStep("let_go", f"It has been {_days(since)} since the decision, so a request is optional "
                                  "now — let it go unless you want to reconnect for another reason.")
    if today < opens:
        message = (f"Send a short, polite feedback request {how} on {format_day(opens, weekday=True)} or "
                   f"{format_day(due, weekday=True)} — no need to write before then.")
    elif today > due:
        message = (f"Send a short, polite feedback request {how} when you can — it has been {_days(since)} "
                   "since the decision, and that is still fine.")
    else:
        message = (f"Send a short, polite feedback request {how} by {format_day(due, weekday=True)} — "
                   "while the interview is fresh for both of you.")
    return NextStep("request_due", message, due_on=due, earliest_on=opens, suggested_channel=channel,
                    overdue=today > due)


def _not_applicable_message(outcome: Outcome) -> str:
    return {
        Outcome.PENDING: "No decision yet — nothing to send for now.",
        Outcome.OFFER: "You have an offer — no feedback request needed; congratulations.",
        Outcome.WITHDRAWN: "You withdrew from this one, so there is nothing to ask for.",
        Outcome.GHOSTED: "This process went quiet; asking for feedback only makes sense after a clear answer.",
    }.get(outcome, "Nothing to send for this interview.")


def due_items(
    interviews: Iterable[Interview],
    attempts_by_interview: Mapping[int | None, Sequence[ContactAttempt]],
    today: dt.date,
    *,
    rules: FollowUpRules = FollowUpRules(),  # noqa: B008 - frozen, safe as a default
) -> list[tuple[Interview, NextStep]]:
    """Interviews with a request or follow-up to send today: the window is open (or has passed).

    Sorted overdue first, then by deadline, then by company. Weekend-opened windows are not "due today"
    until their first business day.
    """
    out = []
    for interview in interviews:
        step = next_step(interview, attempts_by_interview.get(interview.id, ()), today=today, rules=rules)
        if step.actionable and step.earliest_on is not None and step.earliest_on <= today:
            out.append((interview, step))
    out.sort(key=lambda pair: (not pair[1].overdue, pair[1].due_on or today, pair[0].company.lower(),
                               pair[0].id or 0))
    return out
