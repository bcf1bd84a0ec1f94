"""extract_text on honest files: TXT in several encodings, DOCX from python-docx, PDF from fpdf2."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from lib.errors import UploadRefused
from lib.ingest import Extracted, Limits, extract_text
from lib.ingest.limits import MB, human_size
from lib.ingest.messages import display_name
from tests.lib.ingest._ingest_files import (
    docx_with_boxes_and_controls,
    make_docx,
    make_pdf,
    pdf_many_pages,
    replace_zip_part,
)


def test_utf8_text():
    out = extract_text("Analyst – 5 years’ experience\r\n\r\n\r\nSQL".encode(), "jd.txt")
    assert out == Extracted(text="Analyst – 5 years’ experience\n\nSQL", kind="txt", pages=0)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_byte_order_mark(encoding):
    text = "Café manager – naïve résumé"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert extract_text(data, "cv.txt").text == text


def test_bytearray_and_memoryview_are_accepted():
    assert extract_text(bytearray(b"Plain notes."), "a.txt").text == "Plain notes."
    assert extract_text(memoryview(b"Plain notes."), "a.txt").text == "Plain notes."


def test_cp1252_fallback():
    data = "Caf\xe9 \x96 \x93quoted\x94".encode("latin-1")  # cp1252 bytes, not valid UTF-8
    assert extract_text(data, "old.txt").text == "Café – “quoted”"


def test_docx_paragraphs_lists_and_tables():
    data = make_docx(
        heading="Data Analyst",
        paragraphs=["We are a small charity in Leeds.", "Requirements:"],
        bullets=["Strong SQL", "Clear writing"],
        table=[["Location", "Leeds"], ["Salary", "£38,000"]],
    )
    out = extract_text(data, "jd.docx")
    assert out.kind == "docx" and out.pages == 0
    lines = out.text.split("\n")
    assert lines[:5] == ["Data Analyst", "We are a small charity in Leeds.", "Requirements:", "- Strong SQL",
                         "- Clear writing"]
    for cell in ("Location", "Leeds", "Salary", "£38,000"):
        assert cell in lines


def test_docx_content_controls_and_text_boxes_are_read_once():
    out = extract_text(docx_with_boxes_and_controls(), "template.docx")
    assert out.text.split("\n") == ["Before the boxes", "Inside a content control", "Boxed text"]


def test_pdf_text_and_pages():
    data = make_pdf(["Senior analyst wanted.", "We need SQL and Python skills."], pages=2)
    out = extract_text(data, "jd.pdf")
    assert out.kind == "pdf" and out.pages == 2
    assert out.text.count("Senior analyst wanted.") == 2
    assert "We need SQL and Python skills." in out.text
    assert out.seconds > 0


def test_kind_comes_from_the_bytes_not_the_name():
    assert extract_text(make_pdf(["Hello there."]), "notes.txt").kind == "pdf"
    assert extract_text(make_docx(paragraphs=["Hello there."]), "scan.pdf").kind == "docx"
    assert extract_text(b"Just words.", "cv.docx").kind == "txt"


def test_long_text_is_truncated_with_a_warning():
    out = extract_text(b"word " * 100, "long.txt", Limits(max_chars=50))
    assert len(out.text) <= 50
    assert out.warnings and "50" in out.warnings[0]


def test_over_size_message_names_size_and_limit():
    with pytest.raises(UploadRefused) as err:
        extract_text(b"x" * int(52.4 * MB), "résumé.pdf")
    assert str(err.value) == "résumé.pdf is 52.4 MB; the limit is 10 MB."


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
        (b"{\\rtf1\\ansi Hello}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "PDF, a Word"),
        (b"plain words\x00\x01\x02\x03 with binary junk\x00" * 20, "PDF, a Word"),
    ],
)
def test_refusals_are_plain_sentences(data, words):
    with pytest.raises(UploadRefused) as err:
        extract_text(data, "file.txt")
    assert words in str(err.value)
    assert "Traceback" not in str(err.value) and "Error" not in str(err.value)


def test_zip_that_is_not_a_word_document():
    buf = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(UploadRefused, match="zip archive"):
        extract_text(buf.getvalue(), "cv.docx")


def test_macro_content_type_is_refused_politely():
    data = make_docx(paragraphs=["Hello"])
    types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="xml" ContentType="application/xml"/>'
             b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'<Override PartName="/word/document.xml" '
             b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')
    with pytest.raises(UploadRefused) as err:
        extract_text(replace_zip_part(data, "[Content_Types].xml", types), "cv.docm")
    assert "cv.docm" in str(err.value)


def test_password_protected_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret plans."]))))
    writer.encrypt(user_password="open-sesame", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(UploadRefused, match="password-protected"):
        extract_text(buf.getvalue(), "locked.pdf")


def test_too_many_pages():
    with pytest.raises(UploadRefused) as err:
        extract_text(pdf_many_pages(61), "book.pdf")
    assert "61 pages; the limit is 60 pages" in str(err.value)


def test_pdf_without_text():
    with pytest.raises(UploadRefused, match="couldn't find any text"):
        extract_text(pdf_many_pages(1), "scan.pdf")


def test_display_name_and_sizes():
    assert display_name("C:\\Users\\me\\cv\x07.pdf") == "cv.pdf"
    assert display_name("") == "The file"
    assert len(display_name("a" * 200 + ".pdf")) == 58
    assert [human_size(n) for n in (12, 3 * 1024, 10 * MB, int(1.25 * MB))] == ["12 bytes", "3 KB", "10 MB",
                                                                                   "1.2 MB"]


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        Limits(timeout_s=0)
