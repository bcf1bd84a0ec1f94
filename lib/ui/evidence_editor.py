"""Evidence bank editing: the "add" form and the per-field autosaving editor of the open item.

State kept in ``st.session_state``:
- ``_ev_snap``: {id: Evidence} — the version each open editor was loaded from. Every autosave sends
  that version; a stale one raises ConflictError and the typed text stays in the boxes (never overwritten);
- ``_ev_errors``: {(id, field): message} — validation messages shown under their field (id None: the add form);
- ``_ev_conflict``: the id whose last save was refused as stale;
- ``_ev_last_add``: (title, id, time) of the last add, so the second click of a double click adds nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from lib import competencies as comp
from lib import evidence_bank as eb
from lib.errors import ConflictError, SecondLookError, ValidationError
from lib.letters_case import escape_markdown
from lib.models import Evidence, EvidenceKind
from lib.star_check import check_star
from lib.storage import repo
from lib.ui import store
from lib.ui.evidence_ui import KIND_ORDER, LABELS, SEL, flash
from lib.ui.widgets import form_saved, request_id

_SNAP = "_ev_snap"
_ERRORS = "_ev_errors"
_CONFLICT = "_ev_conflict"
_LAST_ADD = "_ev_last_add"
ADD_FORM = "ev_add"
DOUBLE_CLICK_S = 5.0
HELP = {
    "situation": "Where and when: the context someone needs to follow the story.",
    "task": "What you were responsible for, or the problem you had to solve.",
    "action": "What you did — say “I”, not “we”.",
    "result": "What changed because of it. A number helps: %, money, time saved, or a count.",
}


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
        st.session_state[_ERRORS] = {**_errors(), (None, err.field): err.message}
        return
    except SecondLookError as err:
        st.session_state[_ERRORS] = {**_errors(), (None, "title"): str(err)}
        return
    form_saved(ADD_FORM)
    st.session_state[_LAST_ADD] = (title, saved.id, store.now())
    _errors().pop((None, "title"), None)
    st.session_state["ev_new_title"] = ""
    st.session_state[SEL] = saved.id
    flash(f"Added “{escape_markdown(saved.title)}”. Fill in the details below — every field saves as you go.")


def add_form(ctx) -> None:
    with st.form(ADD_FORM, border=True):
        st.markdown("**Add an item**")
        st.selectbox("Kind", KIND_ORDER, format_func=eb.kind_label, key="ev_new_kind",
                     help=" · ".join(f"{eb.kind_label(k)}: {eb.KIND_HELP[k]}" for k in EvidenceKind))
        st.text_input("Title", key="ev_new_title", max_chars=200,
                      placeholder="e.g. Led the billing migration")
        _field_error(None, "title")
        st.form_submit_button("Add", type="primary", on_click=_create, args=(ctx,), icon=":material/add:",
                              key="ev_add_submit")


# ---------------------------------------------------------------- edit (autosave per field)


def _errors() -> dict:
    return st.session_state.setdefault(_ERRORS, {})


def _field_error(ev_id: int | None, name: str) -> None:
    message = _errors().get((ev_id, name))
    if message:
        st.error(message, icon=":material/error:")


def _key(ev_id: int, name: str) -> str:
    return f"ev{ev_id}_{name}"


def _load(ev: Evidence) -> None:
    """Put the stored values into the editor's widgets (first open, or after a save elsewhere)."""
    for name in ("kind", "title", "body", "situation", "task", "action", "result", "started_on", "ended_on"):
        st.session_state[_key(ev.id, name)] = getattr(ev, name)
    st.session_state[_key(ev.id, "tags")] = list(ev.tags)
    st.session_state[_key(ev.id, "competencies")] = list(ev.competencies)
    st.session_state.setdefault(_SNAP, {})[ev.id] = ev
    for k in [k for k in _errors() if k[0] == ev.id]:
        _errors().pop(k)


def _sync(ev: Evidence) -> None:
    snap = st.session_state.get(_SNAP, {}).get(ev.id)
    missing = _key(ev.id, "title") not in st.session_state
    in_conflict = st.session_state.get(_CONFLICT) == ev.id
    if snap is None or missing or (snap.version != ev.version and not in_conflict):
        _load(ev)


def _widget_value(ev_id: int, name: str):
    value = st.session_state.get(_key(ev_id, name))
    if name == "tags":
        return eb.clean_tags(value or ())
    if name == "competencies":
        return tuple(value or ())
    if name in ("started_on", "ended_on"):
        return value if isinstance(value, dt.date) else None
    return value if value is not None else ""


def _save(ctx, ev_id: int, name: str) -> None:
    snap = st.session_state.get(_SNAP, {}).get(ev_id)
    if snap is None:
        return
    errors = _errors()
    try:
        ctx.require_edit()
        saved = repo.update(ctx.engine, ctx.owner, dataclasses.replace(snap, **{name: _widget_value(ev_id, name)}),
                            now=store.now())
    except ValidationError as err:
        errors[(ev_id, err.field)] = err.message
        return
    except ConflictError as err:
        st.session_state[_CONFLICT] = ev_id
        errors[(ev_id, "_conflict")] = str(err)
        return
    except SecondLookError as err:
        errors[(ev_id, "_conflict")] = str(err)
        return
    st.session_state[_SNAP][ev_id] = saved
    for k in [k for k in errors if k[0] == ev_id and k[1] in (name, "ended_on", "started_on", "_conflict")]:
        errors.pop(k)


