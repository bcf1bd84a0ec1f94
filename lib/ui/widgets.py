"""Shared widgets: error display, request ids for idempotent forms, small formatting helpers."""

from __future__ import annotations

import uuid

import streamlit as st

from lib import models as m
from lib.errors import ImportRefused, SecondLookError, ValidationError
from lib.mdsafe import md as escape_markdown

OUTCOME_BADGES = {
    m.Outcome.OFFER: ("Offer", "green"),
    m.Outcome.REJECTED: ("Rejected", "red"),
    m.Outcome.PENDING: ("Pending", "blue"),
    m.Outcome.WITHDRAWN: ("Withdrawn", "gray"),
    m.Outcome.GHOSTED: ("No answer", "orange"),
}


def request_id(form_key: str) -> str:
    """A request id that stays the same until the form is saved: a double click creates one record."""
    key = f"_rid_{form_key}"
    if key not in st.session_state:
        st.session_state[key] = uuid.uuid4().hex
    return st.session_state[key]


def form_saved(form_key: str) -> None:
    """Call after a successful save so the next submission of the form is a new record."""
    st.session_state.pop(f"_rid_{form_key}", None)


def show_error(err: SecondLookError) -> None:
    """Turn a typed error from lib/ into a clear message (with per-row problems where there are any)."""
    # messages may quote user input (a file name, a cell): escape it so it renders literally
    if isinstance(err, ValidationError):
        st.error(escape_markdown(err.message), icon=":material/error:")
        return
    st.error(escape_markdown(str(err)), icon=":material/error:")
    if isinstance(err, ImportRefused) and err.problems:
        rows = [{"row": r, "column": c, "problem": p} for r, c, p in err.problems]
        st.dataframe(rows, hide_index=True, width="stretch")


def outcome_badge(outcome: m.Outcome) -> None:
    label, colour = OUTCOME_BADGES.get(outcome, (str(outcome), "gray"))
    st.badge(label, color=colour)


def stage_label(stage: m.Stage) -> str:
    return m.STAGE_LABELS.get(stage, str(stage))


def stop_without_interviews(ctx, data, what: str) -> None:
    """The empty state of a page that needs at least one interview: say what appears, link, stop."""
    if data.interviews:
        return
    from lib.ui.nav import link

    st.info(f"{what} once you have logged an interview. Add one with its job description and your answers "
            "rated 1–5, then come back here.")
    if ctx.can_edit:
        link("pages/interviews.py", "Log an interview")
    st.stop()
