"""Safe text extraction from an uploaded PDF, DOCX or TXT.

Order of checks: size → what the bytes really are (magic, not the extension) → for a .docx, the zip's
declared sizes and ratios → the parser in a limited child process (:mod:`lib.ingest.sandbox`) → light
normalisation (and, for PDFs, re-joining of broken lines). Every refusal is an
:class:`lib.errors.UploadRefused` whose text is a sentence for the person who uploaded the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lib.ingest.limits import Limits
from lib.ingest.messages import refuse
from lib.ingest.sandbox import run_parser
from lib.ingest.sniff import Refused, check_docx_zip, decode_text, sniff
from lib.ingest.textfix import normalise_text, rejoin_lines_counted

Kind = Literal["pdf", "docx", "txt"]
_DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Extracted:
    """The text of one document.

    kind: what the bytes were (whatever the file was called). pages: PDF page count (0 for DOCX/TXT).
    warnings: sentences worth showing next to the text (e.g. it was shortened). rejoined_lines: how many
    line breaks inside sentences were removed (PDF only). seconds: time spent in the parser process.
    """

    text: str
    kind: Kind
    pages: int = 0
    warnings: tuple[str, ...] = ()
    rejoined_lines: int = 0
    seconds: float = 0.0


def extract_text(data: bytes, filename: str, limits: Limits = _DEFAULT_LIMITS) -> Extracted:
    """Extract readable text from ``data`` (the uploaded bytes; ``filename`` is only used in messages).

    Raises :class:`lib.errors.UploadRefused` with a plain-language sentence for anything too large,
    not a PDF/DOCX/text document, damaged, password-protected, hostile or too costly to parse.
    """
    if len(data) > limits.max_bytes:
        raise refuse("too_big", filename, limits, size=len(data))
    data = bytes(data)  # bytearray / memoryview from an upload widget
    if not data.strip():
        raise refuse("empty", filename, limits)
    try:
        return _extract(data, filename, limits)
    except Refused as r:
        raise refuse(r.code, filename, limits, **r.details) from None


def _extract(data: bytes, filename: str, limits: Limits) -> Extracted:
    found = sniff(data)
    if found in ("binary", "ole", "rtf"):
        raise Refused(found)
    warnings: list[str] = []
    if found == "text":
        raw, kind, pages, seconds = decode_text(data), "txt", 0, 0.0
        if len(raw) > limits.max_chars:
            raw = raw[: limits.max_chars]
            warnings.append("truncated")
    else:
        kind = "pdf" if found == "pdf" else "docx"
        if kind == "docx":
            check_docx_zip(data, limits)
        result = run_parser(kind, data, limits)
        if not result.ok:
            details = {"pages": int(result.detail)} if result.code == "too_many_pages" else {}
            raise Refused(result.code, **details)
        raw, pages, seconds = result.text, result.pages, result.seconds
        warnings.extend(result.warnings)
    text = normalise_text(raw)
    rejoined = 0
    if kind == "pdf":
        text, rejoined = rejoin_lines_counted(text)
    if not text.strip():
        raise Refused("no_text")
    return Extracted(text=text, kind=kind, pages=pages, warnings=_explain(warnings, limits),
                     rejoined_lines=rejoined, seconds=seconds)


def _explain(codes: list[str], limits: Limits) -> tuple[str, ...]:
    out = []
    for code in codes:
        if code == "truncated":
            out.append(f"The document is very long: only the first {limits.max_chars:,} characters were kept.")
        elif code.startswith("pages_failed:"):
            n = int(code.split(":", 1)[1])
            out.append(f"{n} page{'s' if n != 1 else ''} could not be read and {'were' if n != 1 else 'was'} "
                       "skipped.")
    return tuple(dict.fromkeys(out))
