import streamlit as st

from lib import charts, trends
from lib import trends_text as say
from lib.ui.analysis_ui import show_fallback, workspace_scores
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.trends_ui import chart_section, filter_controls

ctx = page_guard("Patterns across interviews")
data = ctx.data()
if not data.interviews:
    st.info("Patterns appear once you have logged an interview. Add your interviews (with the job "
            "description and your answers rated 1–5) and come back here.")
    if ctx.can_edit:
        link("pages/interviews.py", "Log an interview")
    st.stop()

st.caption("What keeps coming back across your interviews, what is improving, and where your own "
           "ratings disagree with what employers told you.")
show_fallback()
scores = workspace_scores(ctx)
all_interviews = trends.interview_frame(data)
chosen = filter_controls(all_interviews)
interviews = trends.filter_frame(all_interviews, **chosen)
frame = trends.filter_frame(trends.competency_frame(data, scores), **chosen)
if interviews.empty:
    st.warning("No interviews match these filters. Widen the dates or clear a choice.")
    st.stop()
if len(interviews) == 1:
    st.info("Only one interview matches: patterns need two or more. Below is what this one shows; "
            "the Gap scoring page explains it requirement by requirement.")

summary = trends.competency_summary(frame)
calibration = trends.calibration(frame)
funnel = trends.funnel(interviews)

left, right = st.columns([3, 2], gap="large")
with left:
    chart_section("Recurring gaps", say.recurring_takeaway(summary), charts.recurring_gaps(summary),
                  key="chart_recurring")
with right:
    chart_section("How far I get", say.funnel_takeaway(funnel), charts.funnel_chart(funnel), key="chart_funnel")

chart_section("Every interview at a glance", say.heatmap_takeaway(frame, summary), charts.gap_heatmap(frame),
              key="chart_heatmap")

left, right = st.columns(2, gap="large")
with left:
    chart_section("Self-rating over time", say.trend_takeaway(summary, limit=charts.MAX_LINES), charts.trend_lines(frame, summary),
                  key="chart_trend")
with right:
    chart_section("My ratings vs the employer's feedback", say.calibration_takeaway(calibration),
                  charts.calibration_scatter(calibration), key="chart_calibration")
link("pages/gaps.py", "Open gap scoring for one interview")
