"""lib.analysis: workspace scoring glue and evidence-vector upkeep."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from lib import analysis
from lib.demo import demo_data
from lib.matching.embedder import MINILM_ID, TFIDF_ID, load_encoder
from lib.matching.units import evidence_units, unit_key
from lib.models import RequirementOverride

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo():
    data, _ = demo_data(today=TODAY)
    return data


@pytest.fixture(scope="module")
def tfidf_scores(demo):
    return analysis.score_workspace(demo, load_encoder("tfidf"), today=TODAY)


class CountingEncoder:
    """A cacheable stand-in: deterministic vectors from the text's bytes; counts encoded texts."""

    model_id = "counting-test"
    cacheable = True

    def __init__(self):
        self.encoded = []

    def encode(self, texts):
        self.encoded.extend(texts)
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, t in enumerate(texts):
            for j, b in enumerate(t.encode()):
                out[i, j % 8] += b
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_every_demo_interview_gets_requirements_in_date_order(demo, tfidf_scores):
    assert set(tfidf_scores) == {iv.id for iv in demo.interviews}
    dates = [next(iv.interview_date for iv in demo.interviews if iv.id == k) for k in tfidf_scores]
    assert dates == sorted(dates)
    for sc in tfidf_scores.values():
        assert len(sc.requirements) >= 5
        assert 0.0 <= sc.fit <= 1.0
        assert sc.encoder_id == TFIDF_ID


def test_scoring_is_deterministic(demo, tfidf_scores):
    again = analysis.score_workspace(demo, load_encoder("tfidf"), today=TODAY)
    assert again == tfidf_scores


def test_only_employer_feedback_flags_a_competency(demo, tfidf_scores):
    assert analysis.flagged_competencies(demo, 6) == {"stakeholder_management", "ownership", "decision_making"}
    assert analysis.flagged_competencies(demo, 3) == frozenset()  # a self-inferred reason is not the employer's
    flagged = {c.competency for c in tfidf_scores[6].competencies if c.flagged}
    assert flagged == {"stakeholder_management", "ownership", "decision_making"}
    assert not any(c.flagged for c in tfidf_scores[3].competencies)


def test_overrides_of_that_interview_apply(demo, tfidf_scores):
    first = tfidf_scores[2].requirements[0].requirement
    other = RequirementOverride(interview_id=5, req_key=first.key, ignored=True)
    mine = RequirementOverride(interview_id=2, req_key=first.key, ignored=True)
    enc = load_encoder("tfidf")
    untouched = analysis.score_one(dataclasses.replace(demo, overrides=(other,)), 2, enc, today=TODAY)
    assert untouched == tfidf_scores[2]
    dropped = analysis.score_one(dataclasses.replace(demo, overrides=(mine,)), 2, enc, today=TODAY)
    assert first.key not in {r.requirement.key for r in dropped.requirements}
    assert len(dropped.requirements) == len(tfidf_scores[2].requirements) - 1


def test_unknown_interview_is_not_found(demo):
    from lib.errors import NotFound

    with pytest.raises(NotFound):
        analysis.score_one(demo, 999, load_encoder("tfidf"), today=TODAY)


def test_missing_vectors_follow_versions_and_skip_the_fallback(demo):
    ev = demo.evidence[:3]
    assert analysis.missing_vectors(ev, {}, TFIDF_ID) == ()
    assert analysis.missing_vectors(ev, {}, "x", encoder=load_encoder("tfidf")) == ()
    assert analysis.missing_vectors(ev, {}, MINILM_ID) == ev
    enc = CountingEncoder()
    stored = {(e.id, e.version): analysis.compute_unit_vectors(e, enc) for e in ev}
    assert analysis.missing_vectors(ev, stored, enc.model_id) == ()
    edited = dataclasses.replace(ev[0], body=ev[0].body + " And one more sentence here.", version=ev[0].version + 1)
    assert analysis.missing_vectors((edited, *ev[1:]), stored, enc.model_id) == (edited,)
    # stale vectors of the old version never reach the scorer
    vecs = analysis.unit_vectors_from_stored((edited, *ev[1:]), stored, enc.model_id)
    old_keys = {unit_key(enc.model_id, u.text) for u in evidence_units(ev[0])}
    new_only = old_keys - {unit_key(enc.model_id, u.text) for e in ev[1:] for u in evidence_units(e)}
    assert not (new_only & set(vecs))


def test_many_unit_vectors_equal_one_by_one_and_encode_each_text_once(demo):
    one = CountingEncoder()
    singles = {(e.id, e.version): analysis.compute_unit_vectors(e, one) for e in demo.evidence}
    many = CountingEncoder()
    batched = analysis.compute_many_unit_vectors((*demo.evidence, *demo.evidence), many)
    assert batched.keys() == singles.keys()
    for key, rows in singles.items():
        assert [t for t, _ in batched[key]] == [t for t, _ in rows]
        assert all(np.allclose(a, b) for (_, a), (_, b) in zip(batched[key], rows, strict=True))
    assert len(many.encoded) == len(set(one.encoded))


