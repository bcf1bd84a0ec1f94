import streamlit as st

from lib.ui.data_ui import csv_import, downloads, restore
from lib.ui.guard import page_guard

ctx = page_guard("Import & export", owner_only=True)
st.caption("Your data stays yours. The JSON backup holds everything and restores exactly; CSV files are "
           "for spreadsheets. Imports are all-or-nothing: a file with a problem changes nothing.")

st.subheader("Export")
downloads(ctx)

st.subheader("Restore a backup")
restore(ctx)

st.subheader("Import from a spreadsheet (CSV)")
csv_import(ctx)
