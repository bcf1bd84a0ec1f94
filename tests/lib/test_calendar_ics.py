"""The hand-written iCalendar writer, checked by parsing its output back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.calendar_ics import IcsEvent, action_events, build_ics, escape_text, fold_line, follow_up_event
from lib.errors import ValidationError
from lib.models import ActionItem, Interview

NOW = dt.datetime(2026, 10, 12, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def unfold(data: bytes) -> list[str]:
    assert data.endswith(b"\r\n")
    body = data[:-2]
    assert b"\n" not in body.replace(b"\r\n", b"")  # only CRLF line endings
    return body.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def events_of(lines: list[str]) -> list[dict[str, str]]:
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_calendar_structure_and_fields():
    event = IcsEvent(summary="Follow up with Northwind", start=dt.date(2026, 10, 21),
                     description="Send one polite follow-up by phone.")
    data = build_ics([event], now=NOW)
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    (parsed,) = events_of(lines)
    assert parsed["DTSTAMP"] == "20261012T073000Z"  # converted to UTC
    assert parsed["DTSTART;VALUE=DATE"] == "20261021"
    assert parsed["DTEND;VALUE=DATE"] == "20261022"
    assert parsed["UID"].endswith("@secondlook.invalid")
    assert unescape(parsed["SUMMARY"]) == event.summary
    assert unescape(parsed["DESCRIPTION"]) == event.description


def test_escaping_round_trips_special_characters():
    text = 'Call back; ask: "what, exactly?"\nThen C:\\notes\r\nand stop.\x07'
    event = IcsEvent(summary="A, B; C \\ D", start=dt.date(2026, 1, 5), description=text)
    (parsed,) = events_of(unfold(build_ics([event], now=NOW)))
    assert parsed["SUMMARY"] == "A\\, B\\; C \\\\ D"
    assert unescape(parsed["SUMMARY"]) == "A, B; C \\ D"
    assert unescape(parsed["DESCRIPTION"]) == 'Call back; ask: "what, exactly?"\nThen C:\\notes\nand stop.'
    assert "\n" not in escape_text("a\nb") and "\\n" in escape_text("a\nb")


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    summary = "Réécrire l’histoire STAR ✓ " * 12
    data = build_ics([IcsEvent(summary=summary, start=dt.date(2026, 3, 2))], now=NOW)
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)
    for line in physical:
        line.decode("utf-8")  # each physical line is valid UTF-8 on its own
    (parsed,) = events_of(unfold(data))
    assert unescape(parsed["SUMMARY"]) == summary


@given(st.text(max_size=400))
def test_fold_line_never_exceeds_75_octets_and_unfolds_exactly(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold_line(line)
    assert folded.endswith(b"\r\n")
    assert all(len(part) <= 75 for part in folded[:-2].split(b"\r\n"))
    assert folded[:-2].replace(b"\r\n ", b"").decode("utf-8") == line


def test_uid_is_stable_and_now_must_be_aware():
    a = IcsEvent(summary="X", start=dt.date(2026, 1, 5))
    b = IcsEvent(summary="X", start=dt.date(2026, 1, 5))
    assert a.uid == b.uid
    assert build_ics([a], now=NOW) == build_ics([b], now=NOW)
    with pytest.raises(ValidationError):
        build_ics([a], now=dt.datetime(2026, 1, 1, 12, 0))
    with pytest.raises(ValidationError):
        IcsEvent(summary="X", start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError):
        IcsEvent(summary=" ", start=dt.date(2026, 1, 5))


def test_builders_for_actions_and_follow_ups():
    actions = [
        ActionItem(title="Rewrite the story", due_on=dt.date(2026, 10, 20), id=7),
        ActionItem(title="Done already", due_on=dt.date(2026, 10, 21), done=True),
        ActionItem(title="No date"),
    ]
    events = action_events(actions)
    assert [e.summary for e in events] == ["Rewrite the story"]
    interview = Interview(company="Northwind", role="Analyst", interview_date=dt.date(2026, 10, 1), id=3)
    reminder = follow_up_event(interview, "Follow up", dt.date(2026, 10, 21), "Be kind.")
    parsed = events_of(unfold(build_ics([*events, reminder], now=NOW)))
    assert len(parsed) == 2 and len({p["UID"] for p in parsed}) == 2
