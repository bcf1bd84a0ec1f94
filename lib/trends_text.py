"""One plain-language sentence per Patterns chart, computed from the frames of :mod:`lib.trends` (pure).

Each function returns a short sentence that says what the chart shows for *this* data, or what is
missing for it to say anything.
"""

from __future__ import annotations

import pandas as pd

from lib.models import STAGE_LABELS, Stage

__all__ = ["calibration_takeaway", "funnel_takeaway", "heatmap_takeaway", "recurring_takeaway",
           "trend_takeaway"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def heatmap_takeaway(frame: pd.DataFrame, summary: pd.DataFrame) -> str:
    n_iv = frame["interview_id"].nunique()
    if n_iv == 0:
        return "No scored interviews match these filters yet."
    recurring = summary[summary["n_gap"] >= 2]
    if recurring.empty:
        return f"Across {_plural(n_iv, 'interview')}, no competency was a gap more than once."
    names = recurring["competency_label"].tolist()
    shown = ", ".join(names[:3]) + f" and {len(names) - 3} more" if len(names) > 3 else _join(names)
    what = "1 competency was" if len(names) == 1 else f"{len(names)} competencies were"
    return f"Across {_plural(n_iv, 'interview')}, {what} a gap more than once: {shown}."


def recurring_takeaway(summary: pd.DataFrame) -> str:
    gaps = summary[summary["n_gap"] > 0]
    if gaps.empty:
        return "No competency came out as a gap in these interviews."
    top = gaps.iloc[0]
    skill, demo = int(top["n_skill_gap"]), int(top["n_demo_gap"])
    if skill == 0:
        how = "always as a demonstration gap (the evidence is there; the interview did not show it)"
    elif demo == 0:
        how = "always as a skill gap (your evidence does not show it yet)"
    else:
        how = (f"{'mostly' if skill != demo else 'equally'} as a "
               f"{'skill' if skill > demo else 'demonstration' if demo > skill else 'skill and a demonstration'} "
               f"gap ({skill} skill, {demo} demonstration)")
    return f"{top['competency_label']} was a gap in {int(top['n_gap'])} of {int(top['n_assessed'])} interviews, {how}."


def trend_takeaway(summary: pd.DataFrame, *, limit: int | None = None) -> str:
    """About the competencies :func:`lib.charts.trend_lines` draws (the first ``limit`` rated twice)."""
    moving = summary[summary["trend"].notna()]
    if limit is not None:
        moving = moving.head(limit)
    if moving.empty:
        return "A trend needs a competency rated in at least two interviews."
    up = moving.sort_values(["trend", "competency_label"], ascending=[False, True], kind="stable").iloc[0]
    down = moving.sort_values(["trend", "competency_label"], ascending=[True, True], kind="stable").iloc[0]
    parts = []
    if up["trend"] > 0.005:
        parts.append(f"your self-rating on {up['competency_label']} rose the most "
                     f"(+{up['trend'] * 5:.1f} points per interview)")
    if down["trend"] < -0.005:
        parts.append(f"{down['competency_label']} slipped the most (−{abs(down['trend']) * 5:.1f} points per interview)")
    if not parts:
        return "Your self-ratings have held steady from one interview to the next."
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def funnel_takeaway(funnel: pd.DataFrame) -> str:
    total = int(funnel["reached"].iloc[0]) if len(funnel) else 0
    if total == 0:
        return "No interviews match these filters yet."
    reached = funnel["reached"].tolist()
    drops = [(reached[i] - reached[i + 1], i) for i in range(len(reached) - 1)]
    drop, i = max(drops, key=lambda d: (d[0], -d[1]))
    furthest = max(j for j, n in enumerate(reached) if n > 0)
    stage = Stage(funnel["stage"].iloc[furthest])
    went = ("got an offer" if stage == Stage.OFFER else "went no further than applying" if stage == Stage.APPLIED
            else f"reached the {STAGE_LABELS[stage].lower()} stage")
    lead = f"Of {_plural(total, 'application')}, {reached[furthest]} {went}"
    if drop == 0:
        return lead + "."
    a, b = funnel["label"].iloc[i], funnel["label"].iloc[i + 1]
    return f"{lead}; the biggest drop is from {a.lower()} to {b.lower()} ({reached[i]} → {reached[i + 1]})."


def calibration_takeaway(cal: pd.DataFrame) -> str:
    if cal.empty or cal["n_rated"].sum() == 0:
        return "Rate your answers (1–5) on the Interviews page to compare your view with the employer's."
    over = cal[cal["overconfident"]]
    if not over.empty:
        top = over.iloc[0]
        return (f"You rate yourself high on {top['competency_label']} (mean {top['mean_rating']:.1f}/5), yet "
                f"employer feedback named it in {_plural(int(top['n_flagged']), 'interview')}.")
    if cal["n_flagged"].sum() == 0:
        return "No employer feedback names a competency yet, so there is nothing to check your ratings against."
    return "Your self-ratings and the employer's feedback agree: nothing you rate 3.5/5 or higher was flagged."
