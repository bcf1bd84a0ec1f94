import streamlit as st

from lib import case_view as cv
from lib import models as m
from lib.ui import case_ui as ui
from lib.ui.comments_ui import comments_panel
from lib.ui.feedback_ui import pick_interview
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.store import today

ctx = page_guard("Second-look case")
data = ctx.data()
st.caption("Answer each reason they gave with evidence you can stand behind — briefly, thankfully, and with "
           "numbers. Then turn the gaps into a plan.")

found = cv.case_candidates(data)
iv = pick_interview(found, found[0].id if found else None, key="case_interview")
if iv is None:
    st.info("No feedback recorded yet. Write down the reasons they gave (or your own best guess) on the "
            "Feedback page first.", icon=":material/info:")
    link("pages/feedback.py", "Go to the Feedback page")
    st.stop()

model = ui.case_model(data, iv.id, ctx.display_name)
views, summary = model.views, model.summary

points, letter, plan = st.tabs(["The points", "Summary and export", "Action plan"], key="case_tabs")
with points:
    n = len(summary.warnings)
    st.caption(f"The summary has {summary.word_count} words (aim for under 250) and {n} warning"
               f"{'' if n == 1 else 's'} — see *Summary and export*.")
    for i, view in enumerate(views):
        ui.point_block(ctx, i, view, summary, data)
    link("pages/feedback.py", "Add or reword the reasons on the Feedback page")
with letter:
    ui.summary_section(ctx, iv, summary, data.letters)
    comments_panel(ctx, iv.id, m.CommentTarget.CASE, key=f"case_comments_{iv.id}")
with plan:
    ui.actions_section(ctx, iv, data, today())
    comments_panel(ctx, iv.id, m.CommentTarget.ACTION_PLAN, key=f"plan_comments_{iv.id}")
