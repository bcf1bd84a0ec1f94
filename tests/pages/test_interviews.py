"""AppTest for the Interviews page: create, annotate, reorder, delete, validate, conflicts, JD upload, coach view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lib import models as m
from lib.sharing import create_share
from lib.storage import open_store, repo
from tests.pages.helpers import app_test

PAGE = "pages/interviews.py"
OWNER = "local"


@pytest.fixture
def engine(isolated_store):
    at = app_test().run()  # seeds the demo workspace into the test database
    assert not at.exception
    return open_store(isolated_store, now=dt.datetime.now(dt.UTC))


def _open():
    at = app_test().run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _errors(at) -> list[str]:
    return [e.value for e in at.error]


def _items(engine, iv_id) -> list[m.ScriptItem]:
    return repo.list_all(engine, OWNER, m.ScriptItem, interview_id=iv_id)


def _key(obj_type: str, obj_id: int, field: str) -> str:
    return f"as_{obj_type}_{obj_id}_{field}"


def _create(at, company="Quillon Maps", role="Data Analyst", when=dt.date(2026, 10, 1)):
    at.selectbox(key="iv_pick").set_value("new").run()
    at.text_input(key="iv_new_company").input(company)
    at.text_input(key="iv_new_role").input(role)
    at.date_input(key="iv_new_date").set_value(when)
    at.multiselect(key="iv_new_stages").select(m.Stage.SCREEN).select(m.Stage.FIRST_ROUND)
    at.button(key="iv_new_submit").click().run()
    assert not at.exception, at.exception
    return at


def _add_question(at, iv_id, text):
    at.text_input(key=f"q_new_{iv_id}").input(text)
    at.button(key=f"q_add_{iv_id}").click().run()
    assert not at.exception, at.exception


def _new_interview(engine) -> m.Interview:
    return next(iv for iv in repo.list_all(engine, OWNER, m.Interview) if iv.company == "Quillon Maps")


def test_opens_on_the_newest_interview_with_its_summary(engine):
    at = _open()
    newest = max(repo.list_all(engine, OWNER, m.Interview), key=lambda iv: (iv.interview_date, iv.id))
    assert at.selectbox(key="iv_pick").value == newest.id
    items = _items(engine, newest.id)
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Questions"] == str(len(items))
    rated = [q.rating for q in items if q.rating]
    assert metrics["Average self-rating"] == f"{sum(rated) / len(rated):.1f} / 5"
    assert any(x.value.startswith("**Best answer**") for x in at.markdown)
    assert len(at.feedback) == len(items)


def test_create_annotate_rate_reorder_and_delete_questions(engine):
    at = _create(_open())
    iv = _new_interview(engine)
    assert iv.role == "Data Analyst" and iv.stages == (m.Stage.SCREEN, m.Stage.FIRST_ROUND)
    assert iv.furthest_stage == m.Stage.FIRST_ROUND
    assert at.selectbox(key="iv_pick").value == iv.id  # the new interview is selected
    questions = ["Tell me about a conflict with a stakeholder.", "Walk me through a SQL query you tuned.",
                 "Why do you want this role?"]
    for text in questions:
        _add_question(at, iv.id, text)
    items = _items(engine, iv.id)
    assert [q.question for q in items] == questions
    assert [q.position for q in items] == [0, 1, 2]
    assert "conflict_resolution" in items[0].competencies  # suggested tags are pre-filled
    assert any(c.value.startswith("Suggested from the wording") and "✓" in c.value for c in at.caption)

    for q, rating in zip(items, (2, 4, 3), strict=True):
        at.text_area(key=_key("ScriptItem", q.id, "answer")).input(f"My answer to {q.id}").run()
        at.text_area(key=_key("ScriptItem", q.id, "went_wrong")).input("Too vague").run()
        at.feedback(key=_key("ScriptItem", q.id, "rating")).set_value(rating - 1).run()
    at.multiselect(key=_key("ScriptItem", items[1].id, "competencies")).select("technical_depth").run()
    assert not at.exception, at.exception
    items = _items(engine, iv.id)
    assert [q.rating for q in items] == [2, 4, 3]
    assert all(q.answer == f"My answer to {q.id}" and q.went_wrong == "Too vague" for q in items)
    assert "technical_depth" in items[1].competencies
    assert {x.label: x.value for x in at.metric}["Average self-rating"] == "3.0 / 5"

    at.feedback(key=_key("ScriptItem", items[0].id, "rating")).set_value(4).run()  # change a rating
    assert _items(engine, iv.id)[0].rating == 5
    assert "★★★★★" in at.expander(key=f"q_exp_{items[0].id}").label

    at.button(key=f"q_down_{items[0].id}").click().run()  # reorder
    assert [q.id for q in _items(engine, iv.id)] == [items[1].id, items[0].id, items[2].id]
    at.text_area(key=_key("ScriptItem", items[0].id, "next_time")).input("Lead with the result").run()
    assert not _errors(at)  # the moved item's version was kept in step: no false conflict
    assert _items(engine, iv.id)[1].next_time == "Lead with the result"

    at.button(key=f"q_del_{items[2].id}").click().run()  # delete
    assert [q.id for q in _items(engine, iv.id)] == [items[1].id, items[0].id]
    assert not at.exception


def test_validation_messages_next_to_the_fields(engine):
    at = _open()
    before = len(repo.list_all(engine, OWNER, m.Interview))
    at.selectbox(key="iv_pick").set_value("new").run()
    at.text_input(key="iv_new_role").input("Analyst")
    at.button(key="iv_new_submit").click().run()
    assert "Company is required." in _errors(at)
    assert len(repo.list_all(engine, OWNER, m.Interview)) == before

    at = _create(at)
    iv = _new_interview(engine)
    at.date_input(key=_key("Interview", iv.id, "decided_on")).set_value(dt.date(2026, 9, 1)).run()
    assert "The decision date is before the interview date." in _errors(at)
    assert repo.get(engine, OWNER, m.Interview, iv.id).decided_on is None
    at.date_input(key=_key("Interview", iv.id, "decided_on")).set_value(dt.date(2026, 10, 9)).run()
    assert not _errors(at)
    assert repo.get(engine, OWNER, m.Interview, iv.id).decided_on == dt.date(2026, 10, 9)

    at.selectbox(key=_key("Interview", iv.id, "furthest_stage")).set_value(m.Stage.APPLIED).run()
    assert any("furthest stage" in e for e in _errors(at))
    assert repo.get(engine, OWNER, m.Interview, iv.id).furthest_stage == m.Stage.FIRST_ROUND
    at.multiselect(key=_key("Interview", iv.id, "stages")).select(m.Stage.FINAL_ROUND).run()
    saved = repo.get(engine, OWNER, m.Interview, iv.id)
    assert saved.furthest_stage == m.Stage.FINAL_ROUND  # attending a later stage moves the furthest one
    assert at.selectbox(key=_key("Interview", iv.id, "furthest_stage")).value == m.Stage.FINAL_ROUND


def test_a_stale_save_shows_a_conflict_and_overwrites_nothing(engine):
    at = _open()
    iv_id = at.selectbox(key="iv_pick").value
    q = _items(engine, iv_id)[0]
    repo.update(engine, OWNER, dataclasses.replace(q, answer="Saved from another tab"),
                now=dt.datetime.now(dt.UTC))
    at.text_area(key=_key("ScriptItem", q.id, "answer")).input("My edit in this tab").run()
    assert any("changed in another tab" in w.value for w in at.warning)
    assert any("My edit in this tab" in c.value for c in at.code)  # the unsaved text can be copied back
    assert repo.get(engine, OWNER, m.ScriptItem, q.id).answer == "Saved from another tab"
    assert at.text_area(key=_key("ScriptItem", q.id, "answer")).value == "Saved from another tab"
    at.text_area(key=_key("ScriptItem", q.id, "answer")).input("Second try").run()  # now on the fresh version
    assert repo.get(engine, OWNER, m.ScriptItem, q.id).answer == "Second try"

    iv = repo.get(engine, OWNER, m.Interview, iv_id)
    repo.update(engine, OWNER, dataclasses.replace(iv, notes="Other tab"), now=dt.datetime.now(dt.UTC))
    at.text_area(key=_key("Interview", iv_id, "appraisal")).input("Mine").run()
    assert any("changed in another tab" in w.value for w in at.warning)
    assert repo.get(engine, OWNER, m.Interview, iv_id).appraisal == iv.appraisal


def test_refused_jd_upload_shows_an_error_and_stores_nothing(engine):
    at = _open()
    iv_id = at.selectbox(key="iv_pick").value
    before = repo.get(engine, OWNER, m.Interview, iv_id)
    at.file_uploader(key=f"jd_upload_{iv_id}").upload("advert.pdf", b"\x00\x01\x02\x03" * 64, "application/pdf")
    at.run()
    assert not at.exception, at.exception
    assert _errors(at), "a refused file must say why"
    after = repo.get(engine, OWNER, m.Interview, iv_id)
    assert (after.jd_text, after.version) == (before.jd_text, before.version)
    assert not [b for b in at.button if b.key and b.key.startswith("jd_")]


def test_uploaded_jd_is_reviewed_before_it_replaces_existing_text(engine):
    at = _create(_open())
    iv = _new_interview(engine)
    at.text_area(key=_key("Interview", iv.id, "jd_text")).input("Pasted advert text.").run()
    at.file_uploader(key=f"jd_upload_{iv.id}").upload(
        "advert.txt", b"Senior analyst. You will own the reporting pipeline.\n", "text/plain")
    at.run()
    assert repo.get(engine, OWNER, m.Interview, iv.id).jd_text == "Pasted advert text."  # not yet
    assert any("already have a job description" in w.value for w in at.warning)
    at.button(key=f"jd_append_{iv.id}").click().run()
    saved = repo.get(engine, OWNER, m.Interview, iv.id).jd_text
    assert saved.startswith("Pasted advert text.") and "own the reporting pipeline" in saved
    assert at.text_area(key=_key("Interview", iv.id, "jd_text")).value == saved


def test_appraisal_lists_unused_stories_and_autosaves(engine):
    at = _create(_open())
    iv = _new_interview(engine)
    _add_question(at, iv.id, "Tell me about a conflict with a stakeholder.")
    q = _items(engine, iv.id)[0]
    at.feedback(key=_key("ScriptItem", q.id, "rating")).set_value(0).run()
    stories = [e for e in repo.list_all(engine, OWNER, m.Evidence)
               if e.is_star and set(e.competencies) & set(q.competencies)]
    assert stories, "the demo bank should hold a matching story"
    text = " ".join(x.value for x in at.markdown)
    assert "Where exactly did it go wrong" in text and "Tell me about a conflict" in text
    assert any(s.title.split()[0] in text for s in stories)
    at.text_area(key=_key("Interview", iv.id, "appraisal")).input("I rambled in the conflict answer.").run()
    assert repo.get(engine, OWNER, m.Interview, iv.id).appraisal == "I rambled in the conflict answer."


def test_delete_an_interview_needs_confirmation(engine):
    at = _create(_open())
    iv = _new_interview(engine)
    assert at.button(key=f"iv_delete_{iv.id}").disabled
    at.checkbox(key=f"iv_delete_ok_{iv.id}").check().run()
    at.button(key=f"iv_delete_{iv.id}").click().run()
    assert not at.exception, at.exception
    assert all(x.id != iv.id for x in repo.list_all(engine, OWNER, m.Interview))
    assert at.selectbox(key="iv_pick").value != iv.id
    assert any("Deleted" in x.value for x in at.success)


def test_coach_view_is_read_only(engine):
    ivs = repo.list_all(engine, OWNER, m.Interview)
    shared = ivs[0]
    _, token = create_share(engine, OWNER, label="Coach Sam", interview_ids=[shared.id],
                            now=dt.datetime.now(dt.UTC))
    at = app_test()
    at.query_params["share"] = token
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="iv_pick").options == [f"{shared.role} at {shared.company} — "
                                                   f"{shared.interview_date:%d %b %Y}"]
    assert not at.text_input and not at.text_area and not at.feedback and not at.date_input
    assert not at.file_uploader and not at.multiselect
    assert not [b for b in at.button if b.key and b.key.startswith(("q_", "iv_", "jd_"))]
    labels = " ".join(x.value for x in at.markdown)
    assert all(q.question[:40] in labels for q in _items(engine, shared.id))


def test_markdown_in_user_text_is_shown_as_typed_not_rendered(engine):
    at = _create(_open(), company="Beacon [Co](https://evil.example)")
    iv = next(x for x in repo.list_all(engine, OWNER, m.Interview) if x.company.startswith("Beacon"))
    _add_question(at, iv.id, "![pixel](https://evil.example/p.png) **why** us?")
    q = _items(engine, iv.id)[0]
    label = at.expander(key=f"q_exp_{q.id}").label
    assert "![pixel](" not in label and "\\!\\[pixel\\]" in label
    assert not any("[Co](" in x.value for x in at.subheader)


def test_coach_comments_on_a_question_show_in_its_card(engine):
    newest = max(repo.list_all(engine, OWNER, m.Interview), key=lambda iv: (iv.interview_date, iv.id))
    q = _items(engine, newest.id)[1]
    repo.add(engine, OWNER, m.Comment(interview_id=newest.id, target=m.CommentTarget.SCRIPT_ITEM, target_id=q.id,
                                      body="Use the pipeline story here.", author_name="Sam"),
             now=dt.datetime.now(dt.UTC))
    at = _open()
    assert at.expander(key=f"q_exp_{q.id}").label.endswith(":material/chat: 1")
    assert any("Use the pipeline story here" in x.value for x in at.expander(key=f"q_exp_{q.id}").markdown)


def test_query_parameter_selects_an_interview_and_a_save_on_a_deleted_question_says_so(engine):
    oldest = min(repo.list_all(engine, OWNER, m.Interview), key=lambda iv: (iv.interview_date, iv.id))
    at = app_test().run()
    at.switch_page(PAGE)
    at.query_params["interview"] = str(oldest.id)
    at.run()
    assert at.selectbox(key="iv_pick").value == oldest.id
    q = _items(engine, oldest.id)[0]
    repo.delete(engine, OWNER, m.ScriptItem, q.id, now=dt.datetime.now(dt.UTC))
    at.text_area(key=_key("ScriptItem", q.id, "answer")).input("Too late").run()
    assert not at.exception, at.exception
    assert any("does not exist" in e for e in _errors(at))
