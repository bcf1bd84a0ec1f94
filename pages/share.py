import streamlit as st

from lib.ui.guard import page_guard
from lib.ui.share_ui import create_form, delete_workspace_section, links_table

ctx = page_guard("Share with a coach", owner_only=True)
st.caption("Give a career coach a private, read-only link to your workspace or to chosen interviews. "
           "Links expire, can be revoked at any time, and you can see when each was last used.")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader("New link")
    create_form(ctx)
with right:
    st.subheader("Your links")
    links_table(ctx)

st.divider()
st.subheader("Your data")
st.write("Everything you keep here is yours: download it all from **Import & export**, or delete it.")
delete_workspace_section(ctx)
