"""Autosave: each widget bound to one field of a stored record saves on change, with the record's version.

One mechanism for every page that edits records in place (Evidence, Interviews, Feedback, Case):

- An :class:`Autosave` describes one kind of record on one page: its fields (with the conversions between
  the stored value and the widget's), the widget-key pattern, and what a refused stale save does.
- ``sync(obj)`` runs before the record's widgets are drawn. The first time, or when storage holds a newer
  version than the *base* (the copy the widgets were filled from, or this session's last save), it fills
  the widgets from storage; a widget still holding unsaved text next to its validation message keeps it.
- A widget's ``on_change`` saves exactly one field: ``replace(base, field=value)`` with the base's version.
  Success makes the saved object the base, so several saves in one rerun build on each other.
- A stale base makes storage raise ConflictError and nothing is overwritten. ``KEEP`` leaves the typed
  text in the boxes and offers "Load the saved version"; ``REFILL`` loads the stored version at once and
  shows the unsaved text to copy back. ``show_conflict(obj)`` draws either where the page wants it.
- A record deleted elsewhere vanishes on the next run, so :func:`show_gone` says so at the top of the page.
- Every write calls ``ctx.require_edit()`` first (server side); a coach's widgets are disabled as well.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from lib.errors import ConflictError, NotFound, SecondLookError, ValidationError
from lib.storage import repo
from lib.ui.guard import Context
from lib.ui.store import now
from lib.ui.widgets import show_error

GONE = "_autosave_gone"  # message of a save whose record was deleted elsewhere (see show_gone)
KEEP_NOTE = " Your text is still in the boxes below: copy what you want to keep."


class OnConflict(enum.Enum):
    KEEP = "keep"  # the typed text stays in the boxes until the person loads the saved version
    REFILL = "refill"  # the saved version is loaded at once; the typed text is shown to copy back


def _same(value: Any) -> Any:
    return value


@dataclasses.dataclass(frozen=True)
class Field:
    """One autosaved attribute: conversions to and from its widget's value, an optional check, a label.

    ``adjust`` gets the edited object before it is saved: it may raise ValidationError, or return the object
    with derived fields changed (their widgets then show the saved values).
    """

    name: str
    to_widget: Callable[[Any], Any] = _same
    to_model: Callable[[Any], Any] = _same
    adjust: Callable[[Any], Any] | None = None
    label: str = ""

    @property
    def words(self) -> str:
        return self.label or self.name.replace("_", " ")


@dataclasses.dataclass(frozen=True)
class _Conflict:
    message: str
    field: str | None  # None: a refused delete
    unsaved: str


@dataclasses.dataclass(frozen=True)
class _Record:
    """What this session knows about one record (kept in session state, replaced on every change)."""

    base: Any = None
    errors: Mapping[str, str] = dataclasses.field(default_factory=dict)  # field ("" = the record) -> message
    conflict: _Conflict | None = None


@dataclasses.dataclass(frozen=True)
class Autosave:
    """How one page autosaves one kind of record.

    ``keys`` is the widget-key prefix pattern with ``{type}`` and ``{id}`` (pages and tests reach widgets
    by these keys): the widget of field ``f`` is ``<prefix>_f``.
    """

    keys: str
    fields: tuple[Field, ...]
    on_conflict: OnConflict = OnConflict.KEEP

    # ------------------------------------------------------------ keys and state

    def prefix(self, obj: Any) -> str:
        return self.keys.format(type=type(obj).__name__, id=obj.id)

    def key(self, obj: Any, name: str) -> str:
        """The widget key of one field of a record (stable across versions)."""
        return f"{self.prefix(obj)}_{name}"

    def field(self, name: str) -> Field:
        return next((f for f in self.fields if f.name == name), Field(name))

    def _get(self, obj: Any) -> _Record:
        return st.session_state.get("_autosave_" + self.prefix(obj)) or _Record()

    def _put(self, obj: Any, record: _Record) -> None:
        st.session_state["_autosave_" + self.prefix(obj)] = record

    def base(self, obj: Any) -> Any:
        """The copy the widgets show and the next save builds on (``obj`` itself before the first sync)."""
        base = self._get(obj).base
        return obj if base is None else base

    def remember(self, saved: Any) -> None:
        """Make a record this session just saved elsewhere (a reorder, a button) the base of its widgets."""
        self._put(saved, dataclasses.replace(self._get(saved), base=saved))

    def forget(self, obj: Any) -> None:
        st.session_state.pop("_autosave_" + self.prefix(obj), None)

    def value(self, obj: Any, name: str) -> Any:
        """The field's widget value, converted to the stored form (saved or not)."""
        return self.field(name).to_model(st.session_state.get(self.key(obj, name)))

    # ------------------------------------------------------------ drawing

    def sync(self, obj: Any) -> Any:
        """Fill the widgets from ``obj`` when they are behind storage; return the base."""
        record = self._get(obj)
        held = record.conflict is not None and self.on_conflict is OnConflict.KEEP
        if record.base is None or (obj.version > record.base.version and not held):
            typed = {name for name in record.errors if record.base is not None and name
                     and self.key(obj, name) in st.session_state}  # unsaved text next to its message stays
            for f in self.fields:
                if f.name not in typed:
                    st.session_state[self.key(obj, f.name)] = f.to_widget(getattr(obj, f.name))
            record = dataclasses.replace(record, base=obj, errors={n: m for n, m in record.errors.items()
                                                                   if n in typed})
            self._put(obj, record)
        for f in self.fields:  # widgets not drawn on the last run (another tab, another page) lost their state
            if self.key(obj, f.name) not in st.session_state:
                st.session_state[self.key(obj, f.name)] = f.to_widget(getattr(record.base, f.name))
        return record.base

    def widget(self, ctx: Context, obj: Any, name: str) -> dict[str, Any]:
        """Keyword arguments of an autosaving widget: ``st.text_input(label, **spec.widget(ctx, obj, name))``."""
        return {"key": self.key(obj, name), "on_change": self._on_change, "args": (ctx, obj, name),
                "disabled": not ctx.can_edit}

    def draw(self, widget: Callable[..., Any], label: str, ctx: Context, obj: Any, name: str, **kw: Any) -> Any:
        """An autosaving widget with its validation message right under it; returns the widget's value."""
        value = widget(label, **self.widget(ctx, obj, name), **kw)
        self.field_error(obj, name)
        return value

    def field_error(self, obj: Any, name: str) -> None:
        message = self._get(obj).errors.get(name)
        if message:
            st.error(message, icon=":material/error:")

    def show_conflict(self, obj: Any) -> None:
        """The refused stale save (or delete) of this record, and a refused record-level write, if any."""
        record = self._get(obj)
        if record.errors.get(""):
            st.error(record.errors[""], icon=":material/error:")
            self._put(obj, record := dataclasses.replace(
                record, errors={n: m for n, m in record.errors.items() if n}))
        found = record.conflict
        if found is None:
            return
        if self.on_conflict is OnConflict.KEEP:
            st.error(found.message + KEEP_NOTE, icon=":material/sync_problem:")
            st.button("Load the saved version", key=self.key(obj, "reload"), on_click=self.forget, args=(obj,))
            return
        self._put(obj, dataclasses.replace(record, conflict=None))  # said once
        st.warning(found.message, icon=":material/sync_problem:")
        if found.unsaved:
            st.caption(f"Your unsaved {self.field(found.field or '').words} (copy it back if you still want it):")
            st.code(found.unsaved, language=None, wrap_lines=True)

    # ------------------------------------------------------------ writing

    def _on_change(self, ctx: Context, obj: Any, name: str) -> None:
        self.save(ctx, obj, name, st.session_state.get(self.key(obj, name)))

    def set_and_save(self, ctx: Context, obj: Any, name: str, widget_value: Any) -> None:
        """Put ``widget_value`` in the field's widget and save it (for buttons that fill a field)."""
        st.session_state[self.key(obj, name)] = widget_value
        self.save(ctx, obj, name, widget_value)

    def save(self, ctx: Context, obj: Any, name: str, widget_value: Any) -> None:
        """Save one field onto the base with the base's version; a refusal is kept to be shown, never raised."""
        f = self.field(name)
        base = self.base(obj)
        try:
            ctx.require_edit()
            new = dataclasses.replace(base, **{name: f.to_model(widget_value)})
            if f.adjust is not None:
                new = f.adjust(new)
            saved = repo.update(ctx.engine, ctx.owner, new, now=now())
        except SecondLookError as err:
            self.refuse(obj, err, name, widget_value)
            return
        derived = [g.name for g in dataclasses.fields(saved)
                   if g.name not in ("version", name) and getattr(saved, g.name) != getattr(base, g.name)]
        for other in derived:  # changed by ``adjust``: show the saved value
            if self.key(obj, other) in st.session_state:
                st.session_state[self.key(obj, other)] = self.field(other).to_widget(getattr(saved, other))
        record = self._get(obj)
        errors = {n: m for n, m in record.errors.items() if n != name and n not in derived}
        self._put(obj, dataclasses.replace(record, base=saved, errors=errors))

    def delete(self, ctx: Context, obj: Any) -> bool:
        """Delete the record with the base's version; a refusal (a stale version...) is kept to be shown."""
        try:
            ctx.require_edit()
            repo.delete(ctx.engine, ctx.owner, type(obj), obj.id, now=now(), version=self.base(obj).version)
        except SecondLookError as err:
            self.refuse(obj, err)
            return False
        self.forget(obj)
        return True

    def refuse(self, obj: Any, err: SecondLookError, name: str = "", widget_value: Any = None) -> None:
        """Keep a refused write of this record to be shown: next to its field, as a conflict, or as gone."""
        record = self._get(obj)
        if isinstance(err, NotFound):  # deleted elsewhere: its widgets disappear on the next run
            st.session_state[GONE] = str(err)
            self.forget(obj)
        elif isinstance(err, ConflictError):
            unsaved = _plain(widget_value) if name else ""
            base = record.base if self.on_conflict is OnConflict.KEEP else None  # REFILL: reload on this run
            self._put(obj, dataclasses.replace(record, base=base, conflict=_Conflict(str(err), name or None,
                                                                                       unsaved)))
        else:
            message = err.message if isinstance(err, ValidationError) else str(err)
            self._put(obj, dataclasses.replace(record, errors={**record.errors, name: message}))


def _plain(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def show_gone() -> None:
    """Say (once) that a record was deleted elsewhere while this session was editing it."""
    message = st.session_state.pop(GONE, None)
    if message:
        st.error(message, icon=":material/error:")


def run_write(ctx: Context, action: Callable[[], Any]) -> bool:
    """Run one write after the role check; show a typed error (and return False) instead of a stack trace."""
    try:
        ctx.require_edit()
        action()
        return True
    except SecondLookError as err:
        show_error(err)
        return False
