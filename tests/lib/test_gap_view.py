"""Pure tests of the Gap scoring page's glue: table frame, "why" panel, span context, gap groups, overrides."""

from __future__ import annotations

import dataclasses

import pytest

from lib import gap_overrides as go
from lib import gap_view as gv
from lib import models as m
from lib.competencies import label
from lib.jd import parse_jd, requirement_key
from lib.matching.embedder import TFIDF_ID, TfidfEncoder
from lib.models import RequirementKind as K
from lib.scoring import EvidenceHit, GateResult, InterviewScore, RequirementScore, score_interview
from lib.scoring_competencies import CompetencyScore, GapClass

JD = """Senior Analyst

What you'll bring
- Advanced SQL and Python for analysis
- Experience presenting findings to senior leaders
- A degree in mathematics or statistics

Nice to have
- Knowledge of Airflow or another orchestration tool
"""

EVIDENCE = (
    m.Evidence(kind=m.EvidenceKind.SKILL, title="SQL (advanced)", body="Daily SQL and Python for analysis at scale.",
               competencies=("technical_depth",), id=1, version=1),
    m.Evidence(kind=m.EvidenceKind.STORY, title="Board pack for the leadership team",
               situation="The leadership team read three versions of the numbers.",
               action="I presented one set of findings to senior leaders every month.",
               competencies=("communication",), id=2, version=1),
    m.Evidence(kind=m.EvidenceKind.QUALIFICATION, title="BSc Statistics", body="Bachelor's degree in statistics.",
               id=3, version=1),
)
ITEMS = (m.ScriptItem(interview_id=9, question="Tell me about presenting to executives", rating=2,
                      competencies=("communication",), id=40, version=1),)


def _req(text: str, kind: K = K.MUST, competency: str | None = None, span=(0, 0), section: str = "") -> m.Requirement:
    return m.Requirement(key=requirement_key(text), text=text, kind=kind, weight=1.0 if kind == K.MUST else 0.4,
                         span=span, section=section, competency=competency)


def _rs(req: m.Requirement, coverage: float, label: str, hits=(), why: str = "") -> RequirementScore:
    return RequirementScore(requirement=req, coverage=coverage, label=label, hits=tuple(hits), why=why or label)


def _score(reqs, comps=(), gates=()) -> InterviewScore:
    return InterviewScore(fit=0.5, gap=0.5, must_coverage=0.25, requirements=tuple(reqs), gates=tuple(gates),
                          competencies=tuple(comps), encoder_id=TFIDF_ID, fallback_reason="no model")


DATA = m.WorkspaceData(evidence=EVIDENCE, script_items=ITEMS)


@pytest.fixture(scope="module")
def real():
    """A real score of a small JD with the TF-IDF encoder (fast, no model)."""
    parsed = parse_jd(JD)
    score = score_interview(parsed.requirements, parsed.gates, EVIDENCE, ITEMS, TfidfEncoder())
    return parsed, score


# ---------------------------------------------------------------- table frame


def test_frame_has_one_row_per_requirement_with_readable_values(real):
    parsed, score = real
    frame = gv.requirement_frame(score, DATA)
    assert list(frame.columns) == gv.FRAME_COLUMNS
    assert list(frame["key"]) == [r.requirement.key for r in score.requirements]
    assert list(frame["Requirement"]) == [r.requirement.text for r in score.requirements]
    for row, rs in zip(frame.itertuples(index=False), score.requirements, strict=True):
        assert row.Coverage == round(rs.coverage * 100) and 0 <= row.Coverage <= 100
        assert row.Status == [rs.label]
        assert row.Kind == gv.KIND_LABELS[rs.requirement.kind]
        assert row.Weight == rs.requirement.weight
    sql = frame[frame["Requirement"].str.startswith("Advanced SQL")].iloc[0]
    assert sql["Best evidence"] == "SQL (advanced)"


