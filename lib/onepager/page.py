"""Whole-page layout and the fit-to-one-page search.

The page is a header band, three rows of two columns (what went right | what went wrong; competencies |
coverage and the employer's points; action plan | feedback and coach comments) and a footer. The search
tries body sizes from 10 pt down to 7 pt; if even 7 pt overflows, it shortens the tallest column one step at
a time (fewer lines per entry, then fewer entries, each cut announced by "…(n more)") until it fits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from lib import palette as pal
from lib.onepager.blocks import (
    Limit,
    Type,
    actions_section,
    comments_section,
    employer_section,
    feedback_section,
    format_day,
    one_line,
    points_section,
    stack,
    text_lines,
)
from lib.onepager.chart import competency_section, coverage_section
from lib.onepager.ops import Layout, LineOp, Op, RectOp, TextOp, line_height, shift
from lib.onepager.prepare import Prepared
from lib.onepager.text import Metrics

PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_X = 14.0
MARGIN_BOTTOM = 10.0
GUTTER = 8.0
BODY_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # 7 pt is the readable floor

START_LIMITS: dict[str, Limit] = {
    "strengths": Limit(4, 3),
    "gaps": Limit(4, 3),
    "competencies": Limit(8, 1),
    "employer": Limit(3, 3),
    "actions": Limit(5, 3),
    "feedback": Limit(1, 3),
    "comments": Limit(3, 3),
}


@dataclass(frozen=True)
class PageLayout:
    """The final page: operations in absolute millimetres, plus what the fit search settled on."""

    width: float
    height: float
    content_bottom: float  # nothing of the header or body may reach below this line (the footer sits under it)
    ops: tuple[Op, ...]  # header and body
    footer_ops: tuple[Op, ...]
    body_size: float
    limits: dict[str, Limit]
    fits: bool


# ---------------------------------------------------------------- header and footer


def header(m: Metrics, t: Type, p: Prepared, page_w: float) -> Layout:
    inner = page_w - 2 * MARGIN_X
    right_w = 40.0
    left_w = inner - right_w - 6.0
    x = MARGIN_X
    y = 7.0
    ops: list[Op] = []
    eyebrow = one_line(m, "INTERVIEW REVIEW", x, y, left_w, "B", t.small, "#CFE3F2")
    ops.append(eyebrow)
    y += eyebrow.h + 0.4
    title_size = 10.5 + t.body * 0.65
    title_ops, h = text_lines(m, p.title or "Untitled role", x, y, left_w, "B", title_size, pal.PAPER, 2)
    ops.extend(title_ops)
    y += h + 0.3
    where = " \u00b7 ".join(s for s in (p.company or "Company not given", format_day(p.interview_date, dt.date(1, 1, 1))))
    sub = one_line(m, where, x, y, left_w, "", t.body + 1.0, "#E3EEF7")
    ops.append(sub)
    y += sub.h + 1.6
    cx = x
    lh = line_height(t.small)
    for label, value in (("Furthest stage", p.furthest_stage or "not recorded"), ("Outcome", p.outcome or "not recorded")):
        text = m.fit(f"{label}: {value}", max(10.0, left_w / 2 - 6), "", t.small)
        w = m.width(text, "", t.small) + 4.0
        ops.append(RectOp(cx, y, w, lh + 1.0, fill=pal.ACCENT_DARK, radius=1.6))
        ops.append(TextOp(cx + 2.0, y + 0.5, w - 4.0, text, "", t.small, pal.PAPER, w - 4.0))
        cx += w + 2.0
    y += lh + 1.0 + 6.0
    # the fit figure, right-aligned
    rx = page_w - MARGIN_X - right_w
    fit_text = f"{round(p.fit * 100)}%" if p.fit is not None else "\u2013"
    big = 18.0 + t.body
    fy = 8.0
    ops.append(TextOp(rx, fy, right_w, fit_text, "B", big, pal.PAPER, m.width(fit_text, "B", big), "R"))
    caption = "overall fit to the job" if p.fit is not None else "fit not scored yet"
    ops.append(one_line(m, caption, rx, fy + line_height(big), right_w, "", t.small, "#E3EEF7", "R"))
    band_h = max(y, fy + line_height(big) + lh + 6.0)
    ops.insert(0, RectOp(0, 0, page_w, band_h, fill=pal.ACCENT))
    return Layout(band_h, tuple(ops))


def footer(m: Metrics, t: Type, p: Prepared, page_w: float, page_h: float) -> tuple[float, tuple[Op, ...]]:
    """Returns the footer's top edge and its operations."""
    lh = line_height(t.small)
    top = page_h - MARGIN_BOTTOM - lh - 1.2
    inner = page_w - 2 * MARGIN_X
    left = f"Prepared {format_day(p.generated_on, dt.date(1, 1, 1))}" + (f" by {p.author}" if p.author else "")
    right = "Made with Second Look \u00b7 private until you share it"
    right_w = min(inner * 0.5, m.width(right, "", t.small))
    ops: tuple[Op, ...] = (
        LineOp(MARGIN_X, top, page_w - MARGIN_X, top, pal.HAIRLINE, 0.3),
        one_line(m, left, MARGIN_X, top + 1.2, inner - right_w - 4, "", t.small, pal.MUTED),
        one_line(m, right, page_w - MARGIN_X - right_w, top + 1.2, right_w, "", t.small, pal.MUTED, "R"),
    )
    return top, ops


