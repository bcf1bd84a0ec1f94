"""Screenshots of every page (demo workspace) into test-artifacts/shots/: `python tools/shots.py [page ...]`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.ui.nav import available_pages  # noqa: E402
from tools.serve import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server, wait_idle  # noqa: E402


def main(names: list[str]) -> None:
    out = ROOT / "test-artifacts" / "shots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(f"sqlite:///{tmp}/shots.sqlite") as base:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(base + "/")  # run app.py once so st.navigation (not the legacy pages/ menu) is in charge
            wait_idle(page)
            for script, *_ in available_pages():
                slug = Path(script).stem
                if names and slug not in names:
                    continue
                url = base + ("/" if slug == "home" else f"/{slug}")
                page.goto(url)
                wait_idle(page)
                page.screenshot(path=str(out / f"{slug}.png"), full_page=True)
                print(out / f"{slug}.png")
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
