"""Patterns across interviews (pandas, pure): what keeps coming back, what improves, where I stop in the
funnel, and where my own ratings disagree with what the employer said.

Inputs are the workspace (:class:`~lib.models.WorkspaceData`) and the scores from
:func:`lib.analysis.score_workspace`; outputs are DataFrames that :mod:`lib.charts` draws and one-sentence
takeaways (:mod:`lib.trends_text`). Nothing here reads a clock, a file or the database.

Frames

- :func:`interview_frame` — one row per interview: date, company, role, furthest stage (and its rank on
  the ladder), outcome, mean self-rating of its questions, number of employer feedback flags.
- :func:`competency_frame` — one row per interview × competency that the scoring mentions: evidence score,
  demonstration score (mean self-rating / 5; NaN when not asked or not rated), gap class, employer flag,
  requirement weight, the scorer's explanation, plus the interview columns.

Both carry ``interview_date``, ``company``, ``stage`` and ``outcome``, so :func:`filter_frame` applies to
either.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from lib.competencies import label as competency_label
from lib.models import STAGE_LABELS, STAGE_ORDER, FeedbackSource, Outcome, Stage, WorkspaceData
from lib.scoring_competencies import DEMONSTRATED, GapClass

__all__ = [
    "HIGH_RATING", "NEEDED_WEIGHT_FLOOR", "calibration", "competency_frame", "competency_summary",
    "filter_frame", "filter_options", "funnel", "furthest_stage", "interview_calibration", "interview_frame",
]

GAPS = (GapClass.SKILL_GAP.value, GapClass.DEMONSTRATION_GAP.value)
# a competency the questions probed but the job description did not list still counts, like a nice-to-have
NEEDED_WEIGHT_FLOOR = 0.4
HIGH_RATING = DEMONSTRATED * 5  # 3.5 / 5: the self-rating the scorer calls "demonstrated"

INTERVIEW_COLUMNS = ["interview_id", "interview_date", "company", "role", "stage", "stage_rank", "outcome",
                     "mean_rating", "n_rated", "n_flags"]
COMPETENCY_COLUMNS = ["interview_id", "interview_date", "company", "role", "stage", "stage_rank", "outcome",
                      "competency", "competency_label", "evidence", "demonstration", "gap_class", "flagged",
                      "weight", "why"]


def furthest_stage(stage: Stage, stages: Collection[Stage] = (), outcome: Outcome | None = None) -> Stage:
    """The furthest stage reached: the recorded one, any later stage in the attended list, and an offer
    when the outcome was one. A rejection never lowers it."""
    ranks = [STAGE_ORDER.index(Stage(stage)), *(STAGE_ORDER.index(Stage(s)) for s in stages)]
    if outcome == Outcome.OFFER:
        ranks.append(STAGE_ORDER.index(Stage.OFFER))
    return STAGE_ORDER[max(ranks)]


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["interview_date"] = pd.to_datetime(frame["interview_date"]).astype("datetime64[ns]")
    frame["interview_id"] = frame["interview_id"].astype("int64")
    frame["stage_rank"] = frame["stage_rank"].astype("int64")
    return frame


def interview_frame(data: WorkspaceData) -> pd.DataFrame:
    """One row per saved interview, ordered by date then id (see the module docstring)."""
    rows = []
    ratings_of: dict[int, list[int]] = {}
    for q in data.script_items:
        if q.rating is not None:
            ratings_of.setdefault(q.interview_id, []).append(q.rating)
    flags_of = Counter(f.interview_id for f in data.feedback if f.source == FeedbackSource.EMPLOYER)
    for iv in sorted((iv for iv in data.interviews if iv.id is not None), key=lambda iv: (iv.interview_date, iv.id)):
        ratings = ratings_of.get(iv.id, [])
        stage = furthest_stage(iv.furthest_stage, iv.stages, iv.outcome)
        rows.append({"interview_id": iv.id, "interview_date": iv.interview_date, "company": iv.company,
                     "role": iv.role, "stage": stage.value, "stage_rank": STAGE_ORDER.index(stage),
                     "outcome": Outcome(iv.outcome).value,
                     "mean_rating": float(np.mean(ratings)) if ratings else np.nan,
                     "n_rated": len(ratings), "n_flags": flags_of[iv.id]})
    frame = pd.DataFrame(rows, columns=INTERVIEW_COLUMNS)
    frame["mean_rating"] = frame["mean_rating"].astype("float64")
    frame["n_rated"] = frame["n_rated"].astype("int64")
    frame["n_flags"] = frame["n_flags"].astype("int64")
    return _typed(frame)


def competency_frame(data: WorkspaceData, scores: Mapping[int, object]) -> pd.DataFrame:
    """One row per interview × competency in ``scores`` (``{interview_id: InterviewScore}``), ordered by
    interview date then the competency list's order. Interviews without a score are left out."""
    ivs = interview_frame(data)
    rows = []
    for iv in ivs.itertuples(index=False):
        score = scores.get(iv.interview_id)
        if score is None:
            continue
        for c in score.competencies:
            rows.append({"interview_id": iv.interview_id, "interview_date": iv.interview_date,
                         "company": iv.company, "role": iv.role, "stage": iv.stage, "stage_rank": iv.stage_rank,
                         "outcome": iv.outcome, "competency": c.competency,
                         "competency_label": competency_label(c.competency), "evidence": float(c.evidence),
                         "demonstration": np.nan if c.demonstration is None else float(c.demonstration),
                         "gap_class": GapClass(c.gap_class).value, "flagged": bool(c.flagged),
                         "weight": float(c.weight), "why": c.why})
    frame = pd.DataFrame(rows, columns=COMPETENCY_COLUMNS)
    for col in ("evidence", "demonstration", "weight"):
        frame[col] = frame[col].astype("float64")
    frame["flagged"] = frame["flagged"].astype("bool")
    return _typed(frame)


