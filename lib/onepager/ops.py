"""Drawing operations: layout produces them, :func:`paint` draws them.

Sections lay themselves out as tuples of these small frozen records with coordinates relative to the
section's top-left corner (millimetres). The fit-to-page step only measures heights; nothing touches the
PDF until the final layout is known, so what was measured is exactly what is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fpdf import FPDF

from lib.onepager.fonts import FAMILY
from lib.onepager.text import PT_PER_MM, visual_order
from lib.palette import hex_to_rgb

LINE_FACTOR = 1.32  # line height as a multiple of the font size


def line_height(size_pt: float) -> float:
    """Height in mm of one line of text at ``size_pt``."""
    return size_pt * LINE_FACTOR / PT_PER_MM


@dataclass(frozen=True)
class TextOp:
    """One line of text in a box ``w`` wide and one line high, aligned L, R or C; ``width`` = ink width."""

    x: float
    y: float
    w: float
    text: str
    style: str
    size: float
    colour: str
    width: float
    align: str = "L"

    @property
    def h(self) -> float:
        return line_height(self.size)

    def ink_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the text itself."""
        if self.align == "R":
            left = self.x + self.w - self.width
        elif self.align == "C":
            left = self.x + (self.w - self.width) / 2
        else:
            left = self.x
        return left, self.y, left + self.width, self.y + self.h


@dataclass(frozen=True)
class RectOp:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    line_width: float = 0.25
    radius: float = 0.0


@dataclass(frozen=True)
class LineOp:
    x: float
    y: float
    x2: float
    y2: float
    colour: str
    line_width: float = 0.25


@dataclass(frozen=True)
class CircleOp:
    x: float  # centre
    y: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    line_width: float = 0.25


@dataclass(frozen=True)
class PolylineOp:
    x: float  # origin the points are relative to
    y: float
    points: tuple[tuple[float, float], ...]
    colour: str
    line_width: float = 0.4


Op = TextOp | RectOp | LineOp | CircleOp | PolylineOp


@dataclass(frozen=True)
class Layout:
    """A laid-out piece: its height and its operations (relative to its top-left corner)."""

    height: float
    ops: tuple[Op, ...] = ()


def shift(ops: Iterable[Op], dx: float, dy: float) -> tuple[Op, ...]:
    """Move operations by (dx, dy); line ends move too."""
    if not dx and not dy:
        return tuple(ops)
    moved: list[Op] = []
    for op in ops:
        if isinstance(op, TextOp):
            moved.append(TextOp(op.x + dx, op.y + dy, op.w, op.text, op.style, op.size, op.colour, op.width, op.align))
        elif isinstance(op, RectOp):
            moved.append(RectOp(op.x + dx, op.y + dy, op.w, op.h, op.fill, op.stroke, op.line_width, op.radius))
        elif isinstance(op, LineOp):
            moved.append(LineOp(op.x + dx, op.y + dy, op.x2 + dx, op.y2 + dy, op.colour, op.line_width))
        elif isinstance(op, CircleOp):
            moved.append(CircleOp(op.x + dx, op.y + dy, op.r, op.fill, op.stroke, op.line_width))
        else:
            moved.append(PolylineOp(op.x + dx, op.y + dy, op.points, op.colour, op.line_width))
    return tuple(moved)


def op_bottom(op: Op) -> float:
    if isinstance(op, TextOp):
        return op.y + op.h
    if isinstance(op, RectOp):
        return op.y + op.h
    if isinstance(op, LineOp):
        return max(op.y, op.y2)
    if isinstance(op, CircleOp):
        return op.y + op.r
    return op.y + max((p[1] for p in op.points), default=0.0)


def _style(fill: str | None, stroke: str | None) -> str | None:
    if fill and stroke:
        return "DF"
    if fill:
        return "F"
    if stroke:
        return "D"
    return None


def paint(pdf: FPDF, ops: Iterable[Op], *, bottom: float) -> int:
    """Draw ``ops`` on the current page; anything reaching below ``bottom`` (mm) is skipped, never drawn.

    Returns how many operations were skipped (0 when the layout is right; tests check it)."""
    skipped = 0
    for op in ops:
        if op_bottom(op) > bottom + 0.01:
            skipped += 1
            continue
        if isinstance(op, TextOp):
            if not op.text:
                continue
            pdf.set_font(FAMILY, op.style, op.size)
            pdf.set_text_color(*hex_to_rgb(op.colour))
            left = op.ink_box()[0]
            size_mm = op.size / PT_PER_MM
            baseline = op.y + (op.h - size_mm) / 2 + size_mm * 0.80
            pdf.text(left, baseline, visual_order(op.text))
        elif isinstance(op, RectOp):
            style = _style(op.fill, op.stroke)
            if style is None or op.w <= 0 or op.h <= 0:
                continue
            if op.fill:
                pdf.set_fill_color(*hex_to_rgb(op.fill))
            if op.stroke:
                pdf.set_draw_color(*hex_to_rgb(op.stroke))
                pdf.set_line_width(op.line_width)
            radius = min(op.radius, op.w / 2, op.h / 2)
            pdf.rect(op.x, op.y, op.w, op.h, style=style, round_corners=radius > 0, corner_radius=radius)
        elif isinstance(op, LineOp):
            pdf.set_draw_color(*hex_to_rgb(op.colour))
            pdf.set_line_width(op.line_width)
            pdf.line(op.x, op.y, op.x2, op.y2)
        elif isinstance(op, CircleOp):
            style = _style(op.fill, op.stroke)
            if style is None:
                continue
            if op.fill:
                pdf.set_fill_color(*hex_to_rgb(op.fill))
            if op.stroke:
                pdf.set_draw_color(*hex_to_rgb(op.stroke))
                pdf.set_line_width(op.line_width)
            pdf.circle(op.x, op.y, op.r, style=style)
        else:
            pdf.set_draw_color(*hex_to_rgb(op.colour))
            pdf.set_line_width(op.line_width)
            pdf.polyline([(op.x + px, op.y + py) for px, py in op.points], style="D")
    return skipped
