"""Issue 8 — hosted mode end to end: sign-in through a local mock OpenID provider, a share link for a
coach (second browser context), a coach comment, revocation, and a second owner who sees nothing of the
first. The provider is PyPI ``oidc-provider-mock`` on localhost; nothing leaves the machine.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from lib import models as m
from lib.ui.guard import owner_for_identity
from tests.e2e.helpers import main_text, new_page, open_page, rerun, row_counts, sidebar_text, write_secrets
from tools.serve import free_port, streamlit_process, wait_idle

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
ALICE_EVIDENCE = ("Cut the month-end close from nine days to four", "Ran the Halvorsen migration dry runs")
ALICE_COMPANY = "Quillfeather Labs"
COACH_NOTE = "Lead with the close-time result; it answers their delivery doubt."


def _put_user(idp: str, sub: str, claims: dict) -> None:
    req = urllib.request.Request(f"{idp}/users/{quote(sub)}", data=json.dumps(claims).encode(), method="PUT",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        assert r.status == 204


@pytest.fixture(scope="module")
def hosted(browser, tmp_path_factory):
    """A hosted-mode server signing in through a mock provider; Alice's workspace is already filled."""
    oidc_provider_mock = pytest.importorskip("oidc_provider_mock", reason="needs oidc-provider-mock (dev deps)")
    from lib.storage import open_store, repo

    tmp = tmp_path_factory.mktemp("hosted_auth")
    url = f"sqlite:///{tmp / 'hosted.sqlite'}"
    with oidc_provider_mock.run_server_in_thread() as idp_server:
        idp = f"http://localhost:{idp_server.server_port}"
        _put_user(idp, "alice", {"email": "alice@example.org", "name": "Alice Moreau"})
        _put_user(idp, "bob", {"email": "bob@example.org", "name": "Bob Okafor"})
        alice = owner_for_identity({"iss": idp, "sub": "alice"})
        engine = open_store(url, now=NOW)
        for title in ALICE_EVIDENCE:
            repo.add(engine, alice, m.Evidence(kind="achievement", title=title), now=NOW)
        repo.add(engine, alice, m.Interview(company=ALICE_COMPANY, role="Finance analyst",
                                            interview_date=dt.date(2026, 10, 14), outcome="rejected"), now=NOW)
        engine.dispose()
        port = free_port()
        secrets = write_secrets(tmp / "s", auth={
            "redirect_uri": f"http://127.0.0.1:{port}/oauth2callback",
            "cookie_secret": "e2e-cookie-secret-not-for-production-0123",
            "client_id": "second-look-e2e", "client_secret": "e2e-client-secret",
            "server_metadata_url": f"{idp}/.well-known/openid-configuration"})
        with streamlit_process(url, secrets_file=secrets, port=port) as srv:
            yield srv, url, idp


def sign_in(page, base: str, idp: str, sub: str, shot) -> None:
    open_page(page, base + "/")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(idp + "/**")
    shot(page, f"mock provider form for {sub}")
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(base + "/")
    wait_idle(page)


def metric(page, label: str) -> str:
    box = page.get_by_test_id("stMetric").filter(has_text=label)
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def nav(page, title: str) -> None:
    """Follow a sidebar link (keeps the session, so a coach keeps the token held in session state)."""
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click())


def test_owner_shares_with_a_coach_who_comments_until_the_link_is_revoked(browser, hosted, shot):
    srv, url, idp = hosted
    with new_page(browser) as owner, new_page(browser) as coach:
        sign_in(owner, srv.base, idp, "alice", shot)
        shot(owner, "alice signed in")
        expect(owner.get_by_role("button", name="Sign out")).to_be_visible()  # her workspace predates sign-in
        assert metric(owner, "Evidence items") == str(len(ALICE_EVIDENCE))
        assert metric(owner, "Interviews logged") == "1"

        nav(owner, "Share with a coach")
        owner.get_by_label("Label").fill("Robin, career coach")
        expect(owner.get_by_label("Allow comments")).to_be_checked()
        rerun(owner, lambda: owner.get_by_role("button", name="Create link").click())
        shot(owner, "link created")
        expect(owner.get_by_text("Link created")).to_be_visible()
        link = owner.get_by_test_id("stCode").inner_text().strip()
        assert link.startswith(srv.base + "/?share=")
        assert row_counts(url)["shares"] == 1

        open_page(coach, link)
        shot(coach, "coach opens the link")
        assert "share=" not in coach.url  # the token left the address bar
        assert "Coach view (read-only)" in sidebar_text(coach)
        assert metric(coach, "Evidence items") == str(len(ALICE_EVIDENCE))
        assert ALICE_COMPANY in main_text(coach)
        assert not coach.get_by_role("button", name="Sign out").count()
        nav(coach, "Interviews")
        shot(coach, "coach on interviews")
        assert ALICE_COMPANY in main_text(coach)
        coach.get_by_text("Add a comment").click()
        coach.get_by_label("Your name").fill("Robin")
        coach.get_by_label("Comment").fill(COACH_NOTE)
        rerun(coach, lambda: coach.get_by_role("button", name="Add comment").click())
        shot(coach, "coach added a comment")
        expect(coach.get_by_text("Coach comments (1 open)")).to_be_visible()
        assert row_counts(url)["comments"] == 1

        nav(owner, "Interviews")
        owner.get_by_text("Coach comments (1 open)").click()
        shot(owner, "owner sees the coach comment")
        expect(owner.get_by_text(COACH_NOTE)).to_be_visible()

        nav(owner, "Share with a coach")
        rerun(owner, lambda: owner.get_by_role("button", name="Revoke").click())
        shot(owner, "link revoked")
        assert "revoked" in main_text(owner)

        nav(coach, "Home")  # the coach's next interaction after the revocation
        shot(coach, "coach after revocation")
        text = main_text(coach)
        assert "expired or was revoked" in text
        assert ALICE_COMPANY not in text and not coach.get_by_test_id("stMetric").count()
        assert not any(t in text for t in ALICE_EVIDENCE)


def test_second_owner_sees_none_of_the_first_owners_data(browser, hosted, shot):
    srv, url, idp = hosted
    with new_page(browser) as bob:
        sign_in(bob, srv.base, idp, "bob", shot)
        shot(bob, "bob signed in")
        assert "Signed in as Bob Okafor" in sidebar_text(bob)
        assert metric(bob, "Evidence items") == "0"
        assert metric(bob, "Interviews logged") == "0"
        for title in ("Evidence bank", "Interviews", "Share with a coach"):
            nav(bob, title)
            shot(bob, f"bob on {title}")
            text = main_text(bob) + sidebar_text(bob)
            assert ALICE_COMPANY not in text and "Robin" not in text, title
            assert not any(t in text for t in ALICE_EVIDENCE), title
    assert srv.healthy()
