import streamlit as st

from lib.onepager_build import default_interview_id, pdf_file_name
from lib.ui import onepager_ui as ui
from lib.ui.analysis_ui import show_fallback
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.widgets import stop_without_interviews

ctx = page_guard("One-page PDF")
data = ctx.data()
stop_without_interviews(ctx, data, "The one-page review appears")

st.caption("One page to keep, print or hand to a career coach: what went right, what went wrong, how your "
           "evidence compares with what the interview showed, and what you will do next.")
iv, paper, include_comments = ui.options(data.interviews, default_interview_id(data))
show_fallback()
score = ui.interview_score(ctx, data, iv.id)
pdf, content = ui.one_pager(ctx, data, iv.id, score, paper, include_comments)

st.download_button("Download the PDF", data=bytes(pdf), file_name=pdf_file_name(iv), mime="application/pdf",
                   type="primary", icon=":material/download:", key="op_download")
st.caption(f"{ui.PAPERS[paper]}, one page, fonts embedded (PDF/A-2B). It holds personal notes: share it "
           "only with people you trust.")
st.divider()
ui.preview(content, include_comments)
link("pages/case.py", "Edit the action plan on the Second-look case page")
