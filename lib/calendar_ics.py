"""A tiny iCalendar (RFC 5545) writer for all-day reminders: follow-ups and action-plan due dates.

Written by hand on purpose: we only ever emit one shape (a VCALENDAR of all-day VEVENTs with a summary and
a description), which takes ~80 lines, while the ``icalendar`` package would be a new dependency to pin,
audit and ship for that. What the RFC asks of us, and what this module does:

* lines end with CRLF (3.1) and are folded so that no line is longer than 75 octets, continuation lines
  starting with one space; a UTF-8 character is never split across a fold;
* TEXT values escape backslash, semicolon, comma and newlines (3.3.11); other control characters, which
  TEXT may not contain, are dropped;
* every VEVENT has a UID and a DTSTAMP (UTC, from the ``now`` argument); all-day events use
  ``DTSTART;VALUE=DATE`` with an exclusive ``DTEND`` the day after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lib.errors import ValidationError
from lib.models import ActionItem, Interview

PRODID = "-//Second Look//Second Look 0.1//EN"
UID_DOMAIN = "secondlook.invalid"
_CTL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters other than TAB and line breaks


@dataclass(frozen=True)
class IcsEvent:
    """One all-day event. end: exclusive end date (None = one day). uid: stable id (derived when empty)."""

    summary: str
    start: dt.date
    description: str = ""
    end: dt.date | None = None
    uid: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.start, dt.datetime) or not isinstance(self.start, dt.date):
            raise ValidationError("start", "The event start must be a date.")
        if self.end is not None and self.end <= self.start:
            raise ValidationError("end", "The event must end after it starts.")
        if not self.summary or not self.summary.strip():
            raise ValidationError("summary", "The event needs a title.")
        if not self.uid:
            object.__setattr__(self, "uid", stable_uid(self.summary, self.start.isoformat()))


def stable_uid(*parts: str) -> str:
    """A deterministic UID from the given parts, so re-exporting updates events instead of duplicating them."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@{UID_DOMAIN}"


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CTL.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold_line(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets, with its CRLF."""
    out = bytearray()
    width = 0
    for ch in line:
        encoded = ch.encode("utf-8")
        if width + len(encoded) > 75:
            out += b"\r\n "
            width = 1
        out += encoded
        width += len(encoded)
    out += b"\r\n"
    return bytes(out)


def _stamp(now: dt.datetime) -> str:
    if not isinstance(now, dt.datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", "The timestamp must be a timezone-aware datetime.")
    return now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def build_ics(events: Sequence[IcsEvent], *, now: dt.datetime, calendar_name: str = "Second Look") -> bytes:
    """The calendar file (bytes, UTF-8) for ``events``; ``now`` (timezone-aware) becomes every DTSTAMP."""
    stamp = _stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(calendar_name)}"]
    for event in events:
        end = event.end or event.start + dt.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)



# ---------------------------------------------------------------- builders for our own objects


def action_events(actions: Iterable[ActionItem]) -> tuple[IcsEvent, ...]:
    """All-day events for the open actions that have a due date."""
    events = []
    for action in actions:
        if action.done or action.due_on is None:
            continue
        key = str(action.id) if action.id is not None else action.title
        events.append(IcsEvent(summary=action.title, start=action.due_on, description=action.detail,
                               uid=stable_uid("action", key)))
    return tuple(events)


def follow_up_event(interview: Interview, summary: str, on: dt.date, description: str = "") -> IcsEvent:
    """A reminder for the next feedback step of ``interview`` (pass ``NextStep.message`` as description)."""
    key = str(interview.id) if interview.id is not None else interview.title
    return IcsEvent(summary=summary, start=on, description=description,
                    uid=stable_uid("followup", key, on.isoformat()))
