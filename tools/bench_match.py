"""Benchmark the matcher: 50 requirements × 500 evidence units (prints figures; not a test).

    .venv/bin/python tools/bench_match.py [--reqs 50] [--units 500] [--repeat 3]

Measured in one run, on synthetic texts built here from a small vocabulary of skills and verbs:
- model load time (checksums + ONNX session) and the one-off encoding of the units (what storage caches);
- ``score_interview`` with the MiniLM encoder and cached unit vectors, warm (best of ``--repeat``), vs the
  TF-IDF fallback on the same inputs; the ratio (goal ≤ 2×, ≤ 0.3 s);
- the process's peak RSS after scoring (goal ≤ 600 MB).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.matching.embedder import TfidfEncoder, load_encoder  # noqa: E402
from lib.matching.units import build_units, vectors_by_key  # noqa: E402
from lib.models import Evidence, Requirement  # noqa: E402
from lib.scoring import score_interview  # noqa: E402

SKILLS = ["Python", "SQL", "PostgreSQL", "Kubernetes", "Terraform", "AWS", "Tableau", "Looker", "React",
          "TypeScript", "Kafka", "Airflow", "Snowflake", "Docker", "Java", "Go", "machine learning",
          "A/B testing", "stakeholder management", "budgeting", "Excel", "Salesforce", "Jira", "scrum"]
VERBS = ["built", "led", "migrated", "automated", "designed", "reviewed", "mentored", "rolled out", "cut costs of",
         "documented", "tested", "scaled", "rescued", "planned", "simplified"]
THINGS = ["the billing pipeline", "our reporting stack", "a customer onboarding flow", "the data warehouse",
          "nightly batch jobs", "the release process", "a pricing experiment", "the support backlog",
          "an internal dashboard", "the hiring loop", "monthly forecasts", "a vendor contract"]
REQ_TEMPLATES = ["{n}+ years of experience with {a} and {b}", "Hands-on experience building {t} with {a}",
                 "Strong communication with stakeholders about {t}", "Familiarity with a tool such as {a}, {b} or {c}",
                 "Own {t} end to end, including on-call", "Experience mentoring engineers working on {t}"]


def synth(n_reqs: int, n_units: int, seed: int = 7):
    rnd = random.Random(seed)
    reqs = []
    for i in range(n_reqs):
        a, b, c = rnd.sample(SKILLS, 3)
        text = rnd.choice(REQ_TEMPLATES).format(n=rnd.randint(2, 8), a=a, b=b, c=c, t=rnd.choice(THINGS))
        kind = rnd.choice(["must", "must", "nice", "responsibility"])
        reqs.append(Requirement(key=f"r{i}", text=text, kind=kind, weight={"must": 1.0, "nice": 0.4}.get(kind, 0.6)))
    evidence = []
    for i in range(n_units):
        a, b = rnd.sample(SKILLS, 2)
        text = f"{rnd.choice(VERBS).capitalize()} {rnd.choice(THINGS)} using {a} and {b}, {rnd.randint(2, 40)}% faster"
        evidence.append(Evidence(kind="achievement", title=text[:200], id=i + 1))
    return reqs, evidence


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reqs", type=int, default=50)
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    reqs, evidence = synth(args.reqs, args.units)
    units = build_units(evidence)
    print(f"{len(reqs)} requirements × {len(units)} evidence units")

    t0 = time.perf_counter()
    loaded = load_encoder()
    load_s = time.perf_counter() - t0
    if loaded.fallback_reason:
        print(f"model unavailable: {loaded.fallback_reason}")
        return 1
    enc = loaded.encoder
    t0 = time.perf_counter()
    cached = vectors_by_key(enc, units)
    encode_s = time.perf_counter() - t0
    print(f"model load: {load_s:.2f} s; encoding {len(units)} units once (cached by storage): {encode_s:.2f} s")

    tfidf = TfidfEncoder()
    score_interview(reqs, (), evidence, (), tfidf)  # warm-up: imports, gazetteer
    score_interview(reqs, (), evidence, (), enc, unit_vectors=cached)
    t_tfidf = best_of(lambda: score_interview(reqs, (), evidence, (), tfidf), args.repeat)
    t_minilm = best_of(lambda: score_interview(reqs, (), evidence, (), enc, unit_vectors=cached), args.repeat)
    t0 = time.perf_counter()
    req_cache = vectors_by_key(enc, [type(units[0])(text=r.text, kind="req", strength=1.0) for r in reqs])
    t_reqs = time.perf_counter() - t0
    both = {**cached, **req_cache}
    t_both = best_of(lambda: score_interview(reqs, (), evidence, (), enc, unit_vectors=both), args.repeat)
    print(f"score_interview, TF-IDF fallback:          {t_tfidf:.3f} s")
    print(f"score_interview, MiniLM + cached units:    {t_minilm:.3f} s  (of which encoding the "
          f"{len(reqs)} requirements ~{t_reqs:.3f} s)")
    print(f"score_interview, MiniLM + cached units and requirements: {t_both:.3f} s")
    print(f"ratio MiniLM / TF-IDF: {t_minilm / t_tfidf:.2f}× (requirements encoded), "
          f"{t_both / t_tfidf:.2f}× (requirements cached)  (goal ≤ 2×, ≤ 0.3 s warm)")
    print(f"peak RSS after scoring: {rss_mb():.0f} MB  (goal ≤ 600 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
