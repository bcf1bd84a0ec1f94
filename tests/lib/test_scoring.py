import datetime as dt

import pytest

from lib.matching.embedder import LoadedEncoder, TfidfEncoder, load_encoder
from lib.matching.units import build_units, unit_key, vectors_by_key
from lib.models import Evidence, Gate, Requirement, RequirementOverride, ScriptItem
from lib.scoring import GapClass, score_interview, suggest_competencies
from lib.scoring_competencies import classify
from tests.lib.matching.shared import minilm

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def model():
    return minilm()


def req(key, text, kind="must", weight=1.0, competency=None, terms=(), any_of=()):
    return Requirement(key=key, text=text, kind=kind, weight=weight, competency=competency, terms=terms,
                       any_of=any_of)


REQS = (
    req("py", "Experience building services in Python with PostgreSQL", competency="technical_depth",
        terms=("python", "postgresql")),
    req("lead", "Experience leading and mentoring a small team of engineers", competency="leadership"),
    req("bi", "A BI tool such as Tableau, Power BI or Looker", "nice", 0.4, "analytical_thinking",
        terms=("tableau", "power bi", "looker"), any_of=(("tableau", "power bi", "looker"),)),
    req("k8s", "Kubernetes and Terraform in production", competency="tools_and_methods",
        terms=("kubernetes", "terraform")),
)
EVIDENCE = (
    Evidence(kind="story", title="Billing migration", situation="Invoices ran on an ageing MySQL server.",
             action="I rebuilt the billing service in Python on PostgreSQL.", result="No downtime at cut-over.",
             competencies=("technical_depth",), started_on=dt.date(2019, 1, 1), ended_on=dt.date(2022, 1, 1), id=1),
    Evidence(kind="story", title="Growing the data team",
             action="I led a team of four engineers and mentored two juniors through their first year.",
             competencies=("leadership",), started_on=dt.date(2022, 1, 1), id=2),
    Evidence(kind="skill", title="Looker", body="Weekly revenue dashboards for the sales team", id=3),
    Evidence(kind="qualification", title="BSc Computer Science", id=4),
)
SCRIPT = (
    ScriptItem(interview_id=1, question="Tell me about leading a team", answer="I talked about mentoring.",
               rating=2, competencies=("leadership",), id=11),
    ScriptItem(interview_id=1, question="Walk me through a database migration", answer="The billing move.",
               rating=5, competencies=("technical_depth",), id=12),
)


_CACHE: dict = {}


def cache_for(encoder) -> dict:
    """Vectors of the fixed units and requirements, encoded once per module (as storage would keep them)."""
    if encoder.model_id not in _CACHE:
        texts = [u.text for u in build_units(EVIDENCE, SCRIPT)] + [r.text for r in REQS]
        _CACHE[encoder.model_id] = {unit_key(encoder.model_id, t): v for t, v in zip(texts, encoder.encode(texts),
                                                                                     strict=True)}
    return _CACHE[encoder.model_id]


def score(encoder, **kw):
    if getattr(encoder, "cacheable", False) and "unit_vectors" not in kw:
        kw["unit_vectors"] = cache_for(encoder)
    return score_interview(REQS, kw.pop("gates", ()), kw.pop("evidence", EVIDENCE), kw.pop("script", SCRIPT),
                           encoder, today=TODAY, **kw)


def by_key(result):
    return {r.requirement.key: r for r in result.requirements}


def test_coverage_labels_hits_and_fit(model):
    s = score(model)
    r = by_key(s)
    assert r["py"].label == "covered" and r["py"].hits[0].evidence_id == 1
    assert set(r["py"].hits[0].terms) == {"python", "postgresql"}
    assert r["lead"].label in ("covered", "partial") and r["lead"].hits[0].evidence_id == 2
    assert r["bi"].coverage >= 0.7 and "looker" in r["bi"].why  # any-of: one of them is enough
    assert r["k8s"].label == "gap" and "kubernetes" in r["k8s"].why
    assert all(len(x.hits) <= 3 for x in s.requirements)
    weights = [x.requirement.weight for x in s.requirements]
    expected = sum(w * x.coverage for w, x in zip(weights, s.requirements, strict=True)) / sum(weights)
    assert s.fit == pytest.approx(expected, abs=1e-3) and s.gap == pytest.approx(1 - s.fit, abs=1e-4)
    musts = [x for x in s.requirements if x.requirement.kind == "must"]
    assert s.must_coverage == pytest.approx(sum(x.coverage for x in musts) / len(musts), abs=1e-3)
    assert s.encoder_id == model.model_id and s.fallback_reason is None


def test_deterministic(model):
    assert score(model) == score(model)


def test_cached_unit_vectors_give_the_same_result(model):
    cached = vectors_by_key(model, build_units(EVIDENCE, SCRIPT))
    assert score(model, unit_vectors=cached) == score(model, unit_vectors={})


def test_gap_classes(model):
    comps = {c.competency: c for c in score(model).competencies}
    assert comps["technical_depth"].gap_class == GapClass.STRENGTH  # evidenced, rated 5/5
    assert comps["technical_depth"].demonstration == 1.0
    assert comps["leadership"].gap_class == GapClass.DEMONSTRATION_GAP  # evidenced, rated 2/5
    assert comps["leadership"].script_item_ids == (11,) and comps["leadership"].evidence_ids == (2,)
    assert comps["tools_and_methods"].gap_class == GapClass.SKILL_GAP  # needed, not evidenced
    assert comps["analytical_thinking"].gap_class == GapClass.DEMONSTRATION_GAP  # evidenced, never asked
    assert comps["analytical_thinking"].demonstration is None


