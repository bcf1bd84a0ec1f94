"""Autosaving widgets bound to one field of a stored record (used by the Feedback and Case pages).

Each widget's ``on_change`` saves the record at once with the version the page loaded, so a draft survives
navigation and reconnects, and an edit made meanwhile in another tab raises ``ConflictError`` instead of
being overwritten. Errors are kept in session state and shown next to the field they concern.

Widget state follows the database: when the stored version differs from the one this session last saw
(another tab saved), the widgets of that record are reset to the stored values. Saves made by this session
are remembered, so two fields of one record changed in the same rerun both save (the second builds on the
first) without a false conflict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import streamlit as st

from lib.errors import ConflictError, SecondLookError, ValidationError
from lib.storage import repo
from lib.ui import store
from lib.ui.widgets import show_error

_KNOWN = "_fs_known"  # record key -> version this session has shown
_MINE = "_fs_mine"  # record key -> latest object saved by this session
_ERR = "_fs_err"  # widget key -> message


def record_key(obj: Any) -> str:
    return f"{type(obj).__name__}:{obj.id}"


def widget_key(obj: Any, field: str) -> str:
    return f"fs_{type(obj).__name__}_{obj.id}_{field}"


def current(obj: Any) -> Any:
    """``obj`` as this session last saved it (when newer than the loaded copy)."""
    mine = st.session_state.get(_MINE, {}).get(record_key(obj))
    return mine if mine is not None and mine.version > obj.version else obj


def sync(obj: Any, fields: dict[str, Any]) -> None:
    """Reset the widgets of ``obj`` to the stored values when its version changed under this session."""
    known = st.session_state.setdefault(_KNOWN, {})
    rk = record_key(obj)
    latest = current(obj)
    if known.get(rk) == latest.version and all(widget_key(obj, f) in st.session_state for f in fields):
        return
    errors = st.session_state.get(_ERR, {})
    for name, value in fields.items():
        key = widget_key(obj, name)
        if key in errors and key in st.session_state:
            continue  # keep what the person typed next to the error
        st.session_state[key] = value
    known[rk] = latest.version


def _save(ctx, obj: Any, name: str, convert: Callable[[Any], Any], after: Callable[[Any], None] | None) -> None:
    key = widget_key(obj, name)
    errors = st.session_state.setdefault(_ERR, {})
    try:
        ctx.require_edit()
        base = current(obj)
        new = dataclasses.replace(base, **{name: convert(st.session_state[key])})
        saved = repo.update(ctx.engine, ctx.owner, new, now=store.now())
    except ValidationError as err:
        errors[key] = err.message
        return
    except ConflictError as err:
        errors[key] = str(err)
        return
    except SecondLookError as err:
        errors[key] = str(err)
        return
    errors.pop(key, None)
    remember(saved)
    if after is not None:
        after(saved)


def remember(saved: Any) -> None:
    """Note a record this session just saved, so later edits build on it without a false conflict."""
    st.session_state.setdefault(_MINE, {})[record_key(saved)] = saved
    st.session_state.setdefault(_KNOWN, {})[record_key(saved)] = saved.version


def on_change(ctx, obj: Any, name: str, convert: Callable[[Any], Any] = lambda v: v,
              after: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Keyword arguments for a widget that autosaves ``obj.<name>``: ``st.text_input(..., **on_change(...))``."""
    return {"key": widget_key(obj, name), "on_change": _save, "args": (ctx, obj, name, convert, after),
            "disabled": not ctx.can_edit}


def field_error(obj: Any, name: str) -> None:
    """Show the last save error of this field, if any, right below it."""
    message = st.session_state.get(_ERR, {}).get(widget_key(obj, name))
    if message:
        st.error(message, icon=":material/error:")


def forget(obj: Any) -> None:
    """Drop the session's memory of a deleted record."""
    for name in (_KNOWN, _MINE):
        st.session_state.get(name, {}).pop(record_key(obj), None)


def run_write(ctx, action: Callable[[], Any]) -> bool:
    """Run one write after the role check; show a typed error (and return False) instead of a stack trace."""
    try:
        ctx.require_edit()
        action()
        return True
    except SecondLookError as err:
        show_error(err)
        return False
