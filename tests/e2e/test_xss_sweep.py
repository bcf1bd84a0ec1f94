"""Stored XSS sweep: payloads written straight into the database reach every page, in the owner view and in
a coach's view, and none of them turns into markup.

The workspace is filled through ``lib.storage.repo`` (see ``payloads.py``) before the server starts. On each
page every tab is opened and every expander unfolded; then, in the real browser:
- no ``alert``/``confirm``/``prompt`` dialog fired, and no payload script ran (``window.__slxPwned``);
- no request left for a host other than 127.0.0.1 (every other request is aborted and recorded);
- no element built from a payload: ``<style>``/``<form>``/``<iframe>``/``<script>`` holding the marker,
  ``[onerror]``/``[onload]``, links whose protocol is ``javascript:`` or ``data:``, any attribute that
  carries the marker or the TEST-NET host (form values excepted), and the body is still displayed;
- the stored text is shown literally for the fields that page displays.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse

import pytest

from lib import models as m
from lib.settings import LOCAL_OWNER
from lib.sharing import create_share
from lib.ui.nav import available_pages
from tests.e2e.helpers import new_page, open_page, rerun, write_secrets
from tests.e2e.payloads import BEACON_HOST, MARK, SHORT, Seeded, lines, normalise, seed_workspace, short
from tools.serve import streamlit_process, wait_idle

LOCAL_HOSTS = ("127.0.0.1", "localhost")
# Not caused by a payload: the page icon (a Material Symbol in app.py) is fetched from Google's font CDN.
# The sweep leaves it to test_pages_request_nothing_beyond_the_server so each page reports only payloads.
KNOWN_REMOTE = ("fonts.gstatic.com",)

# Fields each page must show literally (field codes of payloads.seed_workspace); long text is checked line
# by line, short text by its head (the code and the remote-image markdown right after it).
SHOWN_OWNER = {
    "home": ("iv.company", "iv.role"),
    "evidence": ("ev.title", "ev.situation", "ev.task", "ev.action", "ev.result", "ev.body", "ev.tag1",
                 "ev.source"),
    "interviews": ("iv.company", "iv.role", "iv.notes", "iv.appraisal", "iv.jd", "iv.interviewer1",
                   "q1.question", "q1.answer", "q1.right", "q1.wrong", "q1.next", "q2.question", "q2.answer",
                   "cm.interview", "cm.interview.author", "cm.question", "cm.question.author"),
    # ws.name only appears in the phone script, folded away in an expander: checked on the Case page
    "feedback": ("lt.subject", "lt.body", "ct.name", "ct.role", "ct.email", "at.summary", "fb1.wording",
                 "fb2.wording", "fb3.wording"),
    "case": ("fb1.wording", "cp.paragraph", "ac.title", "ws.name"),
    "one_pager": ("iv.company", "ac.title"),
    "share": ("sh.label",),
}
SHOWN_COACH = {
    "home": ("iv.company", "iv.role"),
    "evidence": ("ev.title", "ev.situation", "ev.task", "ev.action", "ev.result", "ev.body", "ev.tag1"),
    "interviews": ("iv.company", "iv.role", "iv.notes", "iv.appraisal", "iv.jd", "q1.question", "q1.answer",
                   "q1.right", "q1.wrong", "q1.next", "q2.question", "cm.interview", "cm.interview.author",
                   "cm.question", "cm.question.author"),
    # the coach sees the owner's saved draft (lt.*), not a freshly generated one signed with ws.name
    "feedback": ("lt.subject", "lt.body", "ct.name", "ct.role", "ct.email", "at.summary", "fb1.wording",
                 "fb2.wording", "fb3.wording"),
    "case": ("fb1.wording", "cp.paragraph", "ac.title", "ws.name"),
    "one_pager": ("iv.company", "ac.title"),
}

# Everything a page holds at the time of the call: injected elements, and the text a person can see.
_INSPECT = """([mark, host]) => {
  const bad = [];
  const where = el => {
    const keyed = el.closest('[class*="st-key-"]');
    const key = keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')) : '';
    const tid = el.closest('[data-testid]');
    const near = (el.parentElement ? el.parentElement.textContent : '').slice(0, 40);
    return `${tid ? tid.dataset.testid : '?'}${key ? ' ' + key : ''}, near ${JSON.stringify(near)}`;
  };
  const cut = el => `${el.outerHTML.slice(0, 160)}  (in ${where(el)})`;
  for (const el of document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[onfocus],[onbegin]'))
    bad.push('event handler: ' + cut(el));
  for (const el of document.querySelectorAll('style,form,iframe,frame,object,embed,script,link,meta,base')) {
    if (el.outerHTML.includes(mark) || el.outerHTML.includes(host)) bad.push('element: ' + cut(el));
  }
  for (const el of document.querySelectorAll('a,area')) {
    const raw = (el.getAttribute('href') || el.getAttribute('xlink:href') || '').replace(/[\\s\\u0000-\\u001f]/g, '');
    if (/^(javascript|data|vbscript):/i.test(raw)) bad.push('link: ' + cut(el));
  }
  // attributes that load, link, submit or style: none may carry payload text
  const risky = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'style', 'data', 'poster',
                 'background', 'name', 'id'];
  for (const el of document.querySelectorAll('*')) {
    for (const name of risky) {
      const v = el.getAttribute(name);
      if (!v) continue;
      const anchor = (name === 'id' && /^H[1-6]$/.test(el.tagName)) || (name === 'href' && v.startsWith('#'));
      if ((v.includes(host) || (v.includes(mark) && !anchor))) {  // headings' own anchors excepted
        bad.push(`attribute ${name}: ` + cut(el));
        break;
      }
    }
  }
  if (getComputedStyle(document.body).display === 'none') bad.push('the body is hidden');
  const values = [...document.querySelectorAll('input,textarea')].map(e => e.value);
  return {bad, pwned: !!window.__slxPwned, text: document.body.innerText, values};
}"""


class Watch:
    """Dialogs and non-local requests of one page, recorded from its first request."""

    def __init__(self, page, *, include_known: bool = False):
        self.include_known = include_known
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        host = urllib.parse.urlsplit(url).hostname or ""
        if host not in LOCAL_HOSTS and (self.include_known or host not in KNOWN_REMOTE):
            self.remote.append(url)


@pytest.fixture(scope="module")
def laden(browser, tmp_path_factory):
    """A local-mode server on a database whose every text field holds payloads, and a coach's share token."""
    from lib.storage import open_store

    tmp = tmp_path_factory.mktemp("xss")
    url = f"sqlite:///{tmp / 'xss.sqlite'}"
    now = dt.datetime.now(dt.UTC)  # the server checks the share's expiry against its own clock
    engine = open_store(url, now=now)
    seeded = seed_workspace(engine, LOCAL_OWNER, now=now, today=dt.date.today())
    seeded.values["sh.label"] = short("sh.label")
    _, token = create_share(engine, LOCAL_OWNER, label=seeded.values["sh.label"], now=now,
                            permission=m.SharePermission.COMMENT)
    engine.dispose()
    with streamlit_process(url, secrets_file=write_secrets(tmp / "s")) as srv:
        with new_page(browser) as page:
            open_page(page, srv.base + "/")  # the first request: st.navigation takes charge
        yield srv, seeded, token