def test_compute_unit_vectors_matches_units(demo):
    enc = CountingEncoder()
    story = next(e for e in demo.evidence if e.is_star)
    rows = analysis.compute_unit_vectors(story, enc)
    assert [t for t, _ in rows] == [u.text for u in evidence_units(story)]
    assert all(v.dtype == np.float32 and v.shape == (8,) for _, v in rows)


@pytest.mark.slow
def test_stored_vectors_are_reused_with_the_real_model(demo):
    """The sentence model: scoring with stored vectors gives the same result and does not re-encode the bank."""
    loaded = load_encoder()
    if loaded.fallback_reason:
        pytest.skip(loaded.fallback_reason)
    small = dataclasses.replace(demo, evidence=demo.evidence[:8])
    stored = {(e.id, e.version): analysis.compute_unit_vectors(e, loaded) for e in small.evidence}
    vectors = analysis.unit_vectors_from_stored(small.evidence, stored, MINILM_ID)

    class Spy:
        model_id, cacheable = loaded.encoder.model_id, True

        def __init__(self):
            self.texts = []

        def encode(self, texts):
            self.texts.extend(texts)
            return loaded.encoder.encode(texts)

    spy = Spy()
    with_vectors = analysis.score_one(small, 7, spy, unit_vectors=vectors, today=TODAY)
    bank_texts = {t for rows in stored.values() for t, _ in rows}
    assert not bank_texts & set(spy.texts)
    fresh = analysis.score_one(small, 7, loaded, today=TODAY)
    assert [r.coverage for r in with_vectors.requirements] == pytest.approx(
        [r.coverage for r in fresh.requirements], abs=1e-5)
    assert with_vectors.encoder_id == MINILM_ID


def test_fingerprints_change_only_for_the_interviews_an_edit_touches(demo):
    base = analysis.input_fingerprints(demo)
    assert set(base) == {iv.id for iv in demo.interviews} and analysis.input_fingerprints(demo) == base
    assert all(analysis.input_fingerprint(demo, k) == v for k, v in base.items())
    q = next(q for q in demo.script_items if q.interview_id == 2)
    rerated = tuple(dataclasses.replace(x, rating=1 if x.rating != 1 else 2) if x is q else x
                    for x in demo.script_items)
    changed = analysis.input_fingerprints(dataclasses.replace(demo, script_items=rerated))
    assert {k for k in base if base[k] != changed[k]} == {2}
    ev = (dataclasses.replace(demo.evidence[0], title="Renamed story"), *demo.evidence[1:])
    changed = analysis.input_fingerprints(dataclasses.replace(demo, evidence=ev))
    assert all(base[k] != changed[k] for k in base)
    self_only = tuple(dataclasses.replace(f, competency="communication") if f.interview_id == 3 else f
                      for f in demo.feedback)  # a self-inferred reason does not change the score
    assert analysis.input_fingerprints(dataclasses.replace(demo, feedback=self_only)) == base


def test_workspace_scoring_with_one_index_equals_scoring_each_interview_alone(demo, tfidf_scores):
    enc = load_encoder("tfidf")
    assert tfidf_scores == {k: analysis.score_one(demo, k, enc, today=TODAY) for k in tfidf_scores}
    index = analysis.evidence_index(demo, enc)
    assert all(analysis.score_one(demo, k, enc, today=TODAY, index=index) == v for k, v in tfidf_scores.items())


def test_workspace_scoring_encodes_each_text_once(demo):
    """The bank, every requirement and every answer are encoded once for the whole workspace, in one call
    each (the bank, then the rest), and the scores equal those of interviews scored one by one."""
    enc = CountingEncoder()
    calls = []
    encode = enc.encode
    enc.encode = lambda texts: calls.append(len(texts)) or encode(texts)
    scores = analysis.score_workspace(demo, enc, today=TODAY)
    assert len(enc.encoded) == len(set(enc.encoded)) and len(calls) == 2
    requirement_texts = {r.requirement.text for s in scores.values() for r in s.requirements}
    assert requirement_texts <= set(enc.encoded)
    alone = CountingEncoder()
    assert all(analysis.score_one(demo, k, alone, today=TODAY) == v for k, v in scores.items())


def test_bank_fingerprint_follows_the_evidence_only(demo):
    base = analysis.bank_fingerprint(demo)
    assert analysis.bank_fingerprint(dataclasses.replace(demo, script_items=())) == base
    ev = (dataclasses.replace(demo.evidence[0], title="Renamed story"), *demo.evidence[1:])
    assert analysis.bank_fingerprint(dataclasses.replace(demo, evidence=ev)) != base
