"""Streamlit sections of the Feedback page: interview picker, next step, contacts, contact log, drafts and
"the 3 things". Each section takes the page context and plain objects; every write checks the role first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from lib import feedback_view as fv
from lib import models as m
from lib.calendar_ics import build_ics
from lib.competencies import KEYS, label
from lib.errors import SecondLookError, ValidationError
from lib.followup import NextStep, format_day
from lib.letters import TONES, mailto_link
from lib.letters_case import escape_markdown
from lib.storage import repo
from lib.ui import field_sync as fs
from lib.ui.store import now
from lib.ui.widgets import form_saved, request_id, show_error

STATE_LOOK = {  # state -> (st function name, icon)
    "request_due": ("warning", ":material/send:"), "follow_up_due": ("warning", ":material/forward_to_inbox:"),
    "waiting": ("info", ":material/hourglass_top:"), "replied": ("success", ":material/mark_email_read:"),
    "declined": ("info", ":material/do_not_disturb_on:"), "let_go": ("info", ":material/spa:"),
    "not_applicable": ("info", ":material/info:"),
}
SOURCE_LABELS = {m.FeedbackSource.EMPLOYER: "Employer said it", m.FeedbackSource.SELF: "My own inference"}


def _write(ctx, action) -> bool:
    """Run one write (after the role check); show a typed error instead of a stack trace."""
    try:
        ctx.require_edit()
        action()
        return True
    except SecondLookError as err:
        show_error(err)
        return False


def pick_interview(interviews: Sequence[m.Interview], default_id: int | None, key: str) -> m.Interview | None:
    if not interviews:
        return None
    ids = [iv.id for iv in interviews]
    by_id = {iv.id: iv for iv in interviews}
    labels = {iv.id: interview_label(iv) for iv in interviews}
    index = ids.index(default_id) if default_id in ids else 0
    chosen = st.selectbox("Interview", ids, index=index, format_func=labels.get, key=key)
    return by_id[chosen]


def interview_label(iv: m.Interview) -> str:
    when = iv.decided_on or iv.interview_date
    return f"{iv.role} at {iv.company} · {iv.outcome.value} {format_day(when)} {when.year}"


def competency_label(key: str | None) -> str:
    return label(key) if key else "— none —"


def next_step_box(iv: m.Interview, step: NextStep, today: dt.date) -> None:
    kind, icon = STATE_LOOK.get(step.state, ("info", ":material/info:"))
    late = " It is past the usual window — still fine to send." if step.overdue else ""
    getattr(st, kind)(f"**Next step** — {step.message}{late}", icon=icon)
    events = fv.step_events(iv, step, today)
    if events:
        dates = " and ".join(format_day(e.start, weekday=True) for e in events)
        st.download_button(f"Add a reminder to my calendar ({dates})", build_ics(events, now=now()),
                           file_name=f"feedback-{iv.id}.ics", mime="text/calendar", icon=":material/event:",
                           on_click="ignore", key="fb_ics")


# ---------------------------------------------------------------- contacts and the contact log


def contacts_section(ctx, iv: m.Interview, contacts: Sequence[m.Contact]) -> None:
    st.subheader("Contacts")
    if not contacts:
        st.caption("Nobody yet — add the recruiter or the interviewer you would ask for feedback.")
    for c in contacts:
        with st.expander(f"{c.name}" + (f" · {c.role}" if c.role else ""), icon=":material/person:"):
            fs.sync(c, {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone})
            for name, lab in (("name", "Name"), ("role", "Role"), ("email", "Email"), ("phone", "Phone")):
                st.text_input(lab, **fs.on_change(ctx, c, name))
                fs.field_error(c, name)
            if ctx.can_edit and st.button("Delete this contact", key=f"fb_del_contact_{c.id}", icon=":material/delete:"):
                if _write(ctx, lambda c=c: repo.delete(ctx.engine, ctx.owner, m.Contact, c.id, now=now(),
                                                       version=fs.current(c).version)):
                    fs.forget(c)
                    st.rerun()
    if ctx.can_edit:
        with st.form("fb_add_contact", clear_on_submit=True, border=True):
            st.markdown("**Add a contact**")
            cols = st.columns(2)
            name = cols[0].text_input("Name", key="fb_new_name")
            role = cols[1].text_input("Role", key="fb_new_role", placeholder="Recruiter, hiring manager…")
            email = cols[0].text_input("Email", key="fb_new_email")
            phone = cols[1].text_input("Phone", key="fb_new_phone")
            if st.form_submit_button("Add contact", icon=":material/person_add:"):
                _add(ctx, "fb_add_contact", lambda: m.Contact(interview_id=iv.id, name=name, role=role,
                                                              email=email.strip(), phone=phone.strip()))


def _with_names(names: dict) -> dict:
    return {None: "—", **names}


def _add(ctx, form_key: str, build) -> None:
    try:
        ctx.require_edit()
        obj = build()
        repo.add(ctx.engine, ctx.owner, obj, now=now(), request_id=request_id(form_key))
    except ValidationError as err:
        st.error(f"{err.field.replace('_', ' ').capitalize()}: {err.message}", icon=":material/error:")
        return
    except SecondLookError as err:
        show_error(err)
        return
    form_saved(form_key)
    st.rerun()


def log_section(ctx, iv: m.Interview, attempts: Sequence[m.ContactAttempt], contacts: Sequence[m.Contact],
                today: dt.date) -> None:
    st.subheader("Contact log")
    entries = fv.timeline(attempts, contacts)
    if not entries:
        st.caption("No contact yet. Log each request, follow-up and reply here; the next step follows from it.")
    for e in entries:
        with st.container(border=True):
            top = st.columns([5, 1], vertical_alignment="center")
            top[0].markdown(f"**{escape_markdown(e.headline)}**")
            with top[1]:
                colour = {"Replied": "green", "Declined": "red"}.get(e.outcome, "gray")
                st.badge(e.outcome, color=colour)
            if e.summary:
                st.text(e.summary)
            a = e.attempt
            if ctx.can_edit and st.button("Delete", key=f"fb_del_attempt_{a.id}", type="tertiary",
                                          icon=":material/delete:"):
                if _write(ctx, lambda a=a: repo.delete(ctx.engine, ctx.owner, m.ContactAttempt, a.id, now=now(),
                                                       version=a.version)):
                    st.rerun()
    if ctx.can_edit:
        _attempt_form(ctx, iv, contacts, today)


def _attempt_form(ctx, iv: m.Interview, contacts: Sequence[m.Contact], today: dt.date) -> None:
    names = {c.id: c.name for c in contacts}
    with st.form("fb_add_attempt", clear_on_submit=True, border=True):
        st.markdown("**Log a contact**")
        cols = st.columns(3)
        on = cols[0].date_input("Date", value=today, key="fb_att_on", format="DD/MM/YYYY")
        channel = cols[1].selectbox("Channel", list(m.Channel), format_func=fv.CHANNEL_LABELS.get, key="fb_att_ch")
        direction = cols[2].selectbox("Direction", list(m.Direction), format_func=fv.DIRECTION_LABELS.get,
                                      key="fb_att_dir")
        cols = st.columns(2)
        outcome = cols[0].selectbox("Outcome", list(m.AttemptOutcome), format_func=fv.OUTCOME_LABELS.get,
                                    key="fb_att_out")
        who = cols[1].selectbox("With", [None, *names], format_func=_with_names(names).get, key="fb_att_who")
        summary = st.text_area("What was said", key="fb_att_sum", height=80)
        if st.form_submit_button("Add to the log", icon=":material/playlist_add:"):
            _add(ctx, "fb_add_attempt", lambda: m.ContactAttempt(
                interview_id=iv.id, on=on, channel=channel, direction=direction, outcome=outcome,
                summary=summary, contact_id=who))


# ---------------------------------------------------------------- drafts


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
        from lib.letters import phone_script

        st.code(phone_script(iv, contact, sender), language=None, wrap_lines=True)


def _draft_editor(ctx, iv: m.Interview, choice: fv.DraftChoice, letters: Sequence[m.Letter],
                  contact: m.Contact | None) -> tuple[str, str]:
    saved = fv.saved_draft(letters, iv.id, choice.slot)
    if saved is not None:
        fs.sync(saved, {"subject": saved.subject, "body": saved.body})
        subject = st.text_input("Subject", **fs.on_change(ctx, saved, "subject"))
        fs.field_error(saved, "subject")
        body = st.text_area("Message", height=300, **fs.on_change(ctx, saved, "body"))
        fs.field_error(saved, "body")
        if ctx.can_edit and st.button("Start again from the suggested draft", key=f"fb_reset_{saved.id}",
                                      type="tertiary", icon=":material/restart_alt:"):
            if _write(ctx, lambda: repo.delete(ctx.engine, ctx.owner, m.Letter, saved.id, now=now(),
                                               version=fs.current(saved).version)):
                fs.forget(saved)
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
    cols = st.columns([2, 2, 2], vertical_alignment="bottom")
    with cols[0]:
        try:
            url = mailto_link(contact.email if contact else "", fv.Draft(subject=subject, body=body))
            st.link_button("Open in my mail program", url, icon=":material/mail:", key="fb_mailto")
        except ValidationError:
            st.caption("Add a valid email address to a contact to open this in your mail program.")
    if not ctx.can_edit:
        return
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


# ---------------------------------------------------------------- the 3 things


def things_section(ctx, iv: m.Interview, items: Sequence[m.FeedbackItem]) -> None:
    st.caption("Keep the employer's own words. Mark a reason you worked out yourself as your own inference.")
    for i, f in enumerate(items):
        with st.container(border=True):
            fs.sync(f, {"wording": f.wording, "source": f.source, "competency": f.competency})
            st.text_area(f"Reason {i + 1}", height=90, **fs.on_change(ctx, f, "wording"))
            fs.field_error(f, "wording")
            cols = st.columns([3, 3, 1, 1, 1], vertical_alignment="bottom")
            cols[0].selectbox("Source", list(m.FeedbackSource), format_func=SOURCE_LABELS.get,
                              **fs.on_change(ctx, f, "source"))
            cols[1].selectbox("Competency", [None, *KEYS], format_func=competency_label,
                              help="Suggested from the wording; change it if it does not fit.",
                              **fs.on_change(ctx, f, "competency"))
            if ctx.can_edit:
                _item_buttons(ctx, items, i, cols[2:])
            fs.field_error(f, "competency")
    if len(items) >= 3:
        st.caption("Three is usually enough — add more only if they gave more.")
    if ctx.can_edit:
        with st.form("fb_add_item", clear_on_submit=True, border=True):
            wording = st.text_area("A reason they gave (in their words)", key="fb_new_wording", height=80)
            source = st.radio("Who said it", list(m.FeedbackSource), format_func=SOURCE_LABELS.get,
                              horizontal=True, key="fb_new_source")
            if st.form_submit_button("Add reason", icon=":material/add_comment:"):
                _add(ctx, "fb_add_item", lambda: m.FeedbackItem(
                    interview_id=iv.id, wording=wording, source=source, position=len(items),
                    competency=fv.suggest_competency(wording)))


def _item_buttons(ctx, items: Sequence[m.FeedbackItem], i: int, cols) -> None:
    f = items[i]
    ids = [x.id for x in items]
    for col, (icon, j, tip) in zip(cols[:2], ((":material/arrow_upward:", i - 1, "Move up"),
                                              (":material/arrow_downward:", i + 1, "Move down")), strict=True):
        if col.button("", icon=icon, key=f"fb_move_{f.id}_{j - i}", help=tip, disabled=not 0 <= j < len(items)):
            ids[i], ids[j] = ids[j], ids[i]
            if _write(ctx, lambda: repo.reorder(ctx.engine, ctx.owner, m.FeedbackItem, ids, now=now())):
                st.rerun()
    if cols[2].button("", icon=":material/delete:", key=f"fb_del_item_{f.id}", help="Delete this reason"):
        if _write(ctx, lambda: repo.delete(ctx.engine, ctx.owner, m.FeedbackItem, f.id, now=now(),
                                           version=fs.current(f).version)):
            fs.forget(f)
            st.rerun()
