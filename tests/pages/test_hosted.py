"""Hosted mode and coach sharing through the real page scripts (AppTest)."""

import datetime as dt
import hashlib

import pytest
import sqlalchemy as sa

from lib import models as m
from lib.sharing import create_share, revoke_share
from lib.storage import make_engine, repo, tables
from lib.ui.guard import owner_for_identity
from lib.ui.nav import available_pages
from tests.conftest import NOW
from tests.pages.helpers import app_test

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "id", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ALICE = {"is_logged_in": True, "iss": "https://idp.example.org", "sub": "alice-1", "name": "Alice", "email": "a@example.org"}
BOB = {"is_logged_in": True, "iss": "https://idp.example.org", "sub": "bob-2", "name": "Bob", "email": "b@example.org"}


def hosted(script="app.py", user=None):
    at = app_test(script)
    at.secrets["auth"] = AUTH
    for k, v in (user or {"is_logged_in": False}).items():
        at.user[k] = v
    return at


@pytest.fixture
def engine(isolated_store):
    from lib.storage import open_store

    eng = open_store(isolated_store, now=NOW)
    yield eng
    eng.dispose()


def _db_hash(engine) -> str:
    h = hashlib.sha256()
    with engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            if table.name == "shares":  # last_used_at is bookkeeping, not content
                cols = [c for c in table.c if c.name != "last_used_at"]
            else:
                cols = list(table.c)
            for row in conn.execute(sa.select(*cols).order_by(*table.primary_key.columns)):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def _seed(engine, owner, n):
    for i in range(n):
        repo.add(engine, owner, m.Evidence(kind="skill", title=f"{owner} skill {i}"), now=NOW)
    return repo.add(engine, owner, m.Interview(company=f"{owner} Co", role="Analyst",
                                               interview_date=dt.date(2026, 10, 1), outcome="rejected"), now=NOW)


def test_anonymous_visitor_sees_sign_in_and_no_data_query_runs(engine):
    at = hosted().run()
    assert not at.exception
    assert at.button(key="sign_in")
    assert not at.metric
    with engine.connect() as conn:  # no workspace was read or created for anyone
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.workspaces)).scalar_one() == 0


@pytest.mark.parametrize("script", [p[0] for p in available_pages()])
def test_anonymous_deep_link_to_any_page_shows_no_data(engine, script):
    _seed(engine, owner_for_identity(ALICE), 3)
    at = hosted(script).run()
    assert not at.exception
    assert at.button(key="sign_in")
    assert not at.metric and not at.dataframe


def test_two_owners_never_see_each_other(engine):
    _seed(engine, owner_for_identity(ALICE), 3)
    _seed(engine, owner_for_identity(BOB), 5)
    at_a = hosted(user=ALICE).run()
    at_b = hosted(user=BOB).run()
    assert {x.label: x.value for x in at_a.metric}["Evidence items"] == "3"
    assert {x.label: x.value for x in at_b.metric}["Evidence items"] == "5"
    assert not any("Demo data" in w.value for w in at_a.sidebar.warning)  # hosted owners start clean


def test_new_owner_gets_an_empty_workspace(engine):
    at = hosted(user=ALICE).run()
    assert {x.label: x.value for x in at.metric}["Evidence items"] == "0"


def test_coach_link_opens_only_the_shared_scope_and_is_removed_from_the_url(engine):
    alice = owner_for_identity(ALICE)
    iv1 = _seed(engine, alice, 2)
    repo.add(engine, alice, m.Interview(company="Hidden Co", role="Lead", interview_date=dt.date(2026, 10, 5)), now=NOW)
    _, token = create_share(engine, alice, label="Coach Sam", now=NOW, interview_ids=[iv1.id])
    at = hosted()
    at.query_params["share"] = token
    at.run()
    assert not at.exception
    assert "share" not in at.query_params
    assert any("Coach view" in i.value for i in at.sidebar.info)
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Interviews logged"] == "1"
    assert not any("Hidden Co" in md.value for md in at.markdown)


def test_coach_visiting_every_page_changes_nothing(engine):
    alice = owner_for_identity(ALICE)
    _seed(engine, alice, 2)
    from lib.demo import load_demo

    load_demo(engine, alice, today=NOW.date(), now=NOW)
    _, token = create_share(engine, alice, label="Coach", now=NOW, permission=m.SharePermission.COMMENT)
    before = _db_hash(engine)
    at = hosted()
    at.query_params["share"] = token
    at.run()
    for script, *_rest in available_pages():
        at.switch_page(script).run()
        assert not at.exception, script
        # every visible button is harmless or refused server-side; none may write
        for b in at.button:
            if b.key and not b.key.startswith(("sign", "FormSubmitter")):
                b.click().run()
                assert not at.exception, (script, b.key)
    assert _db_hash(engine) == before


def test_revocation_ends_an_open_coach_session_on_its_next_rerun(engine):
    alice = owner_for_identity(ALICE)
    _seed(engine, alice, 1)
    share, token = create_share(engine, alice, label="Coach", now=NOW)
    at = hosted()
    at.query_params["share"] = token
    at.run()
    assert any("Coach view" in i.value for i in at.sidebar.info)
    revoke_share(make_engine(str(engine.url)), alice, share.id, now=NOW)
    at.run()
    assert any("expired or was revoked" in e.value for e in at.error)
    assert not at.metric


def test_hosted_on_sqlite_warns_about_ephemeral_disks(engine):
    at = hosted(user=ALICE).run()
    assert any("disk" in w.value.lower() for w in at.sidebar.warning)


def test_coach_comments_on_the_case_and_plan_reach_the_owner(engine):
    from lib.demo import load_demo
    from lib.storage import workspace

    alice = owner_for_identity(ALICE)
    load_demo(engine, alice, today=NOW.date(), now=NOW)
    _, token = create_share(engine, alice, label="Coach", now=NOW, permission=m.SharePermission.COMMENT)
    at = hosted()
    at.query_params["share"] = token
    at.run()
    at.switch_page("pages/case.py").run()
    name_boxes = [t for t in at.text_input if t.key and t.key.endswith("_coach_name") and "case_comments" in t.key]
    assert name_boxes, "the coach gets a comment box on the case draft"
    prefix = name_boxes[0].key.removesuffix("_coach_name")
    name_boxes[0].input("Coach Sam")
    at.text_area(key=f"{prefix}_coach_body").input("Lead with the pricing story.")
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter") and prefix in b.key).click().run()
    assert not at.exception
    comments = workspace.load_workspace(engine, alice).comments
    assert [(c.target, c.author_name, c.body) for c in comments] == [
        (m.CommentTarget.CASE, "Coach Sam", "Lead with the pricing story.")]
    # the owner sees it in place
    owner = hosted("app.py", user=ALICE).run()
    owner.switch_page("pages/case.py").run()
    assert any("Lead with the pricing story." in md.value for md in owner.markdown)
