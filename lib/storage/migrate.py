"""Schema migrations (Alembic, in-process), run automatically at start.

- A SQLite file that already holds data is backed up with ``VACUUM INTO`` (a consistent copy made by
  SQLite itself, never a file copy) before any migration runs.
- A database stamped with a revision this code does not know was written by a newer Second Look: we
  refuse to touch it (:class:`SchemaTooNew`) rather than guess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from lib.errors import SchemaTooNew
from lib.storage.engine import sqlite_path

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_too_new(engine: sa.Engine) -> None:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"This database was written by a newer version of Second Look (schema {current}); this "
            f"version only knows up to {head_revision()}. Nothing was changed. Update the app to open it."
        )


def backup_sqlite(engine: sa.Engine, *, now: dt.datetime, label: str) -> Path | None:
    """Consistent copy of a SQLite file next to it, via ``VACUUM INTO``. Returns the path (None if not SQLite)."""
    path = sqlite_path(engine)
    if path is None or not path.exists():
        return None
    target = path.with_name(f"{path.stem}.backup-{label}-{now:%Y%m%dT%H%M%S}{path.suffix or '.sqlite'}")
    raw = engine.raw_connection()  # VACUUM can't run inside the transaction SQLAlchemy would open
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        raw.close()
    return target


def migrate(engine: sa.Engine, *, now: dt.datetime, target: str = "head") -> Path | None:
    """Bring the schema up to ``target``. Returns the backup path if one was made."""
    check_not_too_new(engine)
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    backup = None
    if current is not None:  # an existing database with data: back it up first
        backup = backup_sqlite(engine, now=now, label=f"rev{current}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
