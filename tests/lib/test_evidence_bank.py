"""The evidence bank table: building the frame, search and filters (also on 2,000 items), tags, proposals."""

import datetime as dt
import random
import time

import pandas as pd
import pytest

from lib import competencies as comp
from lib import evidence_bank as eb
from lib import evidence_proposal as ep
from lib.ingest.resume import ProposedItem
from lib.models import Evidence, EvidenceKind

WORDS = ("pricing forecast migration churn warehouse onboarding dashboard budget mentoring supplier "
         "experiment workshop hiring audit latency courier report roadmap").split()


def _bank(n: int, seed: int = 7) -> list[Evidence]:
    rnd = random.Random(seed)
    kinds = list(EvidenceKind)
    out = []
    for i in range(1, n + 1):
        kind = kinds[i % len(kinds)]
        words = rnd.sample(WORDS, 4)
        star = kind == EvidenceKind.STORY
        out.append(Evidence(
            kind=kind, title=f"Item {i} {words[0]}", body="" if star else f"Notes on {words[1]}",
            situation=f"At the {words[1]} team" if star else "",
            action=f"I ran the {words[2]} review" if star else "",
            result=(f"Cut {words[3]} costs by {i % 50}%" if i % 3 else f"People liked the {words[3]}") if star else "",
            tags=(words[3].capitalize(), f"t{i % 9}"), competencies=tuple(rnd.sample(comp.KEYS, 2)), id=i, version=1))
    return out


def _naive(items, terms=(), kinds=(), competency=None, tag=None):
    """A straightforward reference filter to compare the vectorised one against."""
    out = []
    for ev in items:
        text = "\n".join([ev.full_text(), " ".join(ev.tags), " ".join(comp.label(k) for k in ev.competencies)]).lower()
        if all(t in text for t in terms) and (not kinds or ev.kind in kinds) \
                and (competency is None or competency in ev.competencies) \
                and (tag is None or tag.lower() in [t.lower() for t in ev.tags]):
            out.append(ev.id)
    return out


def test_frame_has_one_row_per_item_and_readable_columns():
    items = _bank(10)
    frame = eb.evidence_frame(items)
    assert list(frame["id"]) == [e.id for e in items]
    assert set(eb.COLUMNS) <= set(frame.columns)
    story = next(e for e in items if e.kind == EvidenceKind.STORY)
    row = frame[frame["id"] == story.id].iloc[0]
    assert row["kind"] == "STAR story"
    assert row["competencies"] == ", ".join(comp.label(k) for k in story.competencies)
    assert row["star"] in ("Measurable", "No number")


def test_empty_bank_gives_an_empty_frame_that_filters():
    frame = eb.evidence_frame([])
    assert len(frame) == 0
    assert len(eb.filter_frame(frame, query="x", kinds=[EvidenceKind.SKILL], competency="leadership", tag="a")) == 0


def test_star_status_and_when_columns():
    ev = Evidence(kind=EvidenceKind.STORY, title="T", result="People were pleased",
                  started_on=dt.date(2021, 3, 1), ended_on=dt.date(2022, 2, 1), id=1)
    skill = Evidence(kind=EvidenceKind.SKILL, title="SQL", id=2)
    empty = Evidence(kind=EvidenceKind.STORY, title="U", ended_on=dt.date(2020, 1, 1), id=3)
    frame = eb.evidence_frame([ev, skill, empty])
    assert list(frame["star"]) == ["No number", "", "No result yet"]
    assert list(frame["when"]) == ["2021–2022", "", "2020"]


