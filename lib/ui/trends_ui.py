"""Widgets of the Patterns page: the filter row and a chart section (title, takeaway, figure)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.models import STAGE_LABELS, STAGE_ORDER, Outcome, Stage

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def stage_name(value: str) -> str:
    return STAGE_LABELS[Stage(value)]


def outcome_name(value: str) -> str:
    return Outcome(value).value.capitalize()


def filter_controls(interviews: pd.DataFrame) -> dict:
    """Date range, company, furthest stage and outcome pickers; returns keyword arguments for
    :func:`lib.trends.filter_frame` (an empty choice keeps everything)."""
    first, last = interviews["interview_date"].min().date(), interviews["interview_date"].max().date()
    cols = st.columns([3, 3, 3, 2])
    picked = cols[0].date_input("Interview dates", value=(first, last), min_value=first, max_value=last,
                                key="trends_dates", format="DD/MM/YYYY")
    companies = cols[1].multiselect("Company", sorted(interviews["company"].unique()), key="trends_company",
                                    placeholder="All companies")
    stages = cols[2].multiselect("Furthest stage", [s.value for s in STAGE_ORDER], key="trends_stage",
                                 format_func=stage_name, placeholder="All stages")
    outcomes = cols[3].multiselect("Outcome", [o.value for o in Outcome], key="trends_outcome",
                                   format_func=outcome_name, placeholder="All outcomes")
    dates = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    start = dates[0] if dates else None
    end = dates[1] if len(dates) > 1 else None
    return {"start": start, "end": end, "companies": companies, "stages": stages, "outcomes": outcomes}


def chart_section(title: str, takeaway: str, fig: go.Figure, key: str) -> None:
    """A subheader, the one-sentence takeaway, and the figure."""
    st.subheader(title)
    st.text(takeaway)
    st.plotly_chart(fig, key=key, config=CHART_CONFIG, theme=None)
