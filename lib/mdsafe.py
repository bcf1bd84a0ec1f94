"""Showing text people typed through Markdown, literally.

Two functions:
- :func:`escape_markdown` — portable Markdown escaping for exported ``.md`` files: no links, images,
  HTML or emphasis in any CommonMark renderer; bare URLs are broken so they don't autolink.
- :func:`md` — for Streamlit, which adds its own syntax on top of Markdown: ``:smile:`` emoji,
  ``:material/bolt:`` icons, ``:red[...]`` colours, ``$…$`` maths, and URL autolinking that survives
  backslash escapes (checked in Chromium with Streamlit 1.67). Every ``:`` becomes the entity ``&#58;``
  (drawn as a colon), ``$`` is escaped, and a zero-width space after ``scheme:`` and in ``www.`` stops
  autolinks. Use it for every piece of user text that reaches ``st.markdown``, captions, labels, help
  texts, expander titles and alerts. Remote Markdown images (tracking beacons) can't survive either.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")
_WWW = re.compile(r"(?i)\bwww\.")
ZWSP = "\u200b"


def _escape_core(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                              else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def escape_markdown(text: str) -> str:
    """Backslash-escape user text so Markdown shows it as typed: no links, images, HTML or emphasis.

    Escapes ``\\ ` * _ { } [ ] ( ) < > # ! | ~ &`` everywhere, list/heading/quote markers at line start,
    and breaks bare-URL autolinks (``://`` and ``www.``).
    """
    text = _escape_core(text).replace("://", "\\:\\/\\/")
    return re.sub(r"(?i)\bwww\.", lambda m: m.group(0)[:-1] + "\\.", text)


def md(text: str) -> str:
    """User text as Streamlit Markdown that renders literally (see the module docstring)."""
    text = _escape_core(str(text)).replace("$", "\\$")
    text = _SCHEME.sub(lambda m: m.group(1) + ":" + ZWSP, text)
    text = _WWW.sub("www" + ZWSP + ".", text)
    return text.replace(":", "&#58;")
