"""Streamlit sections of the Feedback page: interview picker, next step, contacts, contact log and "the 3
things" (the drafts live in :mod:`lib.ui.feedback_drafts`). Each section takes the page context and plain objects; every write checks the role first.
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
from lib.mdsafe import md as escape_markdown
from lib.storage import repo
from lib.ui.autosave import Autosave, Field, OnConflict, show_gone
from lib.ui.autosave import run_write as _write
from lib.ui.store import now
from lib.ui.widgets import form_saved, request_id, show_error

STATE_LOOK = {  # state -> (st function name, icon)
    "request_due": ("warning", ":material/send:"), "follow_up_due": ("warning", ":material/forward_to_inbox:"),
    "waiting": ("info", ":material/hourglass_top:"), "replied": ("success", ":material/mark_email_read:"),
    "declined": ("info", ":material/do_not_disturb_on:"), "let_go": ("info", ":material/spa:"),
    "not_applicable": ("info", ":material/info:"),
}
SOURCE_LABELS = {m.FeedbackSource.EMPLOYER: "Employer said it", m.FeedbackSource.SELF: "My own inference"}
CONTACT = Autosave("fs_{type}_{id}", tuple(Field(n) for n in ("name", "role", "email", "phone")), OnConflict.KEEP)
ITEM = Autosave("fs_{type}_{id}", (Field("wording"), Field("source"), Field("competency")), OnConflict.KEEP)


def pick_interview(interviews: Sequence[m.Interview], default_id: int | None, key: str) -> m.Interview | None:
    if not interviews:
        return None
    ids = [iv.id for iv in interviews]
    by_id = {iv.id: iv for iv in interviews}
    labels = {iv.id: interview_label(iv) for iv in interviews}
    asked = str(st.query_params.get("interview", ""))  # a link may name the interview: ?interview=ID
    if asked.isdigit() and int(asked) in by_id:
        default_id = int(asked)
    index = ids.index(default_id) if default_id in ids else 0
    chosen = st.selectbox("Interview", ids, index=index, format_func=labels.get, key=key)
    show_gone()
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
        with st.expander(escape_markdown(c.name + (f" · {c.role}" if c.role else "")), icon=":material/person:"):
            CONTACT.sync(c)
            CONTACT.show_conflict(c)
            for name, lab in (("name", "Name"), ("role", "Role"), ("email", "Email"), ("phone", "Phone")):
                CONTACT.draw(st.text_input, lab, ctx, c, name)
            if ctx.can_edit and st.button("Delete this contact", key=f"fb_del_contact_{c.id}", icon=":material/delete:"):
                CONTACT.delete(ctx, c)  # a refusal shows at the top of the contact after the rerun
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


# ---------------------------------------------------------------- the 3 things


def things_section(ctx, iv: m.Interview, items: Sequence[m.FeedbackItem]) -> None:
    st.caption("Keep the employer's own words. Mark a reason you worked out yourself as your own inference.")
    for i, f in enumerate(items):
        with st.container(border=True):
            ITEM.sync(f)
            ITEM.show_conflict(f)
            ITEM.draw(st.text_area, f"Reason {i + 1}", ctx, f, "wording", height=90)
            cols = st.columns([3, 3, 1, 1, 1], vertical_alignment="bottom")
            cols[0].selectbox("Source", list(m.FeedbackSource), format_func=SOURCE_LABELS.get,
                              **ITEM.widget(ctx, f, "source"))
            cols[1].selectbox("Competency", [None, *KEYS], format_func=competency_label,
                              help="Suggested from the wording; change it if it does not fit.",
                              **ITEM.widget(ctx, f, "competency"))
            if ctx.can_edit:
                _item_buttons(ctx, items, i, cols[2:])
            ITEM.field_error(f, "competency")
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
        ITEM.delete(ctx, f)  # a refusal shows at the top of the reason after the rerun
        st.rerun()
