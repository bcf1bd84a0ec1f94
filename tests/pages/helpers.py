"""AppTest helpers: every page test runs the real scripts against a temporary SQLite file."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent.parent


def app_test(script: str = "app.py", timeout: float = 60) -> AppTest:
    return AppTest.from_file(str(ROOT / script), default_timeout=timeout)


def open_page(script: str) -> AppTest:
    """Run the app (the demo workspace is seeded), then switch to ``script``; fail on an exception."""
    at = app_test().run()
    at.switch_page(script).run()
    assert not at.exception, at.exception
    return at


def store_engine(url: str):
    import datetime as dt

    from lib.storage import open_store

    return open_store(url, now=dt.datetime.now(dt.UTC))


def interview_named(engine, company: str, owner: str = "local"):
    from lib import models as m
    from lib.storage import repo

    return next(iv for iv in repo.list_all(engine, owner, m.Interview) if iv.company == company)


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}: {[b.label for b in at.button]}"
    return found[0]
