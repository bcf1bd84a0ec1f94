"""The two vector charts, drawn with fpdf2 primitives: paired competency bars and the coverage bar.

Competency rows show two bars on a 0–100% scale: evidence in the bank (blue) and how well the interview
showed it (coloured by result: green strength, orange demonstration gap, vermillion skill gap, grey not
assessed). The coverage bar stacks covered / partial / gap requirement counts.
"""

from __future__ import annotations

from lib import palette as pal
from lib.onepager.blocks import Limit, Type, heading, more_marker, one_line, placeholder, stack
from lib.onepager.content import CompetencyBar
from lib.onepager.ops import CircleOp, Layout, LineOp, Op, RectOp, TextOp, line_height, shift
from lib.onepager.text import Metrics

EVIDENCE_COLOUR = pal.mix(pal.ACCENT, pal.PAPER, 0.25)
TRACK = "#F1F3F6"


def legend(m: Metrics, t: Type, entries: list[tuple[str | None, str]], width: float) -> Layout:
    """Colour squares with labels (no square when the colour is None), wrapping when the width runs out."""
    lh = line_height(t.small)
    sq = t.small * 0.26
    ops: list[Op] = []
    x = y = 0.0
    for colour, label in entries:
        mark = sq + 1.0 if colour else 0.0
        label = m.fit(label, width - mark - 0.2, "", t.small)
        w = mark + m.width(label, "", t.small) + 3.0
        if x > 0 and x + w - 3.0 > width:
            x, y = 0.0, y + lh
        if colour:
            ops.append(RectOp(x, y + (lh - sq) / 2, sq, sq, fill=colour, radius=0.3))
        ops.append(TextOp(x + mark, y, w - mark, label, "", t.small, pal.MUTED, m.width(label, "", t.small)))
        x += w
    return Layout(y + lh if entries else 0.0, tuple(ops))


def competency_rows(m: Metrics, t: Type, bars: tuple[CompetencyBar, ...], width: float) -> Layout:
    lh = line_height(t.small)
    bar_h = max(1.1, t.body * 0.16)
    row_h = max(lh, 2 * bar_h + 0.5) + t.body * 0.09
    longest = max((m.width(b.label, "", t.small) for b in bars), default=0.0)
    label_w = min(width * 0.46, longest + 1.0)
    x0 = label_w + 1.5
    span = max(10.0, width - x0 - 2.0)
    ops: list[Op] = []
    rows_h = row_h * len(bars)
    for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
        gx = x0 + span * frac
        ops.append(LineOp(gx, 0, gx, rows_h, pal.HAIRLINE if frac else pal.MUTED, 0.15 if frac else 0.25))
    for i, bar in enumerate(bars):
        top = i * row_h
        mid = top + row_h / 2
        ops.append(one_line(m, bar.label, 0, mid - lh / 2, label_w, "", t.small, pal.INK))
        ev_y = mid - bar_h - 0.25
        de_y = mid + 0.25
        ops.append(RectOp(x0, ev_y, span * bar.evidence, bar_h, fill=EVIDENCE_COLOUR))
        if bar.demonstration is None:
            ops.append(CircleOp(x0 + 1.0, de_y + bar_h / 2, bar_h * 0.42, stroke=pal.NOT_ASSESSED, line_width=0.3))
        else:
            colour = pal.gap_colour(bar.gap_class)
            ops.append(RectOp(x0, de_y, span * bar.demonstration, bar_h, fill=colour))
    ticks: list[Op] = []
    for frac, label in ((0.0, "0"), (0.5, "50"), (1.0, "100%")):
        w = m.width(label, "", t.small)
        gx = x0 + span * frac
        left = min(max(gx - w / 2, x0 - w / 2), width - w)
        ticks.append(TextOp(left, rows_h + 0.3, w, label, "", t.small, pal.MUTED, w))
    return Layout(rows_h + 0.3 + lh, tuple(ops + ticks))


def competency_section(m: Metrics, t: Type, bars: tuple[CompetencyBar, ...], total: int, width: float,
                       limit: Limit) -> Layout:
    head = heading(m, t, "Competencies", pal.ACCENT, width)
    shown = bars[: limit.cap]
    if shown:
        body = stack(
            [
                competency_rows(m, t, shown, width),
                more_marker(m, t, total - len(shown), width),
                legend(m, t, [(EVIDENCE_COLOUR, "Evidence in your bank"),
                              (pal.STRENGTH, "Shown well"),
                              (pal.DEMONSTRATION_GAP, "Demonstration gap"),
                              (pal.SKILL_GAP, "Skill gap"),
                              (pal.NOT_ASSESSED, "Not assessed (\u25cb)")], width),
            ],
            t.item_gap,
        )
    else:
        body = placeholder(m, t, "No competencies scored yet.", width)
    return Layout(head.height + body.height, head.ops + shift(body.ops, 0, head.height))


def coverage_section(m: Metrics, t: Type, counts: tuple[int, int, int], must: float | None, width: float) -> Layout:
    head = heading(m, t, "Requirement coverage", pal.STRENGTH, width)
    ops: list[Op] = []
    y = 0.0
    if must is not None:
        ops.append(one_line(m, f"Must-haves covered: {round(must * 100)}%", 0, 0, width, "B", t.body, pal.INK))
        y += line_height(t.body) + 0.6
    total = sum(counts)
    bar_h = 2.2 + t.body * 0.25
    ops.append(RectOp(0, y, width, bar_h, fill=TRACK, radius=1.0))
    if total:
        x = 0.0
        colours = (pal.STRENGTH, pal.DEMONSTRATION_GAP, pal.SKILL_GAP)
        for n, colour in zip(counts, colours, strict=True):
            w = width * n / total
            if w > 0:
                ops.append(RectOp(x, y, w, bar_h, fill=colour))
                x += w
        for i in range(1, 3):  # thin white separators between segments
            edge = width * sum(counts[:i]) / total
            if 0 < edge < width and counts[i] and counts[i - 1]:
                ops.append(LineOp(edge, y, edge, y + bar_h, pal.PAPER, 0.5))
        y += bar_h + 0.8
        noun = "requirement" if total == 1 else "requirements"
        leg = legend(m, t, [(pal.STRENGTH, f"{counts[0]} covered"), (pal.DEMONSTRATION_GAP, f"{counts[1]} partial"),
                            (pal.SKILL_GAP, f"{counts[2]} not covered"), (None, f"of {total} {noun}")], width)
        ops.extend(shift(leg.ops, 0, y))
        y += leg.height
    else:
        y += bar_h + 0.8
        ph = placeholder(m, t, "No requirements scored yet.", width)
        ops.extend(shift(ph.ops, 0, y))
        y += ph.height
    return Layout(head.height + y, head.ops + shift(ops, 0, head.height))
