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
  return window.__slFinished || 0;
}"""

# On a starved machine the browser may take a run's first and last messages in one turn and React then
# renders only the final state: the attribute never moves. So the page also counts the server's
# "script finished" messages (ForwardMsg field 6) as they arrive on the WebSocket.
_COUNT_FINISHED = """(() => {
  window.__slFinished = 0;
  const Native = window.WebSocket;
  const varint = (b, i) => { let v = 0, s = 0, x; do { x = b[i++]; v += (x & 0x7f) * 2 ** s; s += 7; }
                             while (x & 0x80); return [v, i]; };
  const scan = (buf) => {
    const b = new Uint8Array(buf); let i = 0, t, n;
    while (i < b.length) {
      [t, i] = varint(b, i);
      const field = Math.floor(t / 8), wire = t & 7;
      if (field === 6 && wire === 0) { window.__slFinished++; return; }
      if (wire === 0) { [, i] = varint(b, i); } else if (wire === 2) { [n, i] = varint(b, i); i += n; }
      else if (wire === 1) { i += 8; } else if (wire === 5) { i += 4; } else { return; }
    }
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => { if (e.data instanceof ArrayBuffer) { try { scan(e.data); } catch (err) {} } });
    }
  };
})();"""
_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


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
    context.add_init_script(_COUNT_FINISHED)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page, url: str, timeout: float = 60_000) -> None:
    page.goto(url)
    wait_idle(page, timeout)


def rerun(page, action, timeout: float = 30_000) -> None:
    """Do ``action`` (a click, an upload, a key press) and wait until the script run it caused has finished."""
    finished = page.evaluate(_ARM)
    action()
    page.wait_for_function(f"() => window.__slChanges > 0 || window.__slFinished > {finished}", timeout=timeout)
    page.evaluate(_TWO_FRAMES)  # let the frontend apply what it received before we look
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
