"""Run :func:`lib.ingest.extract_text` on every real job description in the evaluation folder.

    .venv/bin/python tools/eval_extract.py [--eval-dir /work/shared/eval] [--show NAME]

Prints, per file: the kind detected from the bytes, characters extracted, seconds (wall clock, including
the parser process), lines re-joined (PDF only) and any warning or refusal; then the totals. ``--show``
prints the extracted text of the files whose name contains NAME.

The evaluation data is not shipped with the product: when the folder is absent the command says so and
exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.errors import UploadRefused  # noqa: E402
from lib.ingest import extract_text  # noqa: E402

DEFAULT_DIR = Path("/work/shared/eval")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show", default="", help="print the text of files whose name contains this")
    args = parser.parse_args(argv)
    folder = args.eval_dir / "jd_documents"
    if not folder.is_dir():
        print(f"Skipped: {folder} is absent (the evaluation corpus is not shipped with Second Look).")
        return 0
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    print(f"{'file':48} {'kind':4} {'chars':>7} {'secs':>6} {'rejoined':>8}  notes")
    totals = {"files": 0, "chars": 0, "seconds": 0.0, "rejoined": 0, "refused": 0}
    by_kind: dict[str, int] = {}
    shown = []
    for path in files:
        name = str(path.relative_to(folder))
        start = time.monotonic()
        try:
            out = extract_text(path.read_bytes(), path.name)
        except UploadRefused as err:
            secs = time.monotonic() - start
            totals["refused"] += 1
            print(f"{name[:48]:48} {'-':4} {0:>7} {secs:>6.2f} {0:>8}  REFUSED: {err}")
            continue
        secs = time.monotonic() - start
        totals["files"] += 1
        totals["chars"] += len(out.text)
        totals["seconds"] += secs
        totals["rejoined"] += out.rejoined_lines
        by_kind[out.kind] = by_kind.get(out.kind, 0) + 1
        notes = "; ".join(out.warnings)
        print(f"{name[:48]:48} {out.kind:4} {len(out.text):>7} {secs:>6.2f} {out.rejoined_lines:>8}  {notes}")
        if args.show and args.show.lower() in name.lower():
            shown.append((name, out.text))
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items()))
    print(f"\nTotal: {totals['files']} read ({kinds}), {totals['refused']} refused, "
          f"{totals['chars']:,} characters, {totals['rejoined']:,} lines re-joined, "
          f"{totals['seconds']:.2f} s (mean {totals['seconds'] / max(totals['files'], 1):.2f} s per file)")
    for name, text in shown:
        print(f"\n===== {name}\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
