"""Mapping a workspace (and its score) to the one-pager: a small hand-built workspace, then every demo
interview through the mapping and the renderer."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from lib import models as m
from lib.errors import NotFound
from lib.jd import WEIGHTS
from lib.onepager import render_onepager
from lib.onepager_build import build_onepager_data, clip, default_interview_id, pdf_file_name
from lib.onepager_loop import feedback_status
from lib.scoring import InterviewScore, RequirementScore
from lib.scoring_competencies import score_competencies

TODAY = dt.date(2026, 11, 2)
NOW = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
IV = 10
TITLES = ("What went right", "What went wrong", "Competencies", "Requirement coverage",
          "The employer\u2019s 3 things", "Action plan", "Feedback request")
ODD_WORDING = "We wanted more on \u201cpipelines\u201d \u2014 and <b>schemas</b> & 50% more depth."


def _workspace(**changes) -> m.WorkspaceData:
    d = dt.date
    evidence = (
        m.Evidence(m.EvidenceKind.STORY, "Calmed a dispute between sales and finance",
                   competencies=("stakeholder_management", "conflict_resolution"), id=1),
        m.Evidence(m.EvidenceKind.SKILL, "SQL (advanced)", competencies=("analytical_thinking",), id=2),
    )
    interviews = (
        m.Interview("Acme Test Co", "Data Analyst, Pricing", d(2026, 10, 1), m.Stage.FINAL_ROUND,
                    outcome=m.Outcome.REJECTED, decided_on=d(2026, 10, 10), id=IV),
        m.Interview("Other Ltd", "Analyst", d(2026, 9, 1), m.Stage.SCREEN, outcome=m.Outcome.REJECTED,
                    decided_on=d(2026, 9, 3), id=11),
        m.Interview("Offer Inc", "Analyst", d(2026, 10, 20), m.Stage.OFFER, outcome=m.Outcome.OFFER, id=12),
    )
    q = m.ScriptItem
    items = (
        q(IV, "Walk us through a tricky SQL problem.", answer="I used a window function.", rating=5,
          went_right="Clear and fast; they asked me for a copy of the query afterwards.",
          competencies=("analytical_thinking", "communication"), position=0, id=101),
        q(IV, "Tell us about a disagreement with a senior person.", rating=2,
          went_wrong="Stayed vague and never said what I did.", next_time="Use the sales and finance story.",
          competencies=("stakeholder_management",), position=1, id=102),
        q(IV, "Design the event pipeline for a new feature.", rating=1, went_wrong="No idea about schemas.",
          competencies=("system_design",), position=2, id=103),
        q(IV, "Another stakeholder question.", rating=3, went_wrong="Better.",
          competencies=("stakeholder_management",), position=3, id=104),
        q(IV, "Why us?", answer="Because pricing is where analysis meets money, and I like both.", rating=4,
          went_right="Good.", competencies=("motivation_fit",), position=4, id=105),
        q(11, "Elsewhere: a perfect answer.", rating=5, went_right="Not this interview.",
          competencies=("creativity",), id=201),
    )
    feedback = (
        m.FeedbackItem(IV, ODD_WORDING, competency="system_design", position=2, id=1),
        m.FeedbackItem(IV, "Strong SQL, though.", position=1, id=2),
        m.FeedbackItem(IV, "I think I rambled.", source=m.FeedbackSource.SELF, position=3, id=3),
        m.FeedbackItem(11, "Not this interview.", id=4),
    )
    actions = (
        m.ActionItem("Rehearse the dispute story", due_on=d(2026, 10, 5), done=True, interview_id=IV, id=1),
        m.ActionItem("Take a data modelling course", due_on=d(2026, 11, 20), id=2),
        m.ActionItem("Send a thank-you note", due_on=d(2026, 10, 30), interview_id=IV, id=3),
        m.ActionItem("Something for another interview", due_on=d(2026, 10, 1), interview_id=11, id=4),
        m.ActionItem("Read one book on pricing", id=5),
    )
    comments = (
        m.Comment(IV, m.CommentTarget.INTERVIEW, "Lead with the dispute story next time.", "Dana (coach)", id=1,
                  created_at=NOW),
        m.Comment(IV, m.CommentTarget.INTERVIEW, "Thanks, will do.", "Me", author_role=m.Role.OWNER, parent_id=1,
                  id=2, created_at=NOW),
        m.Comment(11, m.CommentTarget.INTERVIEW, "About the other one.", "Dana (coach)", id=3, created_at=NOW),
    )
    attempts = (
        m.ContactAttempt(IV, d(2026, 10, 11), summary="Asked for feedback.", id=1),
        m.ContactAttempt(IV, d(2026, 10, 15), m.Channel.PHONE, m.Direction.INBOUND, m.AttemptOutcome.REPLIED, id=2),
    )
    data = m.WorkspaceData(evidence=evidence, interviews=interviews, script_items=items, feedback=feedback,
                           actions=actions, comments=comments, attempts=attempts)
    return replace(data, **changes)


def _score(data: m.WorkspaceData) -> InterviewScore:
    """A hand-made score: four requirements (2 covered, 1 partial, 1 gap); project management is needed
    by the job but never asked about and absent from the bank."""
    def req(key, text, kind, label, cov, comp):
        r = m.Requirement(key, text, kind, WEIGHTS[kind], competency=comp)
        return RequirementScore(r, cov, label, (), "")

    reqs = (req("a", "Advanced SQL for pricing analysis", m.RequirementKind.MUST, "covered", 0.9, "analytical_thinking"),
            req("b", "Explain results to senior people", m.RequirementKind.MUST, "covered", 0.8, "communication"),
            req("c", "Work with sales and finance leaders", m.RequirementKind.NICE, "partial", 0.5,
                "stakeholder_management"),
            req("d", "Run cross-team projects", m.RequirementKind.MUST, "gap", 0.1, "project_management"))
    items = [q for q in data.script_items if q.interview_id == IV]
    comps = score_competencies([(r.requirement.competency, r.requirement.weight, r.coverage) for r in reqs],
                               data.evidence, items, {"system_design"})
    return InterviewScore(fit=0.62, gap=0.38, must_coverage=0.5, requirements=reqs, gates=(), competencies=comps,
                          encoder_id="test", fallback_reason=None)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


# ---------------------------------------------------------------- the hand-built workspace


def test_header_without_a_score_has_no_fit_and_no_counts():
    page = build_onepager_data(_workspace(), IV, None, today=TODAY, author="Sam")
    assert (page.title, page.company, page.interview_date) == ("Data Analyst, Pricing", "Acme Test Co",
                                                               dt.date(2026, 10, 1))
    assert (page.furthest_stage, page.outcome) == ("Final round", "Rejected")
    assert page.fit is None and page.must_coverage is None and page.coverage_counts == (0, 0, 0)
    assert page.generated_on == TODAY and page.author == "Sam"


def test_strengths_pair_each_competency_with_its_best_answer_best_first():
    page = build_onepager_data(_workspace(), IV, None, today=TODAY)
    heads = [p.headline for p in page.strengths]
    # the two competencies shown by the 5/5 answer share one entry; the 4/5 answer comes next
    assert heads[0] == "Analytical thinking · Clear communication (self-rated 5/5)"
    assert heads[1].startswith("Motivation and role fit (self-rated 4/5)")
    assert page.strengths[0].tag == "Walk us through a tricky SQL problem."
    assert page.strengths[0].detail == "Clear and fast; they asked me for a copy of the query afterwards."
    # a verdict as short as "Good." is followed by the answer itself
    assert "Because pricing is where analysis meets money" in page.strengths[1].detail
    assert not any("Elsewhere" in p.tag or "Not this interview" in p.detail for p in page.strengths)


def test_demonstration_gap_comes_first_even_when_a_skill_gap_was_rated_lower():
    page = build_onepager_data(_workspace(), IV, None, today=TODAY)
    classes = [p.gap_class for p in page.gaps]
    assert classes == ["demonstration_gap", "skill_gap"]
    first, second = page.gaps
    assert first.headline.startswith("Stakeholder management")
    # the question where it showed is the lowest-rated one tagged with it (2/5, not 3/5)
    assert first.tag == "Tell us about a disagreement with a senior person."
    assert first.detail == "Stayed vague and never said what I did."
    assert second.headline.startswith("System design") and second.tag.startswith("Design the event pipeline")
    assert second.detail.startswith("Named by the employer.")  # the employer's feedback pointed at it


def test_employer_points_are_kept_verbatim_in_their_order_and_self_inferred_ones_left_out():
    page = build_onepager_data(_workspace(), IV, None, today=TODAY)
    assert page.employer_points == ("Strong SQL, though.", ODD_WORDING)


def test_actions_open_first_by_due_date_then_done_and_only_this_interview_or_workspace_wide():
    page = build_onepager_data(_workspace(), IV, None, today=TODAY)
    assert [a.text for a in page.actions] == ["Send a thank-you note", "Take a data modelling course",
                                              "Read one book on pricing", "Rehearse the dispute story"]
    assert page.actions[-1].done and page.actions[0].due == dt.date(2026, 10, 30)
    many = _workspace(actions=tuple(m.ActionItem(f"Step {i}", id=i) for i in range(1, 9)))
    assert len(build_onepager_data(many, IV, None, today=TODAY).actions) == 5


def test_coach_comments_are_included_or_left_out_on_request():
    with_comments = build_onepager_data(_workspace(), IV, None, today=TODAY)
    assert [(c.author, c.text) for c in with_comments.comments] == [("Dana (coach)",
                                                                     "Lead with the dispute story next time.")]
    assert build_onepager_data(_workspace(), IV, None, today=TODAY, include_comments=False).comments == ()
    text_on = _text(render_onepager(with_comments, created_at=NOW))
    text_off = _text(render_onepager(with_comments, include_comments=False, created_at=NOW))
    assert "Lead with the dispute story" in text_on and "Lead with the dispute story" not in text_off


def test_feedback_status_follows_the_contact_log():
    data = _workspace()
    iv = data.interviews[0]
    assert feedback_status(data, iv, today=TODAY) == (
        "Feedback requested by email on 11 October; they replied on 15 October with 2 points. "
        "No more follow-ups needed.")
    quiet = replace(data, attempts=data.attempts[:1])
    assert feedback_status(quiet, iv, today=dt.date(2026, 10, 13)).startswith(
        "Feedback requested by email on 11 October; no reply yet. A gentle follow-up")
    assert "is due" in feedback_status(quiet, iv, today=dt.date(2026, 10, 19))
    none = replace(data, attempts=())
    assert feedback_status(none, iv, today=dt.date(2026, 10, 12)).startswith("Not requested yet")
    assert feedback_status(none, data.interviews[2], today=TODAY) == "An offer: no feedback request needed."
    declined = replace(data, attempts=(data.attempts[0], replace(data.attempts[1], outcome=m.AttemptOutcome.DECLINED)))
    assert "don't give feedback" in feedback_status(declined, iv, today=TODAY)


def test_with_a_score_counts_fit_bars_and_covered_requirements_appear():
    data = _workspace()
    page = build_onepager_data(data, IV, _score(data), today=TODAY)
    assert page.fit == 0.62 and page.must_coverage == 0.5 and page.coverage_counts == (2, 1, 1)
    labels = [b.label for b in page.competencies]
    assert "Project management" in labels  # needed by the job description, never asked
    assert "Handling conflict" not in labels  # only tagged on evidence: neither needed nor asked
    order = [b.gap_class for b in page.competencies]
    assert order == sorted(order, key=["strength", "demonstration_gap", "skill_gap", "not_assessed"].index)
    assert any(p.headline.startswith("Meets: Advanced SQL") for p in page.strengths)
    unasked = [p for p in page.gaps if not p.tag]
    assert [p.headline for p in unasked] == ["Project management"]
    assert "nothing in the evidence bank" in unasked[0].detail


def test_unknown_interview_and_default_choice():
    data = _workspace()
    with pytest.raises(NotFound):
        build_onepager_data(data, 999, None, today=TODAY)
    assert default_interview_id(data) == IV  # the latest rejection, not the later offer
    assert default_interview_id(m.WorkspaceData()) is None


def test_file_name_is_a_plain_slug_of_company_and_date():
    assert pdf_file_name(m.Interview("Orchard & Vane", "Analyst", dt.date(2026, 9, 14))) == \
        "second-look-orchard-vane-2026-09-14.pdf"
    assert pdf_file_name(m.Interview("Ünïcode ☃ Ltd.", "Analyst", dt.date(2026, 1, 2))) == \
        "second-look-unicode-ltd-2026-01-02.pdf"
    assert pdf_file_name(m.Interview("☃", "Analyst", dt.date(2026, 1, 2))) == "second-look-interview-2026-01-02.pdf"


def test_clip_cuts_at_a_word_and_flattens_lines():
    assert clip("one two\nthree", 50) == "one two three"
    assert clip("alpha beta gamma delta", 12) == "alpha beta…"


def test_hand_built_page_renders_on_one_page_with_every_section():
    data = _workspace()
    text = _text(render_onepager(build_onepager_data(data, IV, _score(data), today=TODAY), paper="letter",
                                 created_at=NOW))
    for title in TITLES:
        assert title in text
    assert "Data Analyst, Pricing" in text and "62%" in text


# ---------------------------------------------------------------- every demo interview


@pytest.fixture(scope="module")
def demo():
    from lib.analysis import score_one
    from lib.demo import demo_data
    from lib.matching.embedder import load_encoder

    data, name = demo_data(today=TODAY)
    encoder = load_encoder("tfidf")
    return data, name, {iv.id: score_one(data, iv.id, encoder, today=TODAY) for iv in data.interviews}


def test_every_demo_interview_maps_and_renders_to_one_page_with_embedded_fonts(demo):
    data, name, scores = demo
    for iv in data.interviews:
        page = build_onepager_data(data, iv.id, scores[iv.id], today=TODAY, author=name)
        pdf = render_onepager(page, paper="a4" if iv.id % 2 else "letter", created_at=NOW)
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1
        text = " ".join(reader.pages[0].extract_text().split())
        for title in TITLES:  # the employer's section is left out when they said nothing
            assert title in text or (not page.employer_points and "employer" in title), (iv.id, title)
        assert iv.role in text
        for ref in reader.pages[0]["/Resources"]["/Font"].values():
            descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor


def test_demo_pages_read_well(demo):
    """No entry repeats another's text, every rated gap names its question, headlines stay short."""
    data, name, scores = demo
    for iv in data.interviews:
        page = build_onepager_data(data, iv.id, scores[iv.id], today=TODAY, author=name)
        details = [p.detail for p in (*page.strengths, *page.gaps) if p.detail]
        assert len(details) == len(set(details)), iv.id
        assert len(page.gaps) <= 4 and len(page.strengths) <= 4 and 0 < len(page.competencies) <= 8
        for p in (*page.strengths, *page.gaps):
            assert len(p.headline) <= 110 and len(p.detail) <= 260
            if "self-rated" in p.headline:
                assert p.tag
        assert page.feedback_status


def test_an_interview_with_nothing_recorded_still_renders():
    data = _workspace()
    empty_score = replace(_score(data), requirements=(), competencies=())
    page = build_onepager_data(data, 12, empty_score, today=TODAY)  # the offer: no questions, no JD
    assert page.fit is None and page.coverage_counts == (0, 0, 0)
    assert page.strengths == () and page.gaps == () and page.competencies == ()
    assert page.feedback_status == "An offer: no feedback request needed."
    text = _text(render_onepager(page, created_at=NOW))
    assert "Offer Inc" in text and "What went wrong" in text


def test_an_untagged_well_rated_answer_leads_with_its_verdict_and_shows_the_answer():
    data = _workspace()
    extra = m.ScriptItem(IV, "Anything else?", answer="I rebuilt the returns report in a week.", rating=5,
                         went_right="They asked for the report afterwards.", position=9, id=109)
    page = build_onepager_data(replace(data, script_items=(*data.script_items, extra)), IV, None, today=TODAY)
    point = next(p for p in page.strengths if p.tag == "Anything else?")
    assert point.headline == "They asked for the report afterwards. (self-rated 5/5)"
    assert point.detail == "My answer: \u201cI rebuilt the returns report in a week.\u201d"
