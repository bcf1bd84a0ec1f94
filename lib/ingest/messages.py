"""Every sentence a person sees when an upload is refused, in one place.

Written for a job seeker, not a developer: what happened, and what to do instead. No library names, no
stack traces.
"""

from __future__ import annotations

import re

from lib.errors import UploadRefused
from lib.ingest.limits import Limits, human_size

_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_RESAVE = "Please save it again as a .docx or PDF file, or paste the text instead."


def display_name(filename: str) -> str:
    """The file's own name, without folders or control characters, shortened to 60 characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _UNSAFE.sub("", name).strip() or "The file"
    return name if len(name) <= 60 else name[:57] + "…"


def _seconds(value: float) -> str:
    return f"{value:g} second" + ("" if value == 1 else "s")


def message(code: str, filename: str, limits: Limits, *, size: int = 0, pages: int = 0) -> str:
    name = display_name(filename)
    texts = {
        "too_big": f"{name} is {human_size(size)}; the limit is {human_size(limits.max_bytes)}.",
        "empty": f"{name} is empty.",
        "binary": f"{name} doesn't look like a document we can read (it seems to be a program, an image "
                  "or another binary file). Please upload a PDF, a Word (.docx) file or plain text.",
        "html": f"{name} looks like a web page (HTML) rather than a document. Please copy the text into "
                "a .txt or .docx file, or paste it in directly.",
        "rtf": f"{name} is a Rich Text (RTF) file, which we can't read. {_RESAVE}",
        "ole": f"{name} is an older Word (.doc) file or a password-protected document, which we can't "
               f"read. {_RESAVE}",
        "zip": f"{name} is a zip archive, not a Word document. Please upload the .docx, PDF or text "
               "file itself.",
        "not_docx": f"{name} is not a plain Word document (it may be a template or contain macros). "
                    f"{_RESAVE}",
        "zip_bomb": f"{name} would expand to far more data than a normal document "
                    f"(over {human_size(limits.max_unzipped_bytes)}), so we did not open it. {_RESAVE}",
        "zip_encrypted": f"{name} is password-protected. Please remove the password and upload it again.",
        "xml_dtd": f"{name} contains embedded definitions that we refuse for safety reasons. "
                   "Re-saving it from Word or exporting it as PDF usually fixes this.",
        "encrypted": f"{name} is password-protected. Please remove the password and upload it again.",
        "too_many_pages": f"{name} has {pages} pages; the limit is {limits.max_pdf_pages} pages. Please "
                          "upload only the pages that matter.",
        "no_text": f"We couldn't find any text in {name}. If it is a scanned image, please paste the "
                   "text instead.",
        "timeout": f"{name} took too long to read (over {_seconds(limits.timeout_s)}), so we stopped. "
                   "It may be damaged or unusually complex. Please export it again, or paste the text.",
        "memory": f"{name} needed too much memory to read, so we stopped. It may be damaged or unusually "
                  "complex. Please export it again, or paste the text.",
        "limit": f"{name} is built in an unusually heavy way, so we stopped reading it. Please export it "
                 "again as a simple PDF, or paste the text.",
        "damaged": f"{name} seems to be damaged and could not be read. {_RESAVE}",
        "crashed": f"Something went wrong while reading {name}, so we stopped. {_RESAVE}",
    }
    return texts.get(code, texts["crashed"])


def refuse(code: str, filename: str, limits: Limits, **details: int) -> UploadRefused:
    """An :class:`UploadRefused` carrying the sentence for ``code`` (``err.code`` keeps the code)."""
    err = UploadRefused(message(code, filename, limits, **details))
    err.code = code  # type: ignore[attr-defined]  # for tests and logs; the page shows str(err)
    return err
