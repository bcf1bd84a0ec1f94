"""Widgets of the Patterns page: the filter row and a chart section (title, takeaway, figure)."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import streamlit as st

from lib.models import STAGE_LABELS, STAGE_ORDER, Outcome, Stage
from lib.storage import workspace
from lib.trends import filter_options
from lib.trends_view import ChartView, PatternsView, patterns_view
from lib.ui.analysis_ui import encoder, workspace_scores

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def stage_name(value: str) -> str:
    return STAGE_LABELS[Stage(value)]


def outcome_name(value: str) -> str:
    return Outcome(value).value.capitalize()


def filter_controls(data) -> dict:
    """Date range, company, furthest stage and outcome pickers; returns keyword arguments for
    :func:`lib.trends.filter_frame` (an empty choice keeps everything)."""
    first, last, company_names = filter_options(data)
    cols = st.columns([3, 3, 3, 2])
    picked = cols[0].date_input("Interview dates", value=(first, last), min_value=first, max_value=last,
                                key="trends_dates", format="DD/MM/YYYY")
    companies = cols[1].multiselect("Company", company_names, key="trends_company",
                                    placeholder="All companies")
    stages = cols[2].multiselect("Furthest stage", [s.value for s in STAGE_ORDER], key="trends_stage",
                                 format_func=stage_name, placeholder="All stages")
    outcomes = cols[3].multiselect("Outcome", [o.value for o in Outcome], key="trends_outcome",
                                   format_func=outcome_name, placeholder="All outcomes")
    dates = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    start = dates[0] if dates else None
    end = dates[1] if len(dates) > 1 else None
    return {"start": start, "end": end, "companies": companies, "stages": stages, "outcomes": outcomes}


def chart_section(view: ChartView) -> None:
    """A subheader, the one-sentence takeaway, and the figure."""
    st.subheader(view.title)
    st.text(view.takeaway)
    # a Figure, not the dict: plotly 7's dict check raises a missing exception class on a figure without
    # traces; the dict was built (and validated) by plotly in lib.charts, so it is not validated again
    st.plotly_chart(go.Figure(view.figure, _validate=False), key=view.key, config=CHART_CONFIG, theme=None)


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def _view(url: str, owner: str, version: int, scope: tuple[int, ...], encoder_id: str, start: dt.date | None,
          end: dt.date | None, companies: tuple, stages: tuple, outcomes: tuple, _ctx, _data) -> PatternsView:
    return patterns_view(_data, workspace_scores(_ctx), start=start, end=end, companies=companies,
                         stages=stages, outcomes=outcomes)


def cached_view(ctx, data, chosen: dict) -> PatternsView:
    """:func:`lib.trends_view.patterns_view`, cached per owner, data version, share scope, encoder and
    filters; the scores are only read (:func:`lib.ui.analysis_ui.workspace_scores`) on a cache miss."""
    version = workspace.data_version(ctx.engine, ctx.owner)
    scope = tuple(sorted(ctx.share.interview_ids)) if ctx.share is not None else ()
    return _view(ctx.engine.url.render_as_string(hide_password=True), ctx.owner, version, scope,
                 encoder().encoder.model_id, chosen["start"], chosen["end"], tuple(chosen["companies"]),
                 tuple(chosen["stages"]), tuple(chosen["outcomes"]), ctx, data)
