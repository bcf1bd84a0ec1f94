"""Schema migrations (Alembic, in-process), run automatically at start.

- A SQLite file that already holds data is backed up with ``VACUUM INTO`` (a consistent copy made by
  SQLite itself, never a file copy) before any migration runs.
- A database stamped with a revision this code does not know was written by a newer Second Look: we
  refuse to touch it (:class:`SchemaTooNew`) rather than guess.
- Several servers starting at once: the upgrade runs inside one transaction that first takes a lock
  (Postgres advisory lock; SQLite's ``BEGIN IMMEDIATE``) and re-reads the revision, so only one of them
  migrates and the others see it done.
- Start-up cost: a database already at :data:`HEAD` is recognised with one plain query, without importing
  Alembic (≈0.2–1 s of imports on a cold server). A brand-new, empty database is built from the table
  definitions and stamped with :data:`HEAD` (Alembic's own recipe for "an up-to-date database from
  scratch"), also without Alembic. Tests keep :data:`HEAD` equal to Alembic's head and check that the
  migrations and the table definitions build the same schema.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from lib.errors import SchemaTooNew
from lib.storage.engine import sqlite_path

MIGRATIONS = Path(__file__).parent / "migrations"
HEAD = "0002"  # the newest revision in migrations/versions (checked by tests/lib/storage/test_migrations.py)
_PG_LOCK_KEY = 0x5EC0_1D  # arbitrary, fixed: "Second Look migrations"


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _read_revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return _read_revision(conn)


def check_not_too_new(engine: sa.Engine, current: str | None = None) -> None:
    current = current if current is not None else current_revision(engine)
    if current is not None and current != HEAD and current not in known_revisions():
        raise SchemaTooNew(
            f"This database was written by a newer version of Second Look (schema {current}); this "
            f"version only knows up to {HEAD}. Nothing was changed. Update the app to open it."
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


def _create_fresh(engine: sa.Engine) -> bool:
    """Build an empty database at HEAD from the table definitions. False if it isn't empty (then migrate)."""
    from lib.storage.tables import metadata

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        if sa.inspect(conn).get_table_names():
            return _read_revision(conn) == HEAD  # another server just built it, or an old schema: migrate
        metadata.create_all(conn)
        conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                             "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))
        conn.execute(sa.text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD})
    return True


def migrate(engine: sa.Engine, *, now: dt.datetime, target: str = "head") -> Path | None:
    """Bring the schema up to ``target``. Returns the backup path if one was made."""
    current = current_revision(engine)
    wanted = HEAD if target == "head" else target
    if current == wanted:
        return None  # the common case: nothing to do, Alembic never imported
    if current is None and wanted == HEAD and _create_fresh(engine):
        return None
    check_not_too_new(engine, current)
    backup = None
    if current is not None:  # an existing database with data: back it up first
        backup = backup_sqlite(engine, now=now, label=f"rev{current}")
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        if _read_revision(conn) == wanted:  # another server migrated while we waited for the lock
            return backup
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
