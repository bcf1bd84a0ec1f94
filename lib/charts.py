"""Plotly figures for the Patterns and Gap scoring pages (pure: frames in, ``go.Figure`` out).

Colours come from :mod:`lib.palette` (Okabe–Ito, colour-blind safe): the same gap class has the same
colour on every chart and in the PDF. Figures carry no title (the page's headings name them). An empty or
too small input gives a figure with a short annotation saying what is missing, never an empty axis.

Inputs are the frames of :mod:`lib.trends`; :func:`competency_quadrant` takes the competency scores of one
interview (``InterviewScore.competencies``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib import palette as pal
from lib.competencies import label as competency_label
from lib.scoring_competencies import DEMONSTRATED, EVIDENCED
from lib.trends import HIGH_RATING

__all__ = ["GAP_ORDER", "calibration_scatter", "competency_quadrant", "funnel_chart", "gap_heatmap",
           "message_figure", "recurring_gaps", "trend_lines"]

GAP_ORDER = (pal.GAP_STRENGTH, pal.GAP_DEMONSTRATION, pal.GAP_SKILL, pal.GAP_NOT_ASSESSED)
FONT = dict(family="Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif", size=14, color=pal.INK)
# a qualitative Okabe–Ito order for lines (one per competency); gap-class colours are kept for classes
LINE_COLOURS = ("#0072B2", "#CC79A7", "#56B4E9", "#000000")
LINE_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
MAX_LINES = 4
MAX_HEATMAP_INTERVIEWS = 30


def _layout(fig: go.Figure, *, height: int = 420, **kw) -> go.Figure:
    fig.update_layout(template="plotly_white", font=FONT, height=height, margin=dict(l=10, r=10, t=30, b=10),
                      hoverlabel=dict(font_size=13, align="left"), **kw)
    return fig


def message_figure(text: str, *, height: int = 220) -> go.Figure:
    """A blank figure that says ``text`` in the middle (for empty or too-small inputs)."""
    fig = go.Figure()
    fig.add_annotation(text=text, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=15, color=pal.MUTED))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, height=height)


def _iv_label(row) -> str:
    return f"{row.company}<br>{row.interview_date:%d %b %Y}"


def gap_heatmap(frame: pd.DataFrame, *, competencies: Sequence[str] | None = None,
                max_interviews: int = MAX_HEATMAP_INTERVIEWS) -> go.Figure:
    """Competency (rows) × interview (columns, ordered by date) coloured by gap class; hover explains each
    cell with the scorer's reason. Rows: ``competencies`` in that order, or every competency assessed
    somewhere, the most frequent gaps first. Only the latest ``max_interviews`` columns are drawn (an axis
    note says so): a wider grid is unreadable."""
    if frame.empty:
        return message_figure("No scored interviews to show yet.")
    all_ids = frame.drop_duplicates("interview_id").sort_values(["interview_date", "interview_id"],
                                                                 kind="stable")["interview_id"]
    note = None
    if len(all_ids) > max_interviews:
        note = (f"The latest {max_interviews} of {len(all_ids)} interviews; narrow the dates to see "
                "earlier ones.")
        frame = frame[frame["interview_id"].isin(set(all_ids.iloc[-max_interviews:]))]
    if competencies is None:
        assessed = frame[frame["gap_class"] != pal.GAP_NOT_ASSESSED]
        gaps = assessed["gap_class"].isin([pal.GAP_SKILL, pal.GAP_DEMONSTRATION]).groupby(
            assessed["competency"], sort=False).sum()
        keys = sorted(gaps.index, key=lambda k: (-int(gaps[k]), competency_label(k)))
    else:
        keys = list(competencies)
    if not keys:
        return message_figure("None of these interviews assessed a competency yet.")
    ivs = frame.drop_duplicates("interview_id").sort_values(["interview_date", "interview_id"], kind="stable")
    x = [f"{_iv_label(r)}" for r in ivs.itertuples(index=False)]
    col = {iv: j for j, iv in enumerate(ivs["interview_id"])}
    row = {k: i for i, k in enumerate(keys)}
    z = np.full((len(keys), len(x)), np.nan)
    hover = np.full((len(keys), len(x)), "", dtype=object)
    for r in frame[frame["competency"].isin(keys)].itertuples(index=False):
        i, j = row[r.competency], col[r.interview_id]
        z[i, j] = GAP_ORDER.index(r.gap_class)
        hover[i, j] = (f"<b>{pal.GAP_LABELS[r.gap_class]}</b> · {r.company}<br>"
                       + _wrap(r.why))
    n = len(GAP_ORDER)
    scale = []
    for k, cls in enumerate(GAP_ORDER):
        scale += [[k / n, pal.GAP_COLOURS[cls]], [(k + 1) / n, pal.GAP_COLOURS[cls]]]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=[competency_label(k) for k in keys], text=hover, hoverinfo="text",
        hovertemplate="%{text}<extra></extra>", colorscale=scale, zmin=-0.5, zmax=n - 0.5, xgap=2, ygap=2,
        colorbar=dict(tickvals=list(range(n)), ticktext=[pal.GAP_LABELS[c] for c in GAP_ORDER], title=None,
                      thickness=14)))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=13))
    fig.update_xaxes(side="top", tickfont=dict(size=12))
    if note:
        fig.update_xaxes(title=dict(text=note, font=dict(size=13, color=pal.MUTED)))
    return _layout(fig, height=max(260, 80 + 26 * len(keys)))


def _wrap(text: str, width: int = 70) -> str:
    words, lines, cur = str(text).split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        lines.append(cur)
    return "<br>".join(lines)


def recurring_gaps(summary: pd.DataFrame, *, top: int = 12) -> go.Figure:
    """Horizontal stacked bars: per competency, the interviews where it was a skill gap and those where it
    was a demonstration gap (hover lists them). Ordered by the summary's ranking, at most ``top`` rows."""
    gaps = summary[summary["n_gap"] > 0].head(top)
    if gaps.empty:
        return message_figure("No competency came out as a gap in these interviews.")
    y = gaps["competency_label"].tolist()
    fig = go.Figure()
    for cls, count, names in ((pal.GAP_SKILL, "n_skill_gap", "skill_gap_in"),
                              (pal.GAP_DEMONSTRATION, "n_demo_gap", "demo_gap_in")):
        fig.add_bar(y=y, x=gaps[count].tolist(), orientation="h", name=pal.GAP_LABELS[cls],
                    marker_color=pal.GAP_COLOURS[cls], customdata=[_wrap(s or "—") for s in gaps[names]],
                    hovertemplate=f"<b>%{{y}}</b><br>{pal.GAP_LABELS[cls]} in %{{x}}:<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.15, x=0))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="Interviews where it was a gap", dtick=1 if gaps["n_gap"].max() <= 10 else None)
    return _layout(fig, height=max(240, 90 + 30 * len(y)))


def trend_lines(frame: pd.DataFrame, summary: pd.DataFrame, *, limit: int = MAX_LINES) -> go.Figure:
    """Self-rating (1–5) per competency over interview dates, for the first ``limit`` competencies of the
    summary's ranking (the most recurrent gaps) rated in two interviews or more. Markers show the gap
    class of each point; line colours avoid the gap-class colours."""
    candidates = summary[summary["n_rated"] >= 2]
    if candidates.empty:
        return message_figure("A trend needs a competency rated in at least two interviews.")
    keys = candidates["competency"].head(limit).tolist()
    fig = go.Figure()
    for n, key in enumerate(keys):
        pts = frame[(frame["competency"] == key) & frame["demonstration"].notna()].sort_values(
            ["interview_date", "interview_id"], kind="stable")
        fig.add_scatter(
            x=pts["interview_date"], y=(pts["demonstration"] * 5).round(2), mode="lines+markers",
            name=competency_label(key), line=dict(color=LINE_COLOURS[n % len(LINE_COLOURS)], width=2.5,
                                                  dash=LINE_DASHES[n % len(LINE_DASHES)]),
            marker=dict(size=11, color=[pal.GAP_COLOURS[c] for c in pts["gap_class"]],
                        line=dict(color=LINE_COLOURS[n % len(LINE_COLOURS)], width=2)),
            customdata=np.stack([pts["company"], [pal.GAP_LABELS[c] for c in pts["gap_class"]]], axis=-1),
            hovertemplate="<b>%{fullData.name}</b><br>%{customdata[0]}, %{x|%d %b %Y}<br>"
                          "self-rating %{y:.1f}/5 · %{customdata[1]}<extra></extra>")
    fig.add_hline(y=HIGH_RATING, line=dict(color=pal.HAIRLINE, dash="dot"),
                  annotation_text="shown well (3.5)", annotation_position="bottom right",
                  annotation_font=dict(color=pal.MUTED, size=12))
    fig.update_yaxes(range=[0.8, 5.2], dtick=1, title="Mean self-rating")
    fig.update_layout(legend=dict(orientation="h", y=-0.2, x=0))
    return _layout(fig, height=440)


def funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Interviews by furthest stage reached, cumulative (from :func:`lib.trends.funnel`)."""
    if funnel.empty or int(funnel["reached"].max()) == 0:
        return message_figure("No interviews to count yet.")
    fig = go.Figure(go.Funnel(
        y=funnel["label"].tolist(), x=funnel["reached"].tolist(), textinfo="value+percent initial",
        marker=dict(color=[pal.ACCENT] * (len(funnel) - 1) + [pal.STRENGTH]), connector=dict(fillcolor=pal.TINT, line=dict(width=0)),
        hovertemplate="<b>%{y}</b><br>%{x} reached it (%{percentInitial:.0%} of all)<extra></extra>"))
    return _layout(fig, height=360)


def calibration_scatter(cal: pd.DataFrame) -> go.Figure:
    """Per competency: my mean self-rating (x) against the share of those interviews where the employer
    flagged it (y); marker size = interviews rated. Points rated high yet flagged are drawn in the
    demonstration-gap colour and labelled."""
    pts = cal[cal["n_rated"] > 0]
    if pts.empty:
        return message_figure("Rate your answers (1–5) to compare them with the employer's feedback.")
    over = pts["overconfident"].to_numpy(dtype=bool)
    colour = np.where(over, pal.DEMONSTRATION_GAP, np.where(pts["n_flagged_rated"] > 0, pal.SKILL_GAP, pal.ACCENT))
    fig = go.Figure(go.Scatter(
        x=pts["mean_rating"].round(2), y=(pts["flag_rate"] * 100).round(1), mode="markers+text",
        text=[lab if o else "" for lab, o in zip(pts["competency_label"], over, strict=True)],
        textposition="top center", textfont=dict(size=12),
        marker=dict(size=10 + 4 * np.sqrt(pts["n_rated"].to_numpy()), color=colour, opacity=0.85,
                    line=dict(color=pal.PAPER, width=1)),
        customdata=np.stack([pts["competency_label"], pts["n_rated"], pts["n_flagged_rated"],
                             (pts["rejection_rate"] * 100).round(0)], axis=-1),
        hovertemplate="<b>%{customdata[0]}</b><br>mean self-rating %{x:.1f}/5 over %{customdata[1]} "
                      "interview(s)<br>flagged by the employer in %{customdata[2]} of them<br>"
                      "%{customdata[3]:.0f}% of them ended in a rejection<extra></extra>"))
    fig.add_vline(x=HIGH_RATING, line=dict(color=pal.HAIRLINE, dash="dot"))
    fig.add_annotation(x=5.1, y=105, text="rated high, still flagged", showarrow=False, xanchor="right",
                       font=dict(color=pal.MUTED, size=12))
    fig.update_xaxes(range=[0.8, 5.2], dtick=1, title="My mean self-rating")
    fig.update_yaxes(range=[-8, 112], title="Flagged by the employer (% of interviews)")
    return _layout(fig, height=400, showlegend=False)


def competency_quadrant(competencies: Sequence) -> go.Figure:
    """One interview: evidence in the bank (x, 0–1) against demonstration in the interview (y, 0–1) per
    competency, coloured by gap class, with the scorer's thresholds as guides. Competencies not asked
    (no demonstration) sit on the bottom edge as hollow markers."""
    items = [c for c in competencies if str(c.gap_class) != pal.GAP_NOT_ASSESSED]
    if not items:
        return message_figure("No competency was assessed for this interview yet.")
    fig = go.Figure()
    for cls in GAP_ORDER:
        for asked in (True, False):
            spots: dict[tuple[float, float], list] = {}
            for c in items:
                if str(c.gap_class) == cls and (c.demonstration is not None) == asked:
                    spots.setdefault((round(c.evidence, 2), round(c.demonstration or 0.0, 2)), []).append(c)
            if not spots:
                continue
            groups = list(spots.items())
            fig.add_scatter(
                x=[xy[0] for xy, _ in groups], y=[xy[1] for xy, _ in groups], mode="markers",
                name=pal.GAP_LABELS[cls] + ("" if asked else " (not asked)"), legendgroup=cls,
                marker=dict(size=[12 + 5 * (len(g) - 1) ** 0.5 for _, g in groups],
                            color=pal.GAP_COLOURS[cls],  # an open symbol draws its outline in this colour
                            symbol="circle" if asked else "circle-open",
                            line=dict(color=pal.GAP_COLOURS[cls], width=2.5)),
                customdata=["<br><br>".join(_wrap(c.why) for c in g) for _, g in groups],
                hovertemplate="%{customdata}<extra></extra>")
    fig.add_vline(x=EVIDENCED, line=dict(color=pal.HAIRLINE, dash="dot"))
    fig.add_hline(y=DEMONSTRATED, line=dict(color=pal.HAIRLINE, dash="dot"))
    for x, y, text in ((0.02, 0.98, "shown, thin evidence"), (0.98, 0.98, "evidenced and shown"),
                       (0.02, 0.03, "not evidenced, not shown"), (0.98, 0.03, "evidenced, not shown")):
        fig.add_annotation(x=x, y=y, xref="x", yref="y", text=text, showarrow=False,
                           xanchor="left" if x < 0.5 else "right", font=dict(color=pal.MUTED, size=12))
    fig.update_xaxes(range=[-0.04, 1.04], tickformat=".0%", title="Evidence in your bank")
    fig.update_yaxes(range=[-0.06, 1.06], tickformat=".0%", title="Shown in the interview (self-rating)",
                     zeroline=False)
    fig.update_layout(legend=dict(orientation="h", y=-0.2, x=0))
    return _layout(fig, height=460)
