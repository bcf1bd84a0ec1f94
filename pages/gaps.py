import streamlit as st

from lib.ui import gaps_ui as ui
from lib.ui.guard import page_guard
from lib.ui.nav import link

ctx = page_guard("Gap scoring")
data = ctx.data()
st.caption("How well your evidence covers what the job description asks for — and which gaps are skills to "
           "build, and which are things you have but did not show in the interview.")

iv = ui.pick(data)
if iv is None:
    st.info("Gap scoring starts from an interview and its job description. Log one, then come back here.",
            icon=":material/info:")
    if ctx.can_edit:
        link("pages/interviews.py", "Log an interview")
    st.stop()
if not iv.jd_text.strip():
    ui.no_jd_state(ctx, iv)
    st.stop()

parsed, score = ui.scored(ctx, iv.id)
ui.headline_section(score)

requirements, gaps, chart = st.tabs(["Requirements", "Two kinds of gap", "Competency map"], key="gap_tabs",
                                    on_change="rerun")
with requirements:
    ui.requirements_section(ctx, iv, parsed, score, data)
with gaps:
    ui.gaps_section(iv, score, data)
with chart:
    ui.quadrant_section(score)
