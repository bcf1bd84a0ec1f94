"""Decide what a file really is from its bytes (never from its name), and decode plain text.

Also the zip inspection of a .docx, done on the central directory before anything is decompressed.
Functions here raise :class:`Refused` (a code); :mod:`lib.ingest.extract` turns it into a sentence.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from lib.ingest.limits import Limits

_BINARY_MAGIC = (
    b"MZ", b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%!PS", b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b", b"BZh",
    b"\xfd7zXZ", b"OggS", b"ID3", b"RIFF", b"wOFF", b"OTTO", b"SQLite format 3", b"\x00asm", b"II*\x00",
    b"MM\x00*",
)
_HTML = re.compile(
    r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml\b|<svg\b|<!--)|<(?:html|head|body|script|iframe|"
    r"style|meta|link|form)\b[^>]*>",
    re.IGNORECASE,
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls other than whitespace
_LARGE_ENTRY = 2 * 1024 * 1024  # repetitive small parts compress 200x+; ratios matter for big ones


class Refused(Exception):
    """An internal refusal: ``code`` is a key of :func:`lib.ingest.messages.message`."""

    def __init__(self, code: str, **details: int):
        super().__init__(code)
        self.code = code
        self.details = details


def sniff(data: bytes) -> str:
    """"pdf", "zip", "ole", "rtf", "binary" or "text", from the first bytes."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_BINARY_MAGIC) or data[4:8] == b"ftyp":
        return "binary"
    return "text"


def decode_text(data: bytes) -> str:
    """Decode a plain-text upload: UTF-8 (with or without BOM), UTF-16/32 with a BOM, then cp1252.

    Raises :class:`Refused` ("binary" or "html") when the bytes are not human text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encodings = ("utf-32",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1252")
    text = None
    for enc in encodings:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise Refused("binary")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise Refused("binary")
    if _HTML.search(text[:200_000]):
        raise Refused("html")
    return text


def _check_end_record(data: bytes, limits: Limits) -> None:
    """Read the entry count from the end record before zipfile builds one object per entry (a 10 MB zip
    can declare 200,000 entries)."""
    tail = data[-(65_535 + 22):]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise Refused("damaged")
    entries, cd_size = struct.unpack_from("<HI", tail, at + 10)
    if entries == 0xFFFF or entries > limits.max_zip_entries or cd_size > 64 * 1024 * 1024:
        raise Refused("zip_bomb")


def check_docx_zip(data: bytes, limits: Limits) -> None:
    """Inspect a zip's central directory before any part is decompressed.

    Refuses: a damaged zip, too many entries, encrypted entries, a declared total above
    ``limits.max_unzipped_bytes``, a large entry (or the whole) compressed more than ``max_zip_ratio``
    times, and a zip without ``word/document.xml``. Python's zipfile never returns more bytes than an
    entry declares (and checks the CRC), so the declared sizes bound what the parser can see.
    """
    _check_end_record(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise Refused("damaged") from None
    if len(infos) > limits.max_zip_entries:
        raise Refused("zip_bomb")
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        raise Refused("zip_encrypted")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise Refused("zip_bomb")
    for info in infos:
        if info.file_size > _LARGE_ENTRY and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
            raise Refused("zip_bomb")
    if total > _LARGE_ENTRY and total > limits.max_zip_ratio * max(packed, 1):
        raise Refused("zip_bomb")
    if "word/document.xml" not in names:
        raise Refused("zip")
