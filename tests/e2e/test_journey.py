"""The whole journey in a real browser, on one fresh local server seeded with the demo workspace.

Evidence (a STAR story) → a new interview with its job description and two annotated questions → gap
scoring for it → pattern charts → a feedback request drafted and logged, with three reasons → the
second-look case exported as Word → the one-page PDF. Every step is checked in the browser and in the
database, the two downloads are opened (python-docx, pypdf), and each page is screenshotted.
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect

from lib import models as m
from lib.settings import LOCAL_OWNER
from tests.e2e.helpers import main_text, new_page, open_page, rerun, row_counts, sidebar_text, write_secrets
from tools.serve import streamlit_process, wait_idle

STORY = {
    "title": "Moved the billing ledger to an event-sourced service",
    "situation": "Our monthly billing run took nine hours and failed twice a quarter on locked ledger rows.",
    "task": "I had to move the ledger to a new service without stopping invoicing for our 4,000 customers.",
    "action": "I designed an event-sourced ledger, wrote the replay tooling in Python, and ran the old and new "
              "systems side by side for six weeks, reconciling every invoice nightly.",
    "result": "The billing run dropped from nine hours to forty minutes and failed runs fell to zero in a year.",
}
COMPANY, ROLE = "Fernleaf Payments", "Senior Backend Engineer"
JD = """Senior Backend Engineer, Payments Platform

About the role
You will own the services that move money for our merchants.

Requirements
- 5+ years building backend services in Python
- Experience migrating billing or ledger systems without downtime
- Strong communication with finance and product stakeholders
- Experience with Kubernetes in production

Nice to have
- Familiarity with event sourcing
"""
QUESTIONS = (
    {"question": "Tell me about a migration you led that could not afford downtime.",
     "answer": "I described the ledger move but spent most of the time on the tooling.", "rating": 2,
     "went_wrong": "I never said the result: forty minutes instead of nine hours."},
    {"question": "How would you run Kubernetes workloads for a payments service?",
     "answer": "I explained what I knew from reading, but I have not run clusters myself.", "rating": 1,
     "went_wrong": "I had no real example and rambled about theory."},
)
REASONS = (
    "We were looking for hands-on experience running Kubernetes in production.",
    "Your answers on the migration were light on measurable outcomes.",
    "Another candidate had more direct contact with finance stakeholders.",
)
DRAFT_LINE = "I would value two or three sentences on where my answers fell short."
REPLY = "The recruiter called back and read out three reasons from the panel notes."


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("journey")
    url = f"sqlite:///{tmp / 'journey.sqlite'}"
    with streamlit_process(url, secrets_file=write_secrets(tmp / "s")) as srv:
        yield srv, url


def _store(url: str):
    from lib.storage import make_engine

    return make_engine(url)


def _all(url: str, cls):
    from lib.storage import repo

    engine = _store(url)
    try:
        return repo.list_all(engine, LOCAL_OWNER, cls)
    finally:
        engine.dispose()


def nav(page, title: str) -> None:
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click())
    settle(page)


def key(page, name: str):
    return page.locator(f".st-key-{name}")


def commit(page, field, text: str) -> None:
    """Type into an autosaving field and leave it: its on_change saves (one rerun)."""
    field.fill(text)
    rerun(page, lambda: field.press("Tab"))


def settle(page) -> None:
    """Wait until no element of an earlier run is still on screen (a second, st.rerun run included)."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    wait_idle(page)


def choose(page, select_key: str, option: str, *, in_form: bool = False) -> None:
    """Pick an option of a selectbox (inside a form nothing runs until the form is submitted)."""
    box = key(page, select_key).get_by_role("combobox")
    pick = page.get_by_role("option", name=option).first
    settle(page)
    for attempt in range(3):  # a redraw landing just after the click closes the list: open it again
        box.click()
        try:
            expect(pick).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    if in_form:
        pick.click()
        expect(box).to_have_value(option)
    else:
        rerun(page, pick.click)


def open_tab(page, name: str) -> None:
    """Click a tab once the rerun that redrew the page (and any st.rerun it asked for) has settled."""
    tab = page.get_by_role("tab", name=name, exact=True)
    expect(tab).to_have_count(1)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def no_error(page) -> None:
    assert not page.get_by_test_id("stException").count(), main_text(page)[:2000]
    assert not page.get_by_test_id("stAlertContentError").count(), main_text(page)[:2000]


