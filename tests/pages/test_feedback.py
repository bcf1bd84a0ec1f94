"""AppTest for the Feedback page on the demo workspace (Fernhollow Games: rejected yesterday, nothing sent)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lib import models as m
from lib.storage import repo
from tests.pages.helpers import app_test, open_page
from tests.pages.helpers import button as _button
from tests.pages.helpers import interview_named as _interview
from tests.pages.helpers import store_engine as _engine

PAGE = "pages/feedback.py"


def _open():
    return open_page(PAGE)


def _next_step(at) -> str:
    boxes = [x.value for kind in (at.warning, at.info, at.success) for x in kind if "Next step" in x.value]
    assert boxes, "no next-step box"
    return boxes[0]


def test_defaults_to_the_interview_most_in_need_with_a_calendar_reminder(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    assert at.selectbox(key="fb_interview").value == _interview(engine, "Fernhollow Games").id
    assert "feedback request" in _next_step(at)
    assert at.get("download_button")[0].proto.label.startswith("Add a reminder")
    # the request draft is filled from the interview; nothing asks to be sent by the app
    assert "Fernhollow Games" in at.text_area[0].value
    assert any("never sends" in c.value for c in at.caption)


def test_add_contact_log_sent_and_the_next_step_changes(isolated_store):
    at = _open()
    at.text_input(key="fb_new_name").input("Noor Haddad")
    at.text_input(key="fb_new_role").input("Recruiter")
    at.text_input(key="fb_new_email").input("noor.haddad@example.com")
    _button(at, "Add contact").click().run()
    assert not at.exception and not at.error
    engine = _engine(isolated_store)
    iv = _interview(engine, "Fernhollow Games")
    contacts = repo.list_all(engine, "local", m.Contact, interview_id=iv.id)
    assert [c.name for c in contacts] == ["Noor Haddad"]
    # the draft now greets the contact, and a mailto link appears for the valid address
    assert "Noor" in at.text_area[0].value
    links = at.get("link_button")
    assert links and links[0].proto.url.startswith("mailto:noor.haddad@example.com?subject=")

    _button(at, "Log that I sent it").click().run()
    _button(at, "Log that I sent it").click().run()  # a double click logs it once
    attempts = repo.list_all(engine, "local", m.ContactAttempt, interview_id=iv.id)
    assert len(attempts) == 1
    sent = attempts[0]
    assert sent.direction == m.Direction.OUTBOUND and sent.on == dt.date.today()
    assert sent.contact_id == contacts[0].id
    assert "Give them time" in _next_step(at)


def test_log_a_reply_by_form_and_record_the_three_things(isolated_store):
    at = _open()
    at.selectbox(key="fb_att_dir").set_value(m.Direction.INBOUND)
    at.selectbox(key="fb_att_out").set_value(m.AttemptOutcome.REPLIED)
    at.text_area(key="fb_att_sum").input("They called back with three points.")
    _button(at, "Add to the log").click().run()
    assert not at.exception and not at.error
    assert "They replied" in _next_step(at)
    assert any("They called back" in t.value for t in at.text)

    reasons = ["Your answers about stakeholders stayed general.",
               "We wanted more hands-on SQL and data analysis.",
               "The roadmap question needed a clearer decision."]
    for text in reasons:
        at.text_area(key="fb_new_wording").input(text)
        _button(at, "Add reason").click().run()
        assert not at.exception and not at.error
    engine = _engine(isolated_store)
    iv = _interview(engine, "Fernhollow Games")
    items = repo.list_all(engine, "local", m.FeedbackItem, interview_id=iv.id)
    assert [f.wording for f in items] == reasons
    assert all(f.source == m.FeedbackSource.EMPLOYER for f in items)
    assert items[0].competency == "stakeholder_management"  # suggested from the wording
    assert items[1].competency == "analytical_thinking"

    # move the last one up, then delete the first
    at.button(key=f"fb_move_{items[2].id}_-1").click().run()
    order = [f.wording for f in repo.list_all(engine, "local", m.FeedbackItem, interview_id=iv.id)]
    assert order == [reasons[0], reasons[2], reasons[1]]
    at.button(key=f"fb_del_item_{items[0].id}").click().run()
    left = repo.list_all(engine, "local", m.FeedbackItem, interview_id=iv.id)
    assert [f.wording for f in left] == [reasons[2], reasons[1]]

    # editing a reason autosaves it; changing the competency too
    at.text_area(key=f"fs_FeedbackItem_{items[1].id}_wording").input("More hands-on SQL, please.").run()
    at.selectbox(key=f"fs_FeedbackItem_{items[1].id}_competency").set_value("technical_depth").run()
    saved = repo.get(engine, "local", m.FeedbackItem, items[1].id)
    assert (saved.wording, saved.competency) == ("More hands-on SQL, please.", "technical_depth")


def test_edited_draft_is_saved_and_survives_a_new_session(isolated_store):
    at = _open()
    body_key = next(t.key for t in at.text_area if t.key and t.key.endswith("_body"))
    at.text_area(key=body_key).input("Hello,\n\nMy own words, kept.\n").run()
    assert not at.exception and not at.error
    engine = _engine(isolated_store)
    letters = repo.list_all(engine, "local", m.Letter)
    assert [(x.kind, x.tone, x.body) for x in letters] == [("feedback_request", "warm", "Hello,\n\nMy own words, kept.\n")]
    again = _open()
    assert any(t.value == "Hello,\n\nMy own words, kept.\n" for t in again.text_area)


def test_stale_save_raises_a_conflict_and_keeps_the_other_tab_s_text(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    at.selectbox(key="fb_interview").set_value(pelican.id).run()
    item = repo.list_all(engine, "local", m.FeedbackItem, interview_id=pelican.id)[0]
    # another tab saves first
    repo.update(engine, "local", dataclasses.replace(item, wording="Saved in the other tab."),
                now=dt.datetime.now(dt.UTC))
    at.text_area(key=f"fs_FeedbackItem_{item.id}_wording").input("Typed here.").run()
    assert any("another tab" in e.value for e in at.error)
    assert repo.get(engine, "local", m.FeedbackItem, item.id).wording == "Saved in the other tab."


def test_interview_with_a_decline_says_to_respect_it(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    at.selectbox(key="fb_interview").set_value(_interview(engine, "Quillfeather Payments").id).run()
    assert "don't give feedback" in _next_step(at)
    assert not at.get("download_button")  # nothing to remind about


@pytest.mark.parametrize("page", [PAGE])
def test_coach_view_is_read_only(isolated_store, page):
    from lib.sharing import create_share

    _open()  # seeds the demo workspace
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    _, token = create_share(engine, "local", label="Coach", now=dt.datetime.now(dt.UTC), interview_ids=[pelican.id])
    at = app_test()
    at.query_params["share"] = token
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Add contact" not in labels and "Log that I sent it" not in labels and "Add reason" not in labels
    assert all(t.disabled for t in at.text_area if t.key and t.key.startswith("fs_"))
    assert at.selectbox(key="fb_interview").value == pelican.id


def test_a_follow_up_due_puts_the_follow_up_draft_first(isolated_store):
    at = _open()
    at.selectbox(key="fb_interview").set_value(_interview(_engine(isolated_store), "Larchwell Health").id).run()
    at.date_input(key="fb_att_on").set_value(dt.date.today() - dt.timedelta(days=9))
    at.text_area(key="fb_att_sum").input("Asked for feedback by email.")
    _button(at, "Add to the log").click().run()
    assert not at.exception and not at.error
    assert "follow-up" in _next_step(at)
    which = at.get("button_group")
    assert which and "Follow-up" in str(which[-1].proto)
    subject = next(t for t in at.text_input if t.key and t.key.endswith("_subject"))
    assert subject.value.startswith("Re: ")
