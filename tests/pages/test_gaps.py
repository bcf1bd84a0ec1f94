"""AppTest for the Gap scoring page on the demo workspace."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lib import models as m
from lib.demo import load_demo
from lib.jd import parse_jd
from lib.storage import open_store, repo, workspace
from tests.pages.helpers import app_test

PAGE = "pages/gaps.py"


def _engine(url):
    """The test's database, seeded with the demo as the app would on its first run."""
    engine = open_store(url, now=dt.datetime.now(dt.UTC))
    if workspace.get_workspace(engine, "local") is None:
        load_demo(engine, "local", today=dt.date.today(), now=dt.datetime.now(dt.UTC))
    return engine


def _open(at=None, interview_id: int | None = None):
    at = app_test(timeout=180) if at is None else at
    if interview_id is not None:
        at.query_params["interview"] = str(interview_id)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _interview(engine, company: str) -> m.Interview:
    return next(iv for iv in repo.list_all(engine, "local", m.Interview) if iv.company == company)


def _frame(at):
    return at.dataframe[0].value


def _metrics(at) -> dict[str, str]:
    return {x.label: x.value for x in at.metric}


def _by_prefix(widgets, prefix: str):
    found = [w for w in widgets if w.key and w.key.startswith(prefix)]
    assert found, f"no widget starting with {prefix!r}"
    return found[0]


def test_every_demo_interview_shows_its_requirements_and_evidence(isolated_store):
    at = _open()
    engine = _engine(isolated_store)
    interviews = repo.list_all(engine, "local", m.Interview)
    evidence_titles = {e.title for e in repo.list_all(engine, "local", m.Evidence)}
    assert len(interviews) >= 6
    for iv in interviews:
        at.selectbox(key="gap_interview").set_value(iv.id).run()
        assert not at.exception, at.exception
        frame = _frame(at)
        expected = [r.text for r in parse_jd(iv.jd_text).requirements]
        assert frame["Requirement"].tolist() == expected, iv.company
        assert set(frame["Best evidence"]) & evidence_titles, iv.company
        assert frame["Coverage"].between(0, 100).all()
        assert {"Fit", "Must-haves covered", "Covered", "Partly covered", "Gaps"} <= set(_metrics(at))
        counts = frame["Status"].map(lambda s: s[0]).value_counts()
        assert int(_metrics(at)["Gaps"]) == counts.get("gap", 0)
        assert any(md.value.startswith("#### ") for md in at.markdown)  # the why panel of the default row
    assert any("Matched with" in c.value for c in at.caption)


def test_choosing_a_requirement_explains_it_in_plain_words(isolated_store):
    engine = _engine(isolated_store)
    at = _open()
    iv = _interview(engine, "Orchard & Vane")
    at.selectbox(key="gap_interview").set_value(iv.id).run()
    frame = _frame(at)
    key = frame.loc[frame["Requirement"].str.startswith("Strong SQL and Python"), "key"].item()
    at.selectbox(key=f"gap_req_{iv.id}").set_value(key).run()
    assert not at.exception
    texts = [md.value for md in at.markdown]
    assert any(t.startswith("#### Strong SQL and Python") for t in texts)
    hits = [t for t in texts if " match: counts " in t]
    assert 1 <= len(hits) <= 3
    assert any("SQL" in t for t in hits)
    assert any(t.startswith("> ") and "**Strong SQL and Python" in t for t in texts)  # JD context, bolded
    assert not any("0000" in t for t in texts)  # no raw floats
    assert any("Skill gaps" == s.value for s in at.subheader)
    assert any("Demonstration gaps" == s.value for s in at.subheader)
    assert at.get("plotly_chart")


