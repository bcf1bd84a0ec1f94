"""Transactions. Every write goes through :func:`write`, which also bumps the workspace's data version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from lib.storage import tables as t


@contextmanager
def read(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read transaction (SQLite: ``BEGIN DEFERRED``, so readers never wait for the write lock)."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="DEFERRED")
        with conn.begin():
            yield conn


@contextmanager
def write(engine: sa.Engine, owner: str, *, now: dt.datetime) -> Iterator[sa.Connection]:
    """A write transaction for ``owner``: creates the workspace row if needed and bumps its data version.

    Everything inside commits together or not at all.
    """
    with engine.begin() as conn:
        touch(conn, owner, now=now)
        yield conn


def touch(conn: sa.Connection, owner: str, *, now: dt.datetime) -> None:
    """Bump the workspace's data version, creating the workspace row first if needed. Creation is an
    insert-if-absent, so two servers creating the same workspace at the same moment don't collide."""
    bump = sa.update(t.workspaces).where(t.workspaces.c.owner == owner).values(
        data_version=t.workspaces.c.data_version + 1)
    if conn.execute(bump).rowcount:
        return
    from sqlalchemy.dialects import postgresql, sqlite  # only when a workspace is first created

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(t.workspaces).values(owner=owner, display_name="", is_demo=False, data_version=0,
                                                     created_at=now).on_conflict_do_nothing(index_elements=["owner"]))
    conn.execute(bump)