def test_search_looks_in_star_parts_tags_and_competency_labels():
    items = [
        Evidence(kind=EvidenceKind.STORY, title="Quiet title", action="I rebuilt the Courier contract", id=1),
        Evidence(kind=EvidenceKind.SKILL, title="Excel", tags=("Spreadsheets",), id=2),
        Evidence(kind=EvidenceKind.RESEARCH, title="Acme notes", competencies=("leadership",), id=3),
    ]
    frame = eb.evidence_frame(items)
    assert list(eb.filter_frame(frame, query="courier")["id"]) == [1]
    assert list(eb.filter_frame(frame, query="SPREADSHEETS")["id"]) == [2]
    assert list(eb.filter_frame(frame, query="leadership")["id"]) == [3]
    assert list(eb.filter_frame(frame, query="rebuilt courier")["id"]) == [1]  # every word, any order
    assert list(eb.filter_frame(frame, query='"courier rebuilt"')["id"]) == []  # a phrase keeps its order
    assert list(eb.filter_frame(frame, query="   ")["id"]) == [1, 2, 3]


def test_search_treats_regex_characters_literally():
    items = [Evidence(kind=EvidenceKind.SKILL, title="C++ (and C#)", id=1),
             Evidence(kind=EvidenceKind.SKILL, title="Cobol", id=2)]
    frame = eb.evidence_frame(items)
    assert list(eb.filter_frame(frame, query="c++")["id"]) == [1]
    assert list(eb.filter_frame(frame, query="(and")["id"]) == [1]
    assert list(eb.filter_frame(frame, query=".*")["id"]) == []


@pytest.mark.parametrize("raw, terms", [
    ("  Churn  Model ", ("churn", "model")),
    ('"stopping rule" test', ("stopping rule", "test")),
    ('a "unclosed phrase', ("a", "unclosed", "phrase")),
    ('""  x', ("x",)),
    ("dup DUP", ("dup",)),
])
def test_search_terms(raw, terms):
    assert eb.search_terms(raw) == terms


def test_filters_on_2000_items_match_a_naive_filter(capsys):
    items = _bank(2000)
    start = time.perf_counter()
    frame = eb.evidence_frame(items)
    built = time.perf_counter() - start
    cases = [
        dict(),
        dict(terms=("forecast",)),
        dict(terms=("item 1", "pricing")),
        dict(kinds=(EvidenceKind.STORY, EvidenceKind.SKILL)),
        dict(competency="leadership"),
        dict(tag="t3"),
        dict(terms=("costs",), kinds=(EvidenceKind.STORY,), competency=comp.KEYS[4], tag="T4"),
    ]
    start = time.perf_counter()
    for case in cases:
        got = eb.filter_frame(frame, query=" ".join(f'"{t}"' for t in case.get("terms", ())),
                              kinds=case.get("kinds", ()), competency=case.get("competency"), tag=case.get("tag"))
        assert list(got["id"]) == _naive(items, **case), case
    filtered = (time.perf_counter() - start) / len(cases)
    with capsys.disabled():
        print(f"\n2,000 items: frame built in {built * 1000:.0f} ms; one search+filter in {filtered * 1000:.1f} ms")
    assert len(frame) == 2000


def test_all_tags_and_clean_tags_are_case_insensitively_unique():
    items = [Evidence(kind=EvidenceKind.SKILL, title="a", tags=("SQL", "python")),
             Evidence(kind=EvidenceKind.SKILL, title="b", tags=("sql", "Airflow", " ")),]
    assert eb.all_tags(items) == ("Airflow", "python", "SQL")
    assert eb.clean_tags(["  data   viz ", "Data viz", "", "ETL"]) == ("data viz", "ETL")


def test_competency_help_shows_label_and_definition_and_skips_unknown_keys():
    text = eb.competency_help(["leadership", "not_a_key"])
    assert text == f"{comp.label('leadership')} — {comp.BY_KEY['leadership'].definition}"


def test_every_kind_has_a_form_with_a_title_first_and_star_fields_only_for_stories():
    for kind in EvidenceKind:
        fields = eb.FORM_FIELDS[kind]
        assert fields[0] == "title"
        assert ("result" in fields) == (kind == EvidenceKind.STORY)
    assert {"title", "body"} == set(eb.FORM_FIELDS[EvidenceKind.SKILL]) == set(eb.FORM_FIELDS[EvidenceKind.QUALIFICATION])


