"""Render a :class:`OnePagerData` as a one-page PDF (fpdf2, vector only, fonts embedded, PDF/A-2B)."""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from lib.errors import ValidationError
from lib.onepager.content import OnePagerData
from lib.onepager.fonts import char_widths, register_fonts
from lib.onepager.ops import paint
from lib.onepager.page import MARGIN_BOTTOM, PAPERS, PageLayout, layout_page
from lib.onepager.prepare import prepare
from lib.onepager.text import Metrics, clean

CREATOR = "Second Look"
COMPLIANCE = "PDF/A-2B"


class _AnyCharacter:
    """Metadata is not drawn with our font: any character may stay (controls are still removed)."""

    def __contains__(self, codepoint: object) -> bool:
        return True


ANY_CHARACTER = _AnyCharacter()


def new_document(paper: str) -> tuple[FPDF, Metrics]:
    """A fresh PDF/A-2B document on ``paper`` with the bundled fonts registered, and their metrics."""
    if paper not in PAPERS:
        raise ValidationError("paper", f"Paper must be one of: {', '.join(PAPERS)}.")
    width, height = PAPERS[paper]
    pdf = FPDF(unit="mm", format=(width, height), enforce_compliance=COMPLIANCE)
    register_fonts(pdf)
    return pdf, Metrics(char_widths(pdf))


def plan_onepager(data: OnePagerData, metrics: Metrics, *, paper: str = "a4", include_comments: bool = True,
                  today: dt.date) -> PageLayout:
    """The final layout (absolute operations) without drawing it; :func:`render_onepager` paints it."""
    if not isinstance(data, OnePagerData):
        raise ValidationError("data", "The one-pager needs a OnePagerData.")
    if paper not in PAPERS:
        raise ValidationError("paper", f"Paper must be one of: {', '.join(PAPERS)}.")
    prepared = prepare(data, metrics.covered(), today=today)
    return layout_page(prepared, metrics, paper=paper, include_comments=include_comments)


def render_onepager(data: OnePagerData, *, paper: str = "a4", include_comments: bool = True,
                    created_at: dt.datetime) -> bytes:
    """The one-page PDF as bytes. ``created_at`` (timezone-aware; naive is read as UTC) is written to the
    metadata and, when ``data.generated_on`` is empty, printed in the footer."""
    if not isinstance(created_at, dt.datetime):
        raise ValidationError("created_at", "The creation time must be a datetime.")
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=dt.UTC)
    pdf, metrics = new_document(paper)
    page = plan_onepager(data, metrics, paper=paper, include_comments=include_comments, today=created_at.date())
    role = clean(data.title, ANY_CHARACTER, max_chars=120) or "an interview"
    company = clean(data.company, ANY_CHARACTER, max_chars=120)
    pdf.set_title(f"Interview review: {role}" + (f" at {company}" if company else ""))
    pdf.set_author(clean(data.author, ANY_CHARACTER, max_chars=120))
    pdf.set_subject("One-page review of an interview: strengths, gaps and next steps")
    pdf.set_creator(CREATOR)
    pdf.set_producer(CREATOR)
    pdf.set_creation_date(created_at)
    pdf.set_lang("en")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0
    pdf.add_page()
    paint(pdf, page.ops, bottom=page.content_bottom)
    paint(pdf, page.footer_ops, bottom=page.height - MARGIN_BOTTOM + 0.5)
    return bytes(pdf.output())
