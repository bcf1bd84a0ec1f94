import streamlit as st

from lib import debrief
from lib import models as m
from lib.mdsafe import md as escape_markdown
from lib.ui import interview_jd_ui as jd_ui
from lib.ui import interview_script_ui as script_ui
from lib.ui import interview_ui as ui
from lib.ui.comments_ui import comments_panel
from lib.ui.guard import page_guard
from lib.ui.nav import link

ctx = page_guard("Interviews")
data = ctx.data()
st.caption("Log each interview, write down every question you were asked, and rate your answers honestly "
           "while you still remember them.")

iv = ui.pick_interview(ctx, data)
if iv is None:
    ui.new_interview_form(ctx)
    st.stop()

items = debrief.in_script_order(q for q in data.script_items if q.interview_id == iv.id)
summary = debrief.summarise_script(items)
if ctx.can_edit:
    ui.INTERVIEW.sync(iv)
    ui.INTERVIEW.show_conflict(iv)
st.subheader(escape_markdown(ui.INTERVIEW.base(iv).title if ctx.can_edit else iv.title))
ui.summary_header(iv, summary)
comments_panel(ctx, iv.id, m.CommentTarget.INTERVIEW, key=f"iv_comments_{iv.id}")

script_tab, appraisal_tab, details_tab = st.tabs(
    ["Script", "Honest appraisal", "Details & job description"], key="iv_tabs")
with script_tab:
    script_ui.script_section(ctx, iv, items, data)
with appraisal_tab:
    script_ui.appraisal_section(ctx, iv, items, data)
with details_tab:
    if ctx.can_edit:
        ui.details_editor(ctx, iv)
        jd_ui.jd_editor(ctx, iv)
        ui.delete_section(ctx, iv)
    else:
        ui.details_view(iv)

if ctx.can_edit and iv.jd_text.strip():
    link("pages/gaps.py", "Score the gaps against this job description")
