"""Browser tests in real Chromium: skipped (with the reason) when /usr/bin/chromium or Playwright is absent.

Every test here is marked ``e2e``. One Chromium runs for the whole session; each test module starts its
own fresh ``streamlit run`` server(s). Screenshots of every step land in ``test-artifacts/e2e/``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tools.serve import CHROMIUM, CHROMIUM_ARGS, ROOT

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
_HERE = Path(__file__).resolve().parent
EXPECT_TIMEOUT_MS = 20_000


def _missing() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return f"browser tests need Chromium at {CHROMIUM} (Debian package 'chromium'); it is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need the 'playwright' Python package (requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(_HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)  # a loaded 2-core CI box runs a page in seconds, not ms
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Shots:
    """Numbered screenshots of every step of one test: test-artifacts/e2e/<module>/<test>/NN-step.png."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.n = 0

    def __call__(self, page, step: str, focus=None) -> Path:
        """Save a screenshot; ``focus`` (a locator) is scrolled into view first (Streamlit's main area
        scrolls inside its own container, so a full-page shot alone shows only the top)."""
        if focus is not None and focus.count():
            focus.first.scroll_into_view_if_needed()
        self.n += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.n:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower()).strip('-')}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shot(request) -> Shots:
    module = Path(str(request.node.fspath)).stem
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:80]
    return Shots(ARTIFACTS / module / name)
