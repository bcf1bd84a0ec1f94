"""Issue 8.7 — two app servers (replicas) on one Postgres database: a change made through one server is
seen by a person on the other at their next interaction (the per-user cache is keyed by the workspace's
data version, which lives in the database)."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from lib.demo import read_demo
from tests.conftest import PG_ADMIN_URL, _pg_available
from tests.e2e.helpers import new_page, open_page, rerun, row_counts, sidebar_text, write_secrets
from tools.serve import streamlit_process, wait_idle

NEW_TITLE = "Mentored two junior analysts through their first audit"


@contextmanager
def fresh_database():
    """A fresh Postgres database of our own (the servers seed it; other suites never see it)."""
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"sl_e2e_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def pg_database(browser):
    with fresh_database() as url:
        yield url


@pytest.fixture(scope="module")
def two_servers(pg_database, tmp_path_factory):
    secrets = write_secrets(tmp_path_factory.mktemp("two") / "s")  # local mode, whatever the developer has
    with streamlit_process(pg_database, secrets_file=secrets) as a, \
            streamlit_process(pg_database, secrets_file=secrets) as b:
        yield a, b, pg_database


def metric(page, label: str) -> str:
    box = page.get_by_test_id("stMetric").filter(has_text=label)
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def nav(page, title: str) -> None:
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click())


def test_a_change_through_one_server_is_seen_through_the_other(browser, two_servers, shot):
    a, b, url = two_servers
    n_demo = len(read_demo().data.evidence)
    with new_page(browser) as on_b, new_page(browser) as on_a:
        open_page(on_b, b.base + "/")
        shot(on_b, "server B home with the demo")
        assert metric(on_b, "Evidence items") == str(n_demo)
        assert "Demo data" in sidebar_text(on_b)

        open_page(on_a, a.base + "/")
        assert metric(on_a, "Evidence items") == str(n_demo)  # same database, seeded once
        on_a.get_by_text("Start my own workspace").first.click()
        rerun(on_a, lambda: on_a.get_by_text("Yes, remove the demo data").click())
        rerun(on_a, lambda: on_a.get_by_role("button", name="Start my own workspace").click())
        shot(on_a, "server A cleared the demo")
        expect(on_a.get_by_test_id("stMetric").filter(has_text="Evidence items")
               .get_by_test_id("stMetricValue")).to_have_text("0")
        assert row_counts(url)["evidence"] == 0

        nav(on_b, "Evidence bank")  # B's next interactions: another page, then Home again
        nav(on_b, "Home")
        shot(on_b, "server B after the change on A")
        assert metric(on_b, "Evidence items") == "0"
        assert "Demo data" not in sidebar_text(on_b)

        nav(on_b, "Evidence bank")  # and the other way round: add an item through B ...
        form = on_b.get_by_test_id("stForm").filter(has_text="Add an item")
        form.get_by_label("Title").fill(NEW_TITLE)
        rerun(on_b, lambda: form.get_by_role("button", name="Add").click())
        shot(on_b, "server B added an item")
        assert row_counts(url)["evidence"] == 1

        nav(on_a, "Evidence bank")  # ... and A shows it on its next run
        shot(on_a, "server A sees the new item")
        expect(on_a.get_by_text("Showing 1 of 1 items")).to_be_visible()
    assert a.healthy() and b.healthy()


def test_first_requests_to_two_servers_at_the_same_moment_both_show_home(browser, tmp_path, shot):
    secrets = write_secrets(tmp_path / "s")
    with fresh_database() as url, streamlit_process(url, secrets_file=secrets) as a, \
            streamlit_process(url, secrets_file=secrets) as b, \
            new_page(browser) as on_a, new_page(browser) as on_b:
        on_a.goto(a.base + "/", wait_until="commit")  # both scripts start before either finishes
        on_b.goto(b.base + "/", wait_until="commit")
        for name, page in (("A", on_a), ("B", on_b)):
            wait_idle(page, 60_000)
            shot(page, f"server {name} first request")
        counts = row_counts(url)
        for page in (on_a, on_b):
            assert not page.get_by_test_id("stException").count()
            assert not page.get_by_test_id("stAlertContentError").count()
            assert metric(page, "Evidence items") == str(len(read_demo().data.evidence))
        assert counts["workspaces"] == 1 and counts["evidence"] == len(read_demo().data.evidence)
