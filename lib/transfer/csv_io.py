"""CSV import and export of evidence and interviews (for spreadsheets; JSON stays the lossless format).

Export escapes cells a spreadsheet would run as a formula: a cell starting with ``= + - @``, a tab or a
carriage return (or their full-width forms ``＝ ＋ － ＠``) gets a leading apostrophe — and so does a cell
that already starts with an apostrophe, so that import can strip exactly one and every cell round-trips.
List cells (tags, competencies, stages, interviewers) are joined with "; ".
Import checks every row and reports each problem (row number, column, reason); if any row fails,
nothing is written.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from lib import models as m
from lib.competencies import is_known
from lib.errors import ImportRefused, ValidationError
from lib.settings import UPLOAD_LIMIT_BYTES, human_size

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "'")
LIST_SEP = "; "
MAX_ROWS = 20_000
MAX_PROBLEMS = 100

COLUMNS: dict[type, tuple[str, ...]] = {
    m.Evidence: ("kind", "title", "body", "situation", "task", "action", "result", "tags", "competencies",
                 "started_on", "ended_on", "source"),
    m.Interview: ("company", "role", "interview_date", "furthest_stage", "stages", "outcome", "decided_on",
                  "interviewers", "notes", "appraisal", "jd_text"),
}
REQUIRED: dict[type, tuple[str, ...]] = {
    m.Evidence: ("kind", "title"),
    m.Interview: ("company", "role", "interview_date"),
}
LISTS = {"tags", "competencies", "stages", "interviewers"}
DATES = {"started_on", "ended_on", "interview_date", "decided_on"}


def escape_cell(value: str) -> str:
    return "'" + value if value.startswith(TRIGGERS) else value


def unescape_cell(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def _cell(obj: Any, name: str) -> str:
    value = getattr(obj, name)
    if value is None:
        return ""
    if isinstance(value, tuple):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def export_csv(objs: Sequence[Any], cls: type) -> bytes:
    cols = COLUMNS[cls]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    for obj in objs:
        writer.writerow([escape_cell(_cell(obj, c)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets detect UTF-8


def _value(name: str, text: str) -> Any:
    if name in LISTS:
        return tuple(p.strip() for p in text.split(";") if p.strip())
    if name in DATES:
        if not text.strip():
            return None
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError(name, f"'{text[:30]}' is not a date written as YYYY-MM-DD") from None
    return text


def parse_csv(raw: bytes, cls: type, *, limit: int = UPLOAD_LIMIT_BYTES) -> list[Any]:
    """Parse and validate every row; return the objects, or raise :class:`ImportRefused` with per-row problems."""
    noun = "evidence" if cls is m.Evidence else "interviews"
    if len(raw) > limit:
        raise ImportRefused(f"The CSV file is {human_size(len(raw))}; the limit is {human_size(limit)}.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("The CSV file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'.") from None
    if "\x00" in text:
        raise ImportRefused("The CSV file contains binary data, so it can't be read as a table.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ImportRefused("The CSV file is empty.") from None
    except csv.Error as exc:
        raise ImportRefused(f"The CSV file could not be read: {exc}.") from None
    allowed, required = COLUMNS[cls], REQUIRED[cls]
    unknown = [h for h in header if h not in allowed]
    missing = [r for r in required if r not in header]
    if unknown or missing:
        parts = []
        if missing:
            parts.append("missing column(s): " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s): " + ", ".join(u[:30] for u in unknown[:5]))
        raise ImportRefused(f"The {noun} CSV has the wrong columns ({'; '.join(parts)}). "
                            f"Expected: {', '.join(allowed)}.")
    if len(set(header)) != len(header):
        raise ImportRefused("The CSV file names the same column twice.")
    objs, problems = [], []
    try:
        for rownum, row in enumerate(reader, start=2):  # row 1 is the header
            if not any(cell.strip() for cell in row):
                continue
            if len(objs) + len(problems) >= MAX_ROWS:
                raise ImportRefused(f"The CSV file has more than {MAX_ROWS:,} rows; split it into smaller files.")
            if len(row) != len(header):
                problems.append((rownum, "", f"has {len(row)} cells; the header has {len(header)}"))
                continue
            try:
                kwargs = {h: _value(h, unescape_cell(cell)) for h, cell in zip(header, row, strict=True)}
                if cls is m.Interview and not kwargs.get("furthest_stage"):
                    kwargs.pop("furthest_stage", None)
                if cls is m.Interview and not kwargs.get("outcome"):
                    kwargs.pop("outcome", None)
                if cls is m.Evidence and not kwargs.get("source"):
                    kwargs.pop("source", None)
                unknown = [k for k in kwargs.get("competencies", ()) if not is_known(k)]
                if unknown:
                    raise ValidationError("competencies", f"unknown competency key '{unknown[0][:40]}' "
                                                          "(see the competency list in the app)")
                objs.append(cls(**kwargs))
            except ValidationError as err:
                problems.append((rownum, err.field, err.message))
            if len(problems) >= MAX_PROBLEMS:
                break
    except csv.Error as exc:
        raise ImportRefused(f"The CSV file could not be read: {exc}.") from None
    if problems:
        raise ImportRefused(f"{len(problems)} row(s) of the {noun} CSV have problems; nothing was imported.",
                            tuple(problems))
    if not objs:
        raise ImportRefused("The CSV file has a header but no rows.")
    return objs


def as_workspace_data(objs: Sequence[Any], cls: type) -> m.WorkspaceData:
    """Wrap parsed rows so they can go through the one-transaction bulk import."""
    numbered = tuple(dataclasses.replace(o, id=i) for i, o in enumerate(objs, start=1))
    return m.WorkspaceData(**{"evidence" if cls is m.Evidence else "interviews": numbered})
