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
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd

from lib.competencies import label as competency_label
from lib.models import STAGE_LABELS, STAGE_ORDER, FeedbackSource, Outcome, Stage, WorkspaceData
from lib.scoring_competencies import DEMONSTRATED, GapClass

__all__ = [
    "HIGH_RATING", "NEEDED_WEIGHT_FLOOR", "calibration", "competency_frame", "competency_summary",
    "filter_frame", "funnel", "furthest_stage", "interview_calibration", "interview_frame",
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
    for iv in sorted((iv for iv in data.interviews if iv.id is not None), key=lambda iv: (iv.interview_date, iv.id)):
        ratings = [q.rating for q in data.script_items if q.interview_id == iv.id and q.rating is not None]
        flags = [f for f in data.feedback if f.interview_id == iv.id and f.source == FeedbackSource.EMPLOYER]
        stage = furthest_stage(iv.furthest_stage, iv.stages, iv.outcome)
        rows.append({"interview_id": iv.id, "interview_date": iv.interview_date, "company": iv.company,
                     "role": iv.role, "stage": stage.value, "stage_rank": STAGE_ORDER.index(stage),
                     "outcome": Outcome(iv.outcome).value,
                     "mean_rating": float(np.mean(ratings)) if ratings else np.nan,
                     "n_rated": len(ratings), "n_flags": len(flags)})
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


def _slope(values: pd.Series) -> float:
    """Least-squares slope of the values against their position (0, 1, 2, …); NaN under two points."""
    y = values.dropna().to_numpy(dtype=float)
    if len(y) < 2:
        return np.nan
    return float(np.polyfit(np.arange(len(y), dtype=float), y, 1)[0])


def _names(rows: pd.DataFrame) -> str:
    return ", ".join(f"{r.company} ({r.interview_date:%d %b %Y})" for r in rows.itertuples(index=False))


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
    [``NEEDED_WEIGHT_FLOOR``, 1] (1 = a must-have; asked about but not listed counts like a nice-to-have)
    — the ranking key: a gap on a must-have in many interviews ranks first. skill_gap_in / demo_gap_in: the interviews.
    Sorted by n_gap, then weighted_gap, descending, then label.
    """
    rows = []
    ordered = frame.sort_values(["interview_date", "interview_id"], kind="stable")
    for key, grp in ordered.groupby("competency", sort=False):
        assessed = grp[grp["gap_class"] != GapClass.NOT_ASSESSED.value]
        skill = assessed[assessed["gap_class"] == GapClass.SKILL_GAP.value]
        demo = assessed[assessed["gap_class"] == GapClass.DEMONSTRATION_GAP.value]
        w = assessed["weight"].clip(lower=NEEDED_WEIGHT_FLOOR, upper=1.0)
        is_gap = assessed["gap_class"].isin(GAPS)
        rated = grp["demonstration"].dropna()
        rows.append({
            "competency": key, "competency_label": grp["competency_label"].iloc[0],
            "n_assessed": len(assessed), "n_rated": len(rated),
            "mean_demonstration": float(rated.mean()) if len(rated) else np.nan,
            "trend": _slope(grp["demonstration"]),
            "n_skill_gap": len(skill), "n_demo_gap": len(demo), "n_gap": len(skill) + len(demo),
            "gap_share": (len(skill) + len(demo)) / len(assessed) if len(assessed) else 0.0,
            "weighted_gap": round(float((w * is_gap).sum()), 6),
            "skill_gap_in": _names(skill), "demo_gap_in": _names(demo),
        })
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for col in ("n_assessed", "n_rated", "n_skill_gap", "n_demo_gap", "n_gap"):
        out[col] = out[col].astype("int64")
    for col in ("mean_demonstration", "trend", "gap_share", "weighted_gap"):
        out[col] = out[col].astype("float64")
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
    rows = []
    for key, grp in frame.groupby("competency", sort=False):
        rated = grp[grp["demonstration"].notna()]
        n_flagged = int(grp["flagged"].sum())
        if rated.empty and n_flagged == 0:
            continue
        mean_rating = float(rated["demonstration"].mean() * 5) if len(rated) else np.nan
        n_fr = int(rated["flagged"].sum())
        n_rej = int((rated["outcome"] == Outcome.REJECTED.value).sum())
        rows.append({"competency": key, "competency_label": grp["competency_label"].iloc[0],
                     "n_rated": len(rated), "mean_rating": mean_rating, "n_flagged": n_flagged,
                     "n_flagged_rated": n_fr, "flag_rate": n_fr / len(rated) if len(rated) else np.nan,
                     "n_rejected": n_rej, "rejection_rate": n_rej / len(rated) if len(rated) else np.nan,
                     "overconfident": bool(len(rated) and mean_rating >= HIGH_RATING - 1e-9 and n_flagged > 0)})
    out = pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)
    for col in ("n_rated", "n_flagged", "n_flagged_rated", "n_rejected"):
        out[col] = out[col].astype("int64")
    for col in ("mean_rating", "flag_rate", "rejection_rate"):
        out[col] = out[col].astype("float64")
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
