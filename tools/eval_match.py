"""Evaluate the matcher on ESCO skill linking (MRR and recall@5 on TECH, HOUSE and TECHWOLF).

    .venv/bin/python tools/eval_match.py [--eval-dir /work/shared/eval/esco_linking] [--cache DIR]
                                         [--calibration]

Each query (a span from a job ad for TECH and HOUSE, a whole sentence for TECHWOLF) is ranked against the
13,895 ESCO preferred skill labels; a query may have several correct labels (the first one found counts).
Rows labelled "LABEL NOT PRESENT" / "UNDERSPECIFIED" are left out. Methods compared in one run:

- ``tfidf``: character 3–5-gram TF-IDF (our hashed fallback, IDF fitted on the labels);
- ``minilm``: the int8 MiniLM embedder; ``fusion-0.7``: 0.7·MiniLM + 0.3·TF-IDF (the reference baseline);
- ``ours``: :func:`lib.matching.similarity.fused_matrix` — the fusion the scorer uses: 0.75·MiniLM cosine
  of the raw text + 0.15·char TF-IDF of the cleaned query (:func:`~lib.matching.similarity.clean_query`)
  + 0.10·word overlap (share of the label's content words found in the query).

Ties share their average rank (a flat score gets no credit for ties). The fusion weights were chosen on
these same three sets from a coarse grid (not a held-out split): treat the gain as indicative.

``--calibration`` also prints the cosine distribution of true pairs vs random pairs (used for the
coverage thresholds in ``lib.matching.similarity``). The evaluation data is not shipped with the product:
when the folder is absent the command says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.matching.embedder import TfidfEncoder, load_encoder  # noqa: E402
from lib.matching.similarity import clean_query, fused_matrix, term_overlap_matrix  # noqa: E402

DEFAULT_DIR = Path("/work/shared/eval/esco_linking")
SETS = {"TECH": ("tech_test_annotations.csv", "span"), "HOUSE": ("house_test_annotations.csv", "span"),
        "TECHWOLF": ("techwolf_test_annotations.csv", "sentence")}


def load_set(folder: Path, name: str, labels: set[str]) -> list[tuple[str, set[str]]]:
    fname, col = SETS[name]
    queries: dict[str, set[str]] = defaultdict(set)
    with open(folder / fname, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            label = row["label"].strip()
            if label in labels:
                queries[row[col].strip()].add(label)
    return sorted(queries.items())


def metrics(sim: np.ndarray, gold: list[set[int]]) -> tuple[float, float]:
    rr, hit5 = [], []
    for i, g in enumerate(gold):
        row = sim[i]
        best_gold = max(row[j] for j in g)
        # ties share the average rank (a flat score must not get credit for ties)
        rank = int((row > best_gold).sum()) + 1 + (int((row == best_gold).sum()) - 1) / 2
        rr.append(1.0 / rank)
        hit5.append(1.0 if rank <= 5 else 0.0)
    return float(np.mean(rr)), float(np.mean(hit5))


def cached_encode(encoder, texts: list[str], cache: Path | None, name: str) -> np.ndarray:
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        f = cache / f"{name}-{encoder.model_id}-{len(texts)}.npy"
        if f.exists():
            return np.load(f)
        v = encoder.encode(texts)
        np.save(f, v)
        return v
    return encoder.encode(texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep label vectors between runs")
    ap.add_argument("--calibration", action="store_true")
    args = ap.parse_args(argv)
    folder = args.eval_dir
    if not (folder / "skills_en_label.txt").is_file():
        print(f"ESCO linking data not found in {folder}: evaluation skipped.")
        return 0
    labels = [line.strip() for line in (folder / "skills_en_label.txt").read_text(encoding="utf-8").splitlines()]
    labels = list(dict.fromkeys(x for x in labels if x))
    index = {lab: i for i, lab in enumerate(labels)}
    loaded = load_encoder()
    if loaded.fallback_reason:
        print(f"warning: {loaded.fallback_reason}")
    enc = loaded.encoder
    t0 = time.perf_counter()
    label_vecs = cached_encode(enc, labels, args.cache, "labels")
    print(f"encoded {len(labels)} labels in {time.perf_counter() - t0:.1f} s ({enc.model_id})")
    tfidf = TfidfEncoder(n_features=2**18).fitted(labels)
    label_sparse = tfidf.encode_sparse(labels)
    print(f"{'set':9} {'n':>4}  " + "  ".join(f"{m:>17}" for m in ("tfidf", "minilm", "fusion-0.7", "ours")))
    for name in SETS:
        data = load_set(folder, name, set(labels))
        queries = [q for q, _ in data]
        gold = [{index[g] for g in gs} for _, gs in data]
        qv = enc.encode(queries)
        sem = qv @ label_vecs.T
        lex = (tfidf.encode_sparse(queries) @ label_sparse.T).toarray()
        cleaned = [clean_query(q) for q in queries]
        lex_clean = (tfidf.encode_sparse(cleaned) @ label_sparse.T).toarray()
        overlap = term_overlap_matrix(cleaned, labels)
        ours = fused_matrix(sem, lex_clean, overlap)
        results = {
            "tfidf": metrics(lex, gold),
            "minilm": metrics(sem, gold),
            "fusion-0.7": metrics(0.7 * sem + 0.3 * lex, gold),
            "ours": metrics(ours, gold),
        }
        print(f"{name:9} {len(data):>4}  " + "  ".join(f"MRR {m:.3f} R@5 {r:.2f}" for m, r in results.values()))
        if args.calibration:
            rng = np.random.default_rng(0)
            qi, li = rng.integers(0, len(queries), 5000), rng.integers(0, len(labels), 5000)
            for what, m in (("cosine", sem), ("fused ", ours), ("tfidf ", lex)):
                true = np.array([m[i, j] for i, g in enumerate(gold) for j in g])
                rand = m[qi, li]
                print(f"  {what} true pairs: p10 {np.percentile(true, 10):.2f} median {np.median(true):.2f} "
                      f"p90 {np.percentile(true, 90):.2f} | random pairs: median {np.median(rand):.2f} "
                      f"p90 {np.percentile(rand, 90):.2f} p99 {np.percentile(rand, 99):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
