"""AppTest helpers: every page test runs the real scripts against a temporary SQLite file."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent.parent


def app_test(script: str = "app.py", timeout: float = 60) -> AppTest:
    return AppTest.from_file(str(ROOT / script), default_timeout=timeout)
