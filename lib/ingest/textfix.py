"""Pure text clean-up shared by ingestion, the JD parser and the résumé splitter.

- :func:`normalise_text`: NFC, ligatures, line endings, control characters, blank-line runs.
- :func:`normalise_bullets`: every bullet or list-number style becomes a uniform ``"- "`` prefix
  (line count unchanged, so line numbers stay valid).
- :func:`rejoin_lines`: undo the line breaks PDF extraction puts inside sentences (including the
  "one word per line" output some PDFs give).
"""

from __future__ import annotations

import re
import unicodedata

# Bullet glyphs seen in word processors and in PDF extraction (the \uf0xx ones are Symbol/Wingdings
# private-use code points that Word bullets often turn into).
_GLYPHS = "•◦▪▫●○■□►▸▹➢➤✓✔❖♦◆◇·‣⁃∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"
_DASHES = "-*–—"
_BULLET_RE = re.compile(
    rf"^\s*(?:[{_GLYPHS}]\s*|[{re.escape(_DASHES)}]\s+|\(?\d{{1,2}}[.)]\s+|\(?[A-Za-z]\)\s+)(?P<rest>\S.*)$"
)
_LONE_MARKER_RE = re.compile(rf"^\s*(?:[{_GLYPHS}]|[{re.escape(_DASHES)}]|\(?\d{{1,2}}[.)]|\(?[A-Za-z]\))\s*$")

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " "})
# control characters (tab and newline kept), lone surrogates, soft hyphen, zero-width marks, BOM
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u200b-\u200d\u2060\ufeff]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")  # kept only when a known bullet glyph
_LINE_BREAKS = re.compile(r"\r\n|\r|\f|\v|\u2028|\u2029|\x85")
_BLANK_RUN = re.compile(r"\n{3,}")

_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_CONTINUES = re.compile(r"(?:,|&|\b(?:and|or|of|the|a|an|to|with|for|in|on|at|by|from|as|that)|\w-)$", re.I)


def normalise_text(text: str) -> str:
    """Light normalisation: NFC, ligatures, ``\\n`` line endings, no NULs or control characters (tabs
    and newlines kept), no trailing spaces, at most one blank line in a row, no leading/trailing blanks."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES).translate(_SPACES)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL_CHARS.sub("", text)
    text = _PRIVATE_USE.sub(lambda m: m.group() if m.group() in _GLYPHS else "", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def bullet_text(line: str) -> str | None:
    """The text after a bullet or list number, or None when ``line`` is not a bulleted line."""
    m = _BULLET_RE.match(line)
    return m.group("rest").strip() if m else None


def is_lone_marker(line: str) -> bool:
    """A line holding only a bullet glyph or a list number (PDFs often put the text on the next line)."""
    return bool(_LONE_MARKER_RE.match(line))


def normalise_bullets(text: str) -> str:
    """Turn •, ◦, ▪, -, *, –, —, ·, "1." "1)" "(a)" "a)" style list markers into a uniform ``"- "``.

    Indentation before a marker is dropped; lines without a marker and the number of lines are unchanged.
    """
    out = []
    for line in text.split("\n"):
        rest = bullet_text(line)
        out.append(f"- {rest}" if rest is not None else line)
    return "\n".join(out)


def _words(line: str) -> int:
    return len(line.split())


def _is_header(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and _words(line) <= 6


def _word_per_line(lines: list[str]) -> bool:
    nonblank = [ln for ln in lines if ln.strip()]
    if len(nonblank) < 20:
        return False
    short = sum(1 for ln in nonblank if _words(ln) <= 2)
    return short / len(nonblank) >= 0.7


def _should_join(cur: str, nxt: str, word_per_line: bool) -> bool:
    if not cur or not nxt:
        return False
    if is_lone_marker(cur):
        return not is_lone_marker(nxt) and bullet_text(nxt) is None
    if bullet_text(nxt) is not None or is_lone_marker(nxt):
        return False
    if _SENTENCE_END.search(cur):
        return False
    if word_per_line and _words(cur) <= 2:
        return True
    if _is_header(cur):
        return False
    return nxt[0].islower() or bool(_CONTINUES.search(cur))


def rejoin_lines_counted(text: str) -> tuple[str, int]:
    """:func:`rejoin_lines` plus the number of line breaks it removed."""
    lines = [ln.strip() for ln in text.split("\n")]
    wpl = _word_per_line(lines)
    out: list[str] = []
    joins = 0
    buf = ""
    for i, line in enumerate(lines):
        if buf:
            hyphen_break = buf.endswith("-") and buf[-2:-1].isalpha() and line[:1].islower()
            buf = buf + ("" if hyphen_break else " ") + line
        else:
            buf = line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _should_join(line, nxt, wpl):
            joins += 1
            continue
        out.append(buf)
        buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out), joins


def rejoin_lines(text: str) -> str:
    """Re-join lines that a PDF extractor broke inside a sentence.

    Rules (each applies only when the next line is not blank and not a bullet):
    - a line holding only a bullet marker is joined to its text on the next line;
    - a line ending a sentence (``. ! ? : ;``) is never joined;
    - when most lines hold one or two words (the "one word per line" extraction), a line of one or two
      words is joined to the next;
    - otherwise a line is joined when the next starts in lower case, or it ends with a comma, "&", a
      hyphenated word-break or a linking word ("and", "of", "the", ...); ALL-CAPS headers are kept apart.
    """
    return rejoin_lines_counted(text)[0]
