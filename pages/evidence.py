import streamlit as st

from lib.ui import evidence_editor, evidence_import, evidence_ui
from lib.ui.guard import page_guard

ctx = page_guard("Evidence bank")
st.caption("Everything you can point to in an interview: STAR stories, achievements, skills, qualifications "
           "and research notes. Tag them with competencies so scoring and patterns can find them.")
evidence_ui.show_flash()
data = ctx.data()
browse = evidence_ui.bank(data)


def bank() -> None:
    shown = evidence_ui.filtered(browse.frame)
    evidence_ui.table(shown, browse)
    current = evidence_ui.selected(data.evidence)
    if not ctx.can_edit:
        with st.container(border=True):
            if current is None:
                st.info("Tick a row in the table to read it here.")
            else:
                evidence_ui.details(current)
        return
    left, right = st.columns([3, 2], gap="large")
    with left:
        if current is None:
            st.info("Tick a row in the table to open it here, or add a new item.", icon=":material/touch_app:")
        else:
            with st.container(border=True):
                evidence_editor.editor(ctx, current, browse.tags)
    with right:
        evidence_editor.add_form(ctx)


if not ctx.can_edit:
    bank()
else:
    tab_bank, tab_resume, tab_csv = st.tabs(["Bank", "From your résumé", "CSV import / export"], key="ev_tabs")
    with tab_bank:
        bank()
    with tab_resume:
        evidence_import.resume_section(ctx)
    with tab_csv:
        evidence_import.csv_section(ctx, data.evidence)
