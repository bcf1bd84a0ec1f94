import datetime as dt

import pytest

from lib import models as m
from lib.errors import ConflictError, NotFound
from lib.storage import repo, workspace
from tests.conftest import NOW


def _interview(**kw):
    base = dict(company="Northwind", role="Analyst", interview_date=dt.date(2026, 10, 1))
    base.update(kw)
    return m.Interview(**base)


def test_add_get_list_roundtrip_keeps_every_field(engine):
    ev = m.Evidence(kind="story", title="Migrated billing — ünïcødé 🚀", situation="S", task="T", action="A",
                    result="Cut costs 30%", tags=("billing", "sql"), competencies=("ownership",),
                    started_on=dt.date(2024, 1, 2), ended_on=dt.date(2024, 5, 1), source="typed")
    saved = repo.add(engine, "alice", ev, now=NOW)
    assert saved.id is not None and saved.version == 1
    assert repo.get(engine, "alice", m.Evidence, saved.id) == saved
    assert repo.list_all(engine, "alice", m.Evidence) == [saved]


def test_every_query_is_scoped_by_owner(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    assert repo.list_all(engine, "bob", m.Interview) == []
    with pytest.raises(NotFound):
        repo.get(engine, "bob", m.Interview, iv.id)
    with pytest.raises(NotFound):  # bob can't hang a question off alice's interview
        repo.add(engine, "bob", m.ScriptItem(interview_id=iv.id, question="Why?"), now=NOW)
    with pytest.raises(NotFound):
        repo.delete(engine, "bob", m.Interview, iv.id, now=NOW)
    with pytest.raises(NotFound):
        repo.update(engine, "bob", iv, now=NOW)
    assert repo.get(engine, "alice", m.Interview, iv.id) == iv


def test_forbidden_and_missing_look_the_same(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    with pytest.raises(NotFound) as forbidden:
        repo.get(engine, "bob", m.Interview, iv.id)
    with pytest.raises(NotFound) as missing:
        repo.get(engine, "bob", m.Interview, iv.id + 999)
    assert str(forbidden.value) == str(missing.value)


def test_id_lists_are_checked_against_the_owner(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    fb = repo.add(engine, "alice", m.FeedbackItem(interview_id=iv.id, wording="Too vague"), now=NOW)
    other = repo.add(engine, "bob", m.Evidence(kind="skill", title="SQL"), now=NOW)
    with pytest.raises(NotFound):
        repo.add(engine, "alice", m.CasePoint(interview_id=iv.id, feedback_id=fb.id, evidence_ids=(other.id,)),
                 now=NOW)


def test_stale_update_raises_conflict_and_keeps_the_newer_text(engine):
    ev = repo.add(engine, "alice", m.Evidence(kind="skill", title="SQL"), now=NOW)
    tab1 = repo.update(engine, "alice", m.Evidence(**{**ev.__dict__, "title": "SQL (advanced)"}), now=NOW)
    stale = m.Evidence(**{**ev.__dict__, "title": "SQL basics"})
    with pytest.raises(ConflictError):
        repo.update(engine, "alice", stale, now=NOW)
    assert repo.get(engine, "alice", m.Evidence, ev.id).title == "SQL (advanced)"
    assert tab1.version == 2
    with pytest.raises(ConflictError):
        repo.delete(engine, "alice", m.Evidence, ev.id, now=NOW, version=1)


def test_double_submit_creates_one_record(engine):
    obj = m.Evidence(kind="skill", title="Python")
    first = repo.add(engine, "alice", obj, now=NOW, request_id="req-1")
    second = repo.add(engine, "alice", obj, now=NOW, request_id="req-1")
    assert first.id == second.id
    assert len(repo.list_all(engine, "alice", m.Evidence)) == 1
    # the same request id from another owner is a different request
    repo.add(engine, "bob", obj, now=NOW, request_id="req-1")
    assert len(repo.list_all(engine, "bob", m.Evidence)) == 1


def test_delete_cascades_to_questions(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    repo.add(engine, "alice", m.ScriptItem(interview_id=iv.id, question="Tell me about yourself"), now=NOW)
    repo.delete(engine, "alice", m.Interview, iv.id, now=NOW)
    assert repo.list_all(engine, "alice", m.ScriptItem) == []


def test_reorder_sets_positions(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    qs = [repo.add(engine, "alice", m.ScriptItem(interview_id=iv.id, question=f"Q{i}", position=i), now=NOW)
          for i in range(3)]
    repo.reorder(engine, "alice", m.ScriptItem, [qs[2].id, qs[0].id, qs[1].id], now=NOW)
    assert [q.question for q in repo.list_all(engine, "alice", m.ScriptItem, interview_id=iv.id)] == ["Q2", "Q0", "Q1"]


def test_data_version_grows_with_every_write(engine):
    v0 = workspace.data_version(engine, "alice")
    ev = repo.add(engine, "alice", m.Evidence(kind="skill", title="SQL"), now=NOW)
    v1 = workspace.data_version(engine, "alice")
    repo.update(engine, "alice", ev, now=NOW)
    assert v0 < v1 < workspace.data_version(engine, "alice")
    assert workspace.data_version(engine, "bob") == 0


def test_timestamps_come_back_timezone_aware(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    c = repo.add(engine, "alice", m.Comment(interview_id=iv.id, target="interview", body="Nice", author_name="Coach"),
                 now=NOW)
    loaded = repo.get(engine, "alice", m.Comment, c.id)
    assert loaded.created_at == NOW and loaded.created_at.tzinfo is not None


def test_delete_workspace_removes_everything(engine):
    iv = repo.add(engine, "alice", _interview(), now=NOW)
    repo.add(engine, "alice", m.ScriptItem(interview_id=iv.id, question="Q"), now=NOW)
    repo.add(engine, "bob", m.Evidence(kind="skill", title="SQL"), now=NOW)
    workspace.delete_workspace(engine, "alice")
    assert workspace.get_workspace(engine, "alice") is None
    assert all(n == 0 for n in workspace.counts(engine, "alice").values())
    assert workspace.counts(engine, "bob")["evidence"] == 1
