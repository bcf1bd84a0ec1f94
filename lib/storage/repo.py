"""Owner-scoped create / read / update / delete for every domain dataclass.

One generic mapping serves all entities: a dataclass field with a column of the same name is stored
there; tuples become JSON arrays; enums are stored as their values. Each function takes the engine, the
owner and (for writes) ``now``; nothing here reads a clock.

Rules enforced here for every entity:
- every query filters on ``owner``; an id that belongs to another owner raises :class:`NotFound`, exactly
  like a missing one (ids referenced inside an object — ``interview_id``, ``evidence_ids`` … — too);
- updates and deletes carry the ``version`` the caller loaded; a stale one raises :class:`ConflictError`;
- creates accept a ``request_id``: the same request id twice returns the first record (double submit).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from lib import models as m
from lib.errors import ConflictError, NotFound
from lib.storage import tables as t
from lib.storage.session import read, write

T = TypeVar("T")


@dataclass(frozen=True)
class Spec:
    table: sa.Table
    noun: str  # for messages: "evidence item", "interview"
    parents: tuple[tuple[str, sa.Table], ...] = ()  # scalar id fields that must belong to the owner
    id_lists: tuple[tuple[str, sa.Table], ...] = ()  # JSON id lists that must belong to the owner
    order: tuple[str, ...] = ("id",)


SPECS: dict[type, Spec] = {
    m.Evidence: Spec(t.evidence, "evidence item"),
    m.Interview: Spec(t.interviews, "interview", order=("interview_date", "id")),
    m.ScriptItem: Spec(t.script_items, "question", (("interview_id", t.interviews),), order=("position", "id")),
    m.RequirementOverride: Spec(t.overrides, "requirement override", (("interview_id", t.interviews),),
                                (("excluded_evidence", t.evidence),)),
    m.Contact: Spec(t.contacts, "contact", (("interview_id", t.interviews),)),
    m.ContactAttempt: Spec(t.attempts, "contact attempt",
                           (("interview_id", t.interviews), ("contact_id", t.contacts)), order=("on", "id")),
    m.FeedbackItem: Spec(t.feedback, "feedback item", (("interview_id", t.interviews),),
                         order=("position", "id")),
    m.CasePoint: Spec(t.case_points, "case point",
                      (("interview_id", t.interviews), ("feedback_id", t.feedback)),
                      (("evidence_ids", t.evidence),)),
    m.Letter: Spec(t.letters, "letter", (("interview_id", t.interviews),)),
    m.ActionItem: Spec(t.actions, "action", (("interview_id", t.interviews),), order=("due_on", "id")),
    m.Share: Spec(t.shares, "share link", (), (("interview_ids", t.interviews),)),
    m.Comment: Spec(t.comments, "comment",
                    (("interview_id", t.interviews), ("share_id", t.shares), ("parent_id", t.comments)),
                    order=("created_at", "id")),
}

_AUTO = {"id", "version", "created_at"}


def spec_for(cls: type) -> Spec:
    try:
        return SPECS[cls]
    except KeyError:
        raise TypeError(f"{cls.__name__} is not a stored entity") from None


def _utc(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _to_values(obj: Any, spec: Spec) -> dict[str, Any]:
    cols = spec.table.c
    values: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in _AUTO or f.name not in cols:
            continue
        value = getattr(obj, f.name)
        if isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        values[f.name] = value
    return values


def from_row(cls: type[T], row: sa.RowMapping) -> T:
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in row:
            continue
        value = row[f.name]
        if isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        kwargs[f.name] = _utc(value)
    return cls(**kwargs)


def _check_refs(conn: sa.Connection, owner: str, obj: Any, spec: Spec) -> None:
    for name, table in spec.parents:
        ref = getattr(obj, name, None)
        if ref is not None and not _owned(conn, table, owner, [ref]):
            raise NotFound(f"That {name.removesuffix('_id').replace('_', ' ')} does not exist.")
    for name, table in spec.id_lists:
        refs = list(getattr(obj, name, ()) or ())
        if refs and not _owned(conn, table, owner, refs):
            raise NotFound(f"Some of the referenced items ({name.replace('_', ' ')}) do not exist.")


def _owned(conn: sa.Connection, table: sa.Table, owner: str, ids: list[int]) -> bool:
    wanted = set(ids)
    found = conn.execute(
        sa.select(sa.func.count()).select_from(table).where(table.c.owner == owner, table.c.id.in_(wanted))
    ).scalar_one()
    return found == len(wanted)


def insert(conn: sa.Connection, owner: str, obj: T, *, now: dt.datetime, request_id: str | None = None) -> T:
    """Insert inside an open write transaction (used by :func:`add` and by bulk import)."""
    spec = spec_for(type(obj))
    _check_refs(conn, owner, obj, spec)
    values = _to_values(obj, spec)
    created = _utc(getattr(obj, "created_at", None)) or now
    values.update(owner=owner, version=1, request_id=request_id, created_at=created, updated_at=now)
    new_id = conn.execute(sa.insert(spec.table).values(**values).returning(spec.table.c.id)).scalar_one()
    return dataclasses.replace(obj, id=new_id, version=1, **({"created_at": created}
                                                            if "created_at" in _field_names(obj) else {}))


def _field_names(obj: Any) -> set[str]:
    return {f.name for f in dataclasses.fields(obj)}


def _by_request(conn: sa.Connection, owner: str, cls: type[T], request_id: str) -> T | None:
    table = spec_for(cls).table
    row = conn.execute(
        sa.select(table).where(table.c.owner == owner, table.c.request_id == request_id)
    ).mappings().first()
    return from_row(cls, row) if row else None


def add(engine: sa.Engine, owner: str, obj: T, *, now: dt.datetime, request_id: str | None = None) -> T:
    """Create ``obj`` in ``owner``'s workspace and return it with its new id and version 1.

    With a ``request_id`` seen before, nothing is inserted and the earlier record is returned.
    """
    if getattr(obj, "id", None) is not None:
        raise ValueError("add() takes a new object (id=None); use update() for an existing one")
    if request_id:
        with read(engine) as conn:
            existing = _by_request(conn, owner, type(obj), request_id)
        if existing is not None:
            return existing
    try:
        with write(engine, owner, now=now) as conn:
            if request_id:
                existing = _by_request(conn, owner, type(obj), request_id)
                if existing is not None:
                    return existing
            return insert(conn, owner, obj, now=now, request_id=request_id)
    except IntegrityError:
        if request_id:  # a concurrent duplicate submit won the race: return its record
            with read(engine) as conn:
                existing = _by_request(conn, owner, type(obj), request_id)
            if existing is not None:
                return existing
        raise


def get(engine: sa.Engine, owner: str, cls: type[T], obj_id: int) -> T:
    spec = spec_for(cls)
    with read(engine) as conn:
        row = conn.execute(
            sa.select(spec.table).where(spec.table.c.owner == owner, spec.table.c.id == obj_id)
        ).mappings().first()
    if row is None:
        raise NotFound(f"That {spec.noun} does not exist.")
    return from_row(cls, row)


def list_all(engine: sa.Engine, owner: str, cls: type[T], *, interview_id: int | None = None,
             where: Sequence[sa.ColumnElement[bool]] = ()) -> list[T]:
    """All objects of ``cls`` in the workspace (optionally of one interview), in their natural order."""
    spec = spec_for(cls)
    table = spec.table
    query = sa.select(table).where(table.c.owner == owner, *where)
    if interview_id is not None:
        query = query.where(table.c.interview_id == interview_id)
    query = query.order_by(*(table.c[name].asc().nulls_last() for name in spec.order))
    with read(engine) as conn:
        return [from_row(cls, row) for row in conn.execute(query).mappings()]


def update(engine: sa.Engine, owner: str, obj: T, *, now: dt.datetime) -> T:
    """Save an edited object. Its ``version`` must be the one stored, or :class:`ConflictError` is raised."""
    spec = spec_for(type(obj))
    table = spec.table
    obj_id, version = obj.id, obj.version
    if obj_id is None:
        raise ValueError("update() needs an object that was loaded from storage")
    with write(engine, owner, now=now) as conn:
        _check_refs(conn, owner, obj, spec)
        values = _to_values(obj, spec)
        values.update(version=version + 1, updated_at=now)
        changed = conn.execute(
            sa.update(table).where(table.c.owner == owner, table.c.id == obj_id, table.c.version == version)
            .values(**values)
        ).rowcount
        if not changed:
            _raise_stale_or_missing(conn, owner, spec, obj_id)
    return dataclasses.replace(obj, version=version + 1)


def delete(engine: sa.Engine, owner: str, cls: type, obj_id: int, *, now: dt.datetime,
           version: int | None = None) -> None:
    """Delete one object (and, through foreign keys, what hangs off it). ``version`` guards stale deletes."""
    spec = spec_for(cls)
    table = spec.table
    cond = [table.c.owner == owner, table.c.id == obj_id]
    if version is not None:
        cond.append(table.c.version == version)
    with write(engine, owner, now=now) as conn:
        if not conn.execute(sa.delete(table).where(*cond)).rowcount:
            _raise_stale_or_missing(conn, owner, spec, obj_id)


def _raise_stale_or_missing(conn: sa.Connection, owner: str, spec: Spec, obj_id: int) -> None:
    exists = conn.execute(
        sa.select(spec.table.c.id).where(spec.table.c.owner == owner, spec.table.c.id == obj_id)
    ).first()
    if exists is None:
        raise NotFound(f"That {spec.noun} does not exist (it may have been deleted).")
    raise ConflictError(
        f"This {spec.noun} was changed in another tab or window after you opened it. "
        "Nothing was overwritten: reload to see the saved version, then apply your change again."
    )


def reorder(engine: sa.Engine, owner: str, cls: type, ordered_ids: Sequence[int], *, now: dt.datetime) -> None:
    """Set ``position`` = index for the given ids (script questions, feedback items) in one transaction."""
    table = spec_for(cls).table
    with write(engine, owner, now=now) as conn:
        if not _owned(conn, table, owner, list(ordered_ids)):
            raise NotFound("Some of those items do not exist.")
        for pos, obj_id in enumerate(ordered_ids):
            conn.execute(
                sa.update(table).where(table.c.owner == owner, table.c.id == obj_id)
                .values(position=pos, version=table.c.version + 1, updated_at=now)
            )
