import streamlit as st

from lib import feedback_view as fv
from lib.followup import next_step
from lib.ui import feedback_ui as ui
from lib.ui.feedback_drafts import drafts_section
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.store import today

ctx = page_guard("Feedback request")
data = ctx.data()
st.caption("Ask once, politely; follow up at most twice; then let it go. Whatever they say, write it down "
           "in their words — it is the raw material for your second look.")

iv = ui.pick_interview(fv.candidates(data), fv.default_interview(data, today()), key="fb_interview")
if iv is None:
    st.info("No rejected interview yet. Log an interview and its outcome first.", icon=":material/info:")
    link("pages/interviews.py", "Go to Interviews")
    st.stop()

contacts = [c for c in data.contacts if c.interview_id == iv.id]
attempts = [a for a in data.attempts if a.interview_id == iv.id]
step = next_step(iv, attempts, today=today(), available=fv.available_channels(contacts) if contacts else None)
ui.next_step_box(iv, step, today())

drafts, log, things = st.tabs(["Request drafts", "Contacts and log", "The 3 things"], key="fb_tabs")
with drafts:
    drafts_section(ctx, iv, step, contacts, attempts, data.letters, today(), ctx.display_name)
with log:
    left, right = st.columns([2, 3], gap="large")
    with left:
        ui.contacts_section(ctx, iv, contacts)
    with right:
        ui.log_section(ctx, iv, attempts, contacts, today())
with things:
    items = sorted((f for f in data.feedback if f.interview_id == iv.id), key=lambda f: (f.position, f.id or 0))
    ui.things_section(ctx, iv, items)
    if items:
        link("pages/case.py", "Answer them in the second-look case")
