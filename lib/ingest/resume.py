"""Split résumé text into proposed evidence items (nothing is saved here: the page shows them for review).

- bullets (and prose lines) under an experience, projects or volunteering heading become ``story`` items,
  or ``achievement`` items when they hold a number, a percentage or an amount of money;
- role headings ("Senior Analyst, Acme Ltd — 2019–2022", possibly over two lines) set the context: a
  title prefix, a tag, and the dates when they can be read;
- "Skills: a, b; c" lines (anywhere) and every line of a skills section give one ``skill`` item per skill;
- lines of an education or certifications section give ``qualification`` items (a degree line and its
  institution line are kept together);
- lines of an achievements/awards section give ``achievement`` items;
- the summary, interests and references sections and the contact block at the top are skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lib.competencies import cue_matches
from lib.ingest import resume_rules as rules
from lib.ingest.textfix import bullet_text, normalise_bullets
from lib.models import Evidence, EvidenceKind

SOURCE = "résumé"
MAX_BODY = 5_000  # one bullet or entry; a run-away continuation is cut here
_STORY_SECTIONS = ("experience", "projects", "volunteering")
_QUAL_SECTIONS = ("education", "certifications")


@dataclass(frozen=True)
class ProposedItem:
    """One proposed evidence item.

    line_span: (first, last) line numbers, 1-based and inclusive, in the text given to
    :func:`split_resume`. section: the résumé section it came from ("" before any heading).
    """

    kind: EvidenceKind
    title: str
    body: str = ""
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    tags: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    source: str = SOURCE
    line_span: tuple[int, int] = (0, 0)
    section: str = ""

    def to_evidence(self) -> Evidence:
        return Evidence(kind=self.kind, title=self.title, body=self.body, tags=self.tags,
                        competencies=self.competencies, started_on=self.started_on,
                        ended_on=self.ended_on, source=self.source)


def _competencies(text: str) -> tuple[str, ...]:
    return tuple(key for key, _ in cue_matches(text)[:2])


@dataclass
class _Role:
    label: str = ""
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    closed: bool = False  # bullets were seen: the next short line starts a new role

    def add_line(self, line: str) -> None:
        line = rules.plain(line)
        found = rules.find_dates(line)
        if found and not (self.started_on or self.ended_on):
            self.started_on, self.ended_on = found.started_on, found.ended_on
        rest = rules.strip_dates(line, found)
        if rest:
            self.label = f"{self.label} · {rest}" if self.label else rest


@dataclass
class _Qual:
    lines: list[str] = field(default_factory=list)
    first: int = 0
    last: int = 0
    has_degree: bool = False
    has_institution: bool = False


class _Splitter:
    def __init__(self) -> None:
        self.items: list[ProposedItem] = []
        self.section = ""
        self.role = _Role()
        self.qual: _Qual | None = None
        self.seen_skills: set[str] = set()
        self.pending: tuple[str, int, int] | None = None  # a bullet being continued: text, first, last
        self.force_achievement = False  # under a "Key achievements:" sub-heading of a role

    # -- output helpers
    def flush_pending(self) -> None:
        if self.pending is None:
            return
        text, first, last = self.pending
        self.pending = None
        achieved = self.section == "achievements" or self.force_achievement or rules.has_metric(text)
        kind = EvidenceKind.ACHIEVEMENT if achieved else EvidenceKind.STORY
        prefix = rules.role_prefix(self.role.label) if self.section in _STORY_SECTIONS else ""
        title = rules.clean_title(f"{prefix}: {text}" if prefix else text)
        started, ended = (self.role.started_on, self.role.ended_on) if prefix else (None, None)
        if self.section == "achievements":
            found = rules.find_dates(text)
            started, ended = (found.started_on, found.ended_on) if found else (None, None)
        tags = (rules.clean_title(self.role.label, 80),) if prefix else ()
        text = text[:MAX_BODY]
        self.items.append(ProposedItem(kind, title, text, started, ended, tags, _competencies(text),
                                       line_span=(first, last), section=self.section))

    def flush_qual(self) -> None:
        q, self.qual = self.qual, None
        if q is None or not q.lines:
            return
        found = None
        for line in q.lines:
            found = rules.find_dates(line)
            if found:
                break
        named = [rules.strip_dates(ln, rules.find_dates(ln)) for ln in q.lines]
        named = [n for n in named if n]
        if not named:
            return
        degree = next((n for n in named if rules.is_degree_line(n)), named[0])
        others = [n for n in named if n != degree]
        title = degree if not others or len(degree) > 80 else f"{degree} — {others[0]}"
        self.items.append(ProposedItem(
            EvidenceKind.QUALIFICATION, rules.clean_title(title), "\n".join(q.lines)[:MAX_BODY],
            found.started_on if found else None, found.ended_on if found else None, (),
            _competencies(" ".join(q.lines)), line_span=(q.first, q.last), section=self.section))

    def add_skills(self, values: str, label: str, line_no: int) -> None:
        tag = () if label.lower() in ("skills", "skill", "key skills", "core skills") else (label,)
        for skill in rules.split_skills(values):
            key = skill.lower()
            if key in self.seen_skills or len(skill) < 2:
                continue
            self.seen_skills.add(key)
            self.items.append(ProposedItem(EvidenceKind.SKILL, rules.clean_title(skill), "", tags=tag,
                                           competencies=_competencies(skill)[:1],
                                           line_span=(line_no, line_no), section=self.section or "skills"))

    # -- the line loop
    def feed(self, no: int, raw: str) -> None:
        line = raw.strip()
        if not line:
            self.flush_pending()
            if self.qual is not None and self.qual.lines:
                self.flush_qual()
            return
        sub = rules.subheading(line) if self.section in _STORY_SECTIONS else None
        if sub:
            self.flush_pending()
            self.force_achievement = sub == "achievements"
            self.role.closed = True
            return
        heading = rules.section_of(line)
        if heading:
            self.flush_pending()
            self.flush_qual()
            self.section, self.role, self.force_achievement = heading, _Role(), False
            return
        labelled = rules.skill_label_line(line) if self.section not in _QUAL_SECTIONS else None
        if labelled and self.section != "summary":
            self.flush_pending()
            if labelled[0].lower().startswith("certif"):
                for part in rules.split_skills(labelled[1]):
                    self.qual = _Qual([part], no, no, rules.is_degree_line(part), False)
                    self.flush_qual()
            else:
                self.add_skills(labelled[1], labelled[0], no)
            return
        bullet = bullet_text(line)
        # a wrapped bullet: an indented or lower-case line right after a bullet continues it
        if bullet is None and self.pending and (raw[:1].isspace() or line[:1].islower()):
            text, first, _ = self.pending
            self.pending = (f"{text} {line}", first, no)
            return
        self.flush_pending()
        if self.section in ("summary", "other"):
            return
        if self.section == "skills":
            pair = rules.labelled_line(bullet or line)
            self.add_skills(pair[1] if pair else (bullet or line), pair[0] if pair else "Skills", no)
        elif self.section in _QUAL_SECTIONS:
            self.feed_qual(no, bullet, line)
        elif self.section in _STORY_SECTIONS or self.section == "achievements":
            self.feed_story(no, bullet, line)
        elif bullet is not None and len(bullet.split()) >= 2:  # before any heading: bullets only
            self.pending = (bullet, no, no)

    def feed_story(self, no: int, bullet: str | None, line: str) -> None:
        if bullet is not None:
            if len(bullet.split()) >= 2:
                self.pending = (bullet, no, no)
                self.role.closed = True
            return
        found = rules.find_dates(line)
        words = len(rules.strip_dates(line, found).split())
        prose = words >= 12 or (line.endswith(".") and words >= 6)
        if found is not None and found.started_on is not None and not line.endswith("."):
            prose = False  # a line with a date range is a role heading, however long
        if self.section == "achievements" or prose:
            self.pending = (line, no, no)
            self.role.closed = True
            return
        if self.role.closed:
            self.role, self.force_achievement = _Role(), False
        self.role.add_line(line)

    def feed_qual(self, no: int, bullet: str | None, line: str) -> None:
        text = bullet if bullet is not None else line
        degree, school = rules.is_degree_line(text), rules.is_institution_line(text)
        q = self.qual
        # "University of Leeds" + "BSc Economics" (either order) is one entry; a second degree or a
        # second institution starts the next one.
        starts_new = q is None or (degree and q.has_degree) or (school and q.has_institution) \
            or (bullet is not None and degree)
        if starts_new:
            self.flush_qual()
            self.qual = q = _Qual(first=no)
        q.lines.append(text)
        q.last = no
        q.has_degree = q.has_degree or degree
        q.has_institution = q.has_institution or school

    def finish(self) -> tuple[ProposedItem, ...]:
        self.flush_pending()
        self.flush_qual()
        return tuple(self.items)


def split_resume(text: str) -> tuple[ProposedItem, ...]:
    """Proposed evidence items from résumé text, in reading order (see the module docstring)."""
    splitter = _Splitter()
    for no, line in enumerate(normalise_bullets(text).split("\n"), start=1):
        splitter.feed(no, line)
    return splitter.finish()
