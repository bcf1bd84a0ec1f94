"""Field-by-field autosave for one stored record (an interview, a script question), with its version.

How it stays honest about concurrency:
- The first time a record is drawn (or whenever the stored version differs from the one the widgets were
  filled from) its widgets are filled from the stored object, and that object is kept as the *base*.
- Each widget's ``on_change`` saves exactly one field: ``replace(base, field=value)`` with the base's
  version. Success → the saved object becomes the base. A stale base → :class:`ConflictError`: nothing
  is overwritten; the widgets are refilled from the stored version on the same run and the person's
  unsaved text is shown so it can be copied back.
- A validation error leaves the typed value in the widget and shows the message under that field.
Several callbacks in one run (typing in one box, then clicking a button) all build on the latest base,
so one save never undoes another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import streamlit as st

from lib.errors import ConflictError, NotFound, SecondLookError, ValidationError
from lib.storage import repo
from lib.ui.guard import Context
from lib.ui.store import now

GONE = "_autosave_gone"  # message for a save whose record was deleted elsewhere (shown by the page)
ToWidget = Callable[[Any], Any]  # stored value -> widget value
ToModel = Callable[[Any], Any]  # widget value -> stored value


def _ident(v: Any) -> Any:
    return v


@dataclasses.dataclass(frozen=True)
class Field:
    """One autosaved field: its dataclass attribute and the conversions to and from the widget's value."""

    name: str
    to_widget: ToWidget = _ident
    to_model: ToModel = _ident


def prefix(obj: Any) -> str:
    return f"as_{type(obj).__name__}_{obj.id}"


def wkey(obj: Any, field: str) -> str:
    """The widget key of one field of a record (stable across versions)."""
    return f"{prefix(obj)}_{field}"


def sync(obj: Any, fields: tuple[Field, ...]) -> Any:
    """Fill widget state from ``obj`` when needed; return the base (what the widgets show and save onto)."""
    bkey = prefix(obj) + "__base"
    base = st.session_state.get(bkey)
    if base is None or base.version != obj.version:
        st.session_state[bkey] = obj
        st.session_state.pop(prefix(obj) + "__errors", None)
        for f in fields:
            st.session_state[wkey(obj, f.name)] = f.to_widget(getattr(obj, f.name))
        return obj
    for f in fields:  # widgets not drawn on the last run (another page, another tab) lost their state
        if wkey(obj, f.name) not in st.session_state:
            st.session_state[wkey(obj, f.name)] = f.to_widget(getattr(base, f.name))
    return base


def base_of(obj: Any) -> Any:
    return st.session_state.get(prefix(obj) + "__base", obj)


def set_base(obj: Any) -> None:
    st.session_state[prefix(obj) + "__base"] = obj


def errors(obj: Any) -> dict[str, str]:
    return st.session_state.get(prefix(obj) + "__errors", {})


def conflict(obj: Any) -> tuple[str, str, str] | None:
    """(message, field, unsaved value) of the last refused stale save of this record, shown once."""
    return st.session_state.pop(prefix(obj) + "__conflict", None)


def save_field(ctx: Context, obj: Any, field: Field, adjust: Callable[[Any], Any] | None = None) -> None:
    """``on_change`` callback: save one field onto the base, with the base's version.

    ``adjust`` may check the new object (raising ValidationError) or return it with derived fields changed
    (those widgets are refreshed after the save).
    """
    base = base_of(obj)
    raw = st.session_state.get(wkey(obj, field.name))
    errs = st.session_state.setdefault(prefix(obj) + "__errors", {})
    try:
        ctx.require_edit()
        new = dataclasses.replace(base, **{field.name: field.to_model(raw)})
        if adjust is not None:
            new = adjust(new)
        saved = repo.update(ctx.engine, ctx.owner, new, now=now())
    except ValidationError as err:
        errs[field.name] = err.message
        return
    except ConflictError as err:
        st.session_state[prefix(obj) + "__conflict"] = (str(err), field.name, _plain(raw))
        st.session_state.pop(prefix(obj) + "__base", None)  # refilled from storage on this run
        return
    except NotFound as err:  # deleted elsewhere: its widgets disappear on this run, so say it at the top
        st.session_state[GONE] = str(err)
        return
    except SecondLookError as err:
        errs[field.name] = str(err)
        return
    errs.pop(field.name, None)
    for f in dataclasses.fields(saved):  # fields changed by ``adjust``: show the saved value
        if f.name not in ("version", field.name) and getattr(saved, f.name) != getattr(base, f.name):
            if wkey(obj, f.name) in st.session_state:
                st.session_state[wkey(obj, f.name)] = getattr(saved, f.name)
    set_base(saved)


def set_and_save(ctx: Context, obj: Any, field: Field, widget_value: Any) -> None:
    """Put ``widget_value`` in the field's widget and save it (for buttons that fill a field)."""
    st.session_state[wkey(obj, field.name)] = widget_value
    save_field(ctx, obj, field)


def _plain(raw: Any) -> str:
    if isinstance(raw, (list, tuple)):
        return ", ".join(map(str, raw))
    return "" if raw is None else str(raw)


def field_error(obj: Any, name: str) -> None:
    """The validation message of one field, drawn right under its widget."""
    msg = errors(obj).get(name)
    if msg:
        st.error(msg, icon=":material/error:")


def show_conflict(obj: Any, labels: dict[str, str]) -> None:
    found = conflict(obj)
    if found:
        message, name, unsaved = found
        st.warning(message, icon=":material/sync_problem:")
        if unsaved:
            st.caption(f"Your unsaved {labels.get(name, name)} (copy it back if you still want it):")
            st.code(unsaved, language=None, wrap_lines=True)
