"""Workspace-level operations: the workspace row, whole-workspace load, bulk import, deletion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa

from lib import models as m
from lib.storage import repo
from lib.storage import tables as t
from lib.storage.session import read, write

# Insert order respects references; delete order is the reverse.
ENTITY_ORDER: tuple[tuple[str, type], ...] = (
    ("evidence", m.Evidence),
    ("interviews", m.Interview),
    ("script_items", m.ScriptItem),
    ("overrides", m.RequirementOverride),
    ("contacts", m.Contact),
    ("attempts", m.ContactAttempt),
    ("feedback", m.FeedbackItem),
    ("case_points", m.CasePoint),
    ("letters", m.Letter),
    ("actions", m.ActionItem),
    ("comments", m.Comment),
)

# which id space each reference field points into
_REF_SPACE = {
    "interview_id": "interviews", "contact_id": "contacts", "feedback_id": "feedback",
    "parent_id": "comments", "evidence_ids": "evidence", "excluded_evidence": "evidence",
}


def get_workspace(engine: sa.Engine, owner: str) -> m.Workspace | None:
    with read(engine) as conn:
        row = conn.execute(sa.select(t.workspaces).where(t.workspaces.c.owner == owner)).mappings().first()
    return repo.from_row(m.Workspace, row) if row else None


def ensure_workspace(engine: sa.Engine, owner: str, *, now: dt.datetime, display_name: str = "") -> m.Workspace:
    ws = get_workspace(engine, owner)
    if ws is None:
        with write(engine, owner, now=now) as conn:
            if display_name:
                conn.execute(sa.update(t.workspaces).where(t.workspaces.c.owner == owner)
                             .values(display_name=display_name))
        ws = get_workspace(engine, owner)
    assert ws is not None
    return ws


def set_workspace(engine: sa.Engine, owner: str, *, now: dt.datetime, display_name: str | None = None,
                  is_demo: bool | None = None) -> None:
    values: dict[str, Any] = {}
    if display_name is not None:
        values["display_name"] = display_name
    if is_demo is not None:
        values["is_demo"] = is_demo
    with write(engine, owner, now=now) as conn:
        if values:
            conn.execute(sa.update(t.workspaces).where(t.workspaces.c.owner == owner).values(**values))


def data_version(engine: sa.Engine, owner: str) -> int:
    """A number that grows with every write to the workspace: the key for per-user caches."""
    with read(engine) as conn:
        value = conn.execute(
            sa.select(t.workspaces.c.data_version).where(t.workspaces.c.owner == owner)
        ).scalar_one_or_none()
    return value or 0


def load_workspace(engine: sa.Engine, owner: str) -> m.WorkspaceData:
    """Everything in the workspace as dataclasses, in one consistent read."""
    out: dict[str, tuple] = {}
    with read(engine) as conn:
        for name, cls in ENTITY_ORDER:
            table = repo.spec_for(cls).table
            rows = conn.execute(sa.select(table).where(table.c.owner == owner).order_by(table.c.id)).mappings()
            out[name] = tuple(repo.from_row(cls, r) for r in rows)
    return m.WorkspaceData(**out)


def is_empty(engine: sa.Engine, owner: str) -> bool:
    with read(engine) as conn:
        for table in (t.evidence, t.interviews):
            if conn.execute(sa.select(table.c.id).where(table.c.owner == owner).limit(1)).first():
                return False
    return True


def _remap(obj: Any, ids: dict[str, dict[int, int]]) -> Any:
    changes: dict[str, Any] = {"id": None, "version": 0}
    if hasattr(obj, "share_id"):
        changes["share_id"] = None  # share links are never exported or imported
    for f in dataclasses.fields(obj):
        space = _REF_SPACE.get(f.name)
        if space is None:
            continue
        value = getattr(obj, f.name)
        if value is None:
            continue
        mapping = ids[space]
        if isinstance(value, tuple):
            changes[f.name] = tuple(mapping[v] for v in value)
        else:
            changes[f.name] = mapping[value]
    return dataclasses.replace(obj, **changes)


def import_workspace(engine: sa.Engine, owner: str, data: m.WorkspaceData, *, now: dt.datetime,
                     replace: bool = False, display_name: str | None = None, is_demo: bool | None = None,
                     progress=None) -> dict[str, int]:
    """Insert every object of ``data`` (ids in ``data`` are file-local references) in ONE transaction.

    Either everything is written or nothing (an exception rolls the whole import back). With
    ``replace=True`` the workspace's current content is deleted first, inside the same transaction.
    References must resolve inside ``data`` (the caller validated them); ids are never trusted as
    database ids. ``progress(done, total)`` is called now and then. Returns counts per entity.
    """
    total = sum(len(getattr(data, name)) for name, _ in ENTITY_ORDER) or 1
    done = 0
    ids: dict[str, dict[int, int]] = {name: {} for name, _ in ENTITY_ORDER}
    counts: dict[str, int] = {}
    with write(engine, owner, now=now) as conn:
        if replace:
            _delete_content(conn, owner)
        values: dict[str, Any] = {}
        if display_name is not None:
            values["display_name"] = display_name
        if is_demo is not None:
            values["is_demo"] = is_demo
        if values:
            conn.execute(sa.update(t.workspaces).where(t.workspaces.c.owner == owner).values(**values))
        for name, _cls in ENTITY_ORDER:
            objs = getattr(data, name)
            # comments may point at earlier comments: insert parents first
            if name == "comments":
                objs = sorted(objs, key=lambda c: (c.parent_id is not None, c.id or 0))
            for obj in objs:
                saved = repo.insert(conn, owner, _remap(obj, ids), now=now)
                if obj.id is not None:
                    ids[name][obj.id] = saved.id
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
            counts[name] = len(objs)
    if progress:
        progress(total, total)
    return counts


def _delete_content(conn: sa.Connection, owner: str) -> None:
    for table in (t.comments, t.shares, t.evidence_vectors, t.case_points, t.letters, t.actions,
                  t.feedback, t.attempts, t.contacts, t.overrides, t.script_items, t.interviews, t.evidence):
        conn.execute(sa.delete(table).where(table.c.owner == owner))


def clear_workspace(engine: sa.Engine, owner: str, *, now: dt.datetime) -> None:
    """Delete all content (keep the workspace row). Used by "start my own workspace"."""
    with write(engine, owner, now=now) as conn:
        _delete_content(conn, owner)
        conn.execute(sa.update(t.workspaces).where(t.workspaces.c.owner == owner)
                     .values(is_demo=False, display_name=""))


def delete_workspace(engine: sa.Engine, owner: str) -> None:
    """Delete the workspace entirely: content, shares, comments and the workspace row."""
    with engine.begin() as conn:
        _delete_content(conn, owner)
        conn.execute(sa.delete(t.workspaces).where(t.workspaces.c.owner == owner))


def counts(engine: sa.Engine, owner: str) -> dict[str, int]:
    out = {}
    with read(engine) as conn:
        for name, cls in ENTITY_ORDER:
            table = repo.spec_for(cls).table
            out[name] = conn.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.owner == owner)).scalar_one()
    return out
