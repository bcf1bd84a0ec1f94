import streamlit as st

from lib.mdsafe import md
from lib.overview import home_summary
from lib.ui.guard import page_guard
from lib.ui.nav import link
from lib.ui.store import today
from lib.ui.widgets import outcome_badge, stage_label

ctx = page_guard("Second Look")
summary = home_summary(ctx.data(), today=today())
st.caption("A rejection is information. Gather your evidence, score the gaps, ask for feedback, "
           "and make your second look count.")

cols = st.columns(4)
cols[0].metric("Evidence items", summary.n_evidence, help=f"{summary.n_stories} of them are STAR stories")
cols[1].metric("Interviews logged", summary.n_interviews, help=f"{summary.n_rejections} ended in a rejection")
cols[2].metric("Questions annotated", summary.n_questions)
cols[3].metric("Average self-rating", f"{summary.mean_rating:.1f} / 5" if summary.mean_rating else "—")

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader("Next steps")
    if not summary.next_steps:
        st.success("Nothing is waiting for you right now.")
    for step in summary.next_steps:
        with st.container(border=True):
            st.markdown(("**Due** · " if step.urgent else "") + md(step.text))
            if ctx.can_edit:
                link(step.page, "Open", query_params={"interview": step.interview_id} if step.interview_id else None)
with right:
    st.subheader("Latest interviews")
    for iv in summary.latest:
        with st.container(border=True):
            st.markdown(f"**{md(iv.role)}** · {md(iv.company)}")
            st.caption(f"{iv.interview_date:%d %b %Y} · furthest stage: {stage_label(iv.furthest_stage)}")
            outcome_badge(iv.outcome)

if ctx.is_demo and ctx.can_edit:
    with st.expander("Start my own workspace"):
        st.write("This removes the demo data and leaves an empty workspace for your own evidence and "
                 "interviews. Export a backup first if you changed anything you want to keep.")
        if st.checkbox("Yes, remove the demo data", key="confirm_clear_demo"):
            if st.button("Start my own workspace", type="primary", key="clear_demo"):
                from lib.storage.workspace import clear_workspace
                from lib.ui.store import now

                clear_workspace(ctx.engine, ctx.owner, now=now())
                st.rerun()
