"""Warm page timings at demo ×1 and ×10, measured in one run (a command that prints figures, not a test).

    python tools/bench_pages.py [--runs 9] [--tfidf] [page ...]

Loads the demo workspace at ×1 and at ×10 (``lib.demo.load_demo(..., scale=10)``) into two temporary
SQLite files. Then, with Streamlit's AppTest in this one process, for each page: one session per database
runs the page once to warm it (the first run pays for caches: scores, vectors, the model), then the two
sessions take turns for ``--runs`` timed script runs each (×1, ×10, ×1, ×10, …), so a burst of load from
other processes hits both sides alike. Prints the median per page at ×1 and ×10 and their ratio. Goal:
ratio ≤ 2.0 on every page. Each run is pointed at its database with ``SECONDLOOK_DATABASE_URL`` (the
engine and every per-user cache are keyed by that URL, so the two sessions never share data).
``--tfidf`` swaps the sentence model for the TF-IDF fallback (faster warm-up, same page code).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.demo import load_demo  # noqa: E402
from lib.settings import LOCAL_OWNER  # noqa: E402
from lib.storage import open_store  # noqa: E402
from lib.ui.nav import available_pages  # noqa: E402

GOAL_RATIO = 2.0
WARM_TIMEOUT = 1800.0


def _seed(path: Path, scale: int) -> tuple[str, float]:
    url = f"sqlite:///{path}"
    now = dt.datetime.now(dt.UTC)
    t = time.perf_counter()
    engine = open_store(url, now=now)
    load_demo(engine, LOCAL_OWNER, today=now.date(), now=now, scale=scale)
    engine.dispose()
    return url, time.perf_counter() - t


def _session(script: str, url: str):
    """A warmed AppTest session on ``script`` against ``url``: (session, warm-up seconds, error)."""
    from streamlit.testing.v1 import AppTest

    os.environ["SECONDLOOK_DATABASE_URL"] = url
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=WARM_TIMEOUT)
    at.run()
    t = time.perf_counter()
    if script != "pages/home.py":
        at.switch_page(script).run()
    warm_up = time.perf_counter() - t
    return at, warm_up, (str(at.exception[0].value)[:80] if at.exception else None)


def _time_page(script: str, urls: dict[int, str], runs: int) -> dict[int, tuple[float, float, str | None]]:
    """Per scale: (warm-up seconds, median warm ms, error), the scales' runs interleaved."""
    sessions = {scale: _session(script, url) for scale, url in urls.items()}
    samples: dict[int, list[float]] = {scale: [] for scale in urls}
    for _ in range(runs):
        for scale, (at, _, err) in sessions.items():
            if err:
                continue
            os.environ["SECONDLOOK_DATABASE_URL"] = urls[scale]
            t = time.perf_counter()
            at.run()
            samples[scale].append((time.perf_counter() - t) * 1000)
    return {scale: (warm_up, statistics.median(samples[scale]) if samples[scale] else float("nan"), err)
            for scale, (_, warm_up, err) in sessions.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", help="page slugs (default: all)")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--tfidf", action="store_true", help="use the TF-IDF fallback instead of the model")
    args = ap.parse_args(argv)
    if args.tfidf:
        from lib.matching import embedder
        from lib.ui import analysis_ui

        analysis_ui.load_encoder = lambda: embedder.load_encoder("tfidf")
    pages = [p[0] for p in available_pages() if not args.pages or Path(p[0]).stem in args.pages]
    results: dict[str, dict[int, tuple[float, float, str | None]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        urls = {}
        for scale in (1, 10):
            urls[scale], seed_s = _seed(Path(tmp) / f"x{scale}.sqlite", scale)
            print(f"×{scale}: demo loaded in {seed_s:.1f} s", flush=True)
        for script in pages:
            results[script] = _time_page(script, urls, args.runs)
            for scale, (warm_up, ms, err) in results[script].items():
                print(f"  {Path(script).stem:<10} ×{scale:<2} first run {warm_up:7.1f} s, warm median {ms:8.1f} ms"
                      + (f"  ERROR {err}" if err else ""), flush=True)
    print(f"\n{'page':<10} {'×1 ms':>9} {'×10 ms':>9} {'ratio':>6}  (warm median of {args.runs}; goal ≤ {GOAL_RATIO})")
    worst = 0.0
    for script in pages:
        a, b = results[script][1][1], results[script][10][1]
        ratio = b / a if a and a == a and b == b else float("nan")
        worst = max(worst, ratio) if ratio == ratio else worst
        flag = "" if ratio <= GOAL_RATIO else "  MISSES"
        print(f"{Path(script).stem:<10} {a:9.1f} {b:9.1f} {ratio:6.2f}{flag}")
    print(f"worst ratio {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
