"""``secondlook letter`` on the demo workspace: Markdown, plain text and DOCX; bad ids and args exit 2."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from lib import models as m
from lib.cli import main
from lib.cli_letters import letter_bytes
from lib.demo import demo_data
from lib.errors import NotFound, ValidationError
from lib.storage import open_store, repo

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('letters') / 'cli.sqlite'}"
    assert main(["demo", "--db", url]) == 0
    engine = open_store(url, now=dt.datetime.now(dt.UTC))
    by_company = {iv.company: iv.id for iv in repo.list_all(engine, "local", m.Interview)}
    points = {p.feedback_id: p for p in repo.list_all(engine, "local", m.CasePoint)}
    items = repo.list_all(engine, "local", m.FeedbackItem, interview_id=by_company["Pelican Row Learning"])
    yield url, by_company, [points[f.id].paragraph for f in items]
    engine.dispose()


def test_markdown_to_stdout_contains_each_point(demo_db, capsys):
    url, ids, paragraphs = demo_db
    assert main(["letter", "--db", url, "--interview", str(ids["Pelican Row Learning"])]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Second look: Product Manager, Learner Insights at Pelican Row Learning")
    assert out.count("\n\n") >= 5
    for paragraph in paragraphs:
        # Markdown escapes user text: compare on a stretch without special characters
        assert paragraph.split(":")[0][:30] in out


def test_plain_text_is_unescaped_and_signed(demo_db, capsys):
    url, ids, paragraphs = demo_db
    assert main(["letter", "--db", url, "--interview", str(ids["Pelican Row Learning"]), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    for paragraph in paragraphs:
        assert paragraph in out
    assert "Dear Siobhán," in out and out.rstrip().endswith("Inês Carvalho")


def test_docx_needs_a_file_and_holds_each_point(demo_db, tmp_path, capsys):
    url, ids, paragraphs = demo_db
    iv = str(ids["Pelican Row Learning"])
    assert main(["letter", "--db", url, "--interview", iv, "--format", "docx"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("secondlook: ") and "-o" in err and "\n" not in err
    target = tmp_path / "case.docx"
    assert main(["letter", "--db", url, "--interview", iv, "--format", "docx", "-o", str(target)]) == 0
    texts = [p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs]
    for paragraph in paragraphs:
        assert paragraph in texts
    assert texts[0].startswith("Second look:")


def test_unanswered_points_use_the_proposed_evidence(demo_db, capsys):
    url, ids, _ = demo_db
    assert main(["letter", "--db", url, "--interview", str(ids["Orchard & Vane"]), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert "About “I could not design the event tracking" in out


@pytest.mark.parametrize("argv", [
    ["letter", "--interview", "9999"],
    ["letter", "--interview", "abc"],
    ["letter"],
    ["letter", "--interview", "1", "--format", "pdf"],
])
def test_bad_ids_and_args_exit_2_with_one_line(demo_db, capsys, argv):
    url, _, _ = demo_db
    assert main([*argv, "--db", url]) == 2
    err = capsys.readouterr().err.strip()
    assert err and "Traceback" not in err


def test_unknown_id_message_names_it(demo_db, capsys):
    url, _, _ = demo_db
    assert main(["letter", "--db", url, "--interview", "9999"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "secondlook: There is no interview with id 9999 in this workspace."


def test_interview_without_feedback_exits_2(demo_db, capsys):
    url, ids, _ = demo_db
    assert main(["letter", "--db", url, "--interview", str(ids["Fernhollow Games"])]) == 2
    assert "no feedback recorded" in capsys.readouterr().err


def test_letter_bytes_is_pure_over_workspace_data():
    data, name = demo_data(today=TODAY)
    pelican = next(iv for iv in data.interviews if iv.company == "Pelican Row Learning")
    text = letter_bytes(data, pelican.id, "txt", sender_name=name).decode("utf-8")
    assert text == letter_bytes(data, pelican.id, "txt", sender_name=name).decode("utf-8")
    assert text.startswith("Second look:") and name in text
    with pytest.raises(NotFound):
        letter_bytes(data, 12345, "md")
    fernhollow = next(iv for iv in data.interviews if iv.company == "Fernhollow Games")
    with pytest.raises(ValidationError):
        letter_bytes(data, fernhollow.id, "md")