# ---------------------------------------------------------------- body rows


def body_columns(m: Metrics, t: Type, p: Prepared, col_w: float, limits: dict[str, Limit], include_comments: bool,
                 ) -> list[tuple[list[tuple[str, Layout]], list[tuple[str, Layout]]]]:
    """The three rows, each a (left, right) pair of named sections."""
    def L(key: str) -> Limit:  # noqa: N802 - a short local alias
        return limits[key]

    row_a = (
        [("strengths", points_section(m, t, "What went right", pal.STRENGTH, p.strengths, p.strengths_total, col_w,
                                      L("strengths"), is_gap=False, empty="No strengths recorded yet."))],
        [("gaps", points_section(m, t, "What went wrong", pal.SKILL_GAP, p.gaps, p.gaps_total, col_w, L("gaps"),
                                 is_gap=True, empty="No gaps recorded yet."))],
    )
    right_b: list[tuple[str, Layout]] = [("coverage", coverage_section(m, t, p.coverage_counts, p.must_coverage, col_w))]
    if p.employer_points:
        right_b.append(("employer", employer_section(m, t, p.employer_points, p.employer_total, col_w, L("employer"))))
    row_b = (
        [("competencies", competency_section(m, t, p.competencies, p.competencies_total, col_w, L("competencies")))],
        right_b,
    )
    right_c: list[tuple[str, Layout]] = [("feedback", feedback_section(m, t, p.feedback_status, col_w, L("feedback")))]
    if include_comments and p.comments:
        right_c.append(("comments", comments_section(m, t, p.comments, p.comments_total, col_w, L("comments"))))
    row_c = (
        [("actions", actions_section(m, t, p.actions, p.actions_total, p.generated_on, col_w, L("actions")))],
        right_c,
    )
    return [row_a, row_b, row_c]


def _column(sections: list[tuple[str, Layout]], t: Type) -> Layout:
    return stack([layout for _, layout in sections], t.section_gap)


def compose(m: Metrics, t: Type, p: Prepared, paper: str, limits: dict[str, Limit], include_comments: bool,
            ) -> tuple[PageLayout, list[tuple[float, list[tuple[str, Layout]]]]]:
    """Lay out the page at one size; also returns, per row, its height and its taller column."""
    page_w, page_h = PAPERS[paper]
    col_w = (page_w - 2 * MARGIN_X - GUTTER) / 2
    head = header(m, t, p, page_w)
    foot_top, foot_ops = footer(m, t, p, page_w, page_h)
    bottom = foot_top - 2.5
    ops: list[Op] = list(head.ops)
    y = head.height + 5.0
    row_gap = t.section_gap * 1.5
    rows_info: list[tuple[float, list[tuple[str, Layout]]]] = []
    for i, (left, right) in enumerate(body_columns(m, t, p, col_w, limits, include_comments)):
        lcol, rcol = _column(left, t), _column(right, t)
        if i:
            y += row_gap
        ops.extend(shift(lcol.ops, MARGIN_X, y))
        ops.extend(shift(rcol.ops, MARGIN_X + col_w + GUTTER, y))
        height = max(lcol.height, rcol.height)
        rows_info.append((height, left if lcol.height >= rcol.height else right))
        y += height
    page = PageLayout(page_w, page_h, bottom, tuple(ops), foot_ops, t.body, dict(limits), fits=y <= bottom)
    return page, rows_info


def _count(p: Prepared, key: str) -> int:
    return {
        "strengths": len(p.strengths),
        "gaps": len(p.gaps),
        "competencies": len(p.competencies),
        "employer": len(p.employer_points),
        "actions": len(p.actions),
        "feedback": 1,
        "comments": len(p.comments),
    }.get(key, 0)


def _reduced(limit: Limit, items: int) -> Limit | None:
    """One step down the ladder: entries to 2, lines to 2, entries to 1, lines to 1; None at the bottom."""
    cap = min(limit.cap, items)
    if cap > 2:
        return Limit(cap - 1, limit.lines)
    if limit.lines > 2:
        return Limit(cap, limit.lines - 1)
    if cap > 1:
        return Limit(cap - 1, limit.lines)
    if limit.lines > 1:
        return Limit(cap, limit.lines - 1)
    return None


def layout_page(p: Prepared, m: Metrics, *, paper: str = "a4", include_comments: bool = True) -> PageLayout:
    """Find the largest body size, then the least shortening, that puts everything on one page."""
    limits = dict(START_LIMITS)
    page = None
    for size in BODY_SIZES:
        page, rows = compose(m, Type(size), p, paper, limits, include_comments)
        if page.fits:
            return page
    t = Type(BODY_SIZES[-1])
    for _ in range(200):  # every step shortens something, so this ends long before the bound
        page, rows = compose(m, t, p, paper, limits, include_comments)
        if page.fits:
            return page
        step = None
        for _, sections in sorted(rows, key=lambda r: -r[0]):
            for key, _section in sorted(sections, key=lambda s: -s[1].height):
                if key in limits and (smaller := _reduced(limits[key], _count(p, key))) is not None:
                    step = (key, smaller)
                    break
            if step:
                break
        if step is None:
            break
        limits[step[0]] = step[1]
    assert page is not None
    return replace(page, limits=dict(limits))
