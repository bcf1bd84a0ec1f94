"""Skill terms: find gazetteer terms in text, compare near spellings, and score any-of groups.

The gazetteer (``lib/data/skill_terms.txt``, ~26K lower-case terms, see ``lib/data/ATTRIBUTION.md``) is
read once and turned into a dictionary of token sequences. :func:`find_terms` walks the text's tokens and
takes the longest term starting at each position (so "machine learning engineering" wins over
"machine learning"). Tokens keep the characters that make tech names (``c++``, ``c#``, ``node.js``,
``ci/cd``, ``.net``); a compound token that is not itself part of a term is split on ``/ - . &``
("python/django" gives "python" and "django").

Aliases map near names onto one canonical term ("postgres" and "postgresql", "js" and "javascript",
"k8s" and "kubernetes"), so a requirement and a piece of evidence agree whichever spelling each used.
Very short names that are also ordinary words ("Go", "R", "C") only count when written with that exact
capitalisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "skill_terms.txt"
MAX_TERM_TOKENS = 5
FUZZY_THRESHOLD = 0.88  # rapidfuzz ratio / 100 at or above which two spellings are "the same term"
FUZZY_MIN_LEN = 5  # shorter terms must match exactly: "java" and "jira" are 75% alike

# alias -> canonical term (both lower case). Canonical terms are added to the lexicon if missing.
ALIASES: dict[str, str] = {
    "postgres": "postgresql", "psql": "postgresql", "postgre sql": "postgresql",
    "js": "javascript", "ecmascript": "javascript", "ts": "typescript",
    "k8s": "kubernetes", "golang": "go", "python3": "python",
    "nodejs": "node.js", "node js": "node.js",
    "reactjs": "react", "react.js": "react", "vuejs": "vue.js", "vue": "vue.js",
    "angularjs": "angular", "ms excel": "excel", "microsoft excel": "excel",
    "ms sql": "microsoft sql server", "mssql": "microsoft sql server", "sql server": "microsoft sql server",
    "ml": "machine learning", "nlp": "natural language processing",
    "amazon web services": "aws", "google cloud platform": "gcp", "google cloud": "gcp",
    "microsoft azure": "azure", "ci/cd": "ci/cd", "continuous integration": "ci/cd",
    "c sharp": "c#", "cpp": "c++", "sklearn": "scikit-learn",
    "powerbi": "power bi", "ms power bi": "power bi", "gh actions": "github actions",
    "mongo": "mongodb", "elastic search": "elasticsearch", "rest api": "rest apis", "restful apis": "rest apis",
    "a/b testing": "a/b testing", "ab testing": "a/b testing", "ux design": "user experience design",
}
# short names that are everyday words in lower case: they count only with this exact spelling
CASE_SENSITIVE: dict[str, frozenset[str]] = {
    "go": frozenset({"Go"}),
    "r": frozenset({"R"}),
    "c": frozenset({"C"}),
}

_TOKEN_RE = re.compile(r"\.?[a-z0-9][a-z0-9+#]*(?:[./&'-][a-z0-9][a-z0-9+#]*)*")
_SPLIT_RE = re.compile(r"[./&'-]+")
_UNICODE_FIX = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2013": "-", "\u2014": "-",
                              "\u00a0": " "})


@dataclass(frozen=True)
class Lexicon:
    """The compiled gazetteer: token tuples -> canonical term, plus the set of whole tokens it uses."""

    entries: dict[tuple[str, ...], str]
    known_tokens: frozenset[str]
    max_len: int
    # canonical term -> the token tuples that mean it (itself and its aliases); empty: not computed
    by_canon: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class TermMatch:
    """A term found in a text: ``term`` (canonical), ``found`` (the words as written), ``score`` 0–1."""

    term: str
    found: str
    score: float


def _raw_tokens(text: str) -> list[tuple[str, str]]:
    """(lower-case token, token as written) pairs. A punctuation gap between two tokens ("C#, .NET")
    is kept as an empty marker token so that no term spans it."""
    fixed = text.translate(_UNICODE_FIX)
    low = fixed.lower()
    out: list[tuple[str, str]] = []
    end = 0
    for m in _TOKEN_RE.finditer(low):
        if out and low[end:m.start()].strip():
            out.append(("", ""))
        out.append((m.group(0), fixed[m.start():m.end()]))
        end = m.end()
    return out


def _term_tokens(term: str) -> tuple[str, ...]:
    return tuple(t for t, _ in _raw_tokens(term) if t)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = GAZETTEER_PATH) -> Lexicon:
    """Read and compile the gazetteer (cached: ~0.1 s the first time)."""
    terms = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return build_lexicon(t for t in terms if t and not t.startswith("#"))


def build_lexicon(terms: Iterable[str], aliases: dict[str, str] | None = None) -> Lexicon:
    aliases = ALIASES if aliases is None else aliases
    entries: dict[tuple[str, ...], str] = {}
    for term in terms:
        toks = _term_tokens(term.lower())
        if toks and len(toks) <= MAX_TERM_TOKENS:
            entries.setdefault(toks, " ".join(toks))
    for alias, canon in aliases.items():
        canon_toks = _term_tokens(canon)
        entries.setdefault(canon_toks, " ".join(canon_toks))
        entries[_term_tokens(alias)] = " ".join(canon_toks)
    known = frozenset(t for toks in entries for t in toks)
    by_canon: dict[str, set[tuple[str, ...]]] = {}
    for toks, canon in entries.items():
        by_canon.setdefault(canon, set()).add(toks)
    return Lexicon(entries=entries, known_tokens=known, max_len=max(len(k) for k in entries),
                   by_canon={c: frozenset(k) for c, k in by_canon.items()})


def _text_tokens(text: str, known: frozenset[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for low, orig in _raw_tokens(text):
        if not low or low in known or not _SPLIT_RE.search(low.lstrip(".")):
            out.append((low, orig))
            continue
        # split a compound that is not a known token; keep the original spelling of each part
        pos = 0
        for part in _SPLIT_RE.split(low):
            if not part:
                pos += 1
                continue
            start = low.find(part, pos)
            out.append((part, orig[start:start + len(part)]))
            pos = start + len(part)
    return out


def _scan(text: str, lexicon: Lexicon) -> list[TermMatch]:
    toks = _text_tokens(text, lexicon.known_tokens)
    lows = [t for t, _ in toks]
    found: list[TermMatch] = []
    i, n = 0, len(toks)
    while i < n:
        for length in range(min(lexicon.max_len, n - i), 0, -1):
            key = tuple(lows[i:i + length])
            canon = lexicon.entries.get(key)
            if canon is None or "" in key:
                continue
            written = " ".join(o for _, o in toks[i:i + length])
            allowed = CASE_SENSITIVE.get(canon) if length == 1 and key[0] in CASE_SENSITIVE else None
            if allowed is not None and written not in allowed:
                continue
            found.append(TermMatch(term=canon, found=written, score=1.0))
            i += length
            break
        else:
            i += 1
    return found


def find_terms(text: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """Canonical gazetteer terms in ``text``, in order of first appearance, without repeats."""
    if not text:
        return ()
    matches = _scan(text, lexicon or load_lexicon())
    return tuple(dict.fromkeys(m.term for m in matches))


def canonical(term: str, lexicon: Lexicon | None = None) -> str:
    """The canonical spelling of a term ("Postgres" -> "postgresql"); unknown terms are lower-cased."""
    lex = lexicon or load_lexicon()
    toks = _term_tokens(term)
    return lex.entries.get(toks, " ".join(toks))


def fuzzy_match(term: str, text: str, *, threshold: float = FUZZY_THRESHOLD,
                lexicon: Lexicon | None = None) -> TermMatch | None:
    """Find ``term`` in ``text`` allowing aliases and near spellings ("Postgre SQL", "Kubernets").

    Exact (alias-aware) matches score 1.0. Otherwise every window of the text with about as many words as
    the term is compared with rapidfuzz's ratio; the best window at or above ``threshold`` wins. Terms
    shorter than ``FUZZY_MIN_LEN`` characters must match exactly.
    """
    lex = lexicon or load_lexicon()
    canon = canonical(term, lex)
    if not canon or not text:
        return None
    toks = _text_tokens(text, lex.known_tokens)
    lows = [t for t, _ in toks]
    size = len(canon.split())
    # exact, alias-aware: the first window (shortest first, then leftmost) whose canonical form is the term
    lengths = range(max(1, size - 1), min(size + 2, lex.max_len + 1))
    allowed = CASE_SENSITIVE.get(canon) if canon in CASE_SENSITIVE else None
    for length, i in _exact_windows(canon, lows, lengths, lex):
        written = " ".join(o for _, o in toks[i:i + length])
        if allowed is None or written in allowed:
            return TermMatch(term=canon, found=written, score=1.0)
    if len(canon.replace(" ", "")) < FUZZY_MIN_LEN:
        return None
    # near spellings: every window of about the term's length, both with and without spaces; the first
    # window with the best score at or above the threshold wins
    spots: list[tuple[int, int]] = []
    windows: list[str] = []
    for length in {max(1, size - 1), size, size + 1}:
        for i in range(0, len(toks) - length + 1):
            if "" in lows[i:i + length]:
                continue
            spots.append((i, length))
            windows.append(" ".join(lows[i:i + length]))
    if not windows:
        return None
    spaced = process.cdist([canon], windows, scorer=fuzz.ratio, dtype=np.float64)[0]
    joined = process.cdist([canon.replace(" ", "")], [w.replace(" ", "") for w in windows], scorer=fuzz.ratio,
                           dtype=np.float64)[0]
    scores = np.maximum(spaced, joined) / 100.0
    ok = np.nonzero(scores >= threshold)[0]
    if not len(ok):
        return None
    k = int(ok[np.argmax(scores[ok])])  # argmax: the first of equal best scores
    i, length = spots[k]
    return TermMatch(term=canon, found=" ".join(o for _, o in toks[i:i + length]), score=float(scores[k]))


def _exact_windows(canon: str, lows: Sequence[str], lengths: range, lex: Lexicon):
    """(length, start) of the windows of ``lows`` whose canonical form is ``canon``, shortest first, then
    leftmost (a window that is no entry of the lexicon reads as its own words)."""
    if lex.by_canon:
        keys = set(lex.by_canon.get(canon, ()))
        plain = tuple(canon.split(" "))
        if plain not in lex.entries:
            keys.add(plain)
    else:  # a Lexicon built by hand: look every window up
        keys = None
    for length in lengths:
        if keys is not None:
            wanted = {k for k in keys if len(k) == length}
            if not wanted:
                continue
            firsts = {k[0] for k in wanted}
        for i in range(0, len(lows) - length + 1):
            if keys is not None:
                if lows[i] in firsts and tuple(lows[i:i + length]) in wanted:
                    yield length, i
                continue
            key = tuple(lows[i:i + length])
            if "" not in key and lex.entries.get(key, " ".join(key)) == canon:
                yield length, i


@dataclass(frozen=True)
class TermCoverage:
    """How many term "slots" of a requirement a text covers.

    A slot is one term, or one any-of group ("such as A, B or C": any one alternative fills it).
    ``matched`` lists the canonical terms found; ``missing`` the slots not filled (a group is shown as
    "A / B / C").
    """

    slots: int
    filled: int
    matched: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def fraction(self) -> float:
        return self.filled / self.slots if self.slots else 0.0


def term_slots(terms: Sequence[str], any_of: Sequence[Sequence[str]] = (),
               lexicon: Lexicon | None = None) -> tuple[tuple[str, ...], ...]:
    """The slots of a requirement: each any-of group is one slot; other terms are one slot each (except
    words of an alternative: in "a BI tool such as Tableau or Power BI", "bi" is not a slot of its own)."""
    lex = lexicon or load_lexicon()
    groups = [tuple(dict.fromkeys(canonical(t, lex) for t in g if t.strip())) for g in any_of]
    groups = [g for g in groups if g]
    in_groups = {t for g in groups for t in g}
    group_words = {w for g in groups for t in g for w in t.split()}
    # a term that is only a piece of an alternative ("bi" of "power bi") is the category, not a slot
    singles = [(t,) for t in dict.fromkeys(canonical(t, lex) for t in terms if t.strip())
               if t not in in_groups and not set(t.split()) <= group_words]
    return tuple(singles) + tuple(groups)


def cover_slots(slots: Sequence[Sequence[str]], text_terms: Iterable[str], text: str = "", *,
                fuzzy: bool = True, lexicon: Lexicon | None = None,
                match: Callable[[str, str], bool] | None = None) -> TermCoverage:
    """Which slots the text fills: by its canonical terms first, then (optionally) by a fuzzy search.
    ``match(term, text)``: the fuzzy test (default :func:`fuzzy_match`; a caller may pass a remembered one)."""
    if match is None:
        def match(term: str, txt: str) -> bool:
            return fuzzy_match(term, txt, lexicon=lexicon) is not None
    have = set(text_terms)
    filled, matched, missing = 0, [], []
    for slot in slots:
        hit = next((t for t in slot if t in have), None)
        if hit is None and fuzzy and text:
            hit = next((t for t in slot if match(t, text)), None)
        if hit is None:
            missing.append(" / ".join(slot))
        else:
            filled += 1
            matched.append(hit)
    return TermCoverage(slots=len(slots), filled=filled, matched=tuple(matched), missing=tuple(missing))
