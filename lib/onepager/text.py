"""Make any typed text safe and measurable for the PDF: clean, wrap, shorten.

Nothing here draws. :func:`clean` removes control and invisible formatting characters (NUL, bidi
overrides such as U+202E, zero-width characters), flattens line breaks and swaps characters the bundled
font cannot draw for a visible box. :class:`Metrics` measures text from the font's own advance widths,
and :meth:`Metrics.wrap` breaks it into lines (hard-breaking words longer than a line), so what is
measured is exactly what gets drawn, line by line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Mapping
from dataclasses import dataclass

from fpdf.bidi import BidiParagraph

REPLACEMENT = "\u25a1"  # WHITE SQUARE: stands for a run of characters the font cannot draw
ELLIPSIS = "\u2026"
_LINE_BREAKS = {"\n", "\r", "\t", "\v", "\f", "\x85", "\u2028", "\u2029"}
_RTL_CLASSES = {"R", "AL"}
PT_PER_MM = 72 / 25.4


def clean(text: object, covered: Container[int], *, max_chars: int = 600) -> str:
    """Return ``text`` as one printable paragraph of at most ``max_chars`` characters (plus "…").

    Control characters (C0/C1, NUL), format characters (bidi embeddings and overrides, zero-width space and
    joiners, soft hyphen, BOM) and lone surrogates are dropped; line breaks and odd spaces become one
    space; combining marks the font lacks are dropped; any other character the font lacks (CJK, most emoji,
    private-use) becomes one visible ``□`` per run. ``covered`` holds the code points the font can draw.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    raw = text[: max_chars * 4 + 16]  # bound the work on enormous input before the careful pass
    raw = "".join(ch for ch in raw if not 0xD800 <= ord(ch) <= 0xDFFF)
    raw = unicodedata.normalize("NFC", raw)
    out: list[str] = []
    for ch in raw:
        if ch in _LINE_BREAKS:
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs"):
            continue
        if cat == "Zs":
            out.append(" ")
            continue
        if ord(ch) in covered and cat not in ("Co", "Cn"):
            out.append(ch)
        elif cat.startswith("M"):
            continue  # a combining mark we cannot draw: leave the base letter alone
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    result = " ".join("".join(out).split())
    if len(result) > max_chars:
        cut = result[:max_chars]
        space = cut.rfind(" ")
        if space > max_chars * 0.7:
            cut = cut[:space]
        result = cut.rstrip(" ,.;:-") + ELLIPSIS
    return result


def visual_order(line: str) -> str:
    """Reorder one line for display when it holds right-to-left script (fpdf2 only reorders when a text
    shaping engine is installed). Left-to-right lines come back unchanged."""
    if not any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in line):
        return line
    try:
        return BidiParagraph(line).get_reordered_string()
    except Exception:  # noqa: BLE001 - a display nicety must never stop the page
        return line


@dataclass(frozen=True)
class Metrics:
    """Advance widths per font style (1/1000 em, from :func:`lib.onepager.fonts.char_widths`)."""

    widths: Mapping[str, Mapping[int, int]]
    fallback_width: int = 600

    def covered(self) -> Container[int]:
        return self.widths[""]

    def width(self, text: str, style: str, size_pt: float) -> float:
        """Width of ``text`` in millimetres at ``size_pt`` in ``style`` ("", "B", "I", "BI")."""
        cw = self.widths[style]
        fallback = self.fallback_width
        units = sum(cw.get(ord(ch), fallback) for ch in text)
        return units * size_pt * 0.001 / PT_PER_MM

    def fit(self, text: str, width: float, style: str, size_pt: float, *, suffix: str = ELLIPSIS) -> str:
        """``text`` shortened from the end (with ``suffix``) until it fits ``width``; unchanged if it fits."""
        if self.width(text, style, size_pt) <= width:
            return text
        budget = width - self.width(suffix, style, size_pt)
        cw = self.widths[style]
        scale = size_pt * 0.001 / PT_PER_MM
        used = 0.0
        kept = 0
        for ch in text:
            step = cw.get(ord(ch), self.fallback_width) * scale
            if used + step > budget:
                break
            used += step
            kept += 1
        return text[:kept].rstrip(" ,.;:-") + suffix

    def wrap(self, text: str, width: float, style: str, size_pt: float, max_lines: int) -> tuple[str, ...]:
        """Greedy word wrap into at most ``max_lines`` lines of ``width`` mm; words longer than a line are
        broken between characters; when lines are cut off, the last kept line ends with "…"."""
        if not text or max_lines < 1:
            return ()
        width = max(width, 1.0)
        space = self.width(" ", style, size_pt)
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        limit = max_lines + 1  # one spare line tells us whether something was cut

        def push() -> None:
            nonlocal current, used
            lines.append(" ".join(current))
            current, used = [], 0.0

        for word in text.split(" "):
            if not word:
                continue
            w = self.width(word, style, size_pt)
            if current and used + space + w <= width:
                current.append(word)
                used += space + w
                continue
            if current:
                push()
            if w <= width:
                current, used = [word], w
            else:
                for piece in self._hard_break(word, width, style, size_pt):
                    if len(lines) >= limit:
                        break
                    lines.append(piece)
                if lines and len(lines) < limit:
                    last = lines.pop()  # the tail of a broken word can share its line with what follows
                    current, used = [last], self.width(last, style, size_pt)
            if len(lines) >= limit:
                break
        if current and len(lines) < limit:
            push()
        if len(lines) > max_lines:
            kept = lines[:max_lines]
            kept[-1] = self.fit(kept[-1] + ELLIPSIS, width, style, size_pt)
            return tuple(kept)
        return tuple(lines)

    def _hard_break(self, word: str, width: float, style: str, size_pt: float) -> list[str]:
        cw = self.widths[style]
        scale = size_pt * 0.001 / PT_PER_MM
        pieces: list[str] = []
        start = 0
        used = 0.0
        for i, ch in enumerate(word):
            step = cw.get(ord(ch), self.fallback_width) * scale
            if used + step > width and i > start:
                pieces.append(word[start:i])
                start, used = i, 0.0
            used += step
        pieces.append(word[start:])
        return pieces
