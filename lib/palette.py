"""The colour palette shared by the one-page PDF and the app's charts.

Built on the Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness.
The mapping is fixed across the product: green = strength, orange = demonstration gap (the evidence exists
but the interview did not show it), vermillion = skill gap (no evidence yet), grey = not assessed, blue =
accent and headings. Colours are ``#RRGGBB`` strings; :func:`hex_to_rgb` converts for fpdf2.
"""

from __future__ import annotations

STRENGTH = "#009E73"
DEMONSTRATION_GAP = "#E69F00"
SKILL_GAP = "#D55E00"
NOT_ASSESSED = "#999999"
ACCENT = "#0072B2"

INK = "#1F2933"  # body text: a soft near-black
MUTED = "#5B6675"  # secondary text (dates, captions)
HAIRLINE = "#D5DBE1"  # rules and chart axes
TINT = "#EEF4F9"  # light accent wash behind panels
ACCENT_DARK = "#005A8C"  # header band background (white text on it passes WCAG AA)
PAPER = "#FFFFFF"

# Canonical gap classes (the keys the scoring module and the charts use).
GAP_STRENGTH = "strength"
GAP_DEMONSTRATION = "demonstration_gap"
GAP_SKILL = "skill_gap"
GAP_NOT_ASSESSED = "not_assessed"

GAP_COLOURS: dict[str, str] = {
    GAP_STRENGTH: STRENGTH,
    GAP_DEMONSTRATION: DEMONSTRATION_GAP,
    GAP_SKILL: SKILL_GAP,
    GAP_NOT_ASSESSED: NOT_ASSESSED,
}

GAP_LABELS: dict[str, str] = {
    GAP_STRENGTH: "Strength",
    GAP_DEMONSTRATION: "Demonstration gap",
    GAP_SKILL: "Skill gap",
    GAP_NOT_ASSESSED: "Not assessed",
}

# Requirement coverage (covered / partial / gap) reuses the same meanings.
COVERAGE_COLOURS: dict[str, str] = {
    "covered": STRENGTH,
    "partial": DEMONSTRATION_GAP,
    "gap": SKILL_GAP,
}


def normalise_gap_class(value: str | None) -> str:
    """Map loose spellings ("Skill gap", "demonstration", "skill-gap", None) to a canonical gap class."""
    text = (value or "").strip().lower().replace("-", " ").replace("_", " ")
    if not text:
        return GAP_NOT_ASSESSED
    if text.startswith("strength") or text in {"strong", "ok", "covered"}:
        return GAP_STRENGTH
    if text.startswith("demonstrat"):
        return GAP_DEMONSTRATION
    if text.startswith("skill") or text == "gap":
        return GAP_SKILL
    return GAP_NOT_ASSESSED


def gap_colour(value: str | None) -> str:
    """The colour for a gap class, tolerant of loose spellings; grey when unknown."""
    return GAP_COLOURS[normalise_gap_class(value)]


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#0072B2"`` → ``(0, 114, 178)``."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"Not a #RRGGBB colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def mix(colour: str, other: str, amount: float) -> str:
    """Blend ``colour`` towards ``other`` by ``amount`` (0 = colour, 1 = other); for light tints."""
    a, b = hex_to_rgb(colour), hex_to_rgb(other)
    t = min(1.0, max(0.0, amount))
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b, strict=True))
