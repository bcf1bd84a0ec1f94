import streamlit as st

from lib.ui.analysis_ui import show_fallback
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.trends_ui import cached_view, chart_section, filter_controls
from lib.ui.widgets import stop_without_interviews

ctx = page_guard("Patterns across interviews")
data = ctx.data()
stop_without_interviews(ctx, data, "Patterns appear")

st.caption("What keeps coming back across your interviews, what is improving, and where your own "
           "ratings disagree with what employers told you.")
show_fallback()
chosen = filter_controls(data)
view = cached_view(ctx, data, chosen)
if view.n_interviews == 0:
    st.warning("No interviews match these filters. Widen the dates or clear a choice.")
    st.stop()
if view.n_interviews == 1:
    st.info("Only one interview matches: patterns need two or more. Below is what this one shows; "
            "the Gap scoring page explains it requirement by requirement.")

left, right = st.columns([3, 2], gap="large")
with left:
    chart_section(view.recurring)
with right:
    chart_section(view.funnel)
chart_section(view.heatmap)
left, right = st.columns(2, gap="large")
with left:
    chart_section(view.trend)
with right:
    chart_section(view.calibration)
link("pages/gaps.py", "Open gap scoring for one interview")
