import datetime as dt
import json

import pytest

from lib import models as m
from lib.errors import ImportRefused
from lib.storage import repo, workspace
from lib.transfer import backup_workspace, parse_backup, restore_backup
from tests.conftest import NOW

LONG_NOTE = ("Ünïcødé — “quotes”, emoji 🎯🚀, RTL שלום مرحبا, CJK 面试, zero‑width\u200b. " * 1100)[:100_000]


def _fill(engine, owner="alice"):
    ev = repo.add(engine, owner, m.Evidence(kind="story", title="Rescued the launch 🚀", situation="S",
                                            task="T", action="A", result="Shipped 2 weeks early",
                                            tags=("launch",), competencies=("execution",),
                                            started_on=dt.date(2025, 1, 1)), now=NOW)
    iv = repo.add(engine, owner, m.Interview(company="Café Zoë", role="Analyst", interview_date=dt.date(2026, 9, 1),
                                             stages=("applied", "screen"), furthest_stage="screen",
                                             outcome="rejected", decided_on=dt.date(2026, 9, 3),
                                             notes=LONG_NOTE, interviewers=("Ana", "Bo")), now=NOW)
    repo.add(engine, owner, m.ScriptItem(interview_id=iv.id, question="Why?", rating=2,
                                         competencies=("motivation_fit",)), now=NOW)
    c = repo.add(engine, owner, m.Contact(interview_id=iv.id, name="Ana", email="ana@example.org"), now=NOW)
    repo.add(engine, owner, m.ContactAttempt(interview_id=iv.id, contact_id=c.id, on=dt.date(2026, 9, 4)), now=NOW)
    fb = repo.add(engine, owner, m.FeedbackItem(interview_id=iv.id, wording="Needed more SQL"), now=NOW)
    repo.add(engine, owner, m.CasePoint(interview_id=iv.id, feedback_id=fb.id, evidence_ids=(ev.id,)), now=NOW)
    repo.add(engine, owner, m.ActionItem(title="Practise SQL", due_on=dt.date(2026, 12, 1), interview_id=iv.id), now=NOW)
    repo.add(engine, owner, m.RequirementOverride(interview_id=iv.id, req_key="abc", excluded_evidence=(ev.id,)), now=NOW)
    parent = repo.add(engine, owner, m.Comment(interview_id=iv.id, target="interview", body="Good", author_name="Kim"),
                      now=NOW)
    repo.add(engine, owner, m.Comment(interview_id=iv.id, target="interview", body="Thanks", author_name="Me",
                                      author_role="owner", parent_id=parent.id), now=NOW)


def test_backup_restore_backup_is_identical(engine):
    _fill(engine)
    first = backup_workspace(engine, "alice", now=NOW)
    repo.add(engine, "carol", m.Evidence(kind="skill", title="shifts ids"), now=NOW)  # db ids will differ
    restore_backup(engine, "bob", first, now=NOW)
    second = backup_workspace(engine, "bob", now=NOW)
    assert first == second
    assert LONG_NOTE in first.decode("utf-8")


def test_restore_ignores_ids_and_owners_in_the_file(engine):
    _fill(engine)
    raw = backup_workspace(engine, "alice", now=NOW)
    before = workspace.counts(engine, "alice")
    restore_backup(engine, "bob", raw, now=NOW)
    assert workspace.counts(engine, "alice") == before  # alice untouched
    assert workspace.counts(engine, "bob") == before


def _doc(**overrides):
    doc = {"format": "secondlook-backup", "schema_version": 1, "workspace": {},
           "evidence": [{"id": 1, "kind": "skill", "title": "SQL"}]}
    doc.update(overrides)
    return doc


@pytest.mark.parametrize("raw, message", [
    (b'{"format": "secondlook-backup", "format": "x"}', "repeats the key"),
    (b'{"format": "secondlook-backup", "schema_version": NaN}', "NaN"),
    (b"[" * 200_000 + b"]" * 200_000, "nested"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
    (b"{not json", "not valid JSON"),
    (json.dumps(_doc(schema_version=99)).encode(), "newer"),
    (json.dumps(_doc(format="other")).encode(), "not a Second Look backup"),
    (json.dumps(_doc(evidence=[{"id": 1, "kind": "skill", "title": ""}])).encode(), "invalid record"),
    (json.dumps(_doc(evidence=[{"id": 1, "kind": "wizardry", "title": "x"}])).encode(), "invalid record"),
    (json.dumps(_doc(evidence=[{"id": 1, "kind": "skill", "title": "x", "owner": "bob"}])).encode(), "invalid"),
    (json.dumps(_doc(script_items=[{"id": 1, "interview_id": 77, "question": "Q"}])).encode(), "broken reference"),
])
def test_bad_files_are_refused_with_a_clear_message(raw, message):
    with pytest.raises(ImportRefused, match=message):
        parse_backup(raw)


def test_refused_import_writes_nothing(engine):
    _fill(engine)
    before = workspace.counts(engine, "alice")
    bad = json.dumps(_doc(evidence=[{"id": 1, "kind": "skill", "title": "ok"},
                                    {"id": 2, "kind": "skill", "title": ""}])).encode()
    with pytest.raises(ImportRefused) as err:
        restore_backup(engine, "alice", bad, now=NOW)
    assert err.value.problems[0][0] == 2  # the second record
    assert workspace.counts(engine, "alice") == before


def test_oversized_file_names_size_and_limit():
    with pytest.raises(ImportRefused, match=r"11\.0 MB; the limit is 10\.0 MB"):
        parse_backup(b" " * (11 * 1024 * 1024))


def test_replace_swaps_content_in_one_transaction(engine):
    _fill(engine)
    raw = backup_workspace(engine, "alice", now=NOW)
    restore_backup(engine, "alice", raw, now=NOW, replace=True)
    assert workspace.counts(engine, "alice")["evidence"] == 1
