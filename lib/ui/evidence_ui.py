"""Evidence bank browsing: flash messages, search and filters, the table, the selected item, read-only details.

``st.session_state["ev_selected"]`` holds the id of the item open below the table (set by ticking a row
or after "Add"); editing lives in :mod:`lib.ui.evidence_editor`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import competencies as comp
from lib import evidence_bank as eb
from lib.mdsafe import md as escape_markdown
from lib.models import Evidence, EvidenceKind, WorkspaceData
from lib.star_check import check_star
from lib.ui.store import derived

SEL = "ev_selected"
TABLE = "ev_table"
_IDS = "_ev_table_ids"
_FLASH = "_ev_flash"
KIND_ORDER = tuple(eb.KIND_LABELS)  # stories first
LABELS = {"title": "Title", "situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}


def flash(message: str) -> None:
    st.session_state[_FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


# ---------------------------------------------------------------- the bank, built once per data version


@dataclass(frozen=True)
class Bank:
    """The evidence bank ready to browse: the frame to filter, its Arrow table to show, the tags in use."""

    frame: pd.DataFrame
    table: pa.Table
    tags: tuple[str, ...]


def _build(data: WorkspaceData) -> Bank:
    frame = eb.evidence_frame(data.evidence)
    return Bank(frame, eb.display_table(frame), eb.all_tags(data.evidence))


def bank(data: WorkspaceData) -> Bank:
    """The bank of this workspace version (cached per session until the next write)."""
    return derived(data, _build)


# ---------------------------------------------------------------- filters and table


def filtered(frame: pd.DataFrame) -> pd.DataFrame:
    """Draw the search and filter inputs; return the matching rows."""
    c1, c2, c3 = st.columns([3, 2, 2])
    query = c1.text_input("Search", key="ev_search", placeholder="Words from a title, story, tag…",
                          help='All words must appear. Put a phrase in "quotes" to keep it together.')
    kinds = c2.multiselect("Kind", KIND_ORDER, format_func=eb.kind_label, key="ev_kinds",
                           placeholder="All kinds")
    competency = c3.selectbox("Competency", comp.KEYS, index=None, format_func=comp.label,
                              key="ev_competency", placeholder="Any competency")
    return eb.filter_frame(frame, query=query, kinds=kinds, competency=competency)


def _on_select() -> None:
    rows = st.session_state[TABLE].selection.rows
    ids = st.session_state.get(_IDS, [])
    if rows and rows[0] < len(ids):
        st.session_state[SEL] = ids[rows[0]]


def table(shown: pd.DataFrame, bank: Bank) -> None:
    """The filtered rows (taken from the bank's prebuilt Arrow table); at most ten rows tall, fewer when
    fewer rows match."""
    total = len(bank.frame)
    st.caption(f"Showing {len(shown):,} of {total:,} items · tick the box at the start of a row to open it")
    st.session_state[_IDS] = [int(i) for i in shown["id"]]
    rows = bank.table if len(shown) == total else bank.table.take(pa.array(eb.rows_of(bank.frame, shown), pa.int64()))
    st.dataframe(
        rows, key=TABLE, on_select=_on_select, selection_mode="single-row", hide_index=True, height="auto",
        column_order=eb.SHOWN,
        column_config={
            "kind": st.column_config.TextColumn("Kind", width="small"),
            "title": st.column_config.TextColumn("Title", width="large"),
            "competencies": st.column_config.TextColumn("Competencies", width="medium"),
            "tags": st.column_config.TextColumn("Tags", width="small"),
            "star": st.column_config.TextColumn("Result", width="small",
                                                help="For STAR stories: does the result have a number in it?"),
            "when": st.column_config.TextColumn("When", width="small"),
            "summary": st.column_config.TextColumn("Summary", width="large"),
        })


def selected(evidence: tuple[Evidence, ...]) -> Evidence | None:
    """The item open below the table (None when nothing is selected or it was deleted meanwhile)."""
    wanted = st.session_state.get(SEL)
    found = next((e for e in evidence if e.id == wanted), None) if wanted is not None else None
    if wanted is not None and found is None:
        st.session_state.pop(SEL, None)
    return found


# ---------------------------------------------------------------- read-only (coach)


def details(ev: Evidence) -> None:
    """The item as text, for a read-only viewer: user text is escaped, never rendered as Markdown."""
    st.markdown(f"**{escape_markdown(ev.title)}** · {eb.kind_label(ev.kind)}")
    for name in eb.FORM_FIELDS[ev.kind][1:]:
        value = getattr(ev, name).strip()
        if value:
            label = eb.BODY_LABELS[ev.kind] if name == "body" else LABELS[name]
            st.markdown(f"**{label}**  \n{escape_markdown(value)}")
    if ev.kind == EvidenceKind.STORY:
        hint = check_star(ev.situation, ev.task, ev.action, ev.result).message
        if hint:
            st.caption(hint)
    if ev.tags:
        st.caption("Tags: " + escape_markdown(", ".join(ev.tags)))
    if ev.competencies:
        st.caption(escape_markdown(eb.competency_help(ev.competencies)).replace("\n", "  \n"))
