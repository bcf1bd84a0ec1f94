"""Exports of the reconsideration summary: Word (python-docx), plain text and Markdown.

User text always goes into a DOCX as plain runs (never parsed as markup), with the characters XML cannot
hold removed. The Markdown export escapes user text (see :func:`lib.letters_case.escape_markdown`), so a
summary can't smuggle in links, images or HTML when a page or a coach's viewer renders it.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt

from lib.letters_case import CaseSummary, escape_markdown

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def summary_docx(summary: CaseSummary, *, title: str) -> bytes:
    """The summary as a .docx: a heading, then greeting, thanks, one paragraph per point, close, signature."""
    doc = Document()
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = xml_safe(title)[:250]
    props.comments = ""
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    doc.add_heading(level=1).add_run(xml_safe(title))
    for block in (summary.greeting, summary.thanks, *[p for p in summary.paragraphs if p], summary.close):
        doc.add_paragraph().add_run(xml_safe(block))
    signature = doc.add_paragraph()
    for i, line in enumerate(summary.signature.split("\n")):
        run = signature.add_run(xml_safe(line))
        if i < len(summary.signature.split("\n")) - 1:
            run.add_break()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def summary_text(summary: CaseSummary, *, title: str | None = None) -> str:
    """Plain text, ready to paste into an email (an optional title line on top)."""
    return (f"{title.strip()}\n\n" if title and title.strip() else "") + summary.text


def summary_markdown(summary: CaseSummary, *, title: str | None = None) -> str:
    """Markdown with every piece of user text escaped (an optional escaped ``#`` title on top)."""
    head = f"# {escape_markdown(' '.join(title.split()))}\n\n" if title and title.strip() else ""
    return head + summary.markdown
