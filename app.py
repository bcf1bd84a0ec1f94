"""Second Look — entry point: page config, identity and navigation. Everything else lives in pages/ and lib/."""

import streamlit as st

from lib.ui.guard import VIA_APP, resolve_context
from lib.ui.nav import ROOT, available_pages

ICON = ROOT / "lib" / "ui" / "assets" / "icon.png"

# a bundled icon: a Material icon here would make every page fetch it from a font server (offline app)
st.set_page_config(page_title="Second Look", page_icon=str(ICON), layout="wide")
st.session_state[VIA_APP] = True  # this session has the real menu (see lib/ui/guard.py)
ctx = resolve_context()  # resolves workspace and role (and stops anonymous visitors in hosted mode)
pages = [
    st.Page(script, title=title, icon=icon, default=(script == "pages/home.py"))
    for script, title, icon, owner_only in available_pages()
    if ctx.can_edit or not owner_only
]
st.navigation(pages, position="sidebar").run()
