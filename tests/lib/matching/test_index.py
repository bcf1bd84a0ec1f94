"""lib.matching.index: the bank's side of scoring, built once, gives the same scores as building it per call."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.matching.coverage import MAX_HITS, MIN_HIT_SCORE, _top_hits
from lib.matching.embedder import TfidfEncoder
from lib.matching.index import build_index, hashed_counts, unit_table
from lib.matching.similarity import refit_lex
from lib.matching.units import EvidenceUnit, build_units, unit_key
from lib.models import Evidence, Gate, Requirement, RequirementOverride, ScriptItem
from lib.scoring import score_interview

TODAY = dt.date(2026, 11, 20)

REQS = (
    Requirement(key="py", text="Building backend services in Python with PostgreSQL", kind="must", weight=1.0,
                terms=("python", "postgresql")),
    Requirement(key="bi", text="A BI tool such as Tableau or Looker", kind="nice", weight=0.4,
                terms=("tableau", "looker"), any_of=(("tableau", "looker"),)),
    Requirement(key="team", text="Mentoring junior engineers and running code reviews", kind="must", weight=1.0),
)
GATES = (Gate(kind="certification", text="AWS Certified Solutions Architect", value="AWS Certified"),)


def bank(n: int = 12) -> tuple[Evidence, ...]:
    """A bank with repeated sentences (the same STAR text in several stories) and near spellings."""
    out = []
    for i in range(n):
        out.append(Evidence(kind="story", title=f"Migration {i}", situation="Invoices ran on an old server.",
                            action=f"I moved the billing service to Python and Postgres, step {i % 3}.",
                            result="No downtime at cut-over.", id=10 + i))
    out += [Evidence(kind="skill", title="Looker", body="Dashboards for the sales team", id=1),
            Evidence(kind="skill", title="Tablaeu", body="Self-taught, two public workbooks", id=2),
            Evidence(kind="qualification", title="AWS Certified Cloud Practitioner", id=3),
            Evidence(kind="research", title="Read about their code review culture", id=4)]
    return tuple(out)


SCRIPT = (ScriptItem(interview_id=1, question="Mentoring?", answer="I mentored two juniors on reviews.",
                     rating=4, id=21),
          ScriptItem(interview_id=1, question="Billing?", answer="I moved the billing service to Python.",
                     rating=2, id=22))


class Counting:
    """A cacheable stand-in for the sentence model: deterministic vectors; records every text encoded."""

    model_id, cacheable = "counting-test", True

    def __init__(self):
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded.extend(texts)
        out = np.zeros((len(texts), 16), dtype=np.float32)
        for i, t in enumerate(texts):
            for j, b in enumerate(t.encode()):
                out[i, (j * 7 + b) % 16] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_shared_index_gives_the_same_score_as_none():
    ev = bank()
    for enc in (TfidfEncoder(), Counting()):
        index = build_index(ev, enc)
        plain = score_interview(REQS, GATES, ev, SCRIPT, enc, today=TODAY)
        shared = score_interview(REQS, GATES, ev, SCRIPT, enc, today=TODAY, index=index)
        again = score_interview(REQS, GATES, ev, SCRIPT, enc, today=TODAY, index=index)  # caches now warm
        assert plain == shared == again
        assert any(r.hits for r in plain.requirements)


def test_an_index_of_another_bank_or_model_is_not_used():
    ev = bank()
    other = build_index(ev[:3], TfidfEncoder())
    assert not other.matches(ev, TfidfEncoder())
    assert not build_index(ev, TfidfEncoder()).matches(ev, Counting())
    assert (score_interview(REQS, GATES, ev, SCRIPT, TfidfEncoder(), today=TODAY, index=other)
            == score_interview(REQS, GATES, ev, SCRIPT, TfidfEncoder(), today=TODAY))


def test_bank_is_encoded_once_and_requirement_texts_once():
    ev = bank()
    enc = Counting()
    index = build_index(ev, enc)
    bank_texts = {u.text for u in build_units(ev)}
    assert sorted(enc.encoded) == sorted(bank_texts)  # each distinct unit text once
    enc.encoded.clear()
    for _ in range(3):
        score_interview(REQS, (), ev, SCRIPT, enc, today=TODAY, index=index)
    answers = {it.answer for it in SCRIPT}
    assert sorted(enc.encoded) == sorted({r.text for r in REQS} | answers)


def test_stored_vectors_are_used_for_the_bank():
    ev = bank()
    enc = Counting()
    units = build_units(ev)
    stored = {unit_key(enc.model_id, u.text): v for u, v in zip(units, enc.encode([u.text for u in units]),
                                                                 strict=True)}
    enc.encoded.clear()
    index = build_index(ev, enc, stored)
    assert enc.encoded == []
    assert index.vectors.shape == (len(units), 16)


def test_unit_table_keeps_one_row_per_distinct_text_and_counts_repeats():
    units = build_units(bank(6))
    table = unit_table(units)
    assert len(table) == len(units) and len(table.texts) == len({u.text for u in units}) < len(units)
    assert [table.texts[r] for r in table.row] == [u.text for u in units]
    one_by_one = hashed_counts([u.text for u in units])
    assert np.array_equal(table.df, np.bincount(one_by_one.indices, minlength=one_by_one.shape[1]))
    python_units = table.term_units["python"].tolist()
    assert python_units == [i for i, u in enumerate(units) if "python" in table.unit_terms(i)]


def test_refit_lex_equals_a_fit_on_the_stacked_texts():
    docs = [u.text for u in build_units(bank(5))]
    queries = ["Python and PostgreSQL", "Looker dashboards", "code reviews"]
    table = unit_table([EvidenceUnit(text=t, kind="skill", strength=1.0) for t in docs])
    (lex,) = refit_lex(hashed_counts(queries), [(table.ngrams, table.df, len(table))])
    rows = TfidfEncoder().encode_corpus([*queries, *docs])
    expected = np.asarray((rows[:3] @ rows[3:].T).toarray(), dtype=np.float32)
    assert np.array_equal(lex[:, table.row], expected)


def _hits_by_brute_force(units, sims, scores):
    """The selection rule: per source the best (rounded) score, first unit on ties; then the top three by
    score, similarity and text."""
    best = {}
    for i in np.nonzero(scores >= MIN_HIT_SCORE)[0].tolist():
        u = units[i]
        source = ("e", u.evidence_id) if u.evidence_id is not None else ("u", u.script_item_id, u.text)
        hit = (round(float(scores[i]), 4), round(float(sims[i]), 4), u.text, i)
        if source not in best or hit[0] > best[source][0]:
            best[source] = hit
    ranked = sorted(best.values(), key=lambda h: (-h[0], -h[1], h[2]))
    return [h[3] for h in ranked[:MAX_HITS]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 40), st.integers(0, 3)), min_size=1, max_size=80),
       st.integers(0, 2**32 - 1))
def test_top_hits_equal_the_brute_force_rule(rows, seed):
    """Many units, few sources, scores on a coarse grid plus noise below the rounding step: the shortcut
    that only looks near the third-best source picks exactly the same hits."""
    rng = np.random.default_rng(seed)
    units = tuple(EvidenceUnit(text=f"unit {i % 5}", kind="story", strength=1.0, evidence_id=src)
                  for i, (src, _, _) in enumerate(rows))
    scores = np.array([g / 40 + n * 1e-5 * rng.random() for _, g, n in rows], dtype=np.float32)
    sims = np.asarray(rng.random(len(rows)), dtype=np.float32)
    view = SimpleNamespace(units=units, strength=np.ones(len(units), dtype=np.float32),
                           sources=tuple(("e", u.evidence_id) for u in units))
    hits = _top_hits(view, sims, scores, {}, 0, np.ones(len(units), dtype=bool), 0.0)
    expected = _hits_by_brute_force(units, sims, scores)
    assert [(h.unit.evidence_id, h.score, h.similarity) for h in hits] == [
        (units[i].evidence_id, round(float(scores[i]), 4), round(float(sims[i]), 4)) for i in expected]


def test_excluded_evidence_stays_out_with_a_shared_index():
    ev = bank()
    index = build_index(ev, TfidfEncoder())
    o = RequirementOverride(interview_id=1, req_key="bi", excluded_evidence=(1,))
    s = score_interview(REQS, (), ev, (), TfidfEncoder(), today=TODAY, overrides=[o], index=index)
    bi = next(r for r in s.requirements if r.requirement.key == "bi")
    assert all(h.evidence_id != 1 for h in bi.hits)
    plain = score_interview(REQS, (), ev, (), TfidfEncoder(), today=TODAY, overrides=[o])
    assert s == plain


def test_answers_alone_are_scored_without_a_bank():
    for enc in (TfidfEncoder(), Counting()):
        index = build_index((), enc)
        s = score_interview(REQS, (), (), SCRIPT, enc, today=TODAY, index=index)
        assert s == score_interview(REQS, (), (), SCRIPT, enc, today=TODAY)
        team = next(r for r in s.requirements if r.requirement.key == "team")
        assert team.hits and team.hits[0].script_item_id == 21
