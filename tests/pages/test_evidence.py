"""AppTest for the Evidence bank page: add, edit, delete, STAR hint, conflicts, résumé and CSV imports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from lib.models import Evidence, EvidenceKind
from lib.star_check import MSG_NOT_MEASURABLE
from lib.storage import make_engine, repo
from lib.transfer import export_csv
from tests.pages.helpers import app_test

RESUME = (Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "resume_sample.txt").read_bytes()
NOW = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def engine(isolated_store):
    eng = make_engine(isolated_store)
    yield eng
    eng.dispose()


def _open():
    at = app_test().run()
    at.switch_page("pages/evidence.py").run()
    assert not at.exception
    return at


def _bank(engine) -> list[Evidence]:
    return repo.list_all(engine, "local", Evidence)


def _errors(at) -> list[str]:
    return [e.value for e in at.error]


def _add(at, title: str, kind: EvidenceKind = EvidenceKind.STORY):
    at.selectbox(key="ev_new_kind").set_value(kind)
    at.text_input(key="ev_new_title").input(title)
    at.button(key="ev_add_submit").click().run()
    assert not at.exception
    return at


def _open_item(at, ev_id: int):
    at.session_state["ev_selected"] = ev_id
    return at.run()


def test_page_lists_the_demo_bank_in_a_table():
    at = _open()
    table = at.dataframe[0].value
    assert len(table) >= 25
    assert {"kind", "title", "competencies", "summary"} <= set(table.columns)


def test_search_and_kind_filter_narrow_the_table():
    at = _open()
    total = len(at.dataframe[0].value)
    at.multiselect(key="ev_kinds").set_value([EvidenceKind.SKILL]).run()
    skills = at.dataframe[0].value
    assert 0 < len(skills) < total and set(skills["kind"]) == {"Skill"}
    at.text_input(key="ev_search").input("zzzz-no-such-word").run()
    assert len(at.dataframe[0].value) == 0


def test_add_creates_one_item_and_opens_it_even_on_a_double_click(engine):
    at = _open()
    before = len(_bank(engine))
    _add(at, "Led the billing migration")
    assert any("Added" in s.value for s in at.success)
    _add(at, "Led the billing migration")  # the second click of a double click
    bank = _bank(engine)
    assert len(bank) == before + 1
    new = next(e for e in bank if e.title == "Led the billing migration")
    assert new.kind == EvidenceKind.STORY and new.source == "typed"
    assert at.session_state["ev_selected"] == new.id
    assert at.text_area(key=f"ev{new.id}_situation").value == ""


def test_add_with_an_empty_title_shows_the_message_and_saves_nothing(engine):
    at = _open()
    before = len(_bank(engine))
    _add(at, "   ")
    assert "Title is required." in _errors(at)
    assert len(_bank(engine)) == before


def test_editing_a_field_autosaves_with_its_version(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    at.text_input(key=f"ev{ev.id}_title").input("A sharper title").run()
    assert not at.exception and not _errors(at)
    saved = repo.get(engine, "local", Evidence, ev.id)
    assert saved.title == "A sharper title" and saved.version == ev.version + 1
    at.multiselect(key=f"ev{ev.id}_competencies").set_value(["leadership"]).run()
    assert repo.get(engine, "local", Evidence, ev.id).competencies == ("leadership",)


def test_an_item_with_an_unknown_competency_key_still_opens(engine):
    at = _open()
    odd = repo.add(engine, "local", Evidence(kind=EvidenceKind.SKILL, title="Imported", competencies=("made_up",)),
                   now=NOW)
    _open_item(at, odd.id)
    assert not at.exception
    assert at.multiselect(key=f"ev{odd.id}_competencies").value == ["made_up"]


def test_empty_title_on_edit_is_refused_next_to_the_field(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    at.text_input(key=f"ev{ev.id}_title").input("").run()
    assert "Title is required." in _errors(at)
    assert repo.get(engine, "local", Evidence, ev.id).title == ev.title


def test_star_result_without_a_number_gets_a_kind_warning_but_is_saved(engine):
    at = _open()
    _add(at, "Helped a new colleague")
    ev = next(e for e in _bank(engine) if e.title == "Helped a new colleague")
    at.text_area(key=f"ev{ev.id}_result").input("They felt much more confident afterwards.").run()
    assert MSG_NOT_MEASURABLE in [w.value for w in at.warning]
    assert repo.get(engine, "local", Evidence, ev.id).result == "They felt much more confident afterwards."
    at.text_area(key=f"ev{ev.id}_result").input("They closed 3 tickets on their own in week one.").run()
    assert MSG_NOT_MEASURABLE not in [w.value for w in at.warning]


def test_a_stale_edit_shows_the_conflict_and_overwrites_nothing(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    repo.update(engine, "local", dataclasses.replace(ev, title="Saved in another tab"), now=NOW)
    at.text_input(key=f"ev{ev.id}_title").input("Typed here").run()
    assert any("changed in another tab" in e for e in _errors(at))
    assert repo.get(engine, "local", Evidence, ev.id).title == "Saved in another tab"
    assert at.text_input(key=f"ev{ev.id}_title").value == "Typed here"  # the typed text is kept
    at.button(key=f"ev{ev.id}_reload").click().run()
    assert at.text_input(key=f"ev{ev.id}_title").value == "Saved in another tab"
    assert not _errors(at)


def test_an_unchanged_editor_picks_up_a_save_made_elsewhere(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    repo.update(engine, "local", dataclasses.replace(ev, title="Renamed elsewhere"), now=NOW)
    at.run()
    assert at.text_input(key=f"ev{ev.id}_title").value == "Renamed elsewhere"


def test_delete_needs_a_confirmation_and_removes_the_item(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    assert at.button(key=f"ev{ev.id}_delete").disabled
    at.checkbox(key=f"ev{ev.id}_confirm_delete").check().run()
    at.button(key=f"ev{ev.id}_delete").click().run()
    assert not at.exception
    assert all(e.id != ev.id for e in _bank(engine))
    assert "ev_selected" not in at.session_state


def test_a_stale_delete_is_refused(engine):
    at = _open()
    ev = _bank(engine)[0]
    _open_item(at, ev.id)
    at.checkbox(key=f"ev{ev.id}_confirm_delete").check().run()
    repo.update(engine, "local", dataclasses.replace(ev, title="Saved in another tab"), now=NOW)
    at.button(key=f"ev{ev.id}_delete").click().run()
    assert any("changed in another tab" in e for e in _errors(at))
    assert repo.get(engine, "local", Evidence, ev.id).title == "Saved in another tab"


def test_resume_upload_proposes_items_and_saves_only_when_accepted(engine):
    at = _open()
    before = len(_bank(engine))
    at.file_uploader(key="ev_resume_file").upload("resume.txt", RESUME, "text/plain").run()
    assert not at.exception and not _errors(at)
    proposal = at.data_editor(key="ev_resume_editor").value
    assert len(proposal) >= 5 and proposal["keep"].all()
    assert len(_bank(engine)) == before  # nothing saved yet
    add = at.button(key="ev_resume_add")
    assert add.label == f"Add {len(proposal)} selected items"
    add.click().run()
    assert not at.exception
    assert len(_bank(engine)) == before + len(proposal)
    assert any("from your résumé" in s.value for s in at.success)
    at.run()  # the file is still in the uploader: nothing is added again
    assert len(_bank(engine)) == before + len(proposal)
    assert not at.data_editor


def test_resume_rows_can_be_unticked_before_adding(engine):
    at = _open()
    before = len(_bank(engine))
    at.file_uploader(key="ev_resume_file").upload("resume.txt", RESUME, "text/plain").run()
    n = len(at.data_editor(key="ev_resume_editor").value)
    at.session_state["ev_resume_editor"] = {"edited_rows": {0: {"keep": False}, 1: {"keep": False}},
                                            "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="ev_resume_add").click().run()
    assert len(_bank(engine)) == before + n - 2


def test_a_refused_file_shows_the_reason_and_stores_nothing(engine):
    at = _open()
    before = len(_bank(engine))
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 4
    at.file_uploader(key="ev_resume_file").upload("resume.pdf", exe, "application/pdf").run()
    assert not at.exception
    assert _errors(at) and "resume.pdf" in _errors(at)[0].replace("\\", "")
    assert not at.data_editor
    assert len(_bank(engine)) == before


def test_csv_import_with_a_bad_row_stores_nothing_and_lists_the_problem(engine):
    at = _open()
    before = len(_bank(engine))
    good = Evidence(kind=EvidenceKind.SKILL, title="Airflow")
    raw = export_csv([good], Evidence) + b"story,,no title here,,,,,,,,,\r\n"
    at.file_uploader(key="ev_csv_file").upload("bank.csv", raw, "text/csv").run()
    at.button(key="ev_csv_import").click().run()
    assert not at.exception
    assert any("nothing was imported" in e for e in _errors(at))
    problems = at.dataframe[-1].value
    assert list(problems["row"]) == [3] and list(problems["column"]) == ["title"]
    assert len(_bank(engine)) == before


def test_csv_import_of_good_rows_adds_them_once(engine):
    at = _open()
    before = len(_bank(engine))
    raw = export_csv([Evidence(kind=EvidenceKind.SKILL, title="Airflow"),
                      Evidence(kind=EvidenceKind.STORY, title="Ran the audit", result="Closed 14 findings")], Evidence)
    at.file_uploader(key="ev_csv_file").upload("bank.csv", raw, "text/csv").run()
    at.button(key="ev_csv_import").click().run()
    assert len(_bank(engine)) == before + 2
    at.run()
    assert len(_bank(engine)) == before + 2


def test_coach_sees_a_read_only_table_and_details(engine):
    sharing = pytest.importorskip("lib.sharing")
    at = _open()  # seeds the demo workspace
    _, token = sharing.create_share(engine, "local", label="Coach Sam", now=dt.datetime.now(dt.UTC))
    ev = _bank(engine)[0]
    coach = app_test("pages/evidence.py")
    coach.query_params["share"] = token
    coach.session_state["ev_selected"] = ev.id
    coach.run()
    assert not coach.exception
    assert len(coach.dataframe[0].value) == len(_bank(engine))
    assert [w.key for w in coach.text_input] == ["ev_search"]  # search only: no form fields
    assert not coach.text_area and not coach.file_uploader and not coach.button and not coach.data_editor
    assert any(ev.title[:20] in m.value.replace("\\", "") for m in coach.markdown)
    del at
