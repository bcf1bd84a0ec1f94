"""Hard gates: rules that find what a screen can reject on regardless of everything else.

:func:`extract_gates` reads any text (usually one requirement) and returns :class:`lib.models.Gate` objects
with spans into that text:

* ``years`` — "5+ years", "at least 3 years", "minimum of two years", "3-5 years", "3 years experience";
  ``value`` is the lower bound as a whole number ("3"). A number of years only counts with an experience
  cue nearby ("experience", "+", "at least", "minimum", "of …ing") so "founded 20 years ago" is ignored.
* ``degree`` — a level of :data:`DEGREE_LADDER` (none < high school < associate < bachelor < master <
  PhD); ``value`` is the ladder name ("bachelor"). "Bachelor's or Master's" gives the lower level; a
  degree mentioned as preferred in the same clause is not a gate. "or equivalent experience" is kept in
  ``text`` and reported by :func:`is_softened`.
* ``certification`` — named certificates (PMP, CPA, CISSP, "AWS Certified …"), "valid driver's licence",
  and "certified"/"licensed …" phrases; ``value`` is the name as written.
* ``authorization`` — right to work, work permit, visa sponsorship, security clearance, citizenship;
  ``value`` is one of ``right to work``, ``no visa sponsorship``, ``visa sponsorship available``,
  ``security clearance``, ``citizenship``.
* ``language`` — a spoken language with a proficiency cue ("fluent in German", "English and French
  required", "German (C1)"); one gate per language, ``value`` = the language.
"""

from __future__ import annotations

import re

from lib.models import Gate, GateKind

DEGREE_LADDER: tuple[str, ...] = ("none", "high school", "associate", "bachelor", "master", "phd")

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUM_WORDS) + r")"
_YEARS = re.compile(
    r"(?P<lead>\b(?:at least|minimum(?: of)?|min\.?|over|more than|a minimum of|no less than)\s+)?"
    r"\b" + _NUM + r"(?:\s*\((?:\d{1,2}|" + "|".join(_NUM_WORDS) + r")\))?\s*(?P<plus>\+)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?P<unit>years?|yrs?|months?)\b(?P<after>[^.;]{0,60})",
    re.I,
)
_YEARS_CUE = re.compile(r"experience|exp\b|working|work|professional|industry|in (?:a|an|the)?\s*\w+|of\s+\w+", re.I)
_YEARS_NOT = re.compile(r"\b(?:old|ago|age|aged|warranty|contract|history|anniversary)\b", re.I)

_DEGREES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (5, re.compile(r"\b(?:ph\.?\s?d\.?|doctorate|doctoral|d\.?phil)\b", re.I)),
    (4, re.compile(r"\b(?:master'?s?|masters|m\.?sc?\.?|m\.?s\.|m\.?a\.|mba|m\.?eng|msc)\b(?!\s+data)", re.I)),
    (3, re.compile(r"\b(?:bachelor'?s?|bachelors|b\.?sc?\.?|b\.?s\.|b\.?a\.|ba/bs|bs/ba|bs|ba|b\.?eng|b\.?tech|"
                   r"undergraduate degree|university degree|college degree|four-year degree|4-year degree)\b", re.I)),
    (2, re.compile(r"\b(?:associate'?s? degree|associate degree|two-year degree|hnd|foundation degree)\b", re.I)),
    (1, re.compile(r"\b(?:high school|secondary school|ged|a-levels?|diploma)\b", re.I)),
    (3, re.compile(r"\b(?:graduate degree in|degree in|degree)\b", re.I)),  # a bare "degree": last resort
)
_NOT_DEGREE_NEXT = re.compile(r"\s+(?:excel|office|word|sql|teams|access|project|dynamics|azure|outlook|"
                              r"powerpoint|visio|windows)\b", re.I)
_SOFT = re.compile(r"\b(?:or equivalent|equivalent (?:practical |work |professional )?experience|"
                   r"or related (?:field|experience)|or similar experience|or comparable)\b", re.I)
_PREFERRED = re.compile(r"\b(?:preferred|preferably|ideally|a plus|desirable|nice to have|bonus|advantage|"
                        r"not required)\b", re.I)

_CERT_NAMES = (
    "PMP", "CAPM", "CPA", "CFA", "ACCA", "CIMA", "CMA", "CISSP", "CISM", "CISA", "CEH", "OSCP", "CCNA", "CCNP",
    "CCIE", "ITIL", "PRINCE2", "CSM", "PSM", "SAFe", "Six Sigma", "Lean Six Sigma", "CompTIA A+",
    "CompTIA Security+", "CompTIA Network+", "Security+", "RHCE", "RHCSA", "CKA", "CKAD", "PHR", "SHRM-CP",
    "SHRM-CP", "CPR", "BLS", "ACLS", "RN", "LPN", "CNA", "TEFL", "CELTA", "TESOL", "QTS", "FRM", "CIA",
)
_CERT_NAME_RE = re.compile(
    r"(?<![\w+])(" + "|".join(re.escape(c) for c in sorted(_CERT_NAMES, key=len, reverse=True)) + r")(?![\w+])"
)
_ROLE = r"(?:electrician|nurse|accountant|teacher|engineer|technician|pharmacist|paramedic|welder|plumber|" \
    r"translator|interpreter|surveyor|counsel+or|therapist|architect|auditor|trainer|instructor)"