def _reload(ev_id: int) -> None:
    st.session_state.pop(_CONFLICT, None)
    st.session_state.get(_SNAP, {}).pop(ev_id, None)
    _errors().pop((ev_id, "_conflict"), None)


def _delete(ctx, ev_id: int) -> None:
    snap = st.session_state.get(_SNAP, {}).get(ev_id)
    try:
        ctx.require_edit()
        repo.delete(ctx.engine, ctx.owner, Evidence, ev_id, now=store.now(), version=snap.version if snap else None)
    except SecondLookError as err:
        if isinstance(err, ConflictError):
            st.session_state[_CONFLICT] = ev_id
        _errors()[(ev_id, "_conflict")] = str(err)
        return
    st.session_state.pop(SEL, None)
    st.session_state.get(_SNAP, {}).pop(ev_id, None)
    flash(f"Deleted “{escape_markdown(snap.title) if snap else 'the item'}”.")


def editor(ctx, ev: Evidence, tag_options: tuple[str, ...]) -> None:
    """The open item, every field saving on change (with the version it was loaded from)."""
    _sync(ev)
    st.markdown("**Open item** · each change is saved when you leave the field")
    conflict = _errors().get((ev.id, "_conflict"))
    if conflict:
        st.error(conflict + " Your text is still in the boxes below: copy what you want to keep.",
                 icon=":material/sync_problem:")
        st.button("Load the saved version", key=_key(ev.id, "reload"), on_click=_reload, args=(ev.id,))
    kind = EvidenceKind(st.session_state[_key(ev.id, "kind")])
    on = {"on_change": _save}
    st.selectbox("Kind", KIND_ORDER, format_func=eb.kind_label, key=_key(ev.id, "kind"),
                 args=(ctx, ev.id, "kind"), help=eb.KIND_HELP[kind], **on)
    for name in eb.FORM_FIELDS[kind]:
        label = eb.BODY_LABELS[kind] if name == "body" else LABELS[name]
        if name == "title":
            st.text_input(label, key=_key(ev.id, name), max_chars=200, args=(ctx, ev.id, name), **on)
        else:
            st.text_area(label, key=_key(ev.id, name), help=HELP.get(name), args=(ctx, ev.id, name),
                         height=110 if name != "body" else 90, **on)
        _field_error(ev.id, name)
        if name == "result":
            _star_hint(ev.id)
    _tags_and_competencies(ctx, ev.id, tag_options)
    if kind in eb.DATED_KINDS:
        d1, d2 = st.columns(2)
        for col, name, label in ((d1, "started_on", "Started"), (d2, "ended_on", "Ended")):
            col.date_input(label, value=None, min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31),
                           key=_key(ev.id, name), args=(ctx, ev.id, name), format="DD/MM/YYYY", **on)
        _field_error(ev.id, "started_on")
        _field_error(ev.id, "ended_on")
    st.caption(f"Source: {escape_markdown(ev.source or 'typed')}")
    with st.expander("Delete this item"):
        confirm = st.checkbox("Yes, delete it for good", key=_key(ev.id, "confirm_delete"))
        st.button("Delete", key=_key(ev.id, "delete"), disabled=not confirm, on_click=_delete, args=(ctx, ev.id),
                  icon=":material/delete:")


def _star_hint(ev_id: int) -> None:
    parts = {p: _widget_value(ev_id, p) for p in ("situation", "task", "action", "result")}
    check = check_star(**parts)
    if check.message:
        st.warning(check.message, icon=":material/lightbulb:")
    if check.missing and check.missing != ("result",):
        st.caption("Still empty: " + ", ".join(LABELS[p] for p in check.missing if p != "result") + ".")


def _tags_and_competencies(ctx, ev_id: int, tag_options: tuple[str, ...]) -> None:
    current = st.session_state.get(_key(ev_id, "tags")) or []
    options = list(dict.fromkeys([*tag_options, *current]))
    st.multiselect("Tags", options, key=_key(ev_id, "tags"), accept_new_options=True, on_change=_save,
                   args=(ctx, ev_id, "tags"), placeholder="Type a tag and press Enter",
                   help="Free labels of your own: a project, a tool, an employer.")
    chosen_keys = st.session_state.get(_key(ev_id, "competencies")) or []
    keys = list(dict.fromkeys([*comp.KEYS, *chosen_keys]))  # an imported unknown key still shows
    st.multiselect("Competencies", keys, key=_key(ev_id, "competencies"), format_func=comp.label,
                   on_change=_save, args=(ctx, ev_id, "competencies"), placeholder="Which competencies does it show?",
                   help="Scoring and the patterns page match interview questions to these. "
                        "The definitions of the ones you pick appear below.")
    chosen = eb.competency_help(st.session_state.get(_key(ev_id, "competencies")) or ())
    if chosen:
        st.caption(escape_markdown(chosen).replace("\n", "  \n"))
