"""AppTest for the Second-look case page on the demo workspace (Pelican Row: three answered points)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lib import models as m
from lib.storage import repo
from tests.pages.helpers import app_test, open_page
from tests.pages.helpers import button as _button
from tests.pages.helpers import interview_named as _interview
from tests.pages.helpers import store_engine as _engine

PAGE = "pages/case.py"


def _open():
    return open_page(PAGE)


def _multiselect(at, item_id: int):
    return next(w for w in at.multiselect if w.key.startswith(f"case_ev_{item_id}_"))


def test_summary_warnings_and_exports_on_the_demo(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    assert at.selectbox(key="case_interview").value == _interview(engine, "Pelican Row Learning").id
    assert len(at.multiselect) == 3
    metrics = {x.label: x.value for x in at.metric}
    assert int(metrics["Words"]) <= 250  # the demo's answer is a model of brevity
    assert not any("words; under 250" in w.value for w in at.warning)
    assert metrics["Points without evidence"] == "0"
    # a rambling paragraph pushes it over the aim and the page says so
    point = repo.list_all(engine, "local", m.CasePoint)[0]
    repo.update(engine, "local", dataclasses.replace(point, paragraph=point.paragraph + " I also did more." * 40),
                now=dt.datetime.now(dt.UTC))
    at.run()
    assert int({x.label: x.value for x in at.metric}["Words"]) > 250
    assert any("words; under 250" in w.value for w in at.warning)
    labels = {d.proto.label for d in at.get("download_button")}
    assert {"Plain text", "Markdown", "Word (.docx)"} <= labels
    code = at.get("code")
    assert code and "Dear Siob" in code[0].proto.code_text


def test_pick_evidence_for_an_unanswered_point_creates_it(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    orchard = _interview(engine, "Orchard & Vane")
    at.selectbox(key="case_interview").set_value(orchard.id).run()
    item = repo.list_all(engine, "local", m.FeedbackItem, interview_id=orchard.id)[0]
    widget = _multiselect(at, item.id)
    proposed = list(widget.value)
    assert len(proposed) == 1, "the strongest evidence is proposed"
    assert any("not saved yet" in c.value for c in at.caption)
    assert any("Nothing in your bank is tagged System design" in i.value for i in at.info)
    assert repo.list_all(engine, "local", m.CasePoint, interview_id=orchard.id) == []
    other = next(e.id for e in repo.list_all(engine, "local", m.Evidence)
                 if e.kind == m.EvidenceKind.ACHIEVEMENT and e.id not in proposed)
    widget.set_value([other]).run()
    assert not at.exception and not at.error
    points = repo.list_all(engine, "local", m.CasePoint, interview_id=orchard.id)
    assert [p.evidence_ids for p in points] == [(other,)]
    ev = repo.get(engine, "local", m.Evidence, other)
    assert ev.title.split(" ")[0] in next(t.value for t in at.text_area if t.key.startswith(f"case_par_{item.id}_"))


def test_no_evidence_and_vague_sentences_are_flagged_next_to_the_point(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    item = repo.list_all(engine, "local", m.FeedbackItem, interview_id=pelican.id)[0]
    point = next(p for p in repo.list_all(engine, "local", m.CasePoint) if p.feedback_id == item.id)
    _multiselect(at, item.id).set_value([]).run()
    assert repo.get(engine, "local", m.CasePoint, point.id).evidence_ids == ()
    assert any("cites no evidence" in w.value for w in at.warning)
    assert {x.label: x.value for x in at.metric}["Points without evidence"] == "1"

    at.text_area(key=f"fs_CasePoint_{point.id}_paragraph").input("I am a passionate team player.").run()
    assert repo.get(engine, "local", m.CasePoint, point.id).paragraph == "I am a passionate team player."
    vague = [w.value for w in at.warning if "sounds general" in w.value]
    assert vague and "passionate" in vague[0]
    assert any(w.value.startswith("**Point 1:**") for w in at.warning)


def test_save_the_letter_and_stale_paragraph_conflict(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    _button(at, "Save as my letter").click().run()
    letters = [x for x in repo.list_all(engine, "local", m.Letter) if x.kind == "reconsideration"]
    assert len(letters) == 1 and letters[0].interview_id == pelican.id
    assert letters[0].body.strip() == at.get("code")[0].proto.code_text.strip()
    assert any("up to date" in c.value for c in at.caption)

    point = repo.list_all(engine, "local", m.CasePoint, interview_id=pelican.id)[1]
    repo.update(engine, "local", dataclasses.replace(point, paragraph="Other tab's words, with 3 numbers."),
                now=dt.datetime.now(dt.UTC))
    at.text_area(key=f"fs_CasePoint_{point.id}_paragraph").input("My words.").run()
    assert any("another tab" in e.value for e in at.error)
    assert repo.get(engine, "local", m.CasePoint, point.id).paragraph == "Other tab's words, with 3 numbers."


def test_accept_proposed_actions_and_tick_one_done(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    before = repo.list_all(engine, "local", m.ActionItem)
    proposals = [c for c in at.checkbox if c.key and c.key.startswith(f"case_prop_{pelican.id}_")]
    assert proposals
    proposals[0].uncheck()
    _button(at, "Add the ticked actions to my plan").click().run()
    _button(at, "Add the ticked actions to my plan").click().run()  # a second click adds nothing more
    after = repo.list_all(engine, "local", m.ActionItem)
    added = [a for a in after if a.id not in {b.id for b in before}]
    assert len(added) == len(proposals) - 1
    assert all(a.interview_id == pelican.id and a.due_on and a.due_on > dt.date.today() for a in added)
    assert all(a.gap_class in ("skill_gap", "demonstration_gap") for a in added)
    # accepted actions are no longer proposed
    assert len([c for c in at.checkbox if c.key and c.key.startswith(f"case_prop_{pelican.id}_")]) == 1
    at.checkbox(key=f"fs_ActionItem_{added[0].id}_done").check().run()
    assert repo.get(engine, "local", m.ActionItem, added[0].id).done is True
    assert any(d.proto.label.startswith("Add the open actions") for d in at.get("download_button"))


def test_coach_view_is_read_only(isolated_store):
    from lib.sharing import create_share

    _open()
    engine = _engine(isolated_store)
    pelican = _interview(engine, "Pelican Row Learning")
    _, token = create_share(engine, "local", label="Coach", now=dt.datetime.now(dt.UTC), interview_ids=[pelican.id])
    at = app_test()
    at.query_params["share"] = token
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Save as my letter" not in labels and "Redraft from the chosen evidence" not in labels
    assert all(w.disabled for w in at.multiselect) and all(t.disabled for t in at.text_area)
    assert all(c.disabled for c in at.checkbox)
    assert {d.proto.label for d in at.get("download_button")} >= {"Plain text", "Word (.docx)"}


def test_owner_without_feedback_is_sent_to_the_feedback_page(isolated_store):
    at = app_test().run()
    at.checkbox(key="confirm_clear_demo").check().run()
    at.button(key="clear_demo").click().run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("No feedback recorded yet" in i.value for i in at.info)


def test_a_link_can_name_the_interview(isolated_store):
    at = app_test().run()
    engine = _engine(isolated_store)
    orchard = _interview(engine, "Orchard & Vane")
    at.query_params["interview"] = str(orchard.id)
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="case_interview").value == orchard.id
