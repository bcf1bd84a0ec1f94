"""AppTest of the One-page PDF screen on the demo workspace (TF-IDF matcher for speed)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pages.helpers import app_test

pytestmark = pytest.mark.usefixtures("tfidf_encoder")


def _open():
    at = app_test().run()
    at.switch_page("pages/one_pager.py").run()
    assert not at.exception, at.exception
    return at


def _interview_id(url: str, company: str) -> int:
    from lib import models as m
    from lib.storage import open_store, repo

    engine = open_store(url, now=dt.datetime.now(dt.UTC))
    found = next(iv.id for iv in repo.list_all(engine, "local", m.Interview) if iv.company == company)
    engine.dispose()
    return found


def _download(at):
    return next(el for el in at.get("download_button") if el.proto.id and "op_download" in el.proto.id)


def test_defaults_to_the_latest_rejection_with_a_download_and_a_preview(isolated_store):
    at = _open()
    assert at.title[0].value == "One-page PDF"
    # the most recent rejection in the demo
    assert at.selectbox(key="op_interview").value == _interview_id(isolated_store, "Fernhollow Games")  # the most recent rejection in the demo
    assert _download(at).proto.label == "Download the PDF"
    heads = [h.value for h in at.subheader]
    for title in ("What went right", "What went wrong", "Competencies", "Action plan", "Feedback request"):
        assert title in heads
    assert any("A4" in c.value for c in at.caption)


def test_choosing_an_interview_and_paper_updates_the_page(isolated_store):
    at = _open()
    at.selectbox(key="op_interview").set_value(_interview_id(isolated_store, "Pelican Row Learning")).run()
    assert not at.exception
    heads = [h.value for h in at.subheader]
    assert "The employer’s 3 things" in heads  # Pelican Row gave three reasons
    assert any("stakeholders" in md.value for md in at.markdown)
    at.button_group(key="op_paper").set_value("letter").run()
    assert not at.exception
    assert any("US Letter" in c.value for c in at.caption)
    assert _download(at).proto.label == "Download the PDF"


def test_comments_switch_leaves_the_coach_comments_out(isolated_store):
    from lib import models as m
    from lib.storage import open_store, repo

    at = _open()  # seeds the demo workspace
    engine = open_store(isolated_store, now=dt.datetime.now(dt.UTC))
    iv_id = _interview_id(isolated_store, "Fernhollow Games")
    repo.add(engine, "local", m.Comment(iv_id, m.CommentTarget.INTERVIEW, "Lead with the holdout idea next time.",
                                        "Dana (coach)", created_at=dt.datetime.now(dt.UTC)), now=dt.datetime.now(dt.UTC))
    engine.dispose()
    at.run()
    assert "Coach’s comments" in [h.value for h in at.subheader]
    assert any("holdout idea" in md.value for md in at.markdown)
    at.toggle(key="op_comments").set_value(False).run()
    assert not at.exception
    assert "Coach’s comments" not in [h.value for h in at.subheader]
    assert _download(at).proto.label == "Download the PDF"
