"""Everything the Patterns page draws, built in one pure call (so the page can cache it as a whole).

:func:`patterns_view` filters the workspace's frames (:mod:`lib.trends`), aggregates them, and returns each
chart (:mod:`lib.charts`, as a plain figure dict) with its takeaway (:mod:`lib.trends_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lib import charts, trends
from lib import trends_text as say
from lib.models import WorkspaceData


@dataclass(frozen=True)
class ChartView:
    title: str
    takeaway: str
    figure: dict  # plotly figure as a plain dict (``go.Figure.to_plotly_json()``)
    key: str


@dataclass(frozen=True)
class PatternsView:
    n_interviews: int
    recurring: ChartView
    funnel: ChartView
    heatmap: ChartView
    trend: ChartView
    calibration: ChartView


def patterns_view(data: WorkspaceData, scores: Mapping[int, object], **filters) -> PatternsView:
    """``filters``: keyword arguments of :func:`lib.trends.filter_frame`."""
    interviews = trends.filter_frame(trends.interview_frame(data), **filters)
    frame = trends.filter_frame(trends.competency_frame(data, scores), **filters)
    summary = trends.competency_summary(frame)
    cal = trends.calibration(frame)
    fun = trends.funnel(interviews)

    def view(title, takeaway, fig, key):
        return ChartView(title, takeaway, fig.to_plotly_json(), key)

    return PatternsView(
        n_interviews=len(interviews),
        recurring=view("Recurring gaps", say.recurring_takeaway(summary), charts.recurring_gaps(summary),
                       "chart_recurring"),
        funnel=view("How far I get", say.funnel_takeaway(fun), charts.funnel_chart(fun), "chart_funnel"),
        heatmap=view("Every interview at a glance", say.heatmap_takeaway(frame, summary),
                     charts.gap_heatmap(frame), "chart_heatmap"),
        trend=view("Self-rating over time", say.trend_takeaway(summary, limit=charts.MAX_LINES),
                   charts.trend_lines(frame, summary), "chart_trend"),
        calibration=view("My ratings vs the employer's feedback", say.calibration_takeaway(cal),
                         charts.calibration_scatter(cal), "chart_calibration"),
    )
