"""Benchmark first-time gap scoring of a whole workspace (prints figures; not a test).

    .venv/bin/python tools/bench_scoring.py [--scales 1 10] [--encoder minilm|tfidf] [--old-sample 8]

For each scale of the demo workspace (``lib.demo.demo_data(scale=N)``: N×10 interviews, N×200 evidence
items, N×100 script questions) the stored evidence vectors are computed first (not timed: the pages read
them back from storage), then, in the same process:

- new: :func:`lib.analysis.score_workspace` — one :class:`~lib.matching.index.EvidenceIndex` for the bank,
  every requirement and answer text encoded once;
- old: :func:`lib.analysis.score_one` per interview without an index — the bank's side (unit terms,
  n-grams, content words, vectors) and the requirement encodings redone for every interview, as the
  scorer did before the index. On all interviews, or on the first ``--old-sample`` (date order) and
  extrapolated to all;
- the ratio old / new, wall and CPU seconds, and whether both paths gave equal scores where both ran.

The one-off imports (scikit-learn, SciPy, the gazetteer) are timed separately and excluded: a server
process pays them once. On a busy machine the wall time can be far above the CPU time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 25)


def _clock():
    return time.perf_counter(), time.process_time()


def _since(t) -> tuple[float, float]:
    return time.perf_counter() - t[0], time.process_time() - t[1]


def bench(scale: int, loaded, old_sample: int | None) -> dict:
    from lib import analysis
    from lib.demo import demo_data

    data, _ = demo_data(today=TODAY, scale=scale)
    enc = loaded.encoder
    vectors = None
    if enc.cacheable:
        stored = analysis.compute_many_unit_vectors(data.evidence, loaded)
        vectors = analysis.unit_vectors_from_stored(data.evidence, stored, enc.model_id)
    t = _clock()
    new = analysis.score_workspace(data, loaded, unit_vectors=vectors, today=TODAY)
    new_wall, new_cpu = _since(t)
    ids = list(new)
    sample = ids if not old_sample or old_sample >= len(ids) else ids[:old_sample]
    t = _clock()
    old = {i: analysis.score_one(data, i, loaded, unit_vectors=vectors, today=TODAY) for i in sample}
    old_wall, old_cpu = _since(t)
    factor = len(ids) / len(sample)
    return {"scale": scale, "interviews": len(ids), "evidence": len(data.evidence),
            "questions": len(data.script_items), "new_wall": new_wall, "new_cpu": new_cpu,
            "old_wall": old_wall * factor, "old_cpu": old_cpu * factor, "old_measured": len(sample),
            "equal": all(old[i] == new[i] for i in sample)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    ap.add_argument("--encoder", choices=["minilm", "tfidf"], default="minilm")
    ap.add_argument("--old-sample", type=int, default=8,
                    help="interviews scored the old way at scales above 1 (0: all of them)")
    args = ap.parse_args(argv)

    t = _clock()
    import sklearn.feature_extraction.text  # noqa: F401  (the hashed n-grams)
    import sklearn.preprocessing  # noqa: F401

    from lib.matching.embedder import load_encoder
    from lib.matching.terms import load_lexicon

    load_lexicon()
    wall, _ = _since(t)
    t = _clock()
    loaded = load_encoder(args.encoder)
    load_wall, _ = _since(t)
    if loaded.fallback_reason:
        print(f"model unavailable, using the fallback: {loaded.fallback_reason}")
    print(f"encoder {loaded.encoder.model_id}; one-off imports {wall:.2f} s, model load {load_wall:.2f} s "
          "(excluded below)")
    for scale in args.scales:
        r = bench(scale, loaded, args.old_sample if scale > 1 else 0)
        how = ("all measured" if r["old_measured"] == r["interviews"]
               else f"{r['old_measured']} measured, extrapolated")
        print(f"x{r['scale']} ({r['interviews']} interviews, {r['evidence']} evidence items, {r['questions']} "
              f"questions), first scoring of every interview, vectors stored:")
        print(f"  new (one index):       {r['new_wall']:7.2f} s wall, {r['new_cpu']:7.2f} s CPU")
        print(f"  old (per interview):   {r['old_wall']:7.2f} s wall, {r['old_cpu']:7.2f} s CPU  ({how})")
        print(f"  ratio old / new:       {r['old_wall'] / r['new_wall']:7.1f}x wall, "
              f"{r['old_cpu'] / max(r['new_cpu'], 1e-9):.1f}x CPU; equal scores: {r['equal']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