def _slug(script: str) -> str:
    return script.split("/")[-1][:-3]


def _path(slug: str) -> str:
    return "/" if slug == "home" else f"/{slug}"


_OPEN_EXPANDERS = """() => {
  let n = 0;
  for (const s of document.querySelectorAll("[data-testid='stMain'] details:not([open]) > summary")) {
    if (s.offsetParent !== null) { s.parentElement.dataset.unfolded = '1'; s.click(); n++; }
  }
  return n;
}"""
_ALL_OPEN = "() => [...document.querySelectorAll('details[data-unfolded]')].every(d => d.open)"


def _unfold(page) -> None:
    """Open every closed expander visible in the main area (client-side, no rerun); an expander can hold
    another (comments inside a question), hence a few passes."""
    for _ in range(3):
        if not page.evaluate(_OPEN_EXPANDERS):
            return
        page.wait_for_function(_ALL_OPEN)


def _tick_first_evidence_row(page) -> None:
    """Tick the first row of the evidence table (a canvas grid: click its row-selection cell)."""
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    rerun(page, lambda: page.mouse.click(box["x"] + 18, box["y"] + 35 + 17))


def _sweep_page(page, watch: Watch, base: str, slug: str, query: str, shot) -> tuple[list[str], str]:
    """Open one page, visit each tab with its expanders open; return (problems, everything shown)."""
    open_page(page, base + _path(slug) + query)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")  # no half-drawn page
    if slug == "evidence":
        _tick_first_evidence_row(page)
        assert "ev.title" in page.get_by_test_id("stMain").inner_text() + "".join(
            page.locator("[data-testid='stMain'] input").evaluate_all("els => els.map(e => e.value)")), \
            "ticking the first row did not open the payload-laden story"
    seen: list[str] = []
    problems: list[str] = []
    tabs = page.locator("[data-testid='stMain'] [role='tab']")
    for i in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(i).click()
            wait_idle(page)
        _unfold(page)
        found = page.evaluate(_INSPECT, [MARK, BEACON_HOST])
        problems += found["bad"]
        if found["pwned"]:
            problems.append("a payload script ran (window.__slxPwned is set)")
        seen += [found["text"], *found["values"]]
        shot(page, f"{slug} tab {i + 1}")
    problems += [f"dialog {d}" for d in watch.dialogs] + [f"request to {u}" for u in watch.remote]
    return sorted(set(problems)), normalise("\n".join(seen))


