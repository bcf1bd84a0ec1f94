"""Feedback-request drafts, phone script, follow-ups and mailto links."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.errors import ValidationError
from lib.letters import Draft, feedback_request, first_name, follow_up, mailto_link, phone_script, to_letter
from lib.models import Contact, Interview, Outcome, Stage

INTERVIEW = Interview(company="Northwind Traders", role="Data Analyst", interview_date=dt.date(2026, 10, 14),
                      furthest_stage=Stage.FINAL_ROUND, outcome=Outcome.REJECTED,
                      decided_on=dt.date(2026, 10, 20), id=1)
CONTACT = Contact(interview_id=1, name="Maria Lopez", role="Hiring manager", email="maria@northwind.example")
PLACEHOLDER = re.compile(r"[{}]|\[[^\]]*\]|TODO|None|<[^>]*>|\bnan\b", re.IGNORECASE)


def assert_clean(text: str) -> None:
    assert not PLACEHOLDER.search(text), f"placeholder-like text in: {text!r}"
    for line in text.splitlines():  # no gaps left by a missing value
        assert "  " not in line.strip() and " ," not in line and " ." not in line, line


@pytest.mark.parametrize("tone", ["brief", "warm", "formal"])
def test_request_contains_the_interview_facts(tone):
    draft = feedback_request(INTERVIEW, CONTACT, tone=tone, sender_name="Alex Morgan")
    text = draft.subject + "\n" + draft.body
    assert "Data Analyst" in text
    assert "Northwind Traders" in draft.body
    assert "14 October" in draft.body
    assert "Maria" in draft.body
    assert draft.body.rstrip().endswith("Alex Morgan")
    assert re.search(r"two or three", draft.body)
    assert_clean(text)
    assert "\n" not in draft.subject


@pytest.mark.parametrize("tone", ["brief", "warm", "formal"])
def test_request_without_contact_or_sender_has_no_gaps(tone):
    draft = feedback_request(INTERVIEW, None, tone=tone, sender_name="  ")
    first_line = draft.body.splitlines()[0]
    assert first_line in ("Hello,", "Dear Northwind Traders hiring team,")
    last_line = draft.body.rstrip().splitlines()[-1]
    assert last_line.endswith(",")  # the sign-off, with no empty name after it
    assert_clean(draft.subject + draft.body)


def test_tones_differ_and_stay_short_and_courteous():
    bodies = {t: feedback_request(INTERVIEW, CONTACT, tone=t, sender_name="Alex").body for t in
              ("brief", "warm", "formal")}
    assert len(set(bodies.values())) == 3
    assert len(bodies["brief"].split()) < len(bodies["warm"].split())
    for body in bodies.values():
        assert len(body.split()) < 140
        assert "thank" in body.lower()
        assert not re.search(r"\b(must|asap|immediately|demand|urgent)\b", body, re.IGNORECASE)


def test_formal_greets_with_the_full_name_brief_with_the_first():
    assert feedback_request(INTERVIEW, CONTACT, tone="formal").body.startswith("Dear Maria Lopez,")
    assert feedback_request(INTERVIEW, CONTACT, tone="brief").body.startswith("Hi Maria,")
    assert first_name("Dr. Ayo Bello") == "Dr. Ayo Bello"
    assert first_name("  Sam  ") == "Sam"


def test_newlines_in_user_values_do_not_break_lines():
    odd = Interview(company="Acme\nCorp", role="Analyst\r\nBcc: x@evil.example", interview_date=dt.date(2026, 1, 2))
    draft = feedback_request(odd, None, tone="brief")
    assert "\n" not in draft.subject and "\r" not in draft.subject
    assert "Acme Corp" in draft.body


def test_unknown_tone_is_refused():
    with pytest.raises(ValidationError):
        feedback_request(INTERVIEW, CONTACT, tone="pushy")  # type: ignore[arg-type]


@pytest.mark.parametrize("tone", ["brief", "warm", "formal"])
def test_follow_ups_are_shorter_and_the_last_says_so(tone):
    request = feedback_request(INTERVIEW, CONTACT, tone=tone, sender_name="Alex")
    first = follow_up(INTERVIEW, CONTACT, 1, tone, "Alex")
    last = follow_up(INTERVIEW, CONTACT, 2, tone, "Alex")
    assert first.subject == "Re: " + request.subject
    for draft in (first, last):
        assert len(draft.body.split()) < len(request.body.split())
        assert "Data Analyst" in draft.body
        assert_clean(draft.subject + draft.body)
    assert re.search(r"\b(last|final)\b", last.body)
    assert not re.search(r"\b(last|final)\b", first.body)
    with pytest.raises(ValidationError):
        follow_up(INTERVIEW, CONTACT, 0, tone, "Alex")


def test_phone_script_covers_opening_ask_close_and_voicemail():
    script = phone_script(INTERVIEW, CONTACT, "Alex Morgan")
    for heading in ("OPENING", "THE ASK", "THE CLOSE", "IF YOU REACH VOICEMAIL"):
        assert heading in script
    assert "Maria" in script and "Data Analyst" in script and "14 October" in script
    assert "Alex Morgan" in script
    assert_clean(script)
    anonymous = phone_script(INTERVIEW, None, "")
    assert "Hello" in anonymous and "led the Data Analyst interviews" in anonymous
    assert_clean(anonymous)


def test_mailto_link_encodes_subject_and_body():
    draft = Draft(subject="Feedback & next steps? 100%", body="Hi Maria,\n\nLine two #1.\n")
    link = mailto_link("maria@northwind.example", draft)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "maria@northwind.example"
    assert " " not in link and "\n" not in link and "+" not in link.split("?", 1)[1]
    assert "%0D%0A" in link
    query = parse_qs(parts.query, keep_blank_values=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.replace("\n", "\r\n")]


@pytest.mark.parametrize("bad", [
    "maria@northwind.example\r\nBcc: all@evil.example",
    "maria@northwind.example\nCc: x@y.example",
    "maria@northwind.example?cc=boss@evil.example",
    "maria@northwind.example&body=hi",
    "maria@northwind.example,boss@evil.example",
    "maria@northwind.example%0d%0abcc:x@y.example",
    "javascript:alert(1)//@x.example",
    "<maria@northwind.example>",
    "maria lopez@northwind.example",
    "maria@northwind.example#frag",
    "maria",
    "",
])
def test_mailto_refuses_header_injection_and_odd_addresses(bad):
    with pytest.raises(ValidationError):
        mailto_link(bad, Draft(subject="s", body="b"))


@given(st.text(max_size=200), st.text(max_size=500))
def test_mailto_round_trips_any_text(subject, body):
    link = mailto_link("a.b+tag@mail.example.org", Draft(subject=subject, body=body))
    assert link.startswith("mailto:a.b%2Btag@mail.example.org?subject=")
    assert all(ord(c) < 128 and not c.isspace() for c in link)
    query = urlsplit(link).query
    fields = dict(pair.split("=", 1) for pair in query.split("&"))
    assert set(fields) == {"subject", "body"}
    expected = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    assert unquote(fields["body"], errors="surrogatepass") == expected


def test_draft_becomes_a_letter():
    draft = feedback_request(INTERVIEW, CONTACT, tone="formal")
    letter = to_letter(draft, 1, tone="formal")
    assert (letter.kind, letter.tone, letter.subject, letter.body) == ("feedback_request", "formal", draft.subject,
                                                                       draft.body)
    with pytest.raises(ValidationError):
        to_letter(draft, 1, tone="formal", kind="memo")