def test_frame_names_answers_and_missing_evidence():
    hit_answer = EvidenceHit(None, 40, "I presented…", 0.4, 0.5, ())
    rows = [_rs(_req("Presenting to executives"), 0.5, "partial", [hit_answer]), _rs(_req("Airflow", K.NICE), 0.0, "gap")]
    frame = gv.requirement_frame(_score(rows), DATA)
    assert frame["Best evidence"].tolist() == ["Your answer to “Tell me about presenting to executives”", "—"]
    assert frame["Competency"].tolist() == ["—", "—"]
    assert gv.requirement_frame(_score([]), DATA).empty


# ---------------------------------------------------------------- span context


def test_span_context_surrounds_the_requirement_with_whole_lines():
    parsed = parse_jd(JD)
    req = next(r for r in parsed.requirements if r.text.startswith("Experience presenting"))
    ctx = gv.span_context(parsed.text, req.span)
    assert " ".join(ctx.match.split()) == req.text
    assert "Advanced SQL" in ctx.before and "degree" in ctx.after
    md = gv.context_markdown(ctx)
    assert f"**{req.text}**" in md
    assert all(line.startswith(">") for line in md.splitlines())


def test_span_context_cuts_long_text_at_words_with_ellipses():
    text = ("alpha " * 80) + "THE REQUIREMENT" + (" omega" * 80)
    a = text.index("THE")
    ctx = gv.span_context(text, (a, a + len("THE REQUIREMENT")), width=50)
    assert ctx.match == "THE REQUIREMENT"
    assert ctx.before.startswith("…") and ctx.after.endswith("…")
    assert len(ctx.before) <= 52 and len(ctx.after) <= 52
    assert "alph " not in ctx.before and ctx.before[1:].split()[0] == "alpha"


def test_span_context_of_an_empty_or_outside_span_is_empty():
    assert gv.span_context("some text", (0, 0)) == gv.SpanContext("", "", "")
    assert gv.span_context("some text", (50, 60)).match == ""


def test_context_markdown_escapes_posting_text():
    ctx = gv.SpanContext("# Title\n", "Use [links](http://x.io) *now*", "\n- next")
    md = gv.context_markdown(ctx)
    assert "](http" not in md and "\\[" in md and "\\#" in md and "\\-" in md
    assert "**Use" in md


# ---------------------------------------------------------------- the why panel


def test_explain_reads_terms_and_keeps_numbers_readable(real):
    parsed, score = real
    rs = next(r for r in score.requirements if r.requirement.text.startswith("Advanced SQL"))
    panel = gv.explain(rs, DATA, parsed.text)
    found, missing = gv.terms_of(rs)
    assert panel.matched_terms == found and panel.missing_terms == missing
    assert set(found) | {t for t in missing} and all(t in rs.why for t in (*found, *missing))
    assert panel.coverage_pct == round(rs.coverage * 100) and f"{panel.coverage_pct}%" in panel.summary
    assert 1 <= len(panel.hits) <= 3
    top = panel.hits[0]
    assert top.source == "SQL (advanced)" and top.evidence_id == 1
    assert top.score_pct == round(rs.hits[0].score * 100) and top.strength in ("strong", "fair", "weak")
    assert not top.excerpt.startswith("SQL (advanced):")  # the title is not repeated in the excerpt
    assert panel.section and panel.context.match


def test_terms_come_from_the_scorer_and_the_gate_note_from_the_explanation():
    rs = dataclasses.replace(
        _rs(_req("Node.js and SQL"), 0.8, "covered",
            why="Covered (80%). Best match: “X” (similarity 0.50); terms found: node.js, sql; terms missing: "
                "airflow / dagster. Hard gate met: you hold a degree."),
        matched_terms=("node.js", "sql"), missing_terms=("airflow / dagster",))
    assert gv.terms_of(rs) == (("node.js", "sql"), ("airflow / dagster",))
    assert gv.explain(rs, DATA, "").gate_note.endswith("you hold a degree.")
    assert gv.terms_of(_rs(_req("Nothing"), 0.0, "gap", why="Gap (0%). Nothing in your evidence matches it.")) == ((), ())


