"""Section headers of a job description: how a header is recognised and which kind it announces.

A header is recognised by its *form* first, then matched against :data:`HEADER_TABLE` by keyword:

* explicit form — a markdown header (``## Requirements``), a bold line (``**Perks**``), a short line ending
  in ``:``, ``…``, ``...``, ``-`` or ``–`` (``Skills required -``), or a short ALL-CAPS line. An explicit
  header that matches no keyword still opens a section, of kind ``"general"`` (lines under it are judged by
  their own cue words);
* implicit form — a short line (at most :data:`MAX_HEADER_WORDS` words, no bullet, no final full stop)
  whose words are mostly covered by a phrase of the table (``Your Skills``, ``About the job``). This keeps
  a short requirement such as ``Experience with Python`` from being mistaken for a header;
* inline form — ``Requirements: 4+ years of Python; …``: a known header phrase, a colon, then content on
  the same line. The content belongs to the new section. A metadata pair such as ``Salary: 40k`` or
  ``Date posted: 2021-01-18`` (a skip phrase with a short value) is dropped on its own and does not open a
  section.

Matching: every phrase of the table found in the normalised header (whole words) is a candidate; the
longest wins ("preferred qualifications" beats "qualifications"), ties broken by :data:`PRIORITY`. The
share of the header's content words covered by table phrases must reach :data:`EXPLICIT_SHARE` for an
explicit header (so the title "Senior Analyst (Remote, EU)" is not a *Remote* section) and
:data:`IMPLICIT_SHARE` for an implicit one.

Section kinds: ``must``, ``nice``, ``responsibility``, ``skip`` (never a requirement) and ``general``
(neutral headers such as "Job description" or "Overview", and unknown headers: lines are judged by their
own cue words). An unknown ``Topic:`` header right after a must/nice/responsibility section is taken as a
sub-header and keeps that kind (done by :func:`lib.jd_blocks.scan`). A few Spanish headers are listed
because some real postings we tested on are in Spanish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MUST, NICE, RESP, SKIP, GENERAL = "must", "nice", "responsibility", "skip", "general"
SECTION_KINDS = (MUST, NICE, RESP, SKIP, GENERAL)
PRIORITY = (NICE, SKIP, MUST, RESP, GENERAL)  # on a tie in phrase length, the earlier kind wins
MAX_HEADER_WORDS = 8
MAX_HEADER_CHARS = 70
EXPLICIT_SHARE = 0.3  # the same for a header recognised by its form (markdown, colon, ALL CAPS)
IMPLICIT_SHARE = 0.6  # share of a line's content words a phrase must cover to make it a header


@dataclass(frozen=True)
class Section:
    """One header of the JD and the stretch of text it governs.

    header: the header as written (markers and trailing colon removed). kind: one of
    :data:`SECTION_KINDS`. span: (start, end) offsets in ``ParsedJD.text`` from the header line to the
    start of the next header (or the end of the text).
    """

    header: str
    kind: str
    span: tuple[int, int]


# The keyword table. Phrases are matched as whole words in the lower-cased header with punctuation
# removed and "’" turned into "'"; "you'll" and "you will" are both listed where both are common.
_MUST = (
    "requirements", "requirement", "required", "required skills", "required qualifications",
    "minimum qualifications", "basic qualifications", "qualifications", "must have", "must haves",
    "must-have", "must-haves", "what you need", "what you'll need", "what you will need",
    "what we're looking for", "what we are looking for", "who we're looking for", "we're looking for",
    "we are looking for", "what we look for", "looking for", "you have", "you bring", "what you bring",
    "what you'll bring", "who you are", "about you", "your profile", "profile", "candidate profile",
    "skills", "your skills", "skills required", "key skills", "skills and experience",
    "experience", "your experience", "experience and skills", "competencies", "essential",
    "essential criteria", "essential skills", "education", "educational background", "knowledge",
    "you should have", "you should", "what we expect", "we expect", "what it takes", "job requirements",
    "person specification", "your background", "background", "languages", "language",
    "skills mindset", "technical skills", "requirements and qualifications", "you are", "you're",
    "ideal candidate", "the ideal candidate", "mandatory", "prerequisites", "your qualifications",
    "minimum requirements", "certifications", "licenses", "licences",
    "years of experience", "programming languages needed", "personal traits", "traits", "personality",
    "personal qualities", "soft skills", "hard skills", "the talent", "talent", "to be successful",
    "what makes you successful", "success factors", "your qualities", "qualities", "attributes",
    "what you should bring", "what we need", "what we need from you", "we need you", "your strengths",
    "who you'll be", "skills and qualifications", "qualifications and skills", "tools", "personal skills",
    # a few Spanish headers (some shared real JDs are in Spanish)
    "requisitos", "requerimientos", "perfil", "conocimientos", "formación", "experiencia", "habilidades",
)
_NICE = (
    "preferred", "preferred qualifications", "preferred skills", "preferred experience",
    "nice to have", "nice-to-have", "nice to haves", "nice-to-haves", "bonus", "bonus points",
    "plus", "pluses", "a plus", "big plus", "desirable", "desired", "desired skills", "good to have",
    "would be great", "extra credit", "ideally", "even better", "it would be nice", "additional skills",
    "optional", "it's a plus", "brownie points", "not required but", "tech stack", "our stack",
    "technologies", "technology stack", "tools we use", "industry", "industries", "domain",
    "deseable", "deseables", "se valorará", "valorable", "plus",
)
_GENERAL = (
    "job description", "description", "overview", "summary", "job summary", "the team", "about the team",
    "other information", "other", "details", "job details", "position",
    "job title", "title", "department", "team", "descripción del trabajo", "descripción del puesto",
)
_RESP = (
    "responsibilities", "key responsibilities", "your responsibilities", "job responsibilities",
    "what you'll do", "what you will do", "what you'll be doing", "what you will be doing",
    "what you'll be working on", "what you will be working on", "what you'll work on", "the role",
    "about the role", "role", "your role", "the job", "about the job", "the position",
    "about the position", "your impact", "impact", "day to day", "day-to-day", "a day in the life",
    "duties", "job duties", "duties and responsibilities", "your tasks", "tasks", "your mission",
    "the opportunity", "in this role", "in this role you will", "you will", "you'll", "primary focus",
    "key tasks", "main tasks", "typical tasks", "role description", "job summary", "position summary",
    "overview of the role", "accountabilities", "scope", "your day", "what the job involves",
    "responsibilities include", "you will be",
    "responsabilidades", "funciones", "tus funciones", "qué harás",
)
_SKIP = (
    "about us", "about the company", "who we are", "company", "the company", "our company",
    "company description", "company overview", "our story", "our mission", "mission",
    "benefits", "job benefits", "perks", "perks and benefits", "benefits and perks", "what we offer",
    "we offer", "offer", "what's in it for you", "what we give you", "why join", "why join us",
    "why us", "why work with us", "why you should join", "what we can offer", "why you'll love working here", "equal opportunity",
    "equal opportunity employer", "equal employment opportunity", "eeo", "eeo statement", "legal",
    "disclaimer", "how to apply", "to apply", "apply now", "application process", "your application",
    "application", "applications", "apply", "application procedure", "further information",
    "more information", "additional information", "questions", "working times", "working time", "hours",
    "working conditions", "terms of employment", "salary and conditions", "conditions", "covid-19", "covid",
    "next steps", "salary", "compensation", "pay", "pay range", "salary range", "compensation and benefits",
    "location", "locations", "location options", "remote", "date posted", "job type", "job types",
    "contract length", "working days", "working hours", "working days and times", "schedule",
    "contact", "contact person", "culture", "our culture", "our values", "values", "diversity",
    "diversity and inclusion", "awaiting you", "this and more is awaiting you", "company size",
    "company type", "experience level", "likes", "job id", "reference", "start date",
    "start-up", "travel", "travel activity", "privacy", "employment type", "seniority level",
    "posted", "deadline", "closing date", "working at", "life at", "our offer", "your benefits",
    "what you get", "in return", "we provide", "recruitment process", "interview process",
    "sobre nosotros", "quiénes somos", "beneficios", "ofrecemos", "qué ofrecemos", "te ofrecemos", "ubicación",
    "salario", "puesto de trabajo",
)

HEADER_TABLE: tuple[tuple[str, str], ...] = tuple(
    [(p, MUST) for p in _MUST] + [(p, NICE) for p in _NICE] + [(p, RESP) for p in _RESP]
    + [(p, SKIP) for p in _SKIP] + [(p, GENERAL) for p in _GENERAL]
)

# Small words that do not count against a header's coverage ("What **you** have" = "you have").
_FILLER = frozenset(
    "a an the and or & of to for in on at with our your us we you my is are be this that these who what "
    "some who's it".split()
)

_MD_HEADER = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_BOLD = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_TRAIL = re.compile(r"\s*(?::|…|\.\.\.|\s[-–—]|[-–—]\s*:?)\s*$")
_INLINE = re.compile(
    r"^\s*(?:\*\*)?([A-Za-z][A-Za-z0-9 '’&/()+-]{1,45}?)(?:\*\*)?(?:\s*[:\x95•](?:\*\*)?\s*|\s{2,})(\S.*)$"
)
_PUNCT = re.compile(r"[^\w' +-]+|_")
_WORD = re.compile(r"[^\W_][\w'+-]*")


def normalise_header(text: str) -> str:
    """Lower-case, curly quotes straightened, placeholders and punctuation removed, whitespace collapsed."""
    low = re.sub(r"<[A-Z_]+>", " ", text).lower().replace("’", "'").replace("‘", "'")
    low = _PUNCT.sub(" ", low)
    return " ".join(low.split())


def match_header(text: str) -> tuple[str | None, float]:
    """The kind announced by a header text, and the share of its content words the phrase covers.

    Returns ``(None, 0.0)`` when no phrase of :data:`HEADER_TABLE` occurs in it.
    """
    norm = normalise_header(text)
    if not norm:
        return None, 0.0
    padded = f" {norm} "
    best: tuple[int, int, str] | None = None
    for phrase, kind in HEADER_TABLE:
        if f" {phrase} " in padded:
            rank = (len(phrase), -PRIORITY.index(kind), kind)
            if best is None or rank[:2] > best[:2]:
                best = rank
    if best is None:
        return None, 0.0
    words = [w for w in _WORD.findall(norm) if w not in _FILLER]
    covered = {w for p, _k in HEADER_TABLE if f" {p} " in padded for w in _WORD.findall(p)}
    share = (sum(1 for w in words if w in covered) / len(words)) if words else 1.0
    return best[2], share


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class HeaderHit:
    """A recognised header line. ``rest``: inline content after "Header:" (empty for a plain header);
    ``rest_offset``: where that content starts in the line. ``metadata``: a one-line "Key: value" pair to
    drop without opening a section."""

    header: str
    kind: str
    rest: str = ""
    rest_offset: int = 0
    metadata: bool = False
    matched: bool = True  # False: recognised by form only (kind GENERAL, no phrase of the table)


def _explicit(head: str) -> HeaderHit:
    """A header by form: its kind from the table unless the phrase found is a small part of it (a title
    such as "Senior Analyst (Remote, EU)" is not a *Remote* section)."""
    kind, share = match_header(head)
    if kind is None or share < EXPLICIT_SHARE:
        return HeaderHit(head, GENERAL, matched=False)
    return HeaderHit(head, kind)


def detect_header(line: str, *, is_bullet: bool) -> HeaderHit | None:
    """Decide whether one line of a JD is a section header (see the module docstring)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None
    m = _MD_HEADER.match(stripped) or _BOLD.match(stripped)
    if m and not is_bullet:
        head = _TRAIL.sub("", m.group(1).strip("*_ ")).strip()
        if head and len(head) <= MAX_HEADER_CHARS * 2:
            return _explicit(head)
    words = stripped.split()
    short = len(words) <= MAX_HEADER_WORDS and len(stripped) <= MAX_HEADER_CHARS
    if short and not is_bullet:
        trailing = _TRAIL.search(stripped)
        if trailing and trailing.group(0).strip():
            head = stripped[: trailing.start()].strip().strip("*_ ")
            if head and not head.endswith((",", ";")):
                return _explicit(head)
    m = _INLINE.match(stripped)
    if m:
        head, rest = m.group(1).strip(), m.group(2)
        kind, share = match_header(head)
        if kind is not None and share >= 0.5:
            offset = line.index(rest, line.index(head) + len(head))
            if kind == SKIP and len(rest) <= 80:
                return HeaderHit(head, kind, rest, offset, metadata=True)
            return HeaderHit(head, kind, rest, offset)
        return None
    if short and not is_bullet and not stripped.endswith((".", "!", ",", ";")):
        kind, share = match_header(stripped.rstrip("?\x95• "))
        if kind is not None and (share >= IMPLICIT_SHARE or _is_all_caps(stripped)):
            return HeaderHit(stripped, kind)
        if kind is None and _is_all_caps(stripped) and len(words) <= 5:
            return HeaderHit(stripped, GENERAL, matched=False)
    return None
