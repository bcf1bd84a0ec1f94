"""The bundled DejaVu Sans faces (Bitstream Vera licence, see ``fonts/LICENSE-DejaVu.txt``).

fpdf2's core fonts only know Latin-1, so the one-pager always embeds DejaVu Sans, which covers Latin,
Greek, Cyrillic, Hebrew, Arabic letters and many symbols. fpdf2 keeps only the glyphs used (subsetting).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).with_name("fonts")
FAMILY = "DejaVuSans"
FONT_FILES: dict[str, str] = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
STYLES: tuple[str, ...] = tuple(FONT_FILES)


def register_fonts(pdf: FPDF, font_dir: Path = FONT_DIR) -> None:
    """Register the four DejaVu Sans faces on ``pdf`` under the family :data:`FAMILY`."""
    for style, filename in FONT_FILES.items():
        pdf.add_font(FAMILY, style, str(font_dir / filename))


def char_widths(pdf: FPDF) -> dict[str, dict[int, int]]:
    """Per style, the advance width of every character the face maps, in 1/1000 em.

    Only characters present in every face are kept, so a text cleaned against these keys renders in any
    style without a missing glyph.
    """
    per_style = {style: pdf.fonts[f"{FAMILY.lower()}{style}"].cw for style in STYLES}
    common = set.intersection(*(set(cw) for cw in per_style.values()))
    return {style: {cp: cw[cp] for cp in common} for style, cw in per_style.items()}