def filter_options(data: WorkspaceData) -> tuple[dt.date | None, dt.date | None, list[str]]:
    """(first interview date, last interview date, sorted companies) for the filter widgets."""
    dates = [iv.interview_date for iv in data.interviews]
    return (min(dates, default=None), max(dates, default=None),
            sorted({iv.company for iv in data.interviews}))


def filter_frame(frame: pd.DataFrame, *, start: dt.date | None = None, end: dt.date | None = None,
                 companies: Collection[str] = (), stages: Collection[str] = (),
                 outcomes: Collection[str] = ()) -> pd.DataFrame:
    """Rows of ``frame`` inside the date range (inclusive) whose company, furthest stage and outcome are in
    the given choices (an empty choice keeps everything). The index is reset."""
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= frame["interview_date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= frame["interview_date"] <= pd.Timestamp(end)
    for col, chosen in (("company", companies), ("stage", stages), ("outcome", outcomes)):
        if chosen:
            keep &= frame[col].isin([str(c) for c in chosen])
    return frame[keep].reset_index(drop=True)


def _group_slope(x: pd.Series, y: pd.Series, key: pd.Series) -> pd.Series:
    """Least-squares slope of y against x per key (NaN under two points)."""
    g = pd.DataFrame({"k": key, "x": x, "y": y, "xy": x * y, "xx": x * x}).groupby("k", sort=False)
    sums, n = g[["x", "y", "xy", "xx"]].sum(), g.size()
    var = sums["xx"] - sums["x"] ** 2 / n
    slope = (sums["xy"] - sums["x"] * sums["y"] / n) / var.where(var > 1e-12)
    return slope.where(n >= 2)


def _interview_names(rows: pd.DataFrame) -> pd.Series:
    return rows["company"] + " (" + rows["interview_date"].dt.strftime("%d %b %Y") + ")"


SUMMARY_COLUMNS = ["competency", "competency_label", "n_assessed", "n_rated", "mean_demonstration", "trend",
                   "n_skill_gap", "n_demo_gap", "n_gap", "gap_share", "weighted_gap", "skill_gap_in",
                   "demo_gap_in"]


def competency_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per competency across interviews, from :func:`competency_frame` rows.

    n_assessed: interviews where it was not "not assessed". mean_demonstration: mean of the demonstration
    scores (0–1) where rated. trend: slope of the demonstration score per interview, interviews ordered by
    date (+0.1 = a half-point better self-rating each interview). n_skill_gap / n_demo_gap / n_gap: how
    often it was each kind of gap; gap_share = n_gap / n_assessed. weighted_gap: Σ weight × gap over the
    assessed interviews, weight = that interview's requirement weight for it, clipped to
    [``NEEDED_WEIGHT_FLOOR``, 1] (1 = a must-have; asked about but not listed counts like a nice-to-have).
    skill_gap_in / demo_gap_in: the interviews. Sorted by n_gap, then weighted_gap, descending, then label.
    """
    f = frame.sort_values(["interview_date", "interview_id"], kind="stable")
    skill = f["gap_class"] == GapClass.SKILL_GAP.value
    demo = f["gap_class"] == GapClass.DEMONSTRATION_GAP.value
    work = pd.DataFrame({
        "competency": f["competency"], "competency_label": f["competency_label"],
        "assessed": f["gap_class"] != GapClass.NOT_ASSESSED.value, "demonstration": f["demonstration"],
        "skill": skill, "demo": demo,
        "wgap": f["weight"].clip(lower=NEEDED_WEIGHT_FLOOR, upper=1.0) * (skill | demo)})
    g = work.groupby("competency", sort=False)
    out = g.agg(competency_label=("competency_label", "first"), n_assessed=("assessed", "sum"),
                n_rated=("demonstration", "count"), mean_demonstration=("demonstration", "mean"),
                n_skill_gap=("skill", "sum"), n_demo_gap=("demo", "sum"), weighted_gap=("wgap", "sum"))
    rated = f[f["demonstration"].notna()]
    position = rated.groupby("competency", sort=False).cumcount().astype("float64")
    out["trend"] = _group_slope(position, rated["demonstration"], rated["competency"]).reindex(out.index)
    out["n_gap"] = out["n_skill_gap"] + out["n_demo_gap"]
    out["gap_share"] = (out["n_gap"] / out["n_assessed"].where(out["n_assessed"] > 0)).fillna(0.0)
    out["weighted_gap"] = out["weighted_gap"].round(6)
    names = _interview_names(f)
    for col, mask in (("skill_gap_in", skill), ("demo_gap_in", demo)):
        joined = names[mask].groupby(f["competency"][mask], sort=False).agg(", ".join)
        out[col] = joined.reindex(out.index).fillna("")
    out = out.reset_index()[SUMMARY_COLUMNS]
    for col in ("n_assessed", "n_rated", "n_skill_gap", "n_demo_gap", "n_gap"):
        out[col] = out[col].astype("int64")
    for col in ("mean_demonstration", "trend", "gap_share", "weighted_gap"):
        out[col] = out[col].astype("float64")
    for col in ("competency", "competency_label", "skill_gap_in", "demo_gap_in"):
        out[col] = out[col].astype("str")
    out = out.sort_values(["n_gap", "weighted_gap", "competency_label"], ascending=[False, False, True],
                          kind="stable")
    return out.reset_index(drop=True)


def funnel(interviews: pd.DataFrame) -> pd.DataFrame:
    """How many interviews reached each stage, cumulatively (one that reached the final round also passed
    the screen), from :func:`interview_frame` rows. Columns: stage, label, reached, share (of all)."""
    total = len(interviews)
    ranks = interviews["stage_rank"].to_numpy() if total else np.zeros(0, dtype=int)
    rows = [{"stage": s.value, "label": STAGE_LABELS[s], "reached": int((ranks >= i).sum()),
             "share": float((ranks >= i).sum() / total) if total else 0.0} for i, s in enumerate(STAGE_ORDER)]
    out = pd.DataFrame(rows, columns=["stage", "label", "reached", "share"])
    out["reached"] = out["reached"].astype("int64")
    return out


CALIBRATION_COLUMNS = ["competency", "competency_label", "n_rated", "mean_rating", "n_flagged",
                       "n_flagged_rated", "flag_rate", "n_rejected", "rejection_rate", "overconfident"]


def calibration(frame: pd.DataFrame) -> pd.DataFrame:
    """Self-assessment calibration per competency, from :func:`competency_frame` rows.

    mean_rating: my mean self-rating (1–5) over the interviews where I rated it. n_flagged: interviews
    where the employer's feedback named it; n_flagged_rated: of those, how many I had rated;
    flag_rate = n_flagged_rated / n_rated. rejection_rate: share of the rated interviews that ended in
    a rejection. overconfident: a mean rating of at least ``HIGH_RATING`` and flagged at least once —
    "I rate myself high and still get flagged". Competencies neither rated nor flagged are left out.
    Sorted: overconfident first, then by flag rate and mean rating, descending.
    """
    rated = frame["demonstration"].notna()
    work = pd.DataFrame({
        "competency": frame["competency"], "competency_label": frame["competency_label"],
        "demonstration": frame["demonstration"], "flagged": frame["flagged"].astype(bool),
        "flagged_rated": frame["flagged"].astype(bool) & rated,
        "rejected_rated": (frame["outcome"] == Outcome.REJECTED.value) & rated})
    out = work.groupby("competency", sort=False).agg(
        competency_label=("competency_label", "first"), n_rated=("demonstration", "count"),
        mean_rating=("demonstration", "mean"), n_flagged=("flagged", "sum"),
        n_flagged_rated=("flagged_rated", "sum"), n_rejected=("rejected_rated", "sum")).reset_index()
    out = out[(out["n_rated"] > 0) | (out["n_flagged"] > 0)].copy()
    out["mean_rating"] = out["mean_rating"] * 5
    n = out["n_rated"].where(out["n_rated"] > 0)
    out["flag_rate"] = out["n_flagged_rated"] / n
    out["rejection_rate"] = out["n_rejected"] / n
    out["overconfident"] = (out["mean_rating"] >= HIGH_RATING - 1e-9) & (out["n_flagged"] > 0)
    out = out[CALIBRATION_COLUMNS]
    for col in ("n_rated", "n_flagged", "n_flagged_rated", "n_rejected"):
        out[col] = out[col].astype("int64")
    for col in ("mean_rating", "flag_rate", "rejection_rate"):
        out[col] = out[col].astype("float64")
    for col in ("competency", "competency_label"):
        out[col] = out[col].astype("str")
    out["overconfident"] = out["overconfident"].astype("bool")
    out = out.sort_values(["overconfident", "flag_rate", "mean_rating", "competency_label"],
                          ascending=[False, False, False, True], kind="stable", na_position="last")
    return out.reset_index(drop=True)


def interview_calibration(interviews: pd.DataFrame) -> pd.DataFrame:
    """Per interview: mean self-rating, employer flags and outcome, from :func:`interview_frame` rows (the
    interviews I rated), with ``rejected`` as a boolean."""
    out = interviews[interviews["n_rated"] > 0][["interview_id", "interview_date", "company", "mean_rating",
                                                 "n_flags", "outcome"]].copy()
    out["rejected"] = out["outcome"] == Outcome.REJECTED.value
    return out.reset_index(drop=True)