def test_overrides_persist_and_change_the_numbers(isolated_store):
    engine = _engine(isolated_store)
    iv = _interview(engine, "Orchard & Vane")
    at = _open(interview_id=iv.id)
    assert at.selectbox(key="gap_interview").value == iv.id
    frame = _frame(at)
    row = frame[frame["Requirement"].str.startswith("Knowledge of Airflow")].iloc[0]
    key, before = row["key"], _metrics(at)
    assert row["Kind"] == "Nice-to-have"
    at.selectbox(key=f"gap_req_{iv.id}").set_value(key).run()

    _by_prefix(at.selectbox, f"gap_kind_{iv.id}_{key}_").set_value(m.RequirementKind.MUST).run()
    assert not at.exception and not at.error
    stored = repo.list_all(engine, "local", m.RequirementOverride, interview_id=iv.id)
    assert [(o.req_key, o.kind) for o in stored] == [(key, m.RequirementKind.MUST)]
    frame = _frame(at)
    assert frame.loc[frame["key"] == key, "Kind"].item() == "Must-have"
    assert _metrics(at)["Must-haves covered"] != before["Must-haves covered"]

    _by_prefix(at.button, f"gap_ignore_{iv.id}_{key}_").click().run()
    assert not at.exception and not at.error
    assert repo.list_all(engine, "local", m.RequirementOverride, interview_id=iv.id)[0].ignored
    assert key not in set(_frame(at)["key"])
    assert _metrics(at)["Fit"] != before["Fit"]
    assert any(e.label.startswith("Ignored requirements (1)") for e in at.expander)

    at.button(key=f"gap_restore_{iv.id}_{key}").click().run()
    assert key in set(_frame(at)["key"])
    assert repo.list_all(engine, "local", m.RequirementOverride, interview_id=iv.id)[0].ignored is False


def test_not_relevant_evidence_and_a_stale_save(isolated_store):
    engine = _engine(isolated_store)
    iv = _interview(engine, "Orchard & Vane")
    at = _open(interview_id=iv.id)
    key = at.selectbox(key=f"gap_req_{iv.id}").value
    button = _by_prefix(at.button, f"gap_excl_{iv.id}_{key}_")
    evidence_id = int(button.key.rsplit("_", 1)[1])
    button.click().run()
    assert not at.exception and not at.error
    saved = repo.list_all(engine, "local", m.RequirementOverride, interview_id=iv.id)[0]
    assert saved.excluded_evidence == (evidence_id,)
    assert not any(b.key == f"gap_excl_{iv.id}_{key}_{evidence_id}" for b in at.button)
    assert any(c.value.startswith("Marked not relevant here") for c in at.caption)
    # another tab saves a correction meanwhile: this page's next save must not overwrite it
    repo.update(engine, "local", dataclasses.replace(saved, competency=""), now=dt.datetime.now(dt.UTC))
    _by_prefix(at.button, f"gap_ignore_{iv.id}_{key}_").click().run()
    assert any("changed" in e.value.lower() or "another" in e.value.lower() for e in at.error), \
        [e.value for e in at.error]
    assert repo.list_all(engine, "local", m.RequirementOverride, interview_id=iv.id)[0].ignored is False


def test_coach_view_has_no_override_controls(isolated_store):
    from lib.sharing import create_share

    _open()
    engine = _engine(isolated_store)
    iv = _interview(engine, "Orchard & Vane")
    _, token = create_share(engine, "local", label="Coach", now=dt.datetime.now(dt.UTC), interview_ids=[iv.id])
    at = app_test(timeout=180)
    at.query_params["share"] = token
    at = _open(at)
    assert not at.exception
    assert len(_frame(at)) == len(parse_jd(iv.jd_text).requirements)
    assert any(md.value.startswith("#### ") for md in at.markdown)
    keys = [w.key or "" for w in [*at.button, *at.selectbox]]
    assert not any(k.startswith(("gap_kind_", "gap_comp_", "gap_ignore_", "gap_excl_", "gap_restore_")) for k in keys)


def test_interview_without_a_job_description_shows_how_to_add_one(isolated_store):
    engine = _engine(isolated_store)
    _open()
    bare = repo.add(engine, "local", m.Interview(company="Nojd Ltd", role="Analyst",
                                                 interview_date=dt.date.today() - dt.timedelta(days=3)),
                    now=dt.datetime.now(dt.UTC))
    at = _open(interview_id=bare.id)
    assert at.selectbox(key="gap_interview").value == bare.id
    assert any("has no job description yet" in i.value for i in at.info)
    assert not at.dataframe and not at.metric
