"""The Feedback page's glue: default interview, channels, timeline, draft choices, reminders, competency guess."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lib import feedback_view as fv
from lib import models as m
from lib.followup import next_step

WED = dt.date(2026, 11, 25)


def _iv(id_: int, company: str, decided: dt.date | None, outcome=m.Outcome.REJECTED) -> m.Interview:
    return m.Interview(company=company, role="Analyst", interview_date=dt.date(2026, 11, 2), outcome=outcome,
                       decided_on=decided, id=id_)


def _att(iv_id: int, on: dt.date, **kw) -> m.ContactAttempt:
    return m.ContactAttempt(interview_id=iv_id, on=on, **kw)


def test_candidates_are_rejections_or_interviews_with_a_loop_most_recent_first():
    data = m.WorkspaceData(interviews=(
        _iv(1, "Old", dt.date(2026, 11, 3)), _iv(2, "New", dt.date(2026, 11, 20)),
        _iv(3, "Offer", dt.date(2026, 11, 21), m.Outcome.OFFER), _iv(4, "Ghost", None, m.Outcome.GHOSTED)),
        attempts=(_att(4, dt.date(2026, 11, 10)),))
    # without a decision date the interview date counts
    assert [iv.company for iv in fv.candidates(data)] == ["New", "Old", "Ghost"]


def test_default_interview_is_the_one_with_a_request_due_else_the_latest():
    due = _iv(1, "Due", dt.date(2026, 11, 24))
    answered = _iv(2, "Answered", dt.date(2026, 11, 25))
    data = m.WorkspaceData(interviews=(due, answered),
                           attempts=(_att(2, WED, direction=m.Direction.INBOUND, outcome=m.AttemptOutcome.REPLIED),))
    assert fv.default_interview(data, WED) == 1
    later = dataclasses.replace(data, attempts=(*data.attempts, _att(1, WED)))
    assert fv.default_interview(later, WED) == 2  # nothing due: the most recent decision
    assert fv.default_interview(m.WorkspaceData(), WED) is None


def test_available_channels_follow_the_contacts():
    assert fv.available_channels([]) == {m.Channel.LINKEDIN, m.Channel.OTHER}
    contacts = [m.Contact(interview_id=1, name="A", email="a@example.com"), m.Contact(interview_id=1, name="B")]
    assert m.Channel.EMAIL in fv.available_channels(contacts)
    assert m.Channel.PHONE not in fv.available_channels(contacts)


def test_preferred_contact_is_who_replied_then_who_was_asked():
    a, b = m.Contact(interview_id=1, name="A", id=1), m.Contact(interview_id=1, name="B", id=2)
    assert fv.preferred_contact([a, b], []) is a
    asked = [_att(1, dt.date(2026, 11, 20), contact_id=2)]
    assert fv.preferred_contact([a, b], asked) is b
    replied = [*asked, _att(1, dt.date(2026, 11, 21), contact_id=1, direction=m.Direction.INBOUND)]
    assert fv.preferred_contact([a, b], replied) is a
    assert fv.preferred_contact([], asked) is None


def test_timeline_is_oldest_first_with_names_and_outcomes():
    contacts = [m.Contact(interview_id=1, name="Noor Haddad", id=7)]
    log = [_att(1, dt.date(2026, 11, 24), outcome=m.AttemptOutcome.REPLIED, direction=m.Direction.INBOUND, id=2),
           _att(1, dt.date(2026, 11, 20), contact_id=7, summary="asked", id=1)]
    entries = fv.timeline(log, contacts)
    assert [e.attempt.id for e in entries] == [1, 2]
    assert entries[0].headline == "Friday 20 November 2026 · Email · I contacted them · Noor Haddad"
    assert (entries[1].outcome, entries[0].summary) == ("Replied", "asked")


def test_draft_choices_put_the_message_to_send_first():
    iv = _iv(1, "Fernhollow", dt.date(2026, 11, 10))
    request = next_step(iv, [], today=dt.date(2026, 11, 10))
    assert [c.label for c in fv.draft_choices(iv, None, request, "warm")] == ["Feedback request"]
    sent = [_att(1, dt.date(2026, 11, 10))]
    waiting = next_step(iv, sent, today=dt.date(2026, 11, 12))
    assert [c.label for c in fv.draft_choices(iv, None, waiting, "brief")] == ["Feedback request", "Follow-up"]
    due = next_step(iv, sent, today=dt.date(2026, 11, 18))
    choices = fv.draft_choices(iv, None, due, "formal")
    assert [c.slot for c in choices] == ["formal:follow_up_1", "formal"]
    assert choices[0].draft.subject.startswith("Re: ")
    last = next_step(iv, [*sent, _att(1, dt.date(2026, 11, 18), channel=m.Channel.PHONE)], today=dt.date(2026, 11, 26))
    assert fv.draft_choices(iv, None, last, "warm")[0].label == "Last follow-up"


def test_saved_draft_is_the_latest_for_the_slot():
    letters = [m.Letter(interview_id=1, kind="feedback_request", tone="warm", body="old", id=1),
               m.Letter(interview_id=1, kind="feedback_request", tone="warm", body="new", id=5),
               m.Letter(interview_id=1, kind="feedback_request", tone="brief", body="other", id=9),
               m.Letter(interview_id=2, kind="feedback_request", tone="warm", body="elsewhere", id=10)]
    assert fv.saved_draft(letters, 1, "warm").body == "new"
    assert fv.saved_draft(letters, 1, "warm:follow_up_1") is None


def test_sent_attempt_and_its_request_id():
    iv = _iv(3, "X", dt.date(2026, 11, 20))
    contact = m.Contact(interview_id=3, name="Noor", id=4)
    choice = fv.draft_choices(iv, contact, next_step(iv, [], today=WED), "warm")[0]
    attempt = fv.sent_attempt(iv, WED, m.Channel.LINKEDIN, choice, contact)
    assert (attempt.direction, attempt.outcome, attempt.contact_id, attempt.on) == (
        m.Direction.OUTBOUND, m.AttemptOutcome.NO_ANSWER, 4, WED)
    assert attempt.summary == "Sent the feedback request to Noor on LinkedIn."
    rid = fv.sent_request_id(iv, WED, choice)
    assert rid == fv.sent_request_id(iv, WED, choice) and len(rid) <= 64
    assert rid != fv.sent_request_id(iv, WED + dt.timedelta(days=1), choice)


def test_step_events_cover_the_window_or_today_when_open():
    iv = _iv(1, "Fernhollow", dt.date(2026, 11, 21))  # decided on a Saturday: the window opens on Monday
    early = next_step(iv, [], today=dt.date(2026, 11, 21))
    events = fv.step_events(iv, early, dt.date(2026, 11, 21))
    assert [e.start for e in events] == [dt.date(2026, 11, 23), dt.date(2026, 11, 24)]
    assert events[0].uid != events[1].uid
    open_now = next_step(iv, [], today=dt.date(2026, 11, 23))
    assert [e.start for e in fv.step_events(iv, open_now, dt.date(2026, 11, 23))] == [dt.date(2026, 11, 23)]
    late = next_step(iv, [], today=dt.date(2026, 12, 1))
    assert late.overdue and [e.start for e in fv.step_events(iv, late, dt.date(2026, 12, 1))] == [dt.date(2026, 12, 1)]
    done = next_step(iv, [_att(1, dt.date(2026, 11, 23), outcome=m.AttemptOutcome.DECLINED)], today=WED)
    assert fv.step_events(iv, done, WED) == ()


@pytest.mark.parametrize(("wording", "expected"), [
    ("Your stakeholder examples were vague.", "stakeholder_management"),
    ("We needed deeper SQL and data analysis.", "analytical_thinking"),
    ("", None),
])
def test_suggest_competency(wording, expected):
    assert fv.suggest_competency(wording) == expected