@pytest.mark.parametrize("text, kind", [("story", EvidenceKind.STORY), ("STAR story", EvidenceKind.STORY),
                                        (" Research note ", EvidenceKind.RESEARCH), ("skill", EvidenceKind.SKILL)])
def test_parse_kind_accepts_values_and_labels(text, kind):
    assert eb.parse_kind(text) == kind


def test_parse_kind_refuses_unknown_text():
    with pytest.raises(ValueError):
        eb.parse_kind("hobby")


# ---------------------------------------------------------------- résumé proposals

PROPOSED = (
    ProposedItem(EvidenceKind.SKILL, "SQL", section="skills", tags=("skills",)),
    ProposedItem(EvidenceKind.ACHIEVEMENT, "Analyst: cut report time", "Cut report time from 2 days to 3 hours.",
                 started_on=dt.date(2019, 1, 1), ended_on=dt.date(2021, 1, 1), competencies=("execution",)),
    ProposedItem(EvidenceKind.QUALIFICATION, "BSc Economics", "Northmoor University"),
)


def test_proposal_frame_keeps_everything_by_default_with_kind_labels():
    frame = ep.proposal_frame(PROPOSED)
    assert list(frame.columns) == list(ep.PROPOSAL_COLUMNS)
    assert frame["keep"].all()
    assert list(frame["kind"]) == ["Skill", "Achievement", "Qualification"]
    assert ep.selected_count(frame) == 3


def test_accepted_evidence_applies_edits_and_keeps_proposal_details():
    edited = ep.proposal_frame(PROPOSED)
    edited.loc[0, "keep"] = False
    edited.loc[1, "title"] = "  Cut report time by 90%  "
    edited.loc[2, "kind"] = "Achievement"
    edited.loc[2, "body"] = None
    accepted, problems = ep.accepted_evidence(PROPOSED, edited)
    assert problems == ()
    assert [e.title for e in accepted] == ["Cut report time by 90%", "BSc Economics"]
    assert accepted[0].started_on == dt.date(2019, 1, 1) and accepted[0].competencies == ("execution",)
    assert accepted[0].source == "résumé"
    assert accepted[1].kind == EvidenceKind.ACHIEVEMENT and accepted[1].body == ""
    assert all(e.id is None for e in accepted)
    assert ep.selected_count(edited) == 2


def test_accepted_evidence_reports_rows_that_need_a_fix():
    edited = ep.proposal_frame(PROPOSED)
    edited.loc[1, "title"] = "   "
    edited.loc[2, "kind"] = "hobby"
    accepted, problems = ep.accepted_evidence(PROPOSED, edited)
    assert [e.title for e in accepted] == ["SQL"]
    assert problems == ((2, "title", "Title is required."), (3, "kind", "Pick a kind for this row."))


def test_missing_keep_values_count_as_unticked():
    edited = ep.proposal_frame(PROPOSED)
    edited["keep"] = pd.Series([None, True, float("nan")], dtype=object)
    accepted, _ = ep.accepted_evidence(PROPOSED, edited)
    assert [e.title for e in accepted] == ["Analyst: cut report time"]
    assert ep.selected_count(edited) == 1


def test_accepted_evidence_needs_one_row_per_item():
    with pytest.raises(ValueError):
        ep.accepted_evidence(PROPOSED, ep.proposal_frame(PROPOSED[:2]))


def test_as_import_numbers_items_for_the_bulk_import():
    data = ep.as_import([p.to_evidence() for p in PROPOSED])
    assert [e.id for e in data.evidence] == [1, 2, 3]
    assert data.interviews == ()


def test_upload_digest_is_stable_and_distinguishes_files():
    assert ep.upload_digest(b"abc") == ep.upload_digest(b"abc") != ep.upload_digest(b"abd")
