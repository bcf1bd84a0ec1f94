"""The feedback etiquette engine on dated scenarios, with an injected "today"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.errors import ValidationError
from lib.followup import (
    FollowUpRules,
    add_business_days,
    due_items,
    format_day,
    next_business_day,
    next_step,
)
from lib.models import AttemptOutcome, Channel, ContactAttempt, Direction, Interview, Outcome

# 2026-10-12 is a Monday.
MON = dt.date(2026, 10, 12)


def day(offset: int) -> dt.date:
    return MON + dt.timedelta(days=offset)


def rejected(decided: dt.date | None = MON, *, iid: int = 1, company: str = "Northwind") -> Interview:
    return Interview(company=company, role="Data Analyst", interview_date=day(-7), outcome=Outcome.REJECTED,
                     decided_on=decided, id=iid)


def sent(on: dt.date, channel: Channel = Channel.EMAIL, *, iid: int = 1,
         outcome: AttemptOutcome = AttemptOutcome.NO_ANSWER) -> ContactAttempt:
    return ContactAttempt(interview_id=iid, on=on, channel=channel, outcome=outcome)


def test_business_day_arithmetic_skips_weekends_and_holidays():
    assert add_business_days(MON, 2) == day(2)  # Wednesday
    assert add_business_days(day(4), 1) == day(7)  # Friday + 1 → Monday
    assert add_business_days(day(5), 2) == day(8)  # Saturday + 2 → Tuesday
    assert add_business_days(MON, 1, holidays={day(1)}) == day(2)
    assert next_business_day(day(6)) == day(7)
    assert next_business_day(MON) == MON
    with pytest.raises(ValidationError):
        add_business_days(MON, -1)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)), st.integers(0, 40))
def test_add_business_days_lands_on_a_business_day_and_counts_exactly(start, n):
    end = add_business_days(start, n)
    between = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(d.weekday() < 5 for d in between) == n
    if n:
        assert end.weekday() < 5


def test_format_day_is_locale_free():
    assert format_day(dt.date(2026, 10, 14)) == "14 October"
    assert format_day(dt.date(2026, 10, 14), weekday=True) == "Wednesday 14 October"


@pytest.mark.parametrize("outcome", [Outcome.PENDING, Outcome.OFFER, Outcome.WITHDRAWN, Outcome.GHOSTED])
def test_no_rejection_means_not_applicable(outcome):
    interview = Interview(company="A", role="B", interview_date=MON, outcome=outcome, id=1)
    step = next_step(interview, [], today=day(3))
    assert step.state == "not_applicable"
    assert step.due_on is None and not step.overdue and step.suggested_channel is None
    assert step.message


def test_rules_can_extend_to_ghosted_processes():
    interview = Interview(company="A", role="B", interview_date=MON, outcome=Outcome.GHOSTED, id=1)
    rules = FollowUpRules(applies_to=(Outcome.REJECTED, Outcome.GHOSTED))
    assert next_step(interview, [], today=MON, rules=rules).state == "request_due"


def test_first_request_due_within_two_business_days():
    step = next_step(rejected(MON), [], today=MON)
    assert step.state == "request_due"
    assert step.earliest_on == MON and step.due_on == day(2)
    assert step.suggested_channel == Channel.EMAIL
    assert not step.overdue
    assert "Wednesday 14 October" in step.message


def test_friday_rejection_is_due_by_tuesday():
    step = next_step(rejected(day(4)), [], today=day(4))
    assert step.due_on == day(8)


def test_weekend_rejection_opens_monday_closes_tuesday():
    saturday = day(5)
    step = next_step(rejected(saturday), [], today=saturday)
    assert step.state == "request_due"
    assert step.earliest_on == day(7) and step.earliest_on.weekday() == 0
    assert step.due_on == day(8) and step.due_on.weekday() == 1
    assert "Monday" in step.message and "Tuesday" in step.message
    # not "due today" on the weekend, due on Monday
    assert due_items([rejected(saturday)], {}, saturday) == []
    assert len(due_items([rejected(saturday)], {}, day(7))) == 1


def test_missing_decision_date_falls_back_to_interview_date():
    interview = rejected(None)
    step = next_step(interview, [], today=interview.interview_date)
    assert step.earliest_on == interview.interview_date
    assert step.due_on == add_business_days(interview.interview_date, 2)


def test_late_request_is_overdue_but_still_kind():
    step = next_step(rejected(MON), [], today=day(6))
    assert step.state == "request_due" and step.overdue
    assert "6 days" in step.message


def test_a_very_old_unsent_request_is_let_go():
    step = next_step(rejected(MON), [], today=day(45))
    assert step.state == "let_go"
    assert next_step(rejected(MON), [], today=day(45), rules=FollowUpRules(request_stale_after_days=None)).overdue


def test_waiting_after_the_request_then_follow_up_on_another_channel():
    log = [sent(day(1))]
    waiting = next_step(rejected(), log, today=day(4))
    assert waiting.state == "waiting"
    assert waiting.earliest_on == day(8)  # 7 days after Tuesday's email
    assert waiting.suggested_channel == Channel.PHONE
    assert not waiting.overdue
    due = next_step(rejected(), log, today=day(9))
    assert due.state == "follow_up_due"
    assert due.suggested_channel == Channel.PHONE
    assert "by phone" in due.message and "8 days" in due.message
    assert not due.overdue
    late = next_step(rejected(), log, today=day(14))
    assert late.state == "follow_up_due" and late.overdue


def test_follow_up_window_skips_the_weekend():
    log = [sent(day(-2))]  # a Saturday email (odd but possible) → +7 = Saturday → Monday
    step = next_step(rejected(day(-3)), log, today=day(4))
    assert step.state == "waiting" and step.earliest_on == day(7)


def test_channel_switch_can_be_turned_off_and_respects_available_channels():
    log = [sent(day(1))]
    same = next_step(rejected(), log, today=day(9), rules=FollowUpRules(prefer_channel_switch=False))
    assert same.suggested_channel == Channel.EMAIL
    no_phone = next_step(rejected(), log, today=day(9), available={Channel.EMAIL, Channel.LINKEDIN})
    assert no_phone.suggested_channel == Channel.LINKEDIN
    only_email = next_step(rejected(), log, today=day(9), available={Channel.EMAIL})
    assert only_email.suggested_channel == Channel.EMAIL


def test_second_follow_up_is_the_last_then_let_go():
    log = [sent(day(1)), sent(day(8), Channel.PHONE)]
    step = next_step(rejected(), log, today=day(16))
    assert step.state == "follow_up_due"
    assert step.follow_ups_sent == 1
    assert step.suggested_channel == Channel.LINKEDIN
    assert "last" in step.message
    log.append(sent(day(16), Channel.LINKEDIN))
    done = next_step(rejected(), log, today=day(30))
    assert done.state == "let_go" and done.follow_ups_sent == 2
    assert done.due_on is None and done.suggested_channel is None
    assert due_items([rejected()], {1: log}, day(30)) == []


def test_max_follow_ups_is_configurable():
    log = [sent(day(1)), sent(day(8), Channel.PHONE)]
    assert next_step(rejected(), log, today=day(16), rules=FollowUpRules(max_follow_ups=1)).state == "let_go"
    assert next_step(rejected(), log[:1], today=day(9), rules=FollowUpRules(max_follow_ups=0)).state == "let_go"


def test_reply_ends_the_sequence():
    log = [sent(day(1)), ContactAttempt(interview_id=1, on=day(3), direction=Direction.INBOUND,
                                       outcome=AttemptOutcome.REPLIED)]
    step = next_step(rejected(), log, today=day(20))
    assert step.state == "replied" and not step.actionable
    # an inbound message after the request counts as an answer even if logged as no_answer
    inbound = [sent(day(1)), ContactAttempt(interview_id=1, on=day(2), direction=Direction.INBOUND)]
    assert next_step(rejected(), inbound, today=day(20)).state == "replied"


def test_clear_decline_stops_for_good():
    log = [sent(day(1)), sent(day(8), Channel.PHONE, outcome=AttemptOutcome.DECLINED)]
    step = next_step(rejected(), log, today=day(20))
    assert step.state == "declined"
    assert step.suggested_channel is None
    assert due_items([rejected()], {1: log}, day(20)) == []


def test_attempts_before_the_decision_and_of_other_interviews_are_ignored():
    thank_you = ContactAttempt(interview_id=1, on=day(-3))
    other = ContactAttempt(interview_id=2, on=day(1), outcome=AttemptOutcome.DECLINED)
    step = next_step(rejected(), [thank_you, other], today=MON)
    assert step.state == "request_due"


def test_due_items_lists_actionable_interviews_overdue_first():
    a = rejected(MON, iid=1, company="Alpha")  # request overdue on day 9
    b = rejected(day(8), iid=2, company="Beta")  # request due, not overdue
    c = rejected(MON, iid=3, company="Gamma")  # waiting after a request
    d = Interview(company="Delta", role="R", interview_date=MON, outcome=Outcome.OFFER, id=4)
    attempts = {3: [sent(day(7), iid=3)]}
    items = due_items([b, c, d, a], attempts, day(9))
    assert [i.company for i, _ in items] == ["Alpha", "Beta"]
    assert items[0][1].overdue and not items[1][1].overdue


def test_rules_validate_their_numbers():
    with pytest.raises(ValidationError):
        FollowUpRules(max_follow_ups=-1)
    with pytest.raises(ValidationError):
        FollowUpRules(follow_up_after_days=0)
    with pytest.raises(ValidationError):
        FollowUpRules(channel_order=())


def test_a_decision_dated_ahead_of_today_waits_for_it():
    step = next_step(rejected(day(2)), [], today=MON)
    assert step.state == "request_due" and step.earliest_on == day(2) and not step.overdue
    assert due_items([rejected(day(2))], {}, MON) == []
