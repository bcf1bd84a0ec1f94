"""Storage: the only package that knows SQLAlchemy. Rows leave it as dataclasses or DataFrames.

Typical use::

    engine = open_store(url, now=now)              # engine + migrations (+ backup) in one call
    item = repo.add(engine, owner, Evidence(...), now=now, request_id=rid)
    items = repo.list_all(engine, owner, Evidence)
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from lib.storage import repo, vectors, workspace
from lib.storage.engine import is_sqlite, make_engine, sqlite_path
from lib.storage.migrate import check_not_too_new, current_revision, head_revision, migrate

__all__ = [
    "repo", "vectors", "workspace", "make_engine", "is_sqlite", "sqlite_path", "migrate", "head_revision",
    "current_revision", "check_not_too_new", "open_store",
]


def open_store(url: str, *, now: dt.datetime) -> sa.Engine:
    """Create the engine and bring the schema to head (backing up a SQLite file first if it migrates)."""
    engine = make_engine(url)
    migrate(engine, now=now)
    return engine
