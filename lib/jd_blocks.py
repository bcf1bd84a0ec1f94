"""Lines, blocks and candidate units of a job description (used by :mod:`lib.jd`).

* :func:`normalise_text` — the text every span refers to;
* :func:`scan` — walks the lines once: section headers (via :func:`lib.jd_sections.detect_header`) and
  blocks of content. Hard-wrapped lines are re-joined into one block when the line before ends without
  a full stop and either ends in a connector (",", "and", "with" …) or the next line starts in lower case;
  each bullet starts a new block;
* :func:`units` — cuts a block into candidates: bullets written inside a line, sentences (not after
  "e.g.", "Inc." and the like), and the ``;``-separated parts of a long sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lib.jd_sections import MUST, NICE, RESP, detect_header

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _looks_one_word_per_line(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 20:
        return False
    words = sorted(len(ln.split()) for ln in lines)
    return words[len(words) // 2] <= 2


def normalise_text(text: str) -> str:
    """The text spans refer to: NFC, ``\\n`` line ends, plain spaces, no zero-width characters, no
    trailing spaces; one-word-per-line PDF text re-joined and bullets unified when
    :mod:`lib.ingest.textfix` is available."""
    out = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    out = _SPACES.sub(" ", out)
    try:
        from lib.ingest import textfix
    except ImportError:
        textfix = None
    if textfix is not None:
        if _looks_one_word_per_line(out) and hasattr(textfix, "rejoin_lines"):
            out = textfix.rejoin_lines(out)
        if hasattr(textfix, "normalise_bullets"):
            out = textfix.normalise_bullets(out)
    return "\n".join(line.rstrip() for line in out.split("\n")).strip("\n")


# ------------------------------------------------------------------ lines, blocks, units

_BULLET = re.compile(
    r"^[ \t]*(?:(?:[-*•●▪◦‣∙·–—+>»✓✔✗□■◆◇○►▶➢➤→§]|o(?=\s)|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)](?=\s))[ \t]*)+",
    re.M,
)
_CONNECTOR_END = re.compile(
    r"(?:[,&/(\-–]|\b(?:and|or|of|the|with|to|in|for|a|an|using|via|on|as|such|like|including|by|from|at|"
    r"our|your|that|which|is|are|be|into|across|within|strong|deep|solid|good|excellent))$",
    re.I,
)
_ABBREV = frozenset(
    "e.g i.e etc vs inc ltd co dr mr ms mrs jr sr no approx incl esp min max u.s b.s m.s b.a m.a ph.d st "
    "dept fig al e.v yrs".split()
)
_SENT_END = re.compile(r"[.!?](?=\s+[\"“(<A-Z0-9])(?!\s+NET\b)")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    bullet: bool
    section: int  # index into the section list, -1 = none


def _iter_lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _continues(prev: str, line: str) -> bool:
    prev_s, cur = prev.rstrip(), line.strip()
    if not prev_s or not cur or prev_s.endswith((".", "!", "?", ":")):
        return False
    return cur[0].islower() or cur[0] in "([" or bool(_CONNECTOR_END.search(prev_s))


def _sentences(text: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute) inside ``text`` that starts at ``base``."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        before = text[start: m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREV or (len(last) == 1 and last.isalpha()) or len(before) < 3:
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return [(base + a, base + b) for a, b in out]


def _semicolon_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    chunk = text[a:b]
    if len(chunk) < 120 or chunk.count(";") < 1:
        return [(a, b)]
    parts, start = [], 0
    for m in re.finditer(r";\s+", chunk):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(chunk)))
    if any(len(chunk[p:q].split()) < 3 for p, q in parts):
        return [(a, b)]
    return [(a + p, a + q) for p, q in parts]


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "-*•;,.\x95"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_INLINE_BULLET = re.compile(r"\s+[*•▪●◦]\s+(?:[*•▪●◦]\s+)*|\s*\x95\s*")


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a block at bullets written inside the line ("… tooling * • React …")."""
    out, start = [], a
    for m in _INLINE_BULLET.finditer(text, a, b):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, b))
    return [(p, q) for p, q in out if q > p]


def units(text: str, block: Block) -> list[tuple[int, int]]:
    a = block.start
    m = _BULLET.match(text, a, block.end)
    if m:
        a = m.end()
    spans: list[tuple[int, int]] = []
    for s, e in (se for p, q in _pieces(text, a, block.end) for se in _sentences(text[p:q], p)):
        for p, q in _semicolon_parts(text, s, e):
            p, q = trim(text, p, q)
            if q <= p:
                continue
            if spans and len(text[p:q].split()) <= 2 and not text[p:q][:1].isupper():
                spans[-1] = (spans[-1][0], q)  # glue a tiny tail ("etc.") to the sentence before
            else:
                spans.append((p, q))
    return spans


def scan(text: str) -> tuple[list[tuple[str, str, int]], list[Block]]:
    """Headers (header, kind, line start) and blocks of content, in order."""
    headers: list[tuple[str, str, int]] = []
    blocks: list[Block] = []
    cur: list[int] | None = None  # [start, end, bullet]
    prev_line = ""

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            blocks.append(Block(cur[0], cur[1], bool(cur[2]), len(headers) - 1))
        cur = None

    for pos, line in _iter_lines(text):
        if not line.strip():
            flush()
            prev_line = ""
            continue
        bullet = bool(_BULLET.match(line)) and not re.match(r"^\s*\d{1,2}[.)]\d", line)
        hit = None if (cur is not None and _continues(prev_line, line)) else detect_header(line, is_bullet=bullet)
        if hit is not None:
            flush()
            if hit.metadata:
                prev_line = ""
                continue
            kind = hit.kind
            if not hit.matched and headers and headers[-1][1] in (MUST, NICE, RESP) and line.rstrip().endswith(":"):
                kind = headers[-1][1]  # an unknown "Topic:" inside a list of duties or skills is a sub-header
            headers.append((hit.header, kind, pos))
            if hit.rest:
                cur = [pos + hit.rest_offset, pos + len(line), 0]
                prev_line = line
            else:
                prev_line = ""
            continue
        if cur is not None and not bullet and _continues(prev_line, line):
            cur[1] = pos + len(line)
        else:
            flush()
            cur = [pos, pos + len(line), int(bullet)]
        prev_line = line
    flush()
    return headers, blocks


