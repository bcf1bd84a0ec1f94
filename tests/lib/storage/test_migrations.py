import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lib import models as m
from lib.errors import SchemaTooNew
from lib.storage import make_engine, migrate, repo
from lib.storage.migrate import current_revision, head_revision
from lib.storage.tables import metadata
from tests.conftest import NOW


def test_a_new_database_matches_the_tables(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []
    assert current_revision(engine) == head_revision()


def test_alembic_migrations_from_empty_build_the_same_schema(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'via-alembic.sqlite'}")
    migrate(engine, now=NOW, target="0001")  # an explicit target always goes through Alembic
    migrate(engine, now=NOW)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == [] and current_revision(engine) == head_revision()


def test_upgrade_from_previous_revision_keeps_every_row_and_backs_up_first(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    migrate(engine, now=NOW, target="0001")
    ev = repo.add(engine, "alice", m.Evidence(kind="story", title="Old story", result="Saved 10 hours"), now=NOW)
    iv = repo.add(engine, "alice", m.Interview(company="A", role="B", interview_date=dt.date(2026, 3, 1)), now=NOW)
    q = repo.add(engine, "alice", m.ScriptItem(interview_id=iv.id, question="Why us?", rating=2), now=NOW)

    backup = migrate(engine, now=NOW)
    assert current_revision(engine) == head_revision()
    assert repo.list_all(engine, "alice", m.Evidence) == [ev]
    assert repo.list_all(engine, "alice", m.Interview) == [iv]
    assert repo.list_all(engine, "alice", m.ScriptItem) == [q]
    # the backup is a consistent SQLite database at the old revision with the same rows
    assert backup is not None and backup.exists()
    old = make_engine(f"sqlite:///{backup}")
    assert current_revision(old) == "0001"
    assert [e.title for e in repo.list_all(old, "alice", m.Evidence)] == ["Old story"]
    # the new tables work after the upgrade
    repo.add(engine, "alice", m.Contact(interview_id=iv.id, name="Dana"), now=NOW)


def test_migrating_twice_is_a_no_op(file_engine):
    assert migrate(file_engine, now=NOW) is None


def test_database_from_a_newer_version_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    engine = make_engine(url)
    migrate(engine, now=NOW)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="newer version"):
        migrate(engine, now=NOW)


def test_sqlite_pragmas(file_engine):
    with file_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_head_constant_matches_alembic():
    from lib.storage.migrate import HEAD

    assert HEAD == head_revision()


def test_migrations_race_on_one_database_is_safe(engine):
    """Servers starting at once on an empty database: one migrates, the others find the work done."""
    import threading

    from lib.storage.migrate import current_revision as rev

    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE alembic_version"))
    assert rev(engine) is None
    errors = []

    def run():
        try:
            migrate(engine, now=NOW)
        except Exception as exc:  # noqa: BLE001 - collected and asserted
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and rev(engine) == head_revision()
