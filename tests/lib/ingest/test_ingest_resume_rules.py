"""The résumé recognisers: headings, dates, metrics, skill lists, titles."""

import datetime as dt

import pytest

from lib.ingest.resume_rules import (
    clean_title,
    find_dates,
    has_metric,
    role_prefix,
    section_of,
    split_skills,
    strip_dates,
)


@pytest.mark.parametrize(
    ("line", "key"),
    [("WORK EXPERIENCE", "experience"), ("Skills:", "skills"), ("## Education", "education"),
     ("Licenses & Certifications", "certifications"), ("Awards and Honours", "achievements"),
     ("Profile", "summary"), ("Senior Analyst, Acme", None), ("Skills: Python, SQL", None)],
)
def test_section_of(line, key):
    assert section_of(line) == key


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Analyst, Acme — Jan 2019 – Mar 2022", dt.date(2019, 1, 1), dt.date(2022, 3, 31)),
        ("Analyst | 06/2017 - 02/2020", dt.date(2017, 6, 1), dt.date(2020, 2, 29)),
        ("2015-2018", dt.date(2015, 1, 1), dt.date(2018, 12, 31)),
        ("September 2021 to present", dt.date(2021, 9, 1), None),
        ("Sept. 2021 – Current", dt.date(2021, 9, 1), None),
        ("BSc, June 2015", None, dt.date(2015, 6, 30)),
    ],
)
def test_find_dates(line, start, end):
    found = find_dates(line)
    assert (found.started_on, found.ended_on) == (start, end)


def test_find_dates_refuses_nonsense():
    assert find_dates("Grew revenue by 1200 units") is None
    assert find_dates("2022 - 2019") is None  # reversed


def test_strip_dates_removes_separators():
    line = "Senior Analyst, Acme Ltd — 2019–2022"
    assert strip_dates(line, find_dates(line)) == "Senior Analyst, Acme Ltd"
    line = "Data Analyst (Jan 2018 - Present)"
    assert strip_dates(line, find_dates(line)) == "Data Analyst"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Cut costs by 12%", True), ("Saved £40k", True), ("Managed a $2m budget", True),
     ("Led a team of 6 engineers", True), ("Doubled sign-ups", True), ("Grew output 3x", True),
     ("Joined the team in 2019", False), ("Ran the planning workshop", False), ("Used Q3 results", False)],
)
def test_has_metric(text, expected):
    assert has_metric(text) is expected


def test_split_skills_respects_brackets():
    assert split_skills("Python (pandas, NumPy), SQL; Excel | Power BI · and Tableau.") == [
        "Python (pandas, NumPy)", "SQL", "Excel", "Power BI", "Tableau"]


def test_clean_title_and_role_prefix():
    assert clean_title("  short   title ") == "short title"
    long = "word " * 50
    assert len(clean_title(long)) <= 120 and clean_title(long).endswith("word…")
    assert role_prefix("Northgate Housing Trust, Bradford · Data Analyst") == "Data Analyst"
    assert role_prefix("Acme Ltd") == "Acme Ltd"
