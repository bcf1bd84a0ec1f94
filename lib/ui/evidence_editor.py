"""Evidence bank editing: the "add" form and the per-field autosaving editor of the open item.

The editor autosaves through :mod:`lib.ui.autosave` (``EVIDENCE``): every change saves one field with the
version the editor was loaded from; a stale one is refused and the typed text stays in the boxes until the
person loads the saved version. State of the add form in ``st.session_state``:
- ``_ev_add_errors``: {field: message} shown under the add form's fields;
- ``_ev_last_add``: (title, id, time) of the last add, so the second click of a double click adds nothing.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib import competencies as comp
from lib import evidence_bank as eb
from lib.errors import SecondLookError, ValidationError
from lib.mdsafe import md as escape_markdown
from lib.models import Evidence, EvidenceKind
from lib.star_check import check_star
from lib.storage import repo
from lib.ui import store
from lib.ui.autosave import Autosave, Field, OnConflict, show_gone
from lib.ui.evidence_ui import KIND_ORDER, LABELS, SEL, flash
from lib.ui.widgets import form_saved, request_id

_ADD_ERRORS = "_ev_add_errors"
_LAST_ADD = "_ev_last_add"
ADD_FORM = "ev_add"
DOUBLE_CLICK_S = 5.0
HELP = {
    "situation": "Where and when: the context someone needs to follow the story.",
    "task": "What you were responsible for, or the problem you had to solve.",
    "action": "What you did — say “I”, not “we”.",
    "result": "What changed because of it. A number helps: %, money, time saved, or a count.",
}


def _text(value) -> str:
    return value if value is not None else ""


def _day(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _keys(value) -> tuple[str, ...]:
    return tuple(value or ())


def _tags(value) -> tuple[str, ...]:
    return eb.clean_tags(value or ())


EVIDENCE = Autosave("ev{id}", (
    Field("kind"), *(Field(n, to_model=_text) for n in ("title", "body", "situation", "task", "action", "result")),
    Field("started_on", to_model=_day), Field("ended_on", to_model=_day),
    Field("tags", list, _tags), Field("competencies", list, _keys)), OnConflict.KEEP)


# ---------------------------------------------------------------- add


def _create(ctx) -> None:
    kind, title = st.session_state["ev_new_kind"], (st.session_state.get("ev_new_title") or "").strip()
    last = st.session_state.get(_LAST_ADD)
    if last and (store.now() - last[2]).total_seconds() < DOUBLE_CLICK_S and title in ("", last[0]):
        st.session_state[SEL] = last[1]  # the second click of a double click: the item exists already
        return
    try:
        ctx.require_edit()
        saved = repo.add(ctx.engine, ctx.owner, Evidence(kind=kind, title=title, source="typed"),
                         now=store.now(), request_id=request_id(ADD_FORM))
    except ValidationError as err:
        st.session_state[_ADD_ERRORS] = {err.field: err.message}
        return
    except SecondLookError as err:
        st.session_state[_ADD_ERRORS] = {"title": str(err)}
        return
    form_saved(ADD_FORM)
    st.session_state[_LAST_ADD] = (title, saved.id, store.now())
    st.session_state.pop(_ADD_ERRORS, None)
    st.session_state["ev_new_title"] = ""
    st.session_state[SEL] = saved.id
    flash(f"Added “{escape_markdown(saved.title)}”. Fill in the details below — every field saves as you go.")


def add_form(ctx) -> None:
    show_gone()  # an item deleted elsewhere while it was open: its editor is gone, say why
    with st.form(ADD_FORM, border=True):
        st.markdown("**Add an item**")
        st.selectbox("Kind", KIND_ORDER, format_func=eb.kind_label, key="ev_new_kind",
                     help=" · ".join(f"{eb.kind_label(k)}: {eb.KIND_HELP[k]}" for k in EvidenceKind))
        st.text_input("Title", key="ev_new_title", max_chars=200,
                      placeholder="e.g. Led the billing migration")
        message = st.session_state.get(_ADD_ERRORS, {}).get("title")
        if message:
            st.error(message, icon=":material/error:")
        st.form_submit_button("Add", type="primary", on_click=_create, args=(ctx,), icon=":material/add:",
                              key="ev_add_submit")


# ---------------------------------------------------------------- edit (autosave per field)


def _delete(ctx, ev: Evidence) -> None:
    title = EVIDENCE.base(ev).title
    if not EVIDENCE.delete(ctx, ev):
        return
    st.session_state.pop(SEL, None)
    flash(f"Deleted “{escape_markdown(title)}”.")


def editor(ctx, ev: Evidence, tag_options: tuple[str, ...]) -> None:
    """The open item, every field saving on change (with the version it was loaded from)."""
    EVIDENCE.sync(ev)
    st.markdown("**Open item** · each change is saved when you leave the field")
    EVIDENCE.show_conflict(ev)
    kind = EvidenceKind(st.session_state[EVIDENCE.key(ev, "kind")])
    st.selectbox("Kind", KIND_ORDER, format_func=eb.kind_label, help=eb.KIND_HELP[kind],
                 **EVIDENCE.widget(ctx, ev, "kind"))
    for name in eb.FORM_FIELDS[kind]:
        label = eb.BODY_LABELS[kind] if name == "body" else LABELS[name]
        if name == "title":
            EVIDENCE.draw(st.text_input, label, ctx, ev, name, max_chars=200)
        else:
            EVIDENCE.draw(st.text_area, label, ctx, ev, name, help=HELP.get(name),
                          height=110 if name != "body" else 90)
        if name == "result":
            _star_hint(ev)
    _tags_and_competencies(ctx, ev, tag_options)
    if kind in eb.DATED_KINDS:
        d1, d2 = st.columns(2)
        for col, name, label in ((d1, "started_on", "Started"), (d2, "ended_on", "Ended")):
            col.date_input(label, value=None, min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31),
                           format="DD/MM/YYYY", **EVIDENCE.widget(ctx, ev, name))
        EVIDENCE.field_error(ev, "started_on")
        EVIDENCE.field_error(ev, "ended_on")
    st.caption(f"Source: {escape_markdown(ev.source or 'typed')}")
    with st.expander("Delete this item"):
        confirm = st.checkbox("Yes, delete it for good", key=EVIDENCE.key(ev, "confirm_delete"))
        st.button("Delete", key=EVIDENCE.key(ev, "delete"), disabled=not confirm, on_click=_delete, args=(ctx, ev),
                  icon=":material/delete:")


def _star_hint(ev: Evidence) -> None:
    parts = {p: EVIDENCE.value(ev, p) for p in ("situation", "task", "action", "result")}
    check = check_star(**parts)
    if check.message:
        st.warning(check.message, icon=":material/lightbulb:")
    if check.missing and check.missing != ("result",):
        st.caption("Still empty: " + ", ".join(LABELS[p] for p in check.missing if p != "result") + ".")


def _tags_and_competencies(ctx, ev: Evidence, tag_options: tuple[str, ...]) -> None:
    current = st.session_state.get(EVIDENCE.key(ev, "tags")) or []
    options = list(dict.fromkeys([*tag_options, *current]))
    st.multiselect("Tags", options, accept_new_options=True, placeholder="Type a tag and press Enter",
                   help="Free labels of your own: a project, a tool, an employer.", **EVIDENCE.widget(ctx, ev, "tags"))
    chosen_keys = EVIDENCE.value(ev, "competencies")
    keys = list(dict.fromkeys([*comp.KEYS, *chosen_keys]))  # an imported unknown key still shows
    st.multiselect("Competencies", keys, format_func=comp.label, placeholder="Which competencies does it show?",
                   help="Scoring and the patterns page match interview questions to these. "
                        "The definitions of the ones you pick appear below.",
                   **EVIDENCE.widget(ctx, ev, "competencies"))
    chosen = eb.competency_help(EVIDENCE.value(ev, "competencies"))
    if chosen:
        st.caption(escape_markdown(chosen).replace("\n", "  \n"))
