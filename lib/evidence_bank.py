"""The evidence bank as a table: one pandas frame built from the evidence items, searched and filtered.

The page builds the frame (and the Arrow table it shows) once per workspace version and filters it with
vectorised string operations, so 2,000 items stay quick. Which fields each kind of item shows in its form lives
here too, so the page and the tests agree on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pyarrow as pa

from lib import competencies as comp
from lib.models import Evidence, EvidenceKind
from lib.star_check import is_measurable

KIND_LABELS: dict[EvidenceKind, str] = {
    EvidenceKind.STORY: "STAR story",
    EvidenceKind.ACHIEVEMENT: "Achievement",
    EvidenceKind.SKILL: "Skill",
    EvidenceKind.QUALIFICATION: "Qualification",
    EvidenceKind.RESEARCH: "Research note",
}
KIND_HELP: dict[EvidenceKind, str] = {
    EvidenceKind.STORY: "Something you did, told as Situation, Task, Action and Result.",
    EvidenceKind.ACHIEVEMENT: "A result you can point to, ideally with a number in it.",
    EvidenceKind.SKILL: "A named skill, tool or method.",
    EvidenceKind.QUALIFICATION: "A degree, certificate or licence.",
    EvidenceKind.RESEARCH: "A note about a company, team, product or market.",
}

# The text fields each kind's form shows, in order (tags and competencies are shown for every kind).
FORM_FIELDS: dict[EvidenceKind, tuple[str, ...]] = {
    EvidenceKind.STORY: ("title", "situation", "task", "action", "result", "body"),
    EvidenceKind.ACHIEVEMENT: ("title", "body"),
    EvidenceKind.SKILL: ("title", "body"),
    EvidenceKind.QUALIFICATION: ("title", "body"),
    EvidenceKind.RESEARCH: ("title", "body"),
}
DATED_KINDS: frozenset[EvidenceKind] = frozenset({EvidenceKind.STORY, EvidenceKind.ACHIEVEMENT})

BODY_LABELS: dict[EvidenceKind, str] = {
    EvidenceKind.STORY: "Notes (optional)",
    EvidenceKind.ACHIEVEMENT: "What you achieved and how",
    EvidenceKind.SKILL: "Where and how you used it",
    EvidenceKind.QUALIFICATION: "Institution, year and details",
    EvidenceKind.RESEARCH: "Your note",
}

COLUMNS: tuple[str, ...] = ("id", "kind", "title", "competencies", "tags", "summary", "star", "when")
SHOWN: tuple[str, ...] = ("kind", "title", "competencies", "tags", "star", "when", "summary")  # table order
SEARCH_COLUMN = "_text"
SUMMARY_CHARS = 140


def kind_label(kind: EvidenceKind | str) -> str:
    try:
        return KIND_LABELS[EvidenceKind(kind)]
    except ValueError:
        return str(kind)


def parse_kind(text: str) -> EvidenceKind:
    """A kind from its stored value or its label ("story" or "STAR story"); ValueError otherwise."""
    text = (text or "").strip()
    for kind, lab in KIND_LABELS.items():
        if text.lower() in (kind.value, lab.lower()):
            return kind
    raise ValueError(f"unknown kind: {text!r}")


def _summary(ev: Evidence) -> str:
    text = ev.result if ev.kind == EvidenceKind.STORY and ev.result.strip() else ev.body
    if not text.strip():
        text = ev.action or ev.situation
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


def _star_status(ev: Evidence) -> str:
    if ev.kind != EvidenceKind.STORY:
        return ""
    if not ev.result.strip():
        return "No result yet"
    return "Measurable" if is_measurable(ev.result) else "No number"


def _when(ev: Evidence) -> str:
    if ev.started_on and ev.ended_on and ev.started_on.year != ev.ended_on.year:
        return f"{ev.started_on.year}–{ev.ended_on.year}"
    day = ev.ended_on or ev.started_on
    return str(day.year) if day else ""


def evidence_frame(evidence: Sequence[Evidence]) -> pd.DataFrame:
    """One row per item: display columns (see :data:`COLUMNS`), plus ``kind_key``, a list of competency
    keys (``competency_keys``), lower-cased tags (``tag_keys``) and a lower-cased search text (``_text``) for :func:`filter_frame`."""
    rows = []
    for ev in evidence:
        comp_labels = [comp.label(k) for k in ev.competencies]
        rows.append({
            "id": ev.id,
            "kind": kind_label(ev.kind),
            "title": ev.title,
            "competencies": ", ".join(comp_labels),
            "tags": ", ".join(ev.tags),
            "summary": _summary(ev),
            "star": _star_status(ev),
            "when": _when(ev),
            "kind_key": ev.kind.value,
            "competency_keys": tuple(ev.competencies),
            "tag_keys": tuple(t.lower() for t in ev.tags),
            SEARCH_COLUMN: "\n".join([ev.full_text(), " ".join(ev.tags), " ".join(comp_labels)]).lower(),
        })
    columns = [*COLUMNS, "kind_key", "competency_keys", "tag_keys", SEARCH_COLUMN]
    frame = pd.DataFrame(rows, columns=columns)
    frame["id"] = frame["id"].astype("Int64")
    return frame


def display_table(frame: pd.DataFrame) -> pa.Table:
    """The columns the table shows (:data:`SHOWN`), as Arrow, in the frame's row order.

    Built once per workspace version; a filtered view is ``display_table(frame).take(positions)``, so a
    rerun neither converts pandas to Arrow again nor sends the hidden search columns to the browser.
    """
    return pa.Table.from_pandas(frame[list(SHOWN)], preserve_index=False)


def rows_of(frame: pd.DataFrame, shown: pd.DataFrame) -> list[int]:
    """Row positions in ``frame`` of the rows ``shown`` (a filtered view of it)."""
    return [int(i) for i in frame.index.get_indexer(shown.index)]


def search_terms(query: str) -> tuple[str, ...]:
    """The words of a search box entry, lower-cased; "quoted phrases" stay together."""
    terms, rest = [], query.lower()
    while '"' in rest:
        before, _, after = rest.partition('"')
        phrase, closed, rest = after.partition('"')
        terms.extend(before.split())
        if closed:
            if phrase.strip():
                terms.append(" ".join(phrase.split()))
        else:  # an unclosed quote: treat the remainder as plain words
            terms.extend(phrase.split())
            rest = ""
    terms.extend(rest.split())
    return tuple(dict.fromkeys(terms))


def filter_frame(frame: pd.DataFrame, *, query: str = "", kinds: Iterable[EvidenceKind | str] = (),
                 competency: str | None = None, tag: str | None = None) -> pd.DataFrame:
    """Rows that contain every search term (title, body, STAR parts, tags, competency labels), of one of
    ``kinds`` (all when empty), linked to ``competency`` and carrying ``tag`` (when given)."""
    mask = pd.Series(True, index=frame.index)
    for term in search_terms(query):
        mask &= frame[SEARCH_COLUMN].str.contains(term, regex=False)
    wanted = {EvidenceKind(k).value for k in kinds}
    if wanted:
        mask &= frame["kind_key"].isin(wanted)
    if competency:
        mask &= frame["competency_keys"].map(lambda keys: competency in keys).astype(bool)
    if tag:
        needle = tag.lower()
        mask &= frame["tag_keys"].map(lambda tags: needle in tags).astype(bool)
    return frame[mask]


def all_tags(evidence: Iterable[Evidence]) -> tuple[str, ...]:
    """Every tag used in the bank, case-insensitively unique, sorted (first spelling wins)."""
    seen: dict[str, str] = {}
    for ev in evidence:
        for t in ev.tags:
            if t.strip():
                seen.setdefault(t.strip().lower(), t.strip())
    return tuple(sorted(seen.values(), key=str.lower))


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, case-insensitively unique tags in the order given."""
    out: dict[str, str] = {}
    for t in tags:
        t = " ".join(str(t).split())
        if t:
            out.setdefault(t.lower(), t)
    return tuple(out.values())


def competency_help(keys: Iterable[str]) -> str:
    """"Label — definition" lines for the chosen competencies (shown under the picker)."""
    lines = []
    for key in keys:
        c = comp.BY_KEY.get(key)
        if c is not None:
            lines.append(f"{c.label} — {c.definition}")
    return "\n".join(lines)
