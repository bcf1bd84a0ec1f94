"""Skill terms and "any of" groups inside one requirement.

Terms: when the matching gazetteer (:func:`lib.matching.terms.find_terms`, ~26K terms) is importable it is
used; otherwise :func:`builtin_terms` finds the words of :data:`BUILTIN_TERMS` (a small list of common tools
and skills, lower case) plus "tech-shaped" tokens: ALL-CAPS acronyms (``SQL``, ``AWS``), words with inner
capitals or digits (``PostgreSQL``, ``GraphQL``, ``S3``) and names with ``+ # .`` (``C++``, ``C#``,
``Node.js``). Terms are returned lower case, in order of first appearance, without repeats.

Any-of groups: alternatives of which one is enough —
``such as A, B or C`` / ``e.g. A, B, C`` / ``for example …`` / ``like A or B`` / ``one of A, B, C`` /
``one or more of …`` / ``either A or B``, and a bare ``A or B`` (``A, B or C``) whose items are terms or
capitalised names. Items are returned as written (trimmed); the matcher canonicalises them.
"""

from __future__ import annotations

import re

BUILTIN_TERMS: tuple[str, ...] = (
    # languages and runtimes
    "python", "java", "javascript", "typescript", "c++", "c#", "go", "golang", "rust", "ruby", "php", "scala",
    "kotlin", "swift", "r", "matlab", "sql", "bash", "perl", "html", "css", "node.js", ".net",
    # frameworks and libraries
    "react", "angular", "vue", "next.js", "django", "flask", "fastapi", "spring", "hibernate", "rails",
    "pandas", "numpy", "scikit-learn", "pytorch", "tensorflow", "keras", "spark", "hadoop", "kafka", "airflow",
    "graphql", "rest", "tailwind",
    # data and infrastructure
    "postgresql", "mysql", "oracle", "mongodb", "redis", "elasticsearch", "snowflake", "bigquery",
    "aws", "azure", "gcp", "docker", "kubernetes", "terraform", "ansible", "linux", "git", "jenkins",
    "ci/cd", "microservices", "tableau", "power bi", "looker", "excel", "jira", "figma", "salesforce", "sap",
    # practices and fields
    "machine learning", "deep learning", "data analysis", "statistics", "agile", "scrum", "kanban",
    "devops", "testing", "unit testing", "a/b testing", "data visualisation", "data visualization", "etl",
    "project management", "product management", "stakeholder management", "user research", "ux", "ui",
    "seo", "accounting", "budgeting", "forecasting", "negotiation", "sales", "marketing", "copywriting",
    "customer service", "communication", "leadership", "mentoring", "public speaking", "teaching",
)

_STOP_CAPS = frozenset(
    "I A AN THE AND OR OF TO IN ON AT WE US UK EU USA EEO PTO CEO CTO CFO COO VP HR IT OK TBD ETC NB ID PS "
    "FAQ CV ASAP MF MFD".split()
)
_TECH_TOKEN = re.compile(
    r"(?<![\w.+#])(?:[A-Z]{2,6}\d?|[A-Za-z]+[0-9]+[A-Za-z0-9]*|[A-Z]?[a-z]+[A-Z][A-Za-z]*|[A-Za-z]+(?:\+\+|#)|"
    r"[A-Za-z]+\.(?:js|net|io)|\.NET)(?![\w+#])"
)
_BUILTIN_RE = re.compile(
    r"(?<![\w.+#/-])(" + "|".join(re.escape(t) for t in sorted(BUILTIN_TERMS, key=len, reverse=True))
    + r")(?![\w+#/-])",
    re.I,
)
_CASE_ONLY = {"go": "Go", "r": "R", "rest": "REST", "ui": "UI", "ux": "UX"}


def builtin_terms(text: str) -> tuple[str, ...]:
    """Terms of the built-in list plus tech-shaped tokens (see the module docstring)."""
    found: list[tuple[int, str]] = []
    for m in _BUILTIN_RE.finditer(text):
        term = m.group(1).lower()
        if term in _CASE_ONLY and m.group(1) != _CASE_ONLY[term]:
            continue
        found.append((m.start(), term))
    for m in _TECH_TOKEN.finditer(text):
        tok = m.group(0)
        if tok.upper() in _STOP_CAPS or (tok.isupper() and m.start() == 0 and len(tok) > 4):
            continue
        found.append((m.start(), tok.lower()))
    found.sort()
    return tuple(dict.fromkeys(t for _, t in found))


