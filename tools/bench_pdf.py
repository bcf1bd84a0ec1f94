"""Benchmark the one-page PDF: build time against a bare one-page fpdf2 document, and file size.

Prints figures; it is not a test. Goals: the one-pager takes at most 5x the bare document's time (same
machine, same run, same embedded DejaVu Sans, PDF/A-2B in both) and weighs at most 150 KB.

    python tools/bench_pdf.py [--runs 10] [--paper a4|letter] [--out sample.pdf]
    python tools/bench_pdf.py --write-reference   # refresh tests/fixtures/onepager/sample_a4_50dpi.png
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fpdf import FPDF  # noqa: E402

from lib.onepager import render_onepager, sample_onepager_data  # noqa: E402
from lib.onepager.fonts import FAMILY, FONT_DIR, FONT_FILES  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
REFERENCE = ROOT / "tests" / "fixtures" / "onepager" / "sample_a4_50dpi.png"


def bare_document() -> bytes:
    pdf = FPDF(enforce_compliance="PDF/A-2B")
    pdf.add_font(FAMILY, "", str(FONT_DIR / FONT_FILES[""]))
    pdf.add_page()
    pdf.set_font(FAMILY, "", 11)
    pdf.cell(text="A bare page with one line of text \u2014 caf\u00e9.")
    return bytes(pdf.output())


def timed_pair(first, second, runs: int) -> tuple[float, bytes, float, bytes]:
    """Median times of two builders, run alternately so that machine load hits both alike."""
    times_a, times_b = [], []
    out_a = out_b = b""
    for _ in range(runs):
        start = time.perf_counter()
        out_a = first()
        times_a.append(time.perf_counter() - start)
        start = time.perf_counter()
        out_b = second()
        times_b.append(time.perf_counter() - start)
    return statistics.median(times_a), out_a, statistics.median(times_b), out_b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--out", type=Path, help="also write the sample one-pager here")
    parser.add_argument("--write-reference", action="store_true", help="refresh the visual-regression PNG")
    args = parser.parse_args(argv)

    data = sample_onepager_data(NOW.date())
    if args.write_reference:
        pdf = render_onepager(data, created_at=NOW)
        png = subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile"], input=pdf, capture_output=True,
                             check=True).stdout
        REFERENCE.write_bytes(png)
        print(f"wrote {REFERENCE.relative_to(ROOT)} ({len(png):,} bytes): look at it before committing")
        return 0

    bare_document()  # warm imports once for both
    render_onepager(data, paper=args.paper, created_at=NOW)
    bare_t, bare, full_t, full = timed_pair(
        bare_document, lambda: render_onepager(data, paper=args.paper, created_at=NOW), args.runs
    )
    ratio = full_t / bare_t
    print(f"runs: {args.runs} (median), paper: {args.paper}")
    print(f"bare one-page fpdf2 document (DejaVu Sans, PDF/A-2B): {bare_t * 1000:7.1f} ms  {len(bare) / 1024:6.1f} KB")
    print(f"sample one-pager:                                     {full_t * 1000:7.1f} ms  {len(full) / 1024:6.1f} KB")
    print(f"time ratio: {ratio:.2f}x (goal <= 5x) {'OK' if ratio <= 5 else 'OVER'}")
    print(f"file size: {len(full) / 1024:.1f} KB (goal <= 150 KB) {'OK' if len(full) <= 150 * 1024 else 'OVER'}")
    if args.out:
        args.out.write_bytes(full)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
