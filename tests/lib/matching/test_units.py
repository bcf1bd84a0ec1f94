import numpy as np

from lib.matching.embedder import TfidfEncoder
from lib.matching.units import (
    UNRATED_STRENGTH,
    build_units,
    encode_units,
    split_sentences,
    unit_key,
    vectors_by_key,
)
from lib.models import Evidence, ScriptItem

STORY = Evidence(kind="story", title="Billing migration", situation="Billing ran on an old server. It failed monthly.",
                 action="I planned a cut-over and wrote the dual-write code.", result="No downtime.", id=4)


def test_skill_is_one_unit_and_story_is_split_into_sentences():
    units = build_units([Evidence(kind="skill", title="Python", body="Eight years", id=1), STORY])
    assert units[0].text == "Python: Eight years" and units[0].evidence_id == 1
    story = [u for u in units if u.evidence_id == 4]
    assert [u.text for u in story][0] == "Billing migration"
    assert len(story) >= 4 and all(u.kind == "story" and u.strength == 1.0 for u in story)
    assert any("dual-write" in u.text for u in story)


def test_answer_strength_scales_with_rating_and_unrated_is_half():
    items = [ScriptItem(interview_id=1, question="Q", answer="A long enough answer", rating=r, id=i)
             for i, r in enumerate([1, 5, None], start=1)]
    units = build_units([], items)
    assert [u.strength for u in units] == [0.2, 1.0, UNRATED_STRENGTH]
    assert all(u.script_item_id is not None and u.evidence_id is None for u in units)


def test_empty_answers_and_excluded_evidence_are_skipped():
    units = build_units([STORY], [ScriptItem(interview_id=1, question="Q", answer="  ")], exclude_evidence=[4])
    assert units == ()


def test_research_is_weak():
    (u,) = build_units([Evidence(kind="research", title="Acme uses Kafka", id=2)])
    assert u.strength < 0.5


def test_short_fragments_join_neighbours():
    assert split_sentences("Yes. I rebuilt the pipeline in two weeks.") == ["Yes. I rebuilt the pipeline in two weeks."]


def test_vectors_by_key_round_trip():
    enc = TfidfEncoder(n_features=256)
    units = build_units([STORY])
    vecs = vectors_by_key(enc, units)
    assert set(vecs) == {unit_key(enc.model_id, u.text) for u in units}
    assert np.allclose(encode_units(enc, units)[0], vecs[unit_key(enc.model_id, units[0].text)])
    assert unit_key("m", "a") != unit_key("m2", "a")
