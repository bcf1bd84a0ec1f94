"""Sections of the page laid out as :class:`~lib.onepager.ops.Layout` (text blocks; charts live in
:mod:`lib.onepager.chart`). Every function is pure: content, width, type scale and limits in, layout out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lib import palette as pal
from lib.onepager.content import ActionLine, CommentLine, Point
from lib.onepager.ops import CircleOp, Layout, LineOp, Op, PolylineOp, RectOp, TextOp, line_height, shift
from lib.onepager.text import Metrics


@dataclass(frozen=True)
class Type:
    """The type scale, driven by the body size (10 pt at best, 7 pt at the readable floor)."""

    body: float

    @property
    def small(self) -> float:
        return max(6.3, self.body - 1.4)

    @property
    def heading(self) -> float:
        return self.body + 1.6

    @property
    def item_gap(self) -> float:
        return 0.8 + self.body * 0.17

    @property
    def section_gap(self) -> float:
        return 1.5 + self.body * 0.38


@dataclass(frozen=True)
class Limit:
    """How much of a list to show: at most ``cap`` entries, each text at most ``lines`` lines."""

    cap: int
    lines: int


def text_lines(
    m: Metrics, text: str, x: float, y: float, width: float, style: str, size: float, colour: str, max_lines: int
) -> tuple[list[Op], float]:
    """Wrapped text as line operations; returns the operations and the height used."""
    ops: list[Op] = []
    lh = line_height(size)
    for i, line in enumerate(m.wrap(text, width, style, size, max_lines)):
        ops.append(TextOp(x, y + i * lh, width, line, style, size, colour, m.width(line, style, size)))
    return ops, lh * len(ops)


def one_line(m: Metrics, text: str, x: float, y: float, width: float, style: str, size: float, colour: str,
             align: str = "L") -> TextOp:
    """A single line, shortened with "…" if it does not fit ``width``."""
    fitted = m.fit(text, width, style, size)
    return TextOp(x, y, width, fitted, style, size, colour, m.width(fitted, style, size), align)


def heading(m: Metrics, t: Type, title: str, marker: str, width: float) -> Layout:
    lh = line_height(t.heading)
    square = t.heading * 0.2
    ops: list[Op] = [
        RectOp(0, (lh - square) / 2, square, square, fill=marker, radius=square * 0.25),
        one_line(m, title, square + 1.6, 0, width - square - 1.6, "B", t.heading, pal.ACCENT_DARK),
        LineOp(0, lh + 0.7, width, lh + 0.7, pal.HAIRLINE, 0.3),
    ]
    return Layout(lh + 0.7 + 1.8, tuple(ops))


def more_marker(m: Metrics, t: Type, hidden: int, width: float) -> Layout:
    if hidden <= 0:
        return Layout(0.0)
    op = one_line(m, f"\u2026({hidden} more)", 0, 0, width, "I", t.small, pal.MUTED)
    return Layout(op.h, (op,))


def placeholder(m: Metrics, t: Type, text: str, width: float) -> Layout:
    ops, h = text_lines(m, text, 0, 0, width, "I", t.small, pal.MUTED, 2)
    return Layout(h, tuple(ops))


def stack(parts: list[Layout], gap: float) -> Layout:
    """Parts one below the other with ``gap`` between non-empty ones."""
    ops: list[Op] = []
    y = 0.0
    for part in parts:
        if part.height <= 0 and not part.ops:
            continue
        if ops or y > 0:
            y += gap
        ops.extend(shift(part.ops, 0, y))
        y += part.height
    return Layout(y, tuple(ops))


def section(m: Metrics, t: Type, title: str, marker: str, width: float, items: list[Layout], hidden: int,
            empty: str) -> Layout:
    """Heading, then the items (or a placeholder), then the "…(n more)" marker."""
    head = heading(m, t, title, marker, width)
    body = items if items else [placeholder(m, t, empty, width)]
    content = stack([*body, more_marker(m, t, hidden, width)], t.item_gap)
    return Layout(head.height + content.height, head.ops + shift(content.ops, 0, head.height))


# ---------------------------------------------------------------- strengths and gaps


def gap_label(point: Point) -> tuple[str, str]:
    cls = pal.normalise_gap_class(point.gap_class)
    return pal.GAP_LABELS[cls], pal.GAP_COLOURS[cls]


def point_item(m: Metrics, t: Type, point: Point, width: float, lines: int, *, is_gap: bool) -> Layout:
    indent = 3.0
    tw = width - indent
    ops: list[Op] = []
    head_ops, y = text_lines(m, point.headline, indent, 0, tw, "B", t.body, pal.INK, 2 if lines > 1 else 1)
    ops.extend(head_ops)
    colour = pal.STRENGTH
    if is_gap:
        label, colour = gap_label(point)
        lh = line_height(t.small)
        y += 0.5
        chip_w = m.width(label, "B", t.small) + 2.4
        ops.append(RectOp(indent, y + 0.15, chip_w, lh - 0.3, fill=pal.mix(colour, pal.PAPER, 0.8), stroke=colour,
                          line_width=0.2, radius=0.8))
        ops.append(TextOp(indent + 1.2, y, chip_w - 2.4, label, "B", t.small, pal.INK, chip_w - 2.4))
        y += lh + 0.3
    if point.detail:
        detail_ops, h = text_lines(m, point.detail, indent, y + 0.3, tw, "", t.small, pal.INK, lines)
        ops.extend(detail_ops)
        y += h + 0.3
    if point.tag:
        tag_ops, h = text_lines(m, f"Question: {point.tag}", indent, y + 0.2, tw, "I", t.small, pal.MUTED,
                                min(2, lines))
        ops.extend(tag_ops)
        y += h + 0.2
    ops.insert(0, RectOp(0, 0.5, 0.9, max(0.5, y - 0.8), fill=colour, radius=0.3))
    return Layout(y, tuple(ops))


def points_section(m: Metrics, t: Type, title: str, marker: str, points: tuple[Point, ...], total: int,
                   width: float, limit: Limit, *, is_gap: bool, empty: str) -> Layout:
    shown = points[: limit.cap]
    items = [point_item(m, t, p, width, limit.lines, is_gap=is_gap) for p in shown]
    return section(m, t, title, marker, width, items, total - len(shown), empty)


# ---------------------------------------------------------------- employer, actions, feedback, comments


def numbered_item(m: Metrics, t: Type, number: int, text: str, width: float, lines: int) -> Layout:
    lh = line_height(t.body)
    r = lh * 0.36
    ops: list[Op] = [
        CircleOp(r + 0.1, lh / 2, r, fill=pal.ACCENT),
    ]
    label = str(number)
    lw = m.width(label, "B", t.small)
    ops.append(TextOp(0.1, (lh - line_height(t.small)) / 2, 2 * r, label, "B", t.small, pal.PAPER, lw, "C"))
    body, h = text_lines(m, text, 2 * r + 2.0, 0, width - 2 * r - 2.0, "", t.body, pal.INK, lines)
    ops.extend(body)
    return Layout(max(h, lh), tuple(ops))


def employer_section(m: Metrics, t: Type, points: tuple[str, ...], total: int, width: float, limit: Limit) -> Layout:
    shown = points[: min(limit.cap, 3)]
    items = [numbered_item(m, t, i + 1, text, width, limit.lines) for i, text in enumerate(shown)]
    return section(m, t, "The employer\u2019s 3 things", pal.ACCENT, width, items, total - len(shown), "")


def format_day(day: dt.date, today: dt.date) -> str:
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"


def action_item(m: Metrics, t: Type, action: ActionLine, today: dt.date, width: float, lines: int) -> Layout:
    lh = line_height(t.body)
    box = t.body * 0.3
    top = (lh - box) / 2
    ops: list[Op] = []
    if action.done:
        ops.append(RectOp(0, top, box, box, fill=pal.STRENGTH, radius=0.5))
        ops.append(PolylineOp(0, top, ((box * 0.22, box * 0.52), (box * 0.43, box * 0.74), (box * 0.8, box * 0.27)),
                              pal.PAPER, 0.45))
    else:
        ops.append(RectOp(0, top, box, box, stroke=pal.ACCENT, line_width=0.3, radius=0.5))
    due_text = "done" if action.done else (f"by {format_day(action.due, today)}" if action.due else "")
    due_w = 0.0
    if due_text:
        due_w = m.width(due_text, "", t.small) + 1.5
        ops.append(TextOp(width - due_w, (lh - line_height(t.small)) / 2, due_w, due_text, "", t.small, pal.MUTED,
                          due_w - 1.5, "R"))
    colour = pal.MUTED if action.done else pal.INK
    body, h = text_lines(m, action.text, box + 2.0, 0, width - box - 2.0 - due_w, "", t.body, colour, lines)
    ops.extend(body)
    return Layout(max(h, lh), tuple(ops))


def actions_section(m: Metrics, t: Type, actions: tuple[ActionLine, ...], total: int, today: dt.date, width: float,
                    limit: Limit) -> Layout:
    shown = actions[: limit.cap]
    items = [action_item(m, t, a, today, width, limit.lines) for a in shown]
    return section(m, t, "Action plan", pal.STRENGTH, width, items, total - len(shown),
                   "No next steps yet: add three to five in the app.")


def feedback_section(m: Metrics, t: Type, status: str, width: float, limit: Limit) -> Layout:
    if status:
        ops, h = text_lines(m, status, 0, 0, width, "", t.body, pal.INK, max(1, limit.lines))
    else:
        ops, h = text_lines(m, "No feedback request recorded yet.", 0, 0, width, "I", t.small, pal.MUTED, 2)
    head = heading(m, t, "Feedback request", pal.DEMONSTRATION_GAP, width)
    return Layout(head.height + h, head.ops + shift(ops, 0, head.height))


def comment_item(m: Metrics, t: Type, comment: CommentLine, width: float, lines: int) -> Layout:
    indent = 3.0
    ops: list[Op] = [LineOp(0.6, 0.6, 0.6, 0.6, pal.HAIRLINE, 0.8)]  # placeholder, resized below
    body, h = text_lines(m, f"\u201c{comment.text}\u201d", indent, 0, width - indent, "I", t.body, pal.INK, lines)
    ops.extend(body)
    if comment.author:
        ops.append(one_line(m, f"\u2014 {comment.author}", indent, h + 0.2, width - indent, "", t.small, pal.MUTED))
        h += line_height(t.small) + 0.2
    ops[0] = LineOp(0.6, 0.6, 0.6, max(0.6, h - 0.6), pal.NOT_ASSESSED, 0.8)
    return Layout(h, tuple(ops))


def comments_section(m: Metrics, t: Type, comments: tuple[CommentLine, ...], total: int, width: float,
                     limit: Limit) -> Layout:
    shown = comments[: limit.cap]
    items = [comment_item(m, t, c, width, limit.lines) for c in shown]
    return section(m, t, "Coach\u2019s comments", pal.NOT_ASSESSED, width, items, total - len(shown), "")
