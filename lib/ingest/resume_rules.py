"""The small recognisers the résumé splitter is built from: section headings, date ranges, numbers that
make a bullet an achievement, skill lists, degree words, and clean title truncation. All pure."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# ---------------------------------------------------------------- section headings

_SECTIONS: dict[str, tuple[str, ...]] = {
    "experience": ("experience", "work experience", "professional experience", "employment",
                   "employment history", "work history", "career history", "career", "relevant experience",
                   "professional background", "positions held", "experience highlights", "work"),
    "projects": ("projects", "selected projects", "key projects", "personal projects", "side projects"),
    "volunteering": ("volunteering", "volunteer experience", "volunteer work", "community", "leadership and "
                     "volunteering", "volunteering and leadership"),
    "education": ("education", "education and training", "academic background", "academic qualifications",
                  "qualifications", "training", "education and qualifications", "academic history"),
    "certifications": ("certifications", "certificates", "certification", "licenses", "licences",
                       "licenses and certifications", "licences and certifications", "certifications and "
                       "training", "courses", "professional development", "accreditations",
                       "professional qualifications"),
    "skills": ("skills", "technical skills", "key skills", "core skills", "core competencies", "competencies",
               "skills and tools", "tools", "technologies", "tech stack", "expertise", "areas of expertise",
               "languages", "skills and languages", "skills summary", "technical proficiencies",
               "tools and technologies", "skills and interests", "skills and expertise"),
    "achievements": ("achievements", "key achievements", "accomplishments", "awards", "honours", "honors",
                     "awards and honours", "awards and honors", "awards and achievements", "selected achievements"),
    "summary": ("summary", "profile", "professional summary", "about me", "about", "objective",
                "career objective", "personal statement", "personal profile", "career summary"),
    "other": ("interests", "hobbies", "references", "publications", "personal details", "contact",
              "contact details", "additional information", "hobbies and interests", "referees"),
}
_HEADING_INDEX = {phrase: key for key, phrases in _SECTIONS.items() for phrase in phrases}


def section_of(line: str) -> str | None:
    """The section key when ``line`` is a heading ("WORK EXPERIENCE", "Skills:", "## Education"), else None."""
    s = line.strip().lstrip("#").strip().rstrip(":").strip()
    if not s or len(s.split()) > 5:
        return None
    s = re.sub(r"\s+", " ", s.lower().replace("&", "and"))
    return _HEADING_INDEX.get(s)


_IGNORED_SUBHEADINGS = {"responsibilities", "key responsibilities", "main responsibilities", "duties",
                        "main duties", "key duties", "role", "the role", "day to day", "day-to-day",
                        "responsibilities included", "what i did"}
_ACHIEVEMENT_SUBHEADINGS = {"key achievements", "achievements", "accomplishments", "key accomplishments",
                            "selected achievements", "achievements include", "results", "key results",
                            "impact", "highlights", "key highlights"}


def subheading(line: str) -> str | None:
    """Inside a role: "achievements" for a "Key achievements:" line, "ignore" for "Responsibilities:",
    else None. An ALL-CAPS line is taken as a top-level heading, not a sub-heading."""
    s = line.strip().strip("#*_").strip().rstrip(":").strip()
    low = re.sub(r"\s+", " ", s.lower())
    if low in _IGNORED_SUBHEADINGS:
        return "ignore"
    if low in _ACHIEVEMENT_SUBHEADINGS and not s.isupper():
        return "achievements"
    return None


# ---------------------------------------------------------------- dates

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_name) if m})
_MONTHS["sept"] = 9
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_POINT = rf"(?:(?P<{{p}}mon>{_MON})\.?,?\s+(?P<{{p}}y1>{_YEAR})|(?P<{{p}}num>0?[1-9]|1[0-2])[/.](?P<{{p}}y2>{_YEAR})" \
         rf"|(?P<{{p}}y3>{_YEAR}))"
_NOW = r"(?P<now>present|current|now|today|ongoing|date)"
_RANGE_RE = re.compile(
    rf"\b{_POINT.format(p='a')}\s*(?:-|–|—|to|until|till)\s*(?:{_POINT.format(p='b')}|{_NOW})\b", re.IGNORECASE
)
_SINGLE_RE = re.compile(rf"\b{_POINT.format(p='a')}\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """started_on/ended_on (None when open or unknown); span: where it sat in the line."""

    started_on: dt.date | None
    ended_on: dt.date | None
    span: tuple[int, int]


def _point(m: re.Match, p: str, *, end: bool) -> dt.date | None:
    year = m.group(f"{p}y1") or m.group(f"{p}y2") or m.group(f"{p}y3")
    if not year:
        return None
    month = None
    if m.group(f"{p}mon"):
        month = _MONTHS.get(m.group(f"{p}mon").lower().rstrip("."))
        if month is None:
            month = _MONTHS.get(m.group(f"{p}mon").lower()[:3])
    elif m.group(f"{p}num"):
        month = int(m.group(f"{p}num"))
    y = int(year)
    if end:
        month = month or 12
        return dt.date(y, month, calendar.monthrange(y, month)[1])
    return dt.date(y, month or 1, 1)


def find_dates(line: str) -> DateRange | None:
    """The first date range in ``line`` ("Jan 2019 – Mar 2022", "2019-2022", "05/2020 to present"), else a
    lone date ("June 2015", "2015": taken as the end). Reversed ranges are dropped."""
    m = _RANGE_RE.search(line)
    if m:
        start = _point(m, "a", end=False)
        stop = None if m.group("now") else _point(m, "b", end=True)
        if start and stop and stop < start:
            return None
        return DateRange(start, stop, m.span())
    m = _SINGLE_RE.search(line)
    if m:
        return DateRange(None, _point(m, "a", end=True), m.span())
    return None


def strip_dates(line: str, found: DateRange | None) -> str:
    """``line`` without the date range and the separators left dangling around it."""
    if found is None:
        return line.strip()
    a, b = found.span
    rest = line[:a] + " " + line[b:]
    rest = re.sub(r"\(\s*\)|\[\s*\]", " ", rest)
    rest = re.sub(r"\s*[|,;–—·•-]\s*$", "", rest.strip())
    rest = re.sub(r"^\s*[|,;–—·•-]\s*", "", rest)
    return re.sub(r"\s{2,}", " ", rest).strip(" ,;|–—-")


# ---------------------------------------------------------------- numbers, skills, degrees

_METRIC_RE = re.compile(
    r"\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b|pp\b|x\b)|[$£€¥₹]\s?\d|\b(?:usd|eur|gbp)\s?\d"
    r"|\d\s?(?:k|m|bn|million|billion|thousand)\b|\b(?:doubled|tripled|halved|quadrupled)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?<![\w.])\d[\d,.]*(?![\w])")
_YEAR_ONLY = re.compile(rf"^{_YEAR}$")


def has_metric(text: str) -> bool:
    """True when ``text`` holds a percentage, an amount of money, a multiplier or a plain number that is
    not a year."""
    if _METRIC_RE.search(text):
        return True
    return any(not _YEAR_ONLY.match(n.rstrip(".,")) for n in _NUMBER_RE.findall(text))


_SKILL_LABEL_RE = re.compile(
    r"^\s*(?P<label>(?:key |core |technical |soft |hard |other |additional )?(?:skills?|tools?|technologies|"
    r"tech stack|software|languages|programming languages|frameworks|platforms|methods|methodologies|"
    r"competencies|certifications?)(?: and [a-z]+)?)\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_LABELLED_RE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z &/-]{1,30}):\s*(?P<rest>\S.*)$")


def skill_label_line(line: str) -> tuple[str, str] | None:
    """("Skills", "Python, SQL") for a "Skills: Python, SQL" style line anywhere in a résumé, else None."""
    m = _SKILL_LABEL_RE.match(line)
    return (m.group("label").strip(), m.group("rest")) if m else None


def labelled_line(line: str) -> tuple[str, str] | None:
    """Any short "Label: values" line (used inside a skills section: "Data: SQL, dbt")."""
    m = _LABELLED_RE.match(line)
    return (m.group("label").strip(), m.group("rest")) if m else None


def split_skills(text: str) -> list[str]:
    """Split a skill list on commas, semicolons, pipes and middle dots, but not inside brackets."""
    out, buf, depth = [], [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if depth == 0 and ch in ",;|•·":
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    cleaned = []
    for part in out:
        part = re.sub(r"^(?:and|or)\s+", "", part.strip(" .\t"), flags=re.IGNORECASE).strip()
        if part:
            cleaned.append(part)
    return cleaned


_DEGREE_RE = re.compile(
    r"\b(?:b\.?sc|m\.?sc|b\.?a|m\.?a|mba|ph\.?d|d\.?phil|b\.?eng|m\.?eng|b\.?com|llb|llm|bachelor'?s?|masters?|"
    r"doctorate|diploma|degree|certificate|certification|certified|licen[cs]e[ds]?|a-levels?|gcses?|"
    r"high school|associate|hnd|btec|cpa|cfa|acca|cima|pmp|prince2|itil|nvq|postgraduate|undergraduate)\b",
    re.IGNORECASE,
)
_INSTITUTION_RE = re.compile(r"\b(?:university|college|school|institute|academy|polytechnic)\b", re.IGNORECASE)


def is_degree_line(line: str) -> bool:
    return bool(_DEGREE_RE.search(line))


def is_institution_line(line: str) -> bool:
    return bool(_INSTITUTION_RE.search(line))


# ---------------------------------------------------------------- titles


def plain(line: str) -> str:
    """A heading line without markdown decoration ("### **Analyst** at Acme" → "Analyst at Acme")."""
    return re.sub(r"\*\*|__", "", line).strip("#*_ \t")


def clean_title(text: str, limit: int = 120) -> str:
    """``text`` on one line, at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—(") + "…"


_JOB_WORD = re.compile(
    r"\b(?:analyst|manager|engineer|developer|lead|director|officer|consultant|assistant|coordinator|"
    r"co-ordinator|specialist|designer|scientist|intern|head|associate|administrator|executive|teacher|"
    r"nurse|advisor|adviser|architect|accountant|editor|writer|researcher|technician|owner|founder|"
    r"supervisor|volunteer|trainee|apprentice|representative|agent|partner|president|chief|clerk)s?\b",
    re.IGNORECASE,
)


def role_prefix(label: str, limit: int = 40) -> str:
    """The part of a role heading worth repeating in every item title: the segment naming the job
    ("Data Analyst" from "Northgate Housing Trust, Bradford · Data Analyst"), else the first segment."""
    segments = [s.strip() for s in re.split(r"\s*(?:[,|·–—]|\s-\s|\bat\b)\s*", label) if s.strip()]
    if not segments:
        return ""
    chosen = next((s for s in segments if _JOB_WORD.search(s)), segments[0])
    return clean_title(chosen, limit)
