"""split_resume on a realistic résumé (tests/fixtures/ingest/resume_sample.txt, written for this project)."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.competencies import KEYS
from lib.ingest import extract_text, split_resume
from lib.models import Evidence, EvidenceKind
from tests.lib.ingest._ingest_files import make_docx, make_pdf

SAMPLE = (Path(__file__).parents[2] / "fixtures" / "ingest" / "resume_sample.txt").read_text(encoding="utf-8")
ITEMS = split_resume(SAMPLE)
LINES = SAMPLE.split("\n")


def find(fragment: str):
    hits = [i for i in ITEMS if fragment in i.body or fragment in i.title]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def of_kind(kind):
    return [i for i in ITEMS if i.kind == kind]


def test_bullets_with_numbers_are_achievements_others_stories():
    assert find("cutting forecast error by 18%").kind == EvidenceKind.ACHIEVEMENT
    assert find("courier contract worth £240k").kind == EvidenceKind.ACHIEVEMENT
    assert find("from 2 days to 3 hours").kind == EvidenceKind.ACHIEVEMENT
    assert find("quarterly planning workshop").kind == EvidenceKind.STORY
    assert find("Mentored two junior analysts").kind == EvidenceKind.STORY


def test_role_heading_sets_title_prefix_tag_and_dates():
    item = find("quarterly planning workshop")
    assert item.title.startswith("Senior Operations Analyst: Ran the quarterly")
    assert item.tags == ("Senior Operations Analyst, Harbour Freight Ltd",)
    assert (item.started_on, item.ended_on) == (dt.date(2020, 3, 1), None)


def test_two_line_role_heading():
    item = find("overdue jobs by estate")
    assert item.title.startswith("Data Analyst: Designed a dashboard")
    assert "Northgate Housing Trust" in item.tags[0]
    assert (item.started_on, item.ended_on) == (dt.date(2017, 6, 1), dt.date(2020, 2, 29))


def test_wrapped_bullet_is_one_item_with_its_line_span():
    item = find("courier contract")
    assert item.body.endswith("without losing next-day coverage.")
    first, last = item.line_span
    assert last == first + 1
    assert "Negotiated a new courier contract" in LINES[first - 1]
    assert "next-day coverage" in LINES[last - 1]


def test_skills_one_item_per_skill_with_group_tags():
    skills = {i.title: i for i in of_kind(EvidenceKind.SKILL)}
    assert set(skills) == {"SQL", "Python (pandas, NumPy)", "Excel", "Power BI", "Tableau",
                           "stakeholder workshops", "Agile", "process mapping", "English (native)",
                           "Tamil (fluent)"}
    assert skills["Tableau"].tags == ("Data",)
    assert skills["Agile"].tags == ("Ways of working",)
    assert "SQL" in LINES[skills["SQL"].line_span[0] - 1]


def test_education_and_certifications_are_qualifications():
    quals = of_kind(EvidenceKind.QUALIFICATION)
    degree = find("BSc Economics")
    assert degree.kind == EvidenceKind.QUALIFICATION
    assert "University of Leeds" in degree.title
    assert "Dissertation on regional housing demand" in degree.body
    assert (degree.started_on, degree.ended_on) == (dt.date(2014, 1, 1), dt.date(2017, 12, 31))
    cert_titles = {q.title for q in quals} - {degree.title}
    assert cert_titles == {"Microsoft Certified: Power BI Data Analyst Associate", "PRINCE2 Foundation certificate"}


def test_awards_are_achievements():
    assert find("Analyst of the Year").kind == EvidenceKind.ACHIEVEMENT


def test_profile_contacts_and_interests_are_skipped():
    everything = " ".join(i.title + " " + i.body for i in ITEMS)
    for skipped in ("example.org", "Priya", "turning messy spreadsheets", "Fell running"):
        assert skipped not in everything


def test_every_item_becomes_valid_evidence():
    assert len(ITEMS) == 22
    for item in ITEMS:
        ev = item.to_evidence()
        assert isinstance(ev, Evidence)
        assert ev.source == "résumé" and len(ev.title) <= 120
        assert set(ev.competencies) <= set(KEYS) and len(ev.competencies) <= 2
    assert find("capacity forecast").competencies  # cue words found something


def test_items_are_in_reading_order():
    starts = [i.line_span[0] for i in ITEMS]
    assert starts == sorted(starts)


def test_long_bullets_get_clean_titles():
    long_bullet = "Led " + " ".join(f"workstream{i}" for i in range(40)) + " to completion."
    item = split_resume(f"Experience\nProject Lead, Acme — 2021–2023\n- {long_bullet}")[0]
    assert len(item.title) <= 120 and item.title.endswith("…")
    assert item.title[:-1].split()[-1].startswith("workstream")  # cut between words
    assert item.body == long_bullet


def test_skills_label_anywhere_and_certifications_label():
    items = split_resume("Experience\nAnalyst, Acme — 2020–2022\n- Built reports for the board.\n"
                         "Tools: Jira; Confluence | Miro\nCertifications: PMP, PRINCE2 Practitioner")
    kinds = [(i.kind, i.title) for i in items]
    assert (EvidenceKind.SKILL, "Jira") in kinds and (EvidenceKind.SKILL, "Miro") in kinds
    assert (EvidenceKind.QUALIFICATION, "PMP") in kinds


@pytest.mark.parametrize("maker", ["docx", "pdf"])
def test_resume_through_extraction(maker):
    lines = ["Jordan Reyes", "", "Experience", "Support Team Lead, Brightline Software - 2019 - 2023",
             "- Cut the support backlog by 40% in six months.",
             "- Coached new starters on the escalation process.", "", "Skills", "Zendesk, SQL, Jira"]
    if maker == "docx":
        data = make_docx(paragraphs=lines)
    else:
        data = make_pdf(lines)
    text = extract_text(data, f"cv.{maker}").text
    items = split_resume(text)
    summary = [(i.kind, i.title) for i in items]
    assert (EvidenceKind.ACHIEVEMENT, "Support Team Lead: Cut the support backlog by 40% in six months.") in summary
    assert (EvidenceKind.STORY, "Support Team Lead: Coached new starters on the escalation process.") in summary
    assert {t for k, t in summary if k == EvidenceKind.SKILL} == {"Zendesk", "SQL", "Jira"}


def test_empty_and_headless_text():
    assert split_resume("") == ()
    items = split_resume("Some Name\nsome@example.org\n- Organised a charity run for 300 people.")
    assert [(i.kind, i.section) for i in items] == [(EvidenceKind.ACHIEVEMENT, "")]


def test_role_subheadings_and_markdown_headings():
    text = (
        "## Experience\n"
        "### **Product Manager at Loop Health** (2021 – 2023)\n"
        "Responsibilities:\n"
        "- Ran discovery interviews with clinic staff every week.\n"
        "Key achievements:\n"
        "- Launched the booking flow ahead of the winter peak.\n"
        "Support Lead, Brightline — 2018 – 2021\n"
        "- Wrote the escalation playbook.\n"
    )
    items = split_resume(text)
    assert [(i.kind, i.title) for i in items] == [
        (EvidenceKind.STORY, "Product Manager: Ran discovery interviews with clinic staff every week."),
        (EvidenceKind.ACHIEVEMENT, "Product Manager: Launched the booking flow ahead of the winter peak."),
        (EvidenceKind.STORY, "Support Lead: Wrote the escalation playbook."),
    ]
    assert items[0].tags == ("Product Manager at Loop Health",)
    assert items[2].started_on == dt.date(2018, 1, 1) and items[2].ended_on == dt.date(2021, 12, 31)


def test_education_groups_institution_and_degree_in_either_order():
    text = ("Education\nUniversity of Leeds\nBSc Economics, 2014–2017\nLeeds Grammar School\n"
            "A-levels: Maths, Economics, History (2014)\n\nMSc Data Science — 2018\nUniversity of York\n")
    titles = [i.title for i in split_resume(text)]
    assert titles == ["BSc Economics — University of Leeds",
                      "A-levels: Maths, Economics, History — Leeds Grammar School",
                      "MSc Data Science — University of York"]


def test_prose_experience_without_bullets():
    text = ("Experience\nCommunity Organiser, Eastside Trust, 2016 - 2019\n"
            "Set up a weekly advice clinic with volunteer lawyers and kept it running for three years.\n")
    (item,) = split_resume(text)
    assert item.kind == EvidenceKind.STORY
    assert item.title.startswith("Community Organiser: Set up a weekly advice clinic")


piece = st.sampled_from(["Experience", "EDUCATION", "Skills:", "- ", "• ", "Analyst, Acme — 2019–2022", "Python, SQL",
                         "Cut costs by 12%", "BSc Maths", "University of York", "Key achievements:", "2022 - 2019",
                         "lower case words", "Jan 2020 – Present", "Tools: Jira; Miro", "\n", "\n\n", "  ", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(piece, max_size=40).map(" ".join))
def test_any_text_gives_valid_evidence(text):
    for item in split_resume(text):
        ev = item.to_evidence()
        assert ev.title.strip() and len(ev.title) <= 120
        first, last = item.line_span
        assert 1 <= first <= last <= text.count("\n") + 1


def test_run_away_continuation_is_capped():
    text = "Experience\n- Started a long list\n" + "and more words here\n" * 20_000
    (item,) = split_resume(text)
    assert len(item.body) <= 5_000
    item.to_evidence()
