"""Builders for the documents the ingest tests feed in: small honest files and hostile ones.

Everything is generated in memory so no big or dangerous file is committed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from fpdf import FPDF

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def make_docx(paragraphs=(), bullets=(), table=None, heading=None) -> bytes:
    d = docx.Document()
    if heading:
        d.add_heading(heading, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    for b in bullets:
        d.add_paragraph(b, style="List Bullet")
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_pdf(lines, pages=1) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def replace_zip_part(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def docx_zip_bomb(megabytes: int = 200) -> bytes:
    """A .docx whose document.xml inflates to ``megabytes`` MB of zeros (a few hundred KB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                fh.write(chunk)
    return out.getvalue()


def docx_lying_sizes(real_mb: int = 60) -> bytes:
    """A zip bomb whose headers declare a tiny document.xml (the real data is ``real_mb`` MB)."""
    data = bytearray(docx_zip_bomb(real_mb))
    # patch the central directory entry of word/document.xml: uncompressed size -> 1000 bytes
    name = b"word/document.xml"
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    # zip64 entries keep sizes in an extra field; rewrite as a plain entry claiming 1000 bytes
    struct.pack_into("<I", data, cd + 24, 1000)
    extra_len = struct.unpack_from("<H", data, cd + 30)[0]
    if extra_len:
        extra_at = cd + 46 + len(name)
        header_id, size = struct.unpack_from("<HH", data, extra_at)
        if header_id == 1 and size >= 8:
            struct.pack_into("<Q", data, extra_at + 4, 1000)
    return bytes(data)


def xxe_docx() -> bytes:
    honest = make_docx(paragraphs=["Hello"])
    evil = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
    )
    return replace_zip_part(honest, "word/document.xml", evil)


def billion_laughs_docx() -> bytes:
    honest = make_docx(paragraphs=["Hello"])
    ents = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    evil = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [' + "".join(ents) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    return replace_zip_part(honest, "word/document.xml", evil)


# ---------------------------------------------------------------- hand-built PDFs


def _pdf(objects: list[bytes], trailer: bytes, *, xref_at: int | None = None, prev_self=False) -> bytes:
    """Assemble numbered objects into a PDF with a classic xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    extra = b" /Prev %d" % xref if prev_self else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s %s >>\n" % (len(objects) + 1, extra, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % (xref if xref_at is None else xref_at)
    return bytes(out)


def _stream(content: bytes, compress=False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple_pdf_objects(content: bytes, compress=False) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content, compress),
        FONT,
    ]


HELLO = b"BT /F1 12 Tf 72 720 Td (Hello from a hand-built PDF.) Tj ET"


def pdf_circular_xref() -> bytes:
    """The trailer's /Prev points back at the same xref table, for ever."""
    return _pdf(simple_pdf_objects(HELLO), b"", prev_self=True)


def pdf_circular_pages() -> bytes:
    """The page tree lists itself among its kids."""
    objs = simple_pdf_objects(HELLO)
    objs[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return _pdf(objs, b"")


def pdf_bad_startxref() -> bytes:
    return _pdf(simple_pdf_objects(HELLO), b"", xref_at=987654321)


def pdf_garbage_startxref() -> bytes:
    data = _pdf(simple_pdf_objects(HELLO), b"")
    return data.replace(b"startxref\n", b"startxref\n-12abc", 1)


def pdf_flate_bomb(megabytes: int = 200) -> bytes:
    """A page whose content stream inflates to ``megabytes`` MB of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    objs = simple_pdf_objects(HELLO)
    objs[3] = stream
    return _pdf(objs, b"")


def pdf_many_pages(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    for _ in range(n):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
    return _pdf(objs, b"")


def exe_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(range(256)) * 40


def html_bytes() -> bytes:
    return (b"<!DOCTYPE html>\n<html><head><title>Jobs</title><script>alert(1)</script></head>"
            b"<body><p>Senior analyst wanted.</p></body></html>")


def docx_with_boxes_and_controls() -> bytes:
    """Text in a content control and in a text box (with its VML fallback copy), as Word writes them."""
    body = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        b'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        b'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        b'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>'
        b"<w:p><w:r><w:t>Before the boxes</w:t></w:r></w:p>"
        b"<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p>"
        b"</w:sdtContent></w:sdt>"
        b'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        b"<w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        b"<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p>"
        b"</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        b"<w:sectPr/></w:body></w:document>"
    )
    return replace_zip_part(make_docx(paragraphs=["placeholder"]), "word/document.xml", body)