def _missing_text(seeded: Seeded, codes, shown: str) -> list[str]:
    missing = []
    for code in codes:
        value = seeded.values[code]
        if "\n" in value:
            wanted = lines(value)
        else:  # a short value: its code and the remote-image markdown after it (the email address: all of it)
            wanted = [f"{code} {SHORT.split('<img')[0]}" if value.startswith(code) else value]
        missing += [f"{code}: {w[:80]!r}" for w in wanted if normalise(w) not in shown]
    return missing


def _cases() -> list:
    pages = [(_slug(script), owner_only) for script, _t, _i, owner_only in available_pages()]
    return ([pytest.param("owner", slug, id=f"owner-{slug}") for slug, _ in pages]
            + [pytest.param("coach", slug, id=f"coach-{slug}") for slug, owner_only in pages if not owner_only])


@pytest.mark.parametrize(("role", "slug"), _cases())
def test_stored_payloads_stay_text(browser, laden, shot, role, slug):
    srv, seeded, token = laden
    params = {"interview": seeded.interview_id} | ({"share": token} if role == "coach" else {})
    with new_page(browser) as page:
        watch = Watch(page)
        problems, shown = _sweep_page(page, watch, srv.base, slug, "?" + urllib.parse.urlencode(params), shot)
    if role == "coach":
        assert "Coach view" in shown, "the share link did not open the coach view"
    assert "Traceback" not in shown, f"the page crashed:\n{shown[:2000]}"
    shot.folder.mkdir(parents=True, exist_ok=True)
    (shot.folder / "shown.txt").write_text(shown)  # what the page showed, to read when a check fails
    expected = (SHOWN_COACH if role == "coach" else SHOWN_OWNER).get(slug, ())
    problems += [f"not shown literally: {x}" for x in _missing_text(seeded, expected, shown)]
    assert not problems, f"{role} view of /{slug}:\n" + "\n".join(problems)


def test_pages_request_nothing_beyond_the_server(browser, laden):
    """Second Look runs offline: not even the favicon may come from elsewhere (it leaks every visit)."""
    srv, seeded, _ = laden
    with new_page(browser) as page:
        watch = Watch(page, include_known=True)
        open_page(page, srv.base + "/data")  # a page that shows no stored text
    assert not watch.remote, f"requests left the machine: {watch.remote}"
