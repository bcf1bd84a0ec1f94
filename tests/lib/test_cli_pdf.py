"""``secondlook pdf``: the demo in memory, an interview from a SQLite store, and exit codes."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from lib.cli import main

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def _page(path) -> tuple[str, tuple[float, float]]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    return " ".join(reader.pages[0].extract_text().split()), (float(box.width), float(box.height))


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert main(["demo", "--db", url]) == 0
    return url


def test_demo_writes_one_page_without_opening_the_store(tmp_path, capsys):
    out, db = tmp_path / "demo.pdf", tmp_path / "never.sqlite"
    assert main(["pdf", "--demo", "--tfidf", "--db", f"sqlite:///{db}", "-o", str(out)]) == 0
    assert not db.exists()
    text, size = _page(out)
    # the demo's first rejected interview, on A4 (595 × 842 points)
    assert "Senior Product Analyst" in text and "Larchwell Health" in text
    assert "What went right" in text and "What went wrong" in text
    assert size == pytest.approx((595.28, 841.89), abs=0.5)
    assert "Wrote" in capsys.readouterr().out


def test_interview_from_the_store_on_letter_paper(store, tmp_path):
    from lib.storage import open_store, workspace

    engine = open_store(store, now=NOW)
    data = workspace.load_workspace(engine, "local")
    engine.dispose()
    pelican = next(iv for iv in data.interviews if iv.company == "Pelican Row Learning")
    out = tmp_path / "pelican.pdf"
    assert main(["pdf", "--db", store, "--interview", str(pelican.id), "--paper", "letter", "--tfidf",
                 "-o", str(out)]) == 0
    text, size = _page(out)
    assert pelican.role in text and "Pelican Row Learning" in text
    assert "The employer\u2019s 3 things" in text
    assert size == pytest.approx((612, 792), abs=0.5)


@pytest.mark.parametrize("args, words", [
    (["--interview", "9999"], "not found"),
    ([], "--interview"),
    (["--interview", "abc"], "invalid int"),
    (["--interview", "1", "--paper", "a5"], "invalid choice"),
])
def test_bad_arguments_exit_2_with_a_message(store, tmp_path, capsys, args, words):
    out = tmp_path / "x.pdf"
    assert main(["pdf", "--db", store, "--tfidf", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and not out.exists()


def test_unknown_demo_interview_is_one_line(tmp_path, capsys):
    assert main(["pdf", "--demo", "--tfidf", "--interview", "4242", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "secondlook: Interview 4242 was not found."