def test_not_assessed_and_flagged(model):
    ev = (*EVIDENCE, Evidence(kind="story", title="Calmed an angry client", competencies=("conflict_resolution",),
                              id=9))
    comps = {c.competency: c for c in score(model, evidence=ev).competencies}
    assert comps["conflict_resolution"].gap_class == GapClass.NOT_ASSESSED
    flagged = {c.competency: c for c in score(model, evidence=ev,
                                              flagged_competencies=["technical_depth", "conflict_resolution"]
                                              ).competencies}
    assert flagged["technical_depth"].flagged
    assert flagged["technical_depth"].gap_class == GapClass.DEMONSTRATION_GAP
    assert flagged["conflict_resolution"].gap_class == GapClass.DEMONSTRATION_GAP
    assert not flagged["leadership"].flagged


def test_classify_table():
    assert classify(0.9, 0.8, needed=True, flagged=False) == GapClass.STRENGTH
    assert classify(0.9, None, needed=True, flagged=False) == GapClass.DEMONSTRATION_GAP
    assert classify(0.9, None, needed=False, flagged=False) == GapClass.NOT_ASSESSED
    assert classify(0.1, None, needed=True, flagged=False) == GapClass.SKILL_GAP
    assert classify(0.1, 0.4, needed=False, flagged=False) == GapClass.SKILL_GAP
    assert classify(0.1, None, needed=False, flagged=True) == GapClass.SKILL_GAP


def test_overrides_ignore_recategorise_and_exclude(model):
    overrides = [
        RequirementOverride(interview_id=1, req_key="k8s", ignored=True),
        RequirementOverride(interview_id=1, req_key="bi", kind="must", competency="communication"),
        RequirementOverride(interview_id=1, req_key="py", excluded_evidence=(1,)),
    ]
    s = score(model, overrides=overrides)
    r = by_key(s)
    assert "k8s" not in r
    assert r["bi"].requirement.kind == "must" and r["bi"].requirement.weight == pytest.approx(1.0)
    assert r["bi"].requirement.competency == "communication"
    assert all(h.evidence_id != 1 for h in r["py"].hits)
    assert r["py"].coverage < by_key(score(model))["py"].coverage
    assert "tools_and_methods" not in {c.competency for c in s.competencies}


def test_gates(model):
    gates = (Gate(kind="years", text="5+ years of experience", value="5"),
             Gate(kind="degree", text="Master's degree", value="master"),
             Gate(kind="degree", text="Bachelor's degree", value="bachelor"),
             Gate(kind="language", text="Fluent Japanese", value="Japanese"),
             Gate(kind="certification", text="AWS Solutions Architect", value="AWS Solutions Architect"))
    res = score(model, gates=gates).gates
    assert [g.met for g in res] == [True, False, True, None, False]
    assert "7.9 years" in res[0].why
    assert score(model, gates=gates[:1], evidence=EVIDENCE[2:]).gates[0].met is None


def test_tfidf_fallback_path_reports_reason():
    loaded = LoadedEncoder(TfidfEncoder(), "Using simple text matching: test.")
    s = score(loaded)
    assert s.encoder_id == "tfidf-char-3-5" and s.fallback_reason == "Using simple text matching: test."
    r = by_key(s)
    assert r["py"].label == "covered" and r["k8s"].label == "gap"
    assert load_encoder("tfidf").fallback_reason is None


def test_empty_inputs(model):
    s = score_interview((), (), (), (), model)
    assert s.fit == 0.0 and s.must_coverage == 1.0 and s.requirements == ()
    s2 = score_interview(REQS, (), (), (), model)
    assert all(r.label == "gap" and r.hits == () for r in s2.requirements)


def test_suggest_competencies(model):
    assert suggest_competencies("Tell me about a conflict with a colleague")[0] == "conflict_resolution"
    with_model = suggest_competencies("Describe a time you disagreed with your manager", model)
    assert "conflict_resolution" in with_model and len(with_model) <= 3
    assert suggest_competencies("") == ()


def test_met_gate_inside_a_requirement_covers_it(model):
    text = "Bachelor's degree in a STEM field"
    r = Requirement(key="deg", text=text, kind="must", weight=1.0, span=(100, 100 + len(text)))
    gate = Gate(kind="degree", text="Bachelor's degree", value="bachelor", span=(100, 117))
    s = score_interview((r,), (gate,), EVIDENCE, (), model)
    assert s.gates[0].met is True
    assert s.requirements[0].label == "covered" and "Hard gate met" in s.requirements[0].why
    s2 = score_interview((r,), (gate,), EVIDENCE[:3], (), model)  # no degree in the bank: no boost
    assert s2.requirements[0].coverage < 0.8


def test_an_incidental_term_does_not_cover_a_broad_requirement(model):
    broad = req("coach", "Coach two analysts on SQL, test design and presenting results to executives",
                terms=("sql",))
    narrow = req("sql", "Advanced SQL", terms=("sql",))
    ev = (Evidence(kind="skill", title="SQL", body="window functions, query tuning", id=1),)
    s = {r.requirement.key: r for r in score_interview((broad, narrow), (), ev, (), model).requirements}
    assert s["sql"].label == "covered"
    assert s["coach"].coverage < s["sql"].coverage and s["coach"].label != "covered"
