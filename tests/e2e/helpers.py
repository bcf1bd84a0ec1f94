"""What the browser tests share: new contexts that stay offline, waiting on Streamlit's own run state,
secrets files for hosted mode, and row counts straight from the database."""

from __future__ import annotations

import urllib.parse
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from tools.serve import wait_idle

VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_HOSTS = ("127.0.0.1", "localhost")

# Counts every change of the app's script state after it is armed: a rerun has started when it moves.
_ARM = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (window.__slObserver) window.__slObserver.disconnect();
  window.__slChanges = 0;
  window.__slObserver = new MutationObserver(ms => { window.__slChanges += ms.length; });
  window.__slObserver.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def _offline(route) -> None:
    host = urllib.parse.urlsplit(route.request.url).hostname or ""
    if host in LOCAL_HOSTS:
        route.continue_()
    else:  # the tests never reach the internet (the mock provider's page links a CDN stylesheet)
        route.abort()


@contextmanager
def new_page(browser, **kwargs):
    """A fresh browser context (own cookies = own person) with one page, closed afterwards."""
    context = browser.new_context(viewport=VIEWPORT, **kwargs)
    context.route("**/*", _offline)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page, url: str, timeout: float = 60_000) -> None:
    page.goto(url)
    wait_idle(page, timeout)


def rerun(page, action, timeout: float = 30_000) -> None:
    """Do ``action`` (a click, an upload, a key press) and wait until the script run it caused has finished."""
    page.evaluate(_ARM)
    action()
    page.wait_for_function("() => window.__slChanges > 0", timeout=timeout)
    wait_idle(page, timeout)


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def sidebar_text(page) -> str:
    side = page.locator("[data-testid='stSidebar']")
    return side.inner_text() if side.count() else ""


def write_secrets(folder: Path, *, auth: dict | None = None) -> Path:
    """A secrets file for one server: with ``auth``, hosted mode; without, an empty file (local mode)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secrets.toml"
    lines = []
    if auth:
        lines.append("[auth]")
        lines += [f'{k} = "{v}"' for k, v in auth.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


def row_counts(url: str) -> dict[str, int]:
    """Rows per table (every owner), read straight from the database the server uses."""
    from lib.storage import tables

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in tables.metadata.sorted_tables}
    finally:
        engine.dispose()
