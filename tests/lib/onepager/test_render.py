"""The PDF itself: one page, text, fonts, paper sizes, metadata, PDF/A, nothing active inside."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lib.errors import ValidationError
from lib.onepager import OnePagerData, render_onepager, sample_onepager_data

from .helpers import NOW, TODAY, reader


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_onepager(sample_onepager_data(TODAY), created_at=NOW)


def test_sample_is_one_page_with_all_section_titles(sample_pdf):
    assert sample_pdf.startswith(b"%PDF-")
    pdf = reader(sample_pdf)
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    for title in ("What went right", "What went wrong", "Competencies", "Requirement coverage",
                  "The employer\u2019s 3 things", "Action plan", "Feedback request", "Coach\u2019s comments"):
        assert title in text
    assert "Senior Data Analyst, Customer Insights" in text
    assert "71%" in text


def test_fonts_are_embedded_subsets(sample_pdf):
    pdf = reader(sample_pdf)
    fonts = pdf.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 2
    for ref in fonts.values():
        font = ref.get_object()
        assert "DejaVuSans" in font["/BaseFont"]
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
    assert len(sample_pdf) < 150_000  # subsetting keeps the file small


def test_paper_sizes():
    data = sample_onepager_data(TODAY)
    a4 = reader(render_onepager(data, paper="a4", created_at=NOW)).pages[0].mediabox
    letter = reader(render_onepager(data, paper="letter", created_at=NOW)).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    with pytest.raises(ValidationError):
        render_onepager(data, paper="a3", created_at=NOW)


def test_metadata_and_pdfa_declaration(sample_pdf):
    root = reader(sample_pdf).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert 'xmp:CreatorTool="Second Look"' in xmp
    assert 'xmp:CreateDate="2026-11-25T12:00:00+00:00"' in xmp
    assert "Interview review: Senior Data Analyst, Customer Insights" in xmp
    assert "Sam Example" in xmp
    assert "One-page review" in xmp
    assert "/OutputIntents" in root


def test_no_scripts_actions_or_links(sample_pdf):
    raw = sample_pdf
    for marker in (b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm", b"/ImportData", b"/EmbeddedFile", b"/AA"):
        assert marker not in raw
    page = reader(raw).pages[0]
    for annot in page.get("/Annots", []) or []:
        uri = annot.get_object().get("/A", {}).get("/URI", "")
        assert re.match(r"^(https?:|mailto:)", str(uri))


def test_empty_data_renders_one_page():
    pdf = reader(render_onepager(OnePagerData.empty(dt.date(2026, 1, 5)), created_at=NOW))
    assert len(pdf.pages) == 1
    assert "Untitled role" in pdf.pages[0].extract_text()


def test_naive_creation_time_is_read_as_utc_and_footer_uses_it():
    data = OnePagerData.empty(dt.date(2026, 1, 5))
    raw = render_onepager(data, created_at=dt.datetime(2026, 3, 4, 5, 6, 7))
    pdf = reader(raw)
    assert 'xmp:CreateDate="2026-03-04T05:06:07+00:00"' in pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "Prepared 4 Mar 2026" in pdf.pages[0].extract_text()


def test_wrong_inputs_raise_typed_errors():
    with pytest.raises(ValidationError):
        render_onepager({"title": "x"}, created_at=NOW)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        render_onepager(OnePagerData.empty(TODAY), created_at=TODAY)  # type: ignore[arg-type]


def test_comments_are_optional_in_the_pdf():
    data = sample_onepager_data(TODAY)
    text = reader(render_onepager(data, include_comments=False, created_at=NOW)).pages[0].extract_text()
    assert "Coach\u2019s comments" not in text