def test_summary_words_follow_the_label():
    req = _req("Presenting")
    assert gv.explain(_rs(req, 0.9, "covered"), DATA, "").summary.startswith("Covered (90%)")
    assert gv.explain(_rs(req, 0.4, "partial"), DATA, "").summary.startswith("Partly covered (40%)")
    assert "nothing in your evidence bank" in gv.explain(_rs(req, 0.0, "gap"), DATA, "").summary


# ---------------------------------------------------------------- headline


def test_headline_counts_labels_and_words_gates():
    gate = m.Gate(kind=m.GateKind.YEARS, text="5+ years", value="5")
    rows = [_rs(_req("a"), 0.9, "covered"), _rs(_req("b"), 0.5, "partial"), _rs(_req("c"), 0.1, "gap"),
            _rs(_req("d"), 0.0, "gap")]
    gates = [GateResult(gate, False, "About 3 years."), GateResult(gate, None, "Only you can tell."),
             GateResult(gate, True, "Yes.")]
    h = gv.headline(_score(rows, gates=gates))
    assert (h.fit_pct, h.must_pct, h.covered, h.partial, h.gap) == (50, 25, 1, 1, 2)
    assert [g.status for g in h.gates] == ["not met", "can't tell", "met"]
    assert [g.reason for g in h.unmet] == ["About 3 years."]
    assert h.gates_label == "Hard requirements: 1 met, 1 not met, 1 can't tell"
    assert "simple word matching" in h.encoder


# ---------------------------------------------------------------- the two kinds of gap


def test_gap_groups_separate_skill_and_demonstration_gaps():
    present = _req("Presenting to senior leaders", competency="communication")
    design = _req("System design of data pipelines", competency="system_design")
    airflow = _req("Airflow", K.NICE)
    rows = [_rs(present, 0.8, "covered", [EvidenceHit(2, None, "I presented…", 0.5, 0.8, ())]),
            _rs(design, 0.1, "gap"), _rs(airflow, 0.0, "gap")]
    comps = [
        CompetencyScore("communication", 0.8, 0.4, GapClass.DEMONSTRATION_GAP, 1.0, True, (40,), (2,),
                        f"{label('communication')}: 1 job requirement(s) need it — a demonstration gap: you have it. "
                        "The employer's feedback pointed at it."),
        CompetencyScore("system_design", 0.1, None, GapClass.SKILL_GAP, 1.0, False, (), (),
                        f"{label('system_design')}: nothing tagged — a skill gap: your evidence does not show it yet."),
        CompetencyScore("technical_depth", 0.9, 0.9, GapClass.STRENGTH, 0.0, False, (), (1,), "Strong."),
    ]
    groups = gv.gap_groups(_score(rows, comps), DATA)
    assert [g.label for g in groups.skill] == [label("system_design"), "Airflow"]
    assert groups.skill[0].requirements == ("System design of data pipelines",)
    assert groups.skill[0].why == "Nothing tagged."
    assert [d.competency for d in groups.demonstration] == ["communication"]
    demo = groups.demonstration[0]
    assert demo.flagged and [e.title for e in demo.evidence] == ["Board pack for the leadership team"]
    assert demo.why == "1 job requirement(s) need it. The employer's feedback pointed at it."


def test_competency_frame_lists_assessed_competencies_only():
    comps = [CompetencyScore("communication", 0.8, None, GapClass.DEMONSTRATION_GAP, 1.0, False, (), (), ""),
             CompetencyScore("creativity", 0.7, None, GapClass.NOT_ASSESSED, 0.0, False, (), (), "")]
    frame = gv.competency_frame(_score([], comps))
    assert frame["Competency"].tolist() == [label("communication")]
    assert frame.iloc[0]["In your bank"] == 80 and frame.iloc[0]["Shown in the interview"] is None