_CERT_PHRASE = re.compile(
    r"\b(?:(?:AWS|Azure|Google(?: Cloud)?|GCP|Microsoft|Cisco|Salesforce|Oracle|Kubernetes|Scrum|HubSpot)"
    r"\s+Certified(?:\s+[A-Z][\w+-]*){0,4}"
    r"|[Cc]ertified(?:\s+[A-Z][\w+-]*){1,4}"
    r"|(?i:certified|licensed|registered|qualified|chartered)\s+" + _ROLE +
    r"|[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*){0,3}\s+(?i:certification|certificate)"
    r"|(?i:valid\s+(?:(?:full|clean|uk|us|eu)\s+)?driv(?:er'?s?|ing)\s+licen[cs]e)"
    r"|(?i:driv(?:er'?s?|ing)\s+licen[cs]e)"
    r"|(?i:(?:current|valid|active)\s+)(?:[A-Z]{2,6}\s+)(?i:registration|licen[cs]e)"
    r"|(?i:(?:teaching|nursing|professional|state|practising|practicing)\s+licen[cs]e)"
    r"|(?i:licensed to practi[sc]e))"
)

_AUTH_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("no visa sponsorship", re.compile(
        r"\b(?:(?:not|unable to|cannot|can't|won't|will not|do not|does not|don't|no)\s+(?:be\s+)?"
        r"(?:able to\s+)?(?:provide\s+|offer\s+)?(?:visa\s+)?sponsor(?:ship)?|without (?:the need for )?"
        r"(?:visa )?sponsorship|sponsorship (?:is )?not (?:available|provided|offered)|"
        r"no sponsorship)\b", re.I)),
    ("visa sponsorship available", re.compile(
        r"\b(?:visa sponsorship (?:is )?(?:available|provided|offered)|we (?:can|will|do) sponsor|"
        r"(?:offer|provide) visa sponsorship)\b", re.I)),
    ("right to work", re.compile(
        r"\b(?:right to work|eligib\w+ to work|authori[sz]ed to work|authori[sz]ation to work|"
        r"work(?:ing)? authori[sz]ation|work permit|legally (?:able|entitled|permitted) to work|"
        r"permission to work|valid (?:work )?visa)\b", re.I)),
    ("security clearance", re.compile(
        r"\b(?:security clearance|(?:active|current|eligible for|obtain|hold)\s+(?:an?\s+)?"
        r"(?:ts/sci|top secret|secret|sc|dv|nv1|nv2|baseline)\s*(?:level\s+)?clearance|ts/sci|"
        r"(?:sc|dv|nv1|nv2|baseline)\s+clear(?:ance|ed)|clearance (?:is )?required|clearable)\b", re.I)),
    ("citizenship", re.compile(
        r"\b(?:(?:must|should) be an? (?:\w+\s)?(?:citizen|national)|(?:u\.?s\.?|uk|eu|british|australian|"
        r"canadian)\s+citizen(?:ship)?\b(?!\s+status)|citizenship (?:is )?required|citizens only)\b", re.I)),
)

_LANGUAGES = (
    "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Danish", "Swedish",
    "Norwegian", "Finnish", "Polish", "Czech", "Russian", "Ukrainian", "Turkish", "Greek", "Arabic", "Hebrew",
    "Hindi", "Urdu", "Bengali", "Tamil", "Mandarin", "Cantonese", "Chinese", "Japanese", "Korean",
    "Vietnamese", "Thai", "Indonesian", "Malay", "Romanian", "Hungarian", "Flemish", "Icelandic", "Swahili",
    "Tagalog", "Persian", "Farsi", "Catalan", "Croatian", "Serbian", "Slovak", "Bulgarian",
)
_LANG_RE = re.compile(r"\b(" + "|".join(_LANGUAGES) + r")\b")
_LANG_CUE = re.compile(
    r"\b(?:fluen\w*|native|mother tongue|bilingual|multilingual|speak\w*|spoken|written|verbal|oral|"
    r"proficien\w*|command of|business[- ]level|working (?:knowledge|proficiency)|conversational|"
    r"language|languages|[abc][12]\b|level|required|essential|must|master)\b",
    re.I,
)
_LANG_NOT = re.compile(r"\b(?:teacher|teaching|literature|curriculum|lessons?|subject|department)\b", re.I)


