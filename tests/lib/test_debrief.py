import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import debrief as d
from lib import models as m
from lib.competencies import KEYS
from lib.errors import ValidationError


def q(qid, rating, comps=(), pos=None, text=None):
    return m.ScriptItem(interview_id=1, question=text or f"Question {qid}", rating=rating,
                        competencies=comps, position=qid if pos is None else pos, id=qid, version=1)


def story(eid, title, comps, kind=m.EvidenceKind.STORY):
    return m.Evidence(kind=kind, title=title, competencies=comps, id=eid, version=1)


# ---------------------------------------------------------------- summary


def test_summary_average_best_worst_and_counts():
    items = [q(1, 4), q(2, 2), q(3, None), q(4, 5), q(5, 2)]
    s = d.summarise_script(items)
    assert (s.n_questions, s.n_rated, s.n_unrated) == (5, 4, 1)
    assert s.mean_rating == pytest.approx((4 + 2 + 5 + 2) / 4)
    assert s.best.id == 4
    assert s.worst.id == 2  # the earliest of the two 2/5 answers


def test_ties_are_broken_by_script_position_not_by_id():
    items = [q(1, 3, pos=2), q(2, 3, pos=0), q(3, 1, pos=1), q(4, 1, pos=3)]
    s = d.summarise_script(items)
    assert s.best.id == 2
    assert s.worst.id == 3


def test_empty_and_unrated_scripts_have_no_average():
    assert d.summarise_script([]) == d.ScriptSummary(0, 0, None, None, None, ())
    s = d.summarise_script([q(1, None), q(2, None)])
    assert s.mean_rating is None and s.best is None and s.worst is None and s.n_unrated == 2


def test_worst_is_absent_when_every_rated_answer_got_the_same_mark():
    s = d.summarise_script([q(1, 3), q(2, 3), q(3, None)])
    assert s.best.id == 1 and s.worst is None
    assert d.summarise_script([q(1, 2)]).worst is None


def test_competencies_touched_counts_questions_and_averages_ratings():
    items = [q(1, 4, ("communication", "leadership")), q(2, 2, ("leadership",)),
             q(3, None, ("leadership", "leadership")), q(4, 1, ("system_design",))]
    touched = {t.key: t for t in d.summarise_script(items).competencies}
    assert touched["leadership"].questions == 3  # a repeated tag on one question counts once
    assert touched["leadership"].mean_rating == pytest.approx(3.0)
    assert touched["communication"] == d.CompetencyTouch("communication", 1, 4.0)
    assert touched["system_design"].mean_rating == 1.0
    assert [t.key for t in d.summarise_script(items).competencies][0] == "leadership"


def test_competencies_with_only_unrated_questions_have_no_mean():
    touched = d.summarise_script([q(1, None, ("planning",))]).competencies
    assert touched == (d.CompetencyTouch("planning", 1, None),)


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=12))
def test_summary_properties(ratings):
    items = [q(i + 1, r, (KEYS[i % 5],)) for i, r in enumerate(ratings)]
    s = d.summarise_script(items)
    rated = [r for r in ratings if r is not None]
    assert s.n_rated == len(rated)
    if rated:
        assert min(rated) <= s.mean_rating <= max(rated)
        assert s.best.rating == max(rated)
        assert (s.worst is None) == (min(rated) == max(rated))
        if s.worst:
            assert s.worst.rating == min(rated)
    assert sum(t.questions for t in s.competencies) == len(items)


def test_stars():
    assert d.stars(3) == "★★★☆☆"
    assert d.stars(None) == "not rated"


# ---------------------------------------------------------------- appraisal candidates


def test_candidates_are_stories_matching_low_rated_questions():
    items = [q(1, 1, ("conflict_resolution",)), q(2, 2, ("leadership", "communication")),
             q(3, 5, ("system_design",)), q(4, None, ("planning",))]
    bank = [story(10, "Calmed a tense release", ("conflict_resolution", "leadership")),
            story(11, "Led the migration", ("leadership",)),
            story(12, "Designed the queue", ("system_design",)),  # only matches a well-rated question
            story(13, "Planned the launch", ("planning",)),  # only matches an unrated question
            story(14, "Leadership course", ("leadership",), kind=m.EvidenceKind.QUALIFICATION)]
    found = d.appraisal_candidates(items, bank)
    assert [c.evidence.id for c in found] == [10, 11]
    assert found[0].questions == (1, 2)
    assert found[0].competencies == ("conflict_resolution", "leadership")
    assert found[1].questions == (2,)


def test_candidate_threshold_and_limit():
    items = [q(1, 3, ("leadership",))]
    bank = [story(i, f"Story {i}", ("leadership",)) for i in range(1, 10)]
    assert d.appraisal_candidates(items, bank) == ()
    assert len(d.appraisal_candidates(items, bank, low=3)) == 6
    assert len(d.appraisal_candidates(items, bank, low=3, limit=2)) == 2


def test_no_candidates_without_tags_or_stories():
    assert d.appraisal_candidates([q(1, 1)], [story(1, "A", ("leadership",))]) == ()
    assert d.appraisal_candidates([q(1, 1, ("leadership",))], []) == ()