def test_default_key_is_the_weakest_uncovered_must_have():
    a, b, c = _req("a"), _req("b"), _req("c", K.NICE)
    rows = [_rs(a, 0.9, "covered"), _rs(c, 0.0, "gap"), _rs(b, 0.4, "partial")]
    assert gv.default_key(_score(rows)) == b.key
    assert gv.default_key(_score([_rs(a, 0.9, "covered")])) == a.key
    assert gv.default_key(_score([])) is None


# ---------------------------------------------------------------- overrides


def test_changed_override_stores_only_real_changes():
    req = _req("Airflow", K.NICE, competency="tools_and_methods")
    new = go.changed_override(None, 9, req, kind=K.MUST)
    assert (new.interview_id, new.req_key, new.kind, new.id) == (9, req.key, K.MUST, None)
    saved = dataclasses.replace(new, id=5, version=2)
    back = go.changed_override(saved, 9, req, kind=K.NICE)  # picking the extracted kind again
    assert back.kind is None and (back.id, back.version) == (5, 2) and go.is_empty(back)
    assert go.changed_override(None, 9, req, competency="").competency == ""  # clear it
    assert go.changed_override(None, 9, req, competency="tools_and_methods").competency is None
    assert go.changed_override(None, 9, _req("x"), competency=None).competency is None


def test_exclude_include_and_ignore():
    req = _req("SQL")
    o = go.changed_override(None, 9, req, exclude=3)
    o = go.changed_override(o, 9, req, exclude=3)
    o = go.changed_override(o, 9, req, exclude=4)
    assert o.excluded_evidence == (3, 4)
    o = go.changed_override(o, 9, req, include=3)
    assert o.excluded_evidence == (4,)
    assert [e.title for e in go.excluded_titles(o, DATA)] == ["Evidence #4 (deleted)"]
    ig = go.changed_override(o, 9, req, ignored=True)
    assert ig.ignored and not go.is_empty(ig)
    assert go.ignored_requirements([req, _req("other")], [dataclasses.replace(ig, id=1)], 9) == (req,)
    assert go.ignored_requirements([req], [dataclasses.replace(ig, id=1)], 10) == ()
    assert go.find_override([dataclasses.replace(ig, id=1)], 9, req.key).id == 1


def test_overrides_change_the_real_score(real):
    parsed, score = real
    target = next(r for r in parsed.requirements if r.text.startswith("Knowledge of Airflow"))
    o = go.changed_override(None, 9, target, kind=K.MUST)
    rescored = score_interview(parsed.requirements, parsed.gates, EVIDENCE, ITEMS, TfidfEncoder(), overrides=[o])
    frame = gv.requirement_frame(rescored, DATA)
    assert frame.loc[frame["key"] == target.key, "Kind"].item() == "Must-have"
    assert gv.headline(rescored).must_pct < gv.headline(score).must_pct
    ignored = go.changed_override(None, 9, target, ignored=True)
    dropped = score_interview(parsed.requirements, parsed.gates, EVIDENCE, ITEMS, TfidfEncoder(), overrides=[ignored])
    assert target.key not in set(gv.requirement_frame(dropped, DATA)["key"])
    assert gv.headline(dropped).fit_pct > gv.headline(score).fit_pct


def test_hard_gates_inside_a_requirement_are_listed_with_it(real):
    parsed, score = real
    degree = next(r for r in score.requirements if r.requirement.text.startswith("A degree"))
    panel = gv.explain(degree, DATA, parsed.text, score.gates)
    inside = [g for g in score.gates if g.gate.kind == m.GateKind.DEGREE]
    assert inside, "the JD's degree line is a hard gate"
    assert [g.text for g in panel.gates] == [g.gate.text for g in inside]
    assert panel.gates[0].status == gv.GATE_STATUS[inside[0].met]
    other = next(r for r in score.requirements if r.requirement.text.startswith("Advanced SQL"))
    assert gv.explain(other, DATA, parsed.text, score.gates).gates == ()
