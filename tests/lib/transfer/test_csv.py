import datetime as dt

import pytest

from lib import models as m
from lib.errors import ImportRefused
from lib.storage import repo
from lib.transfer import export_csv, import_csv, parse_csv
from lib.transfer.csv_io import escape_cell, unescape_cell
from tests.conftest import NOW

NASTY = ["=SUM(A1:A2)", "'=already quoted", "+44 20 7946 0000", "-minus", "@handle", "\tTabbed", "\rCR",
         "＝fullwidth", "＋", "－", "＠x", "'plain apostrophe", "plain", "", "a,b;\"c\"\nnew line"]


@pytest.mark.parametrize("cell", NASTY)
def test_escape_roundtrip(cell):
    escaped = escape_cell(cell)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"))
    assert unescape_cell(escaped) == cell


def test_escaped_and_unescaped_formulas_do_not_collide():
    assert escape_cell("=1") != escape_cell("'=1")


def test_evidence_csv_roundtrip_with_formula_like_cells():
    items = [m.Evidence(kind="skill", title=t or "blank", body=t, tags=("x", "y"), started_on=dt.date(2024, 1, 1))
             for t in NASTY]
    parsed = parse_csv(export_csv(items, m.Evidence), m.Evidence)
    assert parsed == items


def test_interview_csv_roundtrip():
    iv = m.Interview(company="=Evil Corp", role="@Analyst", interview_date=dt.date(2026, 1, 5),
                     stages=("applied", "screen"), furthest_stage="screen", outcome="rejected",
                     interviewers=("Ana", "Bo"), jd_text="Requirements:\n- SQL")
    assert parse_csv(export_csv([iv], m.Interview), m.Interview) == [iv]


def test_per_row_errors_and_nothing_written(engine):
    raw = (b"kind,title,started_on\r\nskill,SQL,2024-01-01\r\nwizard,Magic,\r\nskill,,\r\n"
           b"skill,Python,not-a-date\r\n")
    with pytest.raises(ImportRefused) as err:
        import_csv(engine, "alice", raw, m.Evidence, now=NOW)
    rows = {(r, c) for r, c, _ in err.value.problems}
    assert rows == {(3, "kind"), (4, "title"), (5, "started_on")}
    assert repo.list_all(engine, "alice", m.Evidence) == []


def test_wrong_columns_are_named():
    with pytest.raises(ImportRefused, match="missing column"):
        parse_csv(b"name,colour\r\nx,y\r\n", m.Evidence)


def test_csv_over_the_cap_is_refused():
    with pytest.raises(ImportRefused, match="limit is 10.0 MB"):
        parse_csv(b"kind,title\r\n" + b"skill,x\r\n" * 1_500_000, m.Evidence)


def test_import_csv_writes_all_rows(engine):
    raw = export_csv([m.Evidence(kind="skill", title=f"S{i}") for i in range(5)], m.Evidence)
    assert import_csv(engine, "alice", raw, m.Evidence, now=NOW) == 5
    assert len(repo.list_all(engine, "alice", m.Evidence)) == 5


def test_unknown_competency_keys_are_refused_per_row():
    raw = b"kind,title,competencies\r\nskill,SQL,analytical_thinking\r\nskill,Python,wizardry\r\n"
    with pytest.raises(ImportRefused) as err:
        parse_csv(raw, m.Evidence)
    assert [(r, c) for r, c, _ in err.value.problems] == [(3, "competencies")]
