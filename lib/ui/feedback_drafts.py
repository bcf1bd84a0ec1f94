"""The request drafts of the Feedback page: tone, addressee, the editable draft (saved as you type), a
``mailto:`` link, a copy box, the phone script, and "Log that I sent it". Nothing is ever sent by the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from lib import feedback_view as fv
from lib import models as m
from lib.errors import SecondLookError, ValidationError
from lib.followup import NextStep
from lib.letters import TONES, mailto_link, phone_script
from lib.storage import repo
from lib.ui.autosave import Autosave, Field, OnConflict
from lib.ui.autosave import run_write as _write
from lib.ui.store import now

LETTER = Autosave("fs_{type}_{id}", (Field("subject"), Field("body")), OnConflict.KEEP)


def drafts_section(ctx, iv: m.Interview, step: NextStep, contacts: Sequence[m.Contact],
                   attempts: Sequence[m.ContactAttempt], letters: Sequence[m.Letter], today: dt.date,
                   sender: str = "") -> None:
    st.caption("Second Look never sends anything: copy the text, open it in your mail program, or call.")
    if not contacts:
        st.caption("Tip: add the person you are writing to under *Contacts and log* — the draft then greets "
                   "them by name and can open in your mail program.")
    if step.state in ("declined", "let_go", "replied"):
        st.caption("No message is needed now — the drafts stay here in case you want them.")
    cols = st.columns([1, 1, 2])
    with cols[0]:
        tone = st.segmented_control("Tone", TONES, default="warm", required=True, key="fb_tone") or "warm"
    contact = fv.preferred_contact(contacts, attempts)
    if len(contacts) > 1:
        ids = [c.id for c in contacts]
        names = {c.id: c.name for c in contacts}
        with cols[1]:
            chosen = st.selectbox("To", ids, index=ids.index(contact.id), format_func=names.get, key="fb_to")
        contact = next(c for c in contacts if c.id == chosen)
    choices = fv.draft_choices(iv, contact, step, tone, sender)
    choice = choices[0]
    if len(choices) > 1:
        with cols[2]:
            picked = st.segmented_control("Message", [c.label for c in choices], default=choices[0].label,
                                          required=True, key=f"fb_which_{step.state}")
        choice = next((c for c in choices if c.label == picked), choices[0])
    subject, body = _draft_editor(ctx, iv, choice, letters, contact)
    _send_row(ctx, iv, step, choice, contact, subject, body, today)
    with st.expander("Copy the text", icon=":material/content_copy:"):
        st.code(f"{subject}\n\n{body}", language=None, wrap_lines=True)
    with st.expander("Phone script (for a short call or a voicemail)", icon=":material/call:"):
        st.code(phone_script(iv, contact, sender), language=None, wrap_lines=True)


def _draft_editor(ctx, iv: m.Interview, choice: fv.DraftChoice, letters: Sequence[m.Letter],
                  contact: m.Contact | None) -> tuple[str, str]:
    saved = fv.saved_draft(letters, iv.id, choice.slot)
    if saved is not None:
        LETTER.sync(saved)
        LETTER.show_conflict(saved)
        subject = LETTER.draw(st.text_input, "Subject", ctx, saved, "subject")
        body = LETTER.draw(st.text_area, "Message", ctx, saved, "body", height=300)
        if ctx.can_edit and st.button("Start again from the suggested draft", key=f"fb_reset_{saved.id}",
                                      type="tertiary", icon=":material/restart_alt:"):
            LETTER.delete(ctx, saved)  # a refusal shows above the draft after the rerun
            st.rerun()
        return subject or "", body or ""
    base = f"fb_draft_{iv.id}_{choice.slot.replace(':', '_')}_{contact.id if contact else 0}"
    for part, value in (("subject", choice.draft.subject), ("body", choice.draft.body)):
        st.session_state.setdefault(f"{base}_{part}", value)
    kw = {"on_change": _create_draft, "args": (ctx, iv, choice, base), "disabled": not ctx.can_edit}
    subject = st.text_input("Subject", key=f"{base}_subject", **kw)
    body = st.text_area("Message", height=300, key=f"{base}_body", **kw)
    st.caption("Edit freely — your version is saved as you go.")
    return subject or "", body or ""


def _create_draft(ctx, iv: m.Interview, choice: fv.DraftChoice, base: str) -> None:
    try:
        ctx.require_edit()
        letter = m.Letter(interview_id=iv.id, kind="feedback_request", tone=choice.slot,
                          subject=st.session_state[f"{base}_subject"], body=st.session_state[f"{base}_body"])
        repo.add(ctx.engine, ctx.owner, letter, now=now(), request_id=f"draft:{iv.id}:{choice.slot}"[:64])
    except SecondLookError as err:
        st.session_state["_fb_draft_error"] = str(err)
        return
    for part in ("subject", "body"):
        st.session_state.pop(f"{base}_{part}", None)


def _send_row(ctx, iv: m.Interview, step: NextStep, choice: fv.DraftChoice, contact: m.Contact | None,
              subject: str, body: str, today: dt.date) -> None:
    if message := st.session_state.pop("_fb_draft_error", None):
        st.error(message, icon=":material/error:")
    if not ctx.can_edit:  # a coach reads the draft; sending and logging are the owner's
        return
    cols = st.columns([2, 2, 2], vertical_alignment="bottom")
    with cols[0]:
        try:
            url = mailto_link(contact.email if contact else "", fv.Draft(subject=subject, body=body))
            st.link_button("Open in my mail program", url, icon=":material/mail:", key="fb_mailto")
        except ValidationError:
            st.caption("Add a valid email address to a contact to open this in your mail program.")
    channels = list(m.Channel)
    default = step.suggested_channel or m.Channel.EMAIL
    with cols[1]:
        channel = st.selectbox("Sent via", channels, index=channels.index(default),
                               format_func=fv.CHANNEL_LABELS.get, key="fb_sent_via")
    with cols[2]:
        if st.button("Log that I sent it", key="fb_log_sent", type="primary", icon=":material/task_alt:"):
            attempt = fv.sent_attempt(iv, today, channel, choice, contact)
            rid = fv.sent_request_id(iv, today, choice)
            if _write(ctx, lambda: repo.add(ctx.engine, ctx.owner, attempt, now=now(), request_id=rid)):
                st.toast("Logged in the contact log.", icon=":material/task_alt:")
                st.rerun()
