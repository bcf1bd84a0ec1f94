"""Shared fixtures: engines on in-memory SQLite, a SQLite file, and (when reachable) the local Postgres."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("SECONDLOOK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def _pg_available() -> str | None:
    try:
        eng = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with eng.connect() as conn:
            conn.exec_driver_sql("select 1")
        eng.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "skip", with the reason
        return f"PostgreSQL not reachable at {PG_ADMIN_URL} ({type(exc).__name__})"


@pytest.fixture(scope="session")
def pg_url():
    """A fresh, empty Postgres database for this test session (dropped afterwards)."""
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"sl_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def mem_engine():
    from lib.storage import open_store

    engine = open_store("sqlite://", now=NOW)
    yield engine
    engine.dispose()


@pytest.fixture
def file_engine(tmp_path):
    from lib.storage import open_store

    engine = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}", now=NOW)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request, tmp_path):
    """The storage suite runs on both backends (Postgres skips with a reason when absent)."""
    from lib.storage import open_store

    if request.param == "sqlite":
        eng = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}", now=NOW)
        yield eng
        eng.dispose()
        return
    url = request.getfixturevalue("pg_url")
    eng = open_store(url, now=NOW)
    yield eng
    from lib.storage import tables

    with eng.begin() as conn:  # leave the shared test database empty for the next test
        for table in reversed(tables.metadata.sorted_tables):
            conn.execute(table.delete())
    eng.dispose()


@pytest.fixture(scope="session")
def demo_parsed():
    from lib.demo import read_demo

    return read_demo()


@pytest.fixture
def demo_engine(mem_engine):
    from lib.demo import load_demo

    load_demo(mem_engine, "local", today=TODAY, now=NOW)
    return mem_engine