def test_prompts_name_the_weakest_answer_and_the_candidates():
    items = [q(1, 4, ("leadership",)), q(2, 1, ("conflict_resolution",), text="Tell me about a disagreement")]
    bank = [story(10, "Calmed a tense release", ("conflict_resolution",))]
    s = d.summarise_script(items)
    prompts = d.appraisal_prompts(s, d.appraisal_candidates(items, bank))
    assert "Tell me about a disagreement" in prompts[0] and "1/5" in prompts[0]
    assert any("Calmed a tense release" in p for p in prompts)
    assert any("Handling conflict" in p for p in prompts)  # the low-rated competency, by label
    assert not any(p.startswith("Where exactly") for p in prompts)  # the specific one replaces the general


def test_prompts_for_an_empty_script_are_the_general_ones():
    prompts = d.appraisal_prompts(d.summarise_script([]), ())
    assert prompts[0] == "Which evidence from your bank did you fail to mention?"
    assert set(d.GENERAL_PROMPTS) <= set(prompts)


def test_prompts_mention_unrated_answers():
    prompts = d.appraisal_prompts(d.summarise_script([q(1, None), q(2, 4)]), ())
    assert any(p.startswith("1 answer(s) are not rated") for p in prompts)


# ---------------------------------------------------------------- suggestions, stages, form helpers


def test_suggest_tags_returns_known_keys_and_nothing_for_blank_text():
    tags = d.suggest_tags("Tell me about a time you had a conflict with a stakeholder and had to negotiate")
    assert tags and len(tags) <= 3 and all(t in KEYS for t in tags)
    assert "conflict_resolution" in tags or "stakeholder_management" in tags
    assert d.suggest_tags("   ") == ()


def test_suggest_tags_falls_back_to_cue_words_when_the_matcher_fails(monkeypatch):
    import lib.scoring

    def broken(*a, **k):
        raise RuntimeError("no model")

    monkeypatch.setattr(lib.scoring, "suggest_competencies", broken)
    assert "conflict_resolution" in d.suggest_tags("How do you handle conflict?")


def test_stage_helpers():
    S = m.Stage
    assert d.sorted_stages(["final_round", S.SCREEN, S.SCREEN]) == (S.SCREEN, S.FINAL_ROUND)
    assert d.furthest_of([S.SCREEN, S.ASSESSMENT]) == S.ASSESSMENT
    assert d.furthest_of([]) == S.FIRST_ROUND
    d.check_stages((S.SCREEN,), S.FINAL_ROUND)
    with pytest.raises(ValidationError) as err:
        d.check_stages((S.SCREEN, S.FINAL_ROUND), S.FIRST_ROUND)
    assert err.value.field == "furthest_stage"


def test_new_interview_validates_its_fields():
    iv = d.new_interview(" Acme ", "Analyst", dt.date(2026, 3, 2), [m.Stage.FIRST_ROUND, m.Stage.SCREEN])
    assert iv.company == "Acme" and iv.furthest_stage == m.Stage.FIRST_ROUND
    assert iv.stages == (m.Stage.SCREEN, m.Stage.FIRST_ROUND)
    for args, field in ((("", "Analyst", dt.date(2026, 3, 2)), "company"),
                        (("Acme", " ", dt.date(2026, 3, 2)), "role"),
                        (("Acme", "Analyst", None), "interview_date")):
        with pytest.raises(ValidationError) as err:
            d.new_interview(*args)
        assert err.value.field == field


def test_parse_interviewers():
    assert d.parse_interviewers(" Ana  Ruiz, Bo,Ana Ruiz, ,  ") == ("Ana Ruiz", "Bo")
    assert d.parse_interviewers("Ana Ruiz, Recruiter; Bo Lind, Head of Data\n\nCy") == (
        "Ana Ruiz, Recruiter", "Bo Lind, Head of Data", "Cy")
    assert d.parse_interviewers("") == ()
    assert d.format_interviewers(("Dana Whitlock, Talent Partner",)) == "Dana Whitlock, Talent Partner;"
    assert d.format_interviewers(("Ana", "Bo")) == "Ana, Bo"


@given(st.lists(st.text(st.sampled_from("ab ,"), min_size=1, max_size=8), max_size=4))
def test_interviewers_round_trip(raw):
    names = d.parse_interviewers("; ".join(raw))  # any list the parser can produce...
    assert d.parse_interviewers(d.format_interviewers(names)) == names  # ...survives the text box


def test_labels_order_and_moves():
    a = m.Interview("Acme", "Analyst", dt.date(2026, 1, 5), id=1)
    b = m.Interview("Birch", "Lead", dt.date(2026, 2, 1), id=2)
    c = m.Interview("Cedar", "Lead", dt.date(2026, 2, 1), id=3)
    assert d.interview_label(a) == "Analyst at Acme — 05 Jan 2026"
    assert [iv.id for iv in d.newest_first([a, b, c])] == [3, 2, 1]
    assert d.moved([1, 2, 3], 3, -1) == [1, 3, 2]
    assert d.moved([1, 2, 3], 1, -1) == [1, 2, 3]
    assert d.moved([1, 2, 3], 1, 5) == [2, 3, 1]
