"""The page list, in menu order. app.py builds st.navigation from it; pages link to each other with it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# (script, title, icon, owner_only)
PAGES: tuple[tuple[str, str, str, bool], ...] = (
    ("pages/home.py", "Home", ":material/home:", False),
    ("pages/evidence.py", "Evidence bank", ":material/inventory_2:", False),
    ("pages/interviews.py", "Interviews", ":material/record_voice_over:", False),
    ("pages/gaps.py", "Gap scoring", ":material/troubleshoot:", False),
    ("pages/trends.py", "Patterns", ":material/insights:", False),
    ("pages/feedback.py", "Feedback request", ":material/mail:", False),
    ("pages/case.py", "Second-look case", ":material/gavel:", False),
    ("pages/one_pager.py", "One-page PDF", ":material/picture_as_pdf:", False),
    ("pages/data.py", "Import & export", ":material/database:", True),
    ("pages/share.py", "Share with a coach", ":material/share:", True),
)


def available_pages() -> list[tuple[str, str, str, bool]]:
    """Pages whose script exists (screens are added one issue at a time)."""
    return [p for p in PAGES if (ROOT / p[0]).is_file()]


def link(script: str, label: str, icon: str = ":material/arrow_forward:", query_params: dict | None = None) -> None:
    """A link to another page, drawn only when that page exists in this build."""
    import streamlit as st

    if any(p[0] == script for p in available_pages()):
        try:
            st.page_link(script, label=label, icon=icon, query_params=query_params)
        except st.errors.StreamlitPageNotFoundError:
            pass  # a page script run on its own (no st.navigation yet) can't link to its siblings