def degree_level(text: str) -> int | None:
    """The lowest degree level required in ``text`` on :data:`DEGREE_LADDER` (index), or None.

    Mentions in a clause marked as preferred ("Master's preferred") are ignored when another mention is
    required; if every mention is preferred, None.
    """
    levels = [lvl for lvl, _span, preferred in _degree_mentions(text) if not preferred]
    return min(levels) if levels else None


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[;,]\s|\.\s|\(|\)", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _degree_mentions(text: str) -> list[tuple[int, tuple[int, int], bool]]:
    """(level, span, preferred?) for every degree mention, lower levels first at the same place."""
    taken: list[tuple[int, int]] = []
    found = []
    for level, pattern in _DEGREES:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            word = m.group(0).lower()
            if word in ("ba", "bs", "ms", "ma") and (not m.group(0).isupper()
                                                     or _NOT_DEGREE_NEXT.match(text, m.end())):
                continue  # "MS Excel", or a plain word
            if word == "degree" and level == 3:
                # a bare "degree" only counts when it is not "a degree of autonomy"
                tail = text[m.end(): m.end() + 20].lower()
                if tail.startswith(" of ") and "degree in" not in text[m.start(): m.end() + 4].lower():
                    continue
            if level == 1 and word == "diploma" and re.search(r"\b(?:graduate|postgraduate) diploma", text, re.I):
                continue
            taken.append((m.start(), m.end()))
            clause = next(((a, b) for a, b in _clauses(text) if a <= m.start() <= b), (0, len(text)))
            pref = bool(_PREFERRED.search(text[clause[0]: clause[1]]))
            found.append((level, (m.start(), m.end()), pref))
    found.sort(key=lambda f: f[1])
    return found


def is_softened(gate: Gate) -> bool:
    """True when the gate's text offers a way around it ("or equivalent experience", "or related field")."""
    return bool(_SOFT.search(gate.text))


def _num(token: str) -> float:
    low = token.lower()
    return float(_NUM_WORDS[low]) if low in _NUM_WORDS else float(token)


def _years(text: str) -> list[Gate]:
    gates = []
    for m in _YEARS.finditer(text):
        after = m.group("after") or ""
        context = text[max(0, m.start() - 40): m.start()] + after
        if _YEARS_NOT.search(after[:25]) or re.search(r"\bup to\s*$", text[: m.start()], re.I):
            continue
        strong = bool(m.group("plus") or m.group("lead"))
        if not (strong or re.search(r"experience|exp\b", context, re.I) or _YEARS_CUE.match(after.strip())):
            continue
        value = _num(m.group(2))
        if m.group("unit").lower().startswith("month"):
            if not (strong or re.search(r"experience", context, re.I)):
                continue
            value = round(value / 12, 1)
        if value <= 0 or value > 40:
            continue
        shown = str(int(value)) if value == int(value) else str(value)
        start = m.start("lead") if m.group("lead") else m.start(2)
        end = m.start("after")
        gates.append(Gate(GateKind.YEARS, text[start:end].strip(), shown, (start, start + len(text[start:end].strip()))))
    return gates


def _degree(text: str) -> list[Gate]:
    mentions = [d for d in _degree_mentions(text) if not d[2]]
    if not mentions:
        return []
    level = min(d[0] for d in mentions)
    start = min(d[1][0] for d in mentions)
    end = max(d[1][1] for d in mentions)
    soft = _SOFT.search(text, end)
    if soft and soft.start() - end < 80:
        end = soft.end()
    return [Gate(GateKind.DEGREE, text[start:end], DEGREE_LADDER[level], (start, end))]


def _certifications(text: str) -> list[Gate]:
    gates: list[Gate] = []
    taken: list[tuple[int, int]] = []
    for m in _CERT_PHRASE.finditer(text):
        taken.append((m.start(), m.end()))
        gates.append(Gate(GateKind.CERTIFICATION, m.group(0), m.group(0).strip(), (m.start(), m.end())))
    for m in _CERT_NAME_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        gates.append(Gate(GateKind.CERTIFICATION, m.group(0), m.group(0), (m.start(), m.end())))
    return gates


def _authorization(text: str) -> list[Gate]:
    gates: list[Gate] = []
    for value, pattern in _AUTH_RULES:
        m = pattern.search(text)
        if m is None or any(g.span[0] < m.end() and m.start() < g.span[1] for g in gates):
            continue  # "unable to offer visa sponsorship" is not also "offer visa sponsorship"
        gates.append(Gate(GateKind.AUTHORIZATION, m.group(0), value, (m.start(), m.end())))
    return gates


def _languages(text: str) -> list[Gate]:
    gates, seen = [], set()
    for start, end in _clauses(text) if len(text) > 200 else [(0, len(text))]:
        clause = text[start:end]
        if not _LANG_CUE.search(clause) or _LANG_NOT.search(clause):
            continue
        for m in _LANG_RE.finditer(clause):
            lang = m.group(1)
            if lang in seen:
                continue
            seen.add(lang)
            gates.append(Gate(GateKind.LANGUAGE, clause.strip(), lang, (start + m.start(), start + m.end())))
    return gates


def extract_gates(text: str) -> tuple[Gate, ...]:
    """All hard gates found in ``text`` (see the module docstring), in order of position."""
    if not text or not text.strip():
        return ()
    gates = _years(text) + _degree(text) + _certifications(text) + _authorization(text) + _languages(text)
    gates.sort(key=lambda g: (g.span, g.kind.value))
    return tuple(gates)
