"""Evaluate the job-description parser (:func:`lib.jd.parse_jd`) on text nobody on this project wrote.

    .venv/bin/python tools/eval_jd.py [--eval-dir /work/shared/eval] [--verbose]

Three parts, each printing its figures:

1. SkillSpan (``skillspan/``: 30 postings, one sentence per line, expert skill/knowledge span labels):
   *span recall* — share of labelled spans that fall inside an extracted requirement (goal ≥ 0.90);
   *unit precision* — share of extracted requirements holding at least one labelled span (goal ≥ 0.60;
   keeping every line scores about 0.27 by line). A span in a repeated line counts as covered when the
   first copy was extracted (the parser keeps a repeated requirement once).
2. Real JDs (``jd_documents/``): requirements per kind and gates per JD. ``.txt`` is read directly;
   ``.pdf``/``.docx`` go through :func:`lib.ingest.extract_text` when that module is present.
3. Must/nice accuracy on hand-labelled lines of shared plain-text JDs (labels in
   ``tools/eval_labels/*.json``: line number → expected kind, never the JD text), once with the headers
   as written and once with the header lines removed.

The evaluation data is not shipped with the product: when the folder is absent the command says so and
exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.jd import parse_jd  # noqa: E402

DEFAULT_DIR = Path("/work/shared/eval")
LABELS_DIR = ROOT / "tools" / "eval_labels"


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# ------------------------------------------------------------------ 1. SkillSpan


def _sentence_offsets(parsed_text: str, sentences: list[str]) -> list[int | None]:
    offsets: list[int | None] = []
    cursor = 0
    for sent in sentences:
        probe = unicodedata.normalize("NFC", sent).strip()
        at = parsed_text.find(probe, cursor) if probe else -1
        offsets.append(at if at >= 0 else None)
        if at >= 0:
            cursor = at + len(probe)
    return offsets


def eval_skillspan(folder: Path, verbose: bool) -> dict[str, float]:
    files = sorted(folder.glob("*.labels.json"))
    total_spans = covered = units = useful_units = 0
    line_units = line_useful = 0
    missed: list[str] = []
    wasted: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = [s["text"] for s in data["sentences"]]
        parsed = parse_jd("\n".join(sentences))
        reqs = parsed.requirements
        offsets = _sentence_offsets(parsed.text, sentences)
        label_ranges: list[tuple[int, int]] = []
        for sent, off in zip(data["sentences"], offsets, strict=True):
            spans = sent["skill_spans"] + sent["knowledge_spans"]
            line_units += 1
            line_useful += bool(spans)
            for span in spans:
                total_spans += 1
                hit = False
                if off is not None:
                    rel = unicodedata.normalize("NFC", sent["text"]).strip().find(unicodedata.normalize("NFC", span))
                    if rel >= 0:
                        a, b = off + rel, off + rel + len(span)
                        label_ranges.append((a, b))
                        hit = any(r.span[0] <= a and b <= r.span[1] for r in reqs)
                if not hit:  # a repeated line kept once: covered if an extracted copy holds the span
                    line = _collapse(sent["text"])
                    hit = any(_collapse(span) in r.text and r.text in line for r in reqs)
                covered += hit
                if not hit:
                    missed.append(f"{path.name[15:-12]}: [{span}] in: {sent['text'][:120]}")
        for r in reqs:
            units += 1
            ok = any(r.span[0] <= a and b <= r.span[1] for a, b in label_ranges)
            useful_units += ok
            if not ok:
                wasted.append(f"{path.name[15:-12]}: {r.kind.value[:4]} {r.text[:120]}")
    elapsed = time.perf_counter() - t0
    recall = covered / total_spans if total_spans else 0.0
    precision = useful_units / units if units else 0.0
    print(f"SkillSpan: {len(files)} postings, {line_units} lines, {total_spans} labelled spans "
          f"({elapsed:.2f} s)")
    print(f"  span recall     {recall:.3f}  ({covered}/{total_spans})   goal >= 0.90")
    print(f"  unit precision  {precision:.3f}  ({useful_units}/{units})   goal >= 0.60")
    print(f"  baseline 'every line': recall 1.000, precision {line_useful / line_units:.3f}")
    if verbose:
        print("  -- missed spans:")
        for m in missed:
            print("   ", m)
        print("  -- units without a labelled span:")
        for w in wasted:
            print("   ", w)
    return {"recall": recall, "precision": precision}


# ------------------------------------------------------------------ 2. real JDs


def _read_document(path: Path) -> str | None:
    if path.suffix.lower() == ".txt":
        return path.read_text(encoding="utf-8", errors="replace")
    try:
        from lib.ingest import extract_text
    except ImportError:
        return None
    try:
        result = extract_text(path.read_bytes(), path.name)
    except Exception as exc:  # an evaluation run reports and moves on
        print(f"  {path.name}: extraction failed ({type(exc).__name__}: {exc})")
        return None
    return result if isinstance(result, str) else getattr(result, "text", str(result))


def eval_documents(folder: Path, verbose: bool) -> None:
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".txt", ".pdf", ".docx"))
    print(f"Real JDs: {len(paths)} files in {folder}")
    print(f"  {'file':42} {'must':>4} {'nice':>4} {'resp':>4} {'gates':>5}  gate kinds")
    skipped = 0
    totals: Counter[str] = Counter()
    for path in paths:
        text = _read_document(path)
        if text is None:
            skipped += 1
            continue
        parsed = parse_jd(text)
        kinds = Counter(r.kind.value for r in parsed.requirements)
        totals.update(kinds)
        gate_kinds = ", ".join(f"{g.kind.value}={g.value}" for g in parsed.gates)
        name = str(path.relative_to(folder))[:42]
        print(f"  {name:42} {kinds['must']:4} {kinds['nice']:4} {kinds['responsibility']:4} "
              f"{len(parsed.gates):5}  {gate_kinds[:90]}")
        if verbose:
            for r in parsed.requirements:
                print(f"      {r.kind.value[:4]} {r.text[:110]}")
    if skipped:
        print(f"  ({skipped} pdf/docx files skipped: lib.ingest.extract_text is not available)")
    print(f"  totals: must {totals['must']}, nice {totals['nice']}, responsibility {totals['responsibility']}")


# ------------------------------------------------------------------ 3. must/nice accuracy


def _line_kinds(text: str, line_numbers: list[int]) -> dict[int, str]:
    """Predicted kind of each (1-based) line: the kind of the requirement covering most of it, else drop."""
    parsed = parse_jd(text)
    starts, pos = [], 0
    lines = parsed.text.split("\n")
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    # map original line numbers onto normalised lines by content
    orig = text.replace("\r\n", "\n").split("\n")
    out: dict[int, str] = {}
    cursor = 0
    for n in line_numbers:
        line = unicodedata.normalize("NFC", orig[n - 1]).strip()
        at = parsed.text.find(line[:60], cursor) if line else -1
        if at < 0:
            out[n] = "missing"
            continue
        a, b = at, at + len(line)
        best, best_len = "drop", 0
        for r in parsed.requirements:
            overlap = min(b, r.span[1]) - max(a, r.span[0])
            if overlap > best_len:
                best, best_len = r.kind.value, overlap
        out[n] = best
    return out


def _strip_headers(text: str, header_lines: list[int]) -> str:
    """Blank the header lines; for an inline header ("Requirements: 4+ years …") remove only the header."""
    lines = text.replace("\r\n", "\n").split("\n")
    for n in header_lines:
        head, colon, rest = lines[n - 1].partition(":")
        lines[n - 1] = rest.strip() if colon and rest.strip() else ""
    return "\n".join(lines)


def eval_accuracy(folder: Path, verbose: bool) -> None:
    label_files = sorted(LABELS_DIR.glob("*.json"))
    if not label_files:
        print("Must/nice accuracy: no label files in tools/eval_labels/")
        return
    print("Must/nice accuracy on hand-labelled lines (kinds: must, nice, responsibility, drop)")
    grand = Counter()
    for lf in label_files:
        spec = json.loads(lf.read_text(encoding="utf-8"))
        path = folder / spec["file"]
        if not path.exists():
            print(f"  {spec['file']}: not found, skipped")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        labels = {int(k): v for k, v in spec["lines"].items()}
        headers = [int(n) for n in spec.get("headers", [])]
        for mode, body in (("with headers", text), ("headers stripped", _strip_headers(text, headers))):
            pred = _line_kinds(body, sorted(labels))
            right = sum(pred[n] == labels[n] for n in labels)
            req_lines = [n for n in labels if labels[n] in ("must", "nice")]
            mn_right = sum(pred[n] == labels[n] for n in req_lines)
            grand[(mode, "right")] += right
            grand[(mode, "all")] += len(labels)
            grand[(mode, "mn_right")] += mn_right
            grand[(mode, "mn_all")] += len(req_lines)
            print(f"  {spec['file']:34} {mode:17} all lines {right:3}/{len(labels):3} = {right / len(labels):.2f}"
                  f"   must/nice lines {mn_right:3}/{len(req_lines):3}"
                  f" = {mn_right / max(1, len(req_lines)):.2f}")
            if verbose:
                for n in sorted(labels):
                    if pred[n] != labels[n]:
                        print(f"      line {n}: expected {labels[n]}, got {pred[n]}")
    for mode in ("with headers", "headers stripped"):
        print(f"  overall {mode:17} all lines {grand[(mode, 'right')] / max(1, grand[(mode, 'all')]):.2f}"
              f"   must/nice lines {grand[(mode, 'mn_right')] / max(1, grand[(mode, 'mn_all')]):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--only", choices=("skillspan", "documents", "accuracy"))
    args = ap.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"Evaluation data not found at {args.eval_dir}: nothing to evaluate (it is not shipped "
              "with the product). Skipping.")
        return 0
    if args.only in (None, "skillspan"):
        if (args.eval_dir / "skillspan").is_dir():
            eval_skillspan(args.eval_dir / "skillspan", args.verbose)
        else:
            print("SkillSpan folder absent: skipped.")
    if args.only in (None, "documents"):
        if (args.eval_dir / "jd_documents").is_dir():
            eval_documents(args.eval_dir / "jd_documents", args.verbose)
        else:
            print("jd_documents folder absent: skipped.")
    if args.only in (None, "accuracy"):
        eval_accuracy(args.eval_dir / "jd_documents", args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
