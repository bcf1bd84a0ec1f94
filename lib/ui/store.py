"""The database engine for this server process, and the per-user data cache.

The engine (a connection pool, no user data) is cached per process with ``st.cache_resource``. Per-user
data is cached per *session* (``scope="session"``) *and* keyed by owner and the workspace's data version
(stored in the database and bumped by every write), so a write made through another replica is seen on
the next interaction and no user can ever be served another user's cached data. The workspace content is
immutable (frozen dataclasses in tuples), so it is held with ``st.cache_resource`` — handed out by
reference, without the pickle copy ``st.cache_data`` makes on every read (11–60 ms at 2,000 items).

What a page derives from that content (a table, option lists, proposals) goes through :func:`derived`:
computed once per workspace version and session, never in session state (Streamlit pickles all of session
state on every run here, ``runner.enforceSerializableSessionState``; an 8 MB value costs ~45 ms a run).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlalchemy as sa
import streamlit as st

from lib import models as m
from lib.settings import default_data_dir, resolve_database_url
from lib.storage import open_store, workspace

T = TypeVar("T")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    return dt.date.today()


def _secrets() -> dict | None:
    try:
        return st.secrets.to_dict() if len(st.secrets) else None
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def database_url() -> str:
    return resolve_database_url(os.environ, _secrets(), default_data_dir())


@st.cache_resource(show_spinner="Opening your data…")
def _engine(url: str) -> sa.Engine:
    return open_store(url, now=now())


def get_engine() -> sa.Engine:
    return _engine(database_url())


@st.cache_resource(scope="session", max_entries=2, show_spinner=False)
def _workspace_data(_engine: sa.Engine, url: str, owner: str, version: int) -> m.WorkspaceData:
    return workspace.load_workspace(_engine, owner)


def workspace_data(engine: sa.Engine, owner: str) -> m.WorkspaceData:
    """Everything in the workspace, cached until the next write (by anyone, through any server)."""
    version = workspace.data_version(engine, owner)
    return _workspace_data(engine, engine.url.render_as_string(hide_password=True), owner, version)


DERIVED_MAX = 64  # results kept per workspace version
DERIVED_VERSIONS = 2  # workspace versions kept (like _workspace_data's max_entries)


@st.cache_resource(scope="session", show_spinner=False)
def _derived_memo() -> dict:
    """This session's memo of :func:`derived` (a resource: never pickled, unlike session state, which
    ``runner.enforceSerializableSessionState`` pickles on every run; dropped when the session ends)."""
    return {}


def derived(data: m.WorkspaceData, fn: Callable[..., T], *args: Hashable) -> T:
    """``fn(data, *args)``, computed once per workspace version in this session.

    ``data`` is the object :func:`workspace_data` hands out by reference, the same object until the next
    write, so its identity marks the version; the memo keeps a reference to it (an id is never reused
    while the object lives) and keeps the results of the last :data:`DERIVED_VERSIONS` objects seen
    (least recently used goes first), so a write makes the old results unreachable at once and frees
    them soon after. Use it for O(n) work a page redoes on every rerun: tables, option lists, proposals.
    ``fn`` must be a pure module-level function (its module and name are the key, with ``args``) and its
    result immutable (or never mutated by the caller). A coach's scoped copy is a fresh object on every
    run, so it is simply recomputed.
    """
    memo: dict = _derived_memo()
    slot = memo.pop(id(data), None)
    if slot is None or slot[0] is not data:
        slot = (data, {})
    memo[id(data)] = slot  # most recently used last
    while len(memo) > DERIVED_VERSIONS:
        memo.pop(next(iter(memo)))
    results: dict = slot[1]
    key = (getattr(fn, "__module__", ""), getattr(fn, "__qualname__", repr(fn)), args)
    if key in results:
        return results[key]
    value = fn(data, *args)
    if len(results) >= DERIVED_MAX:
        results.pop(next(iter(results)))
    results[key] = value
    return value