def add_story(page, url: str, shot) -> m.Evidence:
    nav(page, "Evidence bank")
    key(page, "ev_new_title").locator("input").fill(STORY["title"])
    rerun(page, lambda: key(page, "ev_add_submit").locator("button").click())
    expect(page.get_by_text("Added “" + STORY["title"])).to_be_visible()
    story = next(e for e in _all(url, m.Evidence) if e.title == STORY["title"])
    assert story.kind == m.EvidenceKind.STORY  # the add form offers stories first
    for part in ("situation", "task", "action", "result"):
        commit(page, key(page, f"ev{story.id}_{part}").locator("textarea"), STORY[part])
    no_error(page)
    shot(page, "evidence story added", focus=key(page, f"ev{story.id}_result"))
    saved = next(e for e in _all(url, m.Evidence) if e.id == story.id)
    assert {p: getattr(saved, p) for p in STORY} == STORY
    return saved


def log_interview(page, url: str, shot) -> m.Interview:
    nav(page, "Interviews")
    choose(page, "iv_pick", "Log a new interview")
    key(page, "iv_new_company").locator("input").fill(COMPANY)
    key(page, "iv_new_role").locator("input").fill(ROLE)
    shot(page, "new interview form")
    rerun(page, lambda: key(page, "iv_new_submit").locator("button").click())
    iv = next(i for i in _all(url, m.Interview) if i.company == COMPANY)
    expect(page.get_by_role("heading", name=f"{ROLE} at {COMPANY}")).to_be_visible()

    open_tab(page, "Details & job description")
    choose(page, f"as_Interview_{iv.id}_outcome", "Rejected")
    commit(page, key(page, f"as_Interview_{iv.id}_jd_text").locator("textarea"), JD)
    no_error(page)
    shot(page, "interview details and job description", focus=key(page, f"as_Interview_{iv.id}_jd_text"))

    open_tab(page, "Script")
    for q in QUESTIONS:
        key(page, f"q_new_{iv.id}").locator("input").fill(q["question"])
        rerun(page, lambda: key(page, f"q_add_{iv.id}").locator("button").click())
        item = next(s for s in _all(url, m.ScriptItem) if s.question == q["question"])
        prefix = f"as_ScriptItem_{item.id}"
        commit(page, key(page, f"{prefix}_answer").locator("textarea"), q["answer"])
        commit(page, key(page, f"{prefix}_went_wrong").locator("textarea"), q["went_wrong"])
        stars = key(page, f"{prefix}_rating").locator("button")
        rerun(page, lambda stars=stars, q=q: stars.nth(q["rating"] - 1).click())
    no_error(page)
    shot(page, "two questions annotated", focus=page.get_by_text("Q2 ·"))
    saved = [s for s in _all(url, m.ScriptItem) if s.interview_id == iv.id]
    assert [(s.question, s.answer, s.rating, s.went_wrong) for s in sorted(saved, key=lambda s: s.position)] == [
        (q["question"], q["answer"], q["rating"], q["went_wrong"]) for q in QUESTIONS]
    stored = next(i for i in _all(url, m.Interview) if i.id == iv.id)
    assert stored.outcome == m.Outcome.REJECTED and stored.jd_text.strip() == JD.strip()
    return stored


def check_gaps(page, base: str, iv: m.Interview, shot) -> None:
    from lib.jd import parse_jd

    open_page(page, f"{base}/gaps?interview={iv.id}")
    no_error(page)
    expect(key(page, "gap_why")).to_be_visible()
    texts = [r.text for r in parse_jd(iv.jd_text).requirements]
    migration = next(t for t in texts if "migrating billing" in t)
    choose(page, f"gap_req_{iv.id}", migration[:40])
    why = key(page, "gap_why")
    shot(page, "gap scoring why panel", focus=why)
    expect(why.get_by_role("heading", name=migration)).to_be_visible()
    assert "Closest evidence" in why.inner_text()
    assert STORY["title"] in why.inner_text(), why.inner_text()  # the new story answers this requirement
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()  # the requirements table


def check_patterns(page, shot) -> None:
    nav(page, "Patterns")
    no_error(page)
    charts = ("chart_recurring", "chart_funnel", "chart_heatmap", "chart_trend", "chart_calibration")
    for chart in charts:
        expect(key(page, chart).locator(".js-plotly-plot")).to_be_visible()
    shot(page, "patterns charts")
    shot(page, "patterns lower charts", focus=key(page, "chart_trend"))


