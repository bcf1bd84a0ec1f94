"""Every figure builds for empty, one-interview and ×10 data; colours follow lib.palette."""

import datetime as dt
import json

import pytest

from lib import charts, trends
from lib import palette as pal
from lib.analysis import score_workspace
from lib.demo import demo_data
from lib.matching.embedder import load_encoder
from lib.models import WorkspaceData

TODAY = dt.date(2026, 11, 25)


def _frames(data, scores):
    frame = trends.competency_frame(data, scores)
    summary = trends.competency_summary(frame)
    return frame, summary, trends.calibration(frame), trends.funnel(trends.interview_frame(data))


def _all(data, scores):
    frame, summary, cal, fun = _frames(data, scores)
    first = next(iter(scores.values()), None)
    return {"heatmap": charts.gap_heatmap(frame), "recurring": charts.recurring_gaps(summary),
            "trend": charts.trend_lines(frame, summary), "funnel": charts.funnel_chart(fun),
            "calibration": charts.calibration_scatter(cal),
            "quadrant": charts.competency_quadrant(first.competencies if first else ())}


def _is_message(fig):
    return not fig.data and fig.layout.annotations and fig.layout.annotations[0].text


@pytest.fixture(scope="module")
def demo():
    data, _ = demo_data(today=TODAY)
    return data, score_workspace(data, load_encoder("tfidf"), today=TODAY)


@pytest.fixture(scope="module")
def demo_x10(demo):
    """The ×10 workspace; each copied interview reuses the score of its ×1 original (the charts are under
    test here, scoring speed at ×10 is the benchmark's business)."""
    data, _ = demo_data(today=TODAY, scale=10)
    _, scores = demo
    originals = sorted(scores)
    return data, {iv.id: scores[originals[n % len(originals)]] for n, iv in enumerate(data.interviews)}


def test_empty_inputs_give_a_helpful_message_not_an_error():
    for name, fig in _all(WorkspaceData(), {}).items():
        assert _is_message(fig), name
        json.loads(fig.to_json())


def test_one_interview(demo):
    data, scores = demo
    one_id = 6
    one = WorkspaceData(evidence=data.evidence, interviews=tuple(i for i in data.interviews if i.id == one_id),
                        script_items=data.script_items, feedback=data.feedback)
    figs = _all(one, {one_id: scores[one_id]})
    assert len(figs["heatmap"].data[0].x) == 1
    assert _is_message(figs["trend"])  # a trend needs two interviews
    assert figs["funnel"].data[0].x[0] == 1
    assert figs["recurring"].data and figs["quadrant"].data


def test_demo_figures(demo):
    data, scores = demo
    figs = _all(data, scores)
    heat = figs["heatmap"].data[0]
    assert len(heat.x) == 7 and heat.hovertemplate
    colours = [c[1] for c in heat.colorscale]
    assert set(colours) == set(pal.GAP_COLOURS.values())
    assert heat.y[0] == "Stakeholder management"  # the most frequent gap on top
    rec = figs["recurring"].data
    assert [t.name for t in rec] == ["Skill gap", "Demonstration gap"]
    assert rec[0].marker.color == pal.SKILL_GAP and rec[1].marker.color == pal.DEMONSTRATION_GAP
    assert rec[1].y[0] == "Stakeholder management" and rec[1].x[0] == 6
    assert "Pelican Row Learning" in rec[1].customdata[0]
    assert list(figs["funnel"].data[0].x) == [7, 7, 6, 3, 2, 1]
    assert 1 <= len(figs["trend"].data) <= charts.MAX_LINES
    assert all(min(t.y) >= 1 and max(t.y) <= 5 for t in figs["trend"].data)
    cal = figs["calibration"].data[0]
    assert all(0 <= y <= 100 for y in cal.y)
    quad = figs["quadrant"].data
    assert {t.marker.line.color for t in quad} <= set(pal.GAP_COLOURS.values())


def test_quadrant_uses_hollow_markers_for_competencies_not_asked(demo):
    _, scores = demo
    fig = charts.competency_quadrant(scores[1].competencies)
    hollow = [t for t in fig.data if t.marker.symbol == "circle-open"]
    not_asked = [c for c in scores[1].competencies if c.demonstration is None and c.gap_class != "not_assessed"]
    assert sum(t.customdata[i].count("<br><br>") + 1 for t in hollow for i in range(len(t.x))) == len(not_asked)
    assert all(t.name.endswith("(not asked)") for t in hollow)


def test_x10_figures_build(demo_x10):
    data, scores = demo_x10
    figs = _all(data, scores)
    heat = figs["heatmap"]
    assert len(heat.data[0].x) == charts.MAX_HEATMAP_INTERVIEWS
    assert "latest 30 of 100" in heat.layout.xaxis.title.text
    assert figs["funnel"].data[0].x[0] == 100
    for name, fig in figs.items():
        assert fig.data, name


def test_patterns_view_bundles_filtered_charts(demo):
    from lib.trends_view import patterns_view

    data, scores = demo
    view = patterns_view(data, scores, companies=["Pelican Row Learning", "Fernhollow Games"])
    assert view.n_interviews == 2
    assert view.funnel.figure["data"][0]["x"][0] == 2
    assert view.heatmap.key == "chart_heatmap" and len(view.heatmap.figure["data"][0]["x"]) == 2
    assert view.recurring.takeaway.endswith(".")
    none = patterns_view(data, scores, outcomes=["withdrawn"])
    assert none.n_interviews == 0 and not none.heatmap.figure["data"]
