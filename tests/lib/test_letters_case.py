"""The reconsideration case: evidence proposals, drafted paragraphs, the assembled summary."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from lib.letters_case import (
    OverlapIndex,
    assemble_summary,
    draft_paragraph,
    escape_markdown,
    has_measurable_result,
    propose_evidence,
    word_overlap,
)
from lib.models import CasePoint, Contact, Evidence, EvidenceKind, FeedbackItem, Interview, Outcome

INTERVIEW = Interview(company="Harbour Analytics", role="Product Analyst", interview_date=dt.date(2026, 9, 3),
                      outcome=Outcome.REJECTED, id=5)
CONTACT = Contact(interview_id=5, name="Sam Okafor")

MIGRATION = Evidence(
    kind=EvidenceKind.STORY, title="Moved payroll reporting to the warehouse",
    situation="Payroll reports were built by hand every month.", task="Automate them before the audit.",
    action="I mapped every report with the finance leads and agreed a single owner for each one.",
    result="Reporting time fell from 5 days to 1 and the audit passed with no findings.",
    competencies=("stakeholder_management",), id=1)
WORKSHOP = Evidence(
    kind=EvidenceKind.STORY, title="Ran the pricing workshop",
    action="I brought sales and product together to agree on one pricing model.",
    result="Everyone left with the same plan.", competencies=("stakeholder_management",), id=2)
DASHBOARD = Evidence(
    kind=EvidenceKind.ACHIEVEMENT, title="Sped up the churn dashboard",
    result="Cut the load time of the churn dashboard by 70% for 300 weekly users.",
    competencies=("analytical_thinking",), tags=("sql",), id=3)
SQL = Evidence(kind=EvidenceKind.SKILL, title="SQL", body="Window functions and query tuning.", id=4)
NOTE = Evidence(kind=EvidenceKind.RESEARCH, title="Notes on their stakeholder map",
                body="They have many stakeholders.", competencies=("stakeholder_management",), id=5)
BANK = (WORKSHOP, NOTE, SQL, DASHBOARD, MIGRATION)
BY_ID = {e.id: e for e in BANK}


def item(wording: str, competency: str | None = None, fid: int = 10) -> FeedbackItem:
    return FeedbackItem(interview_id=5, wording=wording, competency=competency, id=fid)


def test_overlap_index_scores_like_word_overlap_and_proposes_the_same_evidence():
    index = OverlapIndex(BANK)
    wordings = ["Wanted more depth in SQL query performance", "Unclear stakeholder handling", "", "the and of",
                "Reporting automation for the payroll audit"]
    for wording in wordings:
        for ev in BANK:
            assert index(wording, ev) == word_overlap(wording, ev)
        for competency in (None, "stakeholder_management"):
            feedback = item(wording or "x", competency)
            assert propose_evidence(feedback, BANK, scorer=index) == propose_evidence(feedback, BANK)
    edited = Evidence(kind=EvidenceKind.SKILL, title="SQL", body="Payroll audit reporting.", id=4)  # not indexed
    assert index("payroll audit", edited) == word_overlap("payroll audit", edited) > 0


def test_competency_match_comes_first_and_measurable_results_win_ties():
    chosen = propose_evidence(item("Needs more stakeholder experience", "stakeholder_management"), BANK)
    assert chosen[:2] == (MIGRATION, WORKSHOP)  # both tagged; the one with numbers first
    assert NOTE not in chosen  # research notes are never evidence
    assert has_measurable_result(MIGRATION) and not has_measurable_result(WORKSHOP)


def test_word_overlap_finds_untagged_evidence_and_unrelated_items_are_left_out():
    chosen = propose_evidence(item("Wanted more depth in SQL query performance"), BANK)
    assert SQL in chosen and DASHBOARD in chosen
    assert MIGRATION not in chosen
    assert word_overlap("SQL query tuning", SQL) > word_overlap("SQL query tuning", WORKSHOP)
    assert propose_evidence(item("Zebra husbandry"), BANK) == ()


def test_uncategorised_feedback_uses_competency_cues():
    # "stakeholder" is a cue of stakeholder_management; no word of the stories matches directly
    chosen = propose_evidence(item("Unclear stakeholder handling"), BANK, k=2)
    assert set(chosen) == {MIGRATION, WORKSHOP}


def test_k_and_scorer_are_respected_and_order_is_deterministic():
    feedback = item("Needs more stakeholder experience", "stakeholder_management")
    assert len(propose_evidence(feedback, BANK, k=1)) == 1
    assert propose_evidence(feedback, BANK, k=0) == ()
    favour_workshop = lambda text, ev: 1.0 if ev.id == 2 else 0.0  # noqa: E731
    assert propose_evidence(feedback, BANK, scorer=favour_workshop)[0] == WORKSHOP
    favour_dashboard = lambda text, ev: 0.9 if ev.id == 3 else 0.0  # noqa: E731
    untagged = propose_evidence(item("Something vague"), BANK, scorer=favour_dashboard)
    assert untagged == (DASHBOARD,)
    assert propose_evidence(feedback, BANK) == propose_evidence(feedback, tuple(reversed(BANK)))


def test_draft_paragraph_uses_only_the_evidence_text():
    feedback = item("Limited experience with stakeholders", "stakeholder_management")
    paragraph = draft_paragraph(feedback, [MIGRATION])
    assert "“Limited experience with stakeholders”" in paragraph
    assert MIGRATION.action in paragraph and MIGRATION.result in paragraph
    assert MIGRATION.title in paragraph
    # every word of the paragraph comes from the feedback, the evidence, or our few connecting words
    ours = {"about", "one", "example", "some", "examples", "from", "my", "work"}
    source = (feedback.wording + " " + MIGRATION.full_text()).lower()
    for word in re.findall(r"[a-z]+", paragraph.lower()):
        assert word in ours or word in source, word
    assert draft_paragraph(feedback, []) == ""


def test_draft_paragraph_for_skills_and_achievements():
    paragraph = draft_paragraph(item("SQL depth"), [DASHBOARD, SQL])
    assert "70%" in paragraph and "Window functions" in paragraph
    assert paragraph.startswith("About “SQL depth”")


def points_for(*pairs):
    return [(item(w, c, fid=10 + i), CasePoint(interview_id=5, feedback_id=10 + i, paragraph=p, evidence_ids=ids))
            for i, (w, c, p, ids) in enumerate(pairs)]


def test_assemble_summary_structure_and_facts():
    points = points_for(("Limited stakeholder experience", "stakeholder_management", "", (1,)),
                        ("SQL depth", None, "", (3, 4)))
    summary = assemble_summary(INTERVIEW, CONTACT, points, BY_ID, sender_name="Alex Morgan")
    assert summary.greeting == "Dear Sam,"
    assert "Product Analyst" in summary.thanks and "Harbour Analytics" in summary.thanks
    assert len(summary.paragraphs) == 2
    assert MIGRATION.result in summary.paragraphs[0] and DASHBOARD.result in summary.paragraphs[1]
    blocks = summary.text.strip().split("\n\n")
    assert blocks[0] == "Dear Sam," and blocks[-1] == "Kind regards,\nAlex Morgan"
    assert blocks[2:4] == list(summary.paragraphs)
    assert summary.word_count == len(re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,%]*", summary.text))
    assert summary.warnings == () and summary.ok
    assert "Product Analyst" in summary.subject


def test_saved_paragraph_wins_over_the_draft():
    points = points_for(("Stakeholders", "stakeholder_management", "I led the payroll move with 4 teams.", (1,)))
    summary = assemble_summary(INTERVIEW, None, points, BY_ID)
    assert summary.paragraphs == ("I led the payroll move with 4 teams.",)
    assert summary.greeting == "Hello,"
    assert summary.text.rstrip().endswith("Kind regards,")


def test_honesty_check_flags_unsupported_and_unknown_evidence():
    points = points_for(("Stakeholders", "stakeholder_management", "", (1,)),
                        ("Communication", None, "I gave the quarterly update to 60 people.", ()),
                        ("SQL", None, "I tuned the slowest 12 queries.", (3, 99)))
    summary = assemble_summary(INTERVIEW, CONTACT, points, BY_ID)
    kinds = {(w.point_index, w.kind) for w in summary.warnings}
    assert kinds == {(1, "no_evidence"), (2, "unknown_evidence")}
    unknown = next(w for w in summary.warnings if w.kind == "unknown_evidence")
    assert "99" in unknown.message


def test_specificity_and_length_warnings():
    vague = "I am a passionate team player and a hard worker."
    concrete = "I rebuilt the intake form and cut drop-offs by 30%."
    points = points_for(("Teamwork", None, f"{vague} {concrete}", (1,)))
    summary = assemble_summary(INTERVIEW, CONTACT, points, BY_ID)
    flagged = [w for w in summary.warnings if w.kind == "vague"]
    assert [w.sentence for w in flagged] == [vague]
    assert flagged[0].point_index == 0
    long = " ".join(["I led the rollout to 12 regional offices."] * 40)
    too_long = assemble_summary(INTERVIEW, CONTACT, points_for(("X", None, long, (1,))), BY_ID)
    assert too_long.word_count > 250
    assert [w.kind for w in too_long.warnings] == ["too_long"]
    assert too_long.warnings[0].point_index is None and str(too_long.word_count) in too_long.warnings[0].message


def test_markdown_escapes_user_text():
    evil = "See [my site](https://evil.example) ![x](http://t.example/p.png) <img src=x> **bold** # h _i_"
    points = points_for(("Links", None, evil + " I shipped 3 releases.", (1,)))
    summary = assemble_summary(INTERVIEW, CONTACT, points, BY_ID)
    md = summary.markdown
    assert not re.search(r"(?<!\\)[\[\]()<>!*_#]", md)  # no unescaped Markdown/HTML syntax left
    assert "https://" not in md and "http://" not in md
    assert "\\[my site\\]" in md and "\\<img" in md
    assert _unescape(md.split("\n\n")[2]) == evil + " I shipped 3 releases."


def _unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_escape_markdown_is_reversible_and_leaves_no_active_syntax(text):
    escaped = escape_markdown(text)
    assert _unescape(escaped) == text
    assert not re.search(r"(?<!\\)[\[\]()<>!*_`#]", escaped)