def find_terms(text: str) -> tuple[str, ...]:
    """Skill terms in ``text``: the matching gazetteer when available, else :func:`builtin_terms`."""
    try:
        from lib.matching.terms import find_terms as gazetteer_terms
    except ImportError:
        return builtin_terms(text)
    try:
        return tuple(gazetteer_terms(text))
    except (OSError, ValueError):  # gazetteer file missing or unreadable: keep working with the small list
        return builtin_terms(text)


# ------------------------------------------------------------------ any-of groups

_TRIGGER = re.compile(
    r"\b(?:such as|e\.g\.,?|eg\.|for example|for instance|like|one of|one or more of|any of|either|"
    r"at least one of|including but not limited to)\s+(?:the following:?\s*)?",
    re.I,
)
_CLAUSE_END = re.compile(r"[;:()\[\]]|\.(?:\s|$)|\s[-–—]\s|\betc\b|\band so on\b|\bto\b|\bwith\b|\bfor\b|\bin\b")
_ITEM_SPLIT = re.compile(r"\s*(?:,|/|\bor\b|\band\b|&)\s*", re.I)
_LEAD = re.compile(r"^(?:and|or|the|a|an|other|similar|similar\s+\w+|equivalent)\s+", re.I)
_ITEM_OK = re.compile(r"^[\w.+#][\w .+#-]*$")
_MAX_ITEM_WORDS = 4


def _items(chunk: str) -> list[str]:
    out = []
    for raw in _ITEM_SPLIT.split(chunk):
        item = _LEAD.sub("", raw.strip(" .,'\"")).strip()
        if not item or item.lower() in {"etc", "similar", "others", "other", "equivalent", "more"}:
            continue
        if len(item.split()) > _MAX_ITEM_WORDS or not _ITEM_OK.match(item):
            break
        out.append(item)
    return out


def _looks_like_term(item: str, terms: set[str]) -> bool:
    low = item.lower()
    return low in terms or any(t in low.split() or t == low for t in terms) or item[:1].isupper() or \
        bool(_TECH_TOKEN.fullmatch(item))


def any_of_groups(text: str, terms: tuple[str, ...] = ()) -> tuple[tuple[str, ...], ...]:
    """Groups of alternatives in one requirement (see the module docstring), in order of appearance."""
    groups: list[tuple[str, ...]] = []
    covered: list[tuple[int, int]] = []
    term_set = {t.lower() for t in terms}
    for m in _TRIGGER.finditer(text):
        word = m.group(0).strip().lower()
        rest = text[m.end():]
        end = _CLAUSE_END.search(rest)
        chunk = rest[: end.start()] if end else rest
        items = _items(chunk)
        if word == "like" and not all(_looks_like_term(i, term_set) for i in items):
            continue
        if len(items) >= 2:
            groups.append(tuple(items))
            covered.append((m.start(), m.end() + len(chunk)))
    # bare "A or B" / "A, B or C" between terms or capitalised names
    for m in re.finditer(r"\s+or\s+", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        left = re.split(r"[;:()\[\]]|\.\s|\s[-–—]\s|\b(?:with|in|of|using|via|including|on|and|as|from)\b",
                        text[: m.start()], flags=re.I)[-1]
        right_raw = text[m.end():]
        stop = re.search(r"[;:,()\[\]]|\.(?:\s|$)|\s[-–—]\s|\b(?:for|to|with|in|and|is|are|was|would|will|"
                         r"preferred|required|experience|skills?|knowledge|frameworks?|tools?|databases?)\b",
                         right_raw, flags=re.I)
        right = right_raw[: stop.start()] if stop else right_raw
        left_items = [i.strip(" .") for i in left.split(",") if i.strip(" .")]
        items = [*left_items[-3:], right.strip(" .")]
        items = [_LEAD.sub("", i).strip() for i in items if i]
        if len(items) < 2 or any(len(i.split()) > 3 or not _ITEM_OK.match(i) for i in items):
            continue
        if all(_looks_like_term(i, term_set) for i in items):
            groups.append(tuple(items))
    return tuple(dict.fromkeys(groups))