def feedback_loop(page, base: str, url: str, iv: m.Interview, shot) -> None:
    open_page(page, f"{base}/feedback?interview={iv.id}")
    no_error(page)
    body = page.locator("[data-testid='stMain'] [class*='st-key-fb_draft_'][class*='_body'] textarea")
    expect(body).to_be_visible()
    draft = body.input_value()
    assert COMPANY in draft or ROLE in draft, draft
    commit(page, body, draft.rstrip() + "\n\n" + DRAFT_LINE)
    letters = [x for x in _all(url, m.Letter) if x.interview_id == iv.id and x.kind == "feedback_request"]
    assert len(letters) == 1 and DRAFT_LINE in letters[0].body
    shot(page, "feedback request drafted")
    rerun(page, lambda: key(page, "fb_log_sent").locator("button").click())
    sent = [a for a in _all(url, m.ContactAttempt) if a.interview_id == iv.id]
    assert len(sent) == 1 and sent[0].direction == m.Direction.OUTBOUND

    open_tab(page, "Contacts and log")
    choose(page, "fb_att_dir", "They contacted me", in_form=True)
    choose(page, "fb_att_out", "Replied", in_form=True)
    key(page, "fb_att_sum").locator("textarea").fill(REPLY)
    rerun(page, lambda: page.get_by_role("button", name="Add to the log").click())
    open_tab(page, "Contacts and log")  # the rerun after a save shows the first tab
    expect(page.get_by_text(REPLY)).to_be_visible()
    shot(page, "contact log", focus=page.get_by_text(REPLY))
    log = [a for a in _all(url, m.ContactAttempt) if a.interview_id == iv.id]
    assert len(log) == 2 and any(a.outcome == m.AttemptOutcome.REPLIED and a.summary == REPLY for a in log)

    for reason in REASONS:
        open_tab(page, "The 3 things")
        key(page, "fb_new_wording").locator("textarea").fill(reason)
        rerun(page, lambda: page.get_by_role("button", name="Add reason").click())
    open_tab(page, "The 3 things")
    no_error(page)
    shot(page, "the 3 things", focus=page.get_by_text("Reason 3"))
    items = sorted((f for f in _all(url, m.FeedbackItem) if f.interview_id == iv.id), key=lambda f: f.position)
    assert [f.wording for f in items] == list(REASONS)


def case_docx(page, base: str, url: str, iv: m.Interview, shot, tmp_path) -> None:
    import docx

    from lib import case_view as cv
    from lib.storage import workspace

    open_page(page, f"{base}/case?interview={iv.id}")
    no_error(page)
    for reason in REASONS:
        expect(page.get_by_text(reason).first).to_be_visible()
    shot(page, "case points")
    open_tab(page, "Summary and export")
    shot(page, "case summary", focus=key(page, "case_dl_docx"))
    with page.expect_download() as info:
        key(page, "case_dl_docx").locator("button").click()
    path = tmp_path / "case.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    engine = _store(url)
    try:
        data = workspace.load_workspace(engine, LOCAL_OWNER)
    finally:
        engine.dispose()
    summary = cv.build_summary(data, iv.id, sender_name="", views=cv.point_views(data, iv.id))
    assert len(summary.paragraphs) == len(REASONS)
    for paragraph in summary.paragraphs:  # each point, answered, is in the document as the page built it
        assert paragraph.strip() and paragraph.strip() in text, (paragraph, text)
    assert ROLE in text or COMPANY in text


def one_page_pdf(page, iv: m.Interview, shot, tmp_path) -> None:
    from pypdf import PdfReader

    nav(page, "One-page PDF")
    no_error(page)
    if ROLE not in key(page, "op_interview").get_by_role("combobox").input_value():
        choose(page, "op_interview", ROLE)
    shot(page, "one-page preview")
    with page.expect_download() as info:
        key(page, "op_download").locator("button").click()
    data = (tmp_path / "one.pdf")
    info.value.save_as(data)
    reader = PdfReader(io.BytesIO(data.read_bytes()))
    assert len(reader.pages) == 1
    assert ROLE in " ".join(reader.pages[0].extract_text().split())


def test_rejection_to_plan_journey(browser, server, shot, tmp_path):
    srv, url = server
    with new_page(browser, accept_downloads=True) as page:
        open_page(page, srv.base + "/")  # the first request: the demo is seeded, st.navigation takes charge
        shot(page, "home with the demo")
        assert "Demo data" in sidebar_text(page)
        before = row_counts(url)
        assert before["evidence"] > 0 and before["interviews"] > 0

        try:
            add_story(page, url, shot)
            iv = log_interview(page, url, shot)
            check_gaps(page, srv.base, iv, shot)
            check_patterns(page, shot)
            feedback_loop(page, srv.base, url, iv, shot)
            case_docx(page, srv.base, url, iv, shot, tmp_path)
            one_page_pdf(page, iv, shot, tmp_path)
        except Exception:
            shot(page, "failure")  # where the journey stopped
            print(srv.log()[-4000:])  # the server's side of it (shown by pytest on failure)
            raise
    assert srv.healthy()
