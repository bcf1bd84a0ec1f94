"""Full JSON backup and restore — the lossless format.

Export writes every entity of a workspace (share links excluded: their tokens must never travel) with
file-local ids renumbered 1..n, so backup → restore → backup gives the same bytes. Import is strict:
the file is refused as a whole, with a clear message, when it is too large, not UTF-8, nested absurdly,
has duplicate keys, NaN/Infinity, an unknown or newer schema version, unknown fields, invalid values or
references that don't resolve inside the file. Ids in the file are references only, never database ids,
and owners in the file are ignored (the importer's own workspace receives the data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
from dataclasses import dataclass
from typing import Any

from lib import models as m
from lib.errors import ImportRefused, ValidationError
from lib.settings import UPLOAD_LIMIT_BYTES, human_size
from lib.storage.workspace import ENTITY_ORDER

FORMAT = "secondlook-backup"
SCHEMA_VERSION = 1
MAX_DEPTH = 32
MAX_PROBLEMS = 50

# reference fields -> the entity list whose file-local ids they point at
REFS: dict[str, str] = {
    "interview_id": "interviews", "contact_id": "contacts", "feedback_id": "feedback",
    "parent_id": "comments", "evidence_ids": "evidence", "excluded_evidence": "evidence",
}


@dataclass(frozen=True)
class ParsedBackup:
    data: m.WorkspaceData
    display_name: str = ""
    is_demo: bool = False
    anchor_date: dt.date | None = None


# ------------------------------------------------------------------ export


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _renumber(data: m.WorkspaceData) -> m.WorkspaceData:
    """Give every entity file-local ids 1..n (in id order) and rewrite references to match."""
    maps: dict[str, dict[int, int]] = {}
    for name, _ in ENTITY_ORDER:
        objs = sorted(getattr(data, name), key=lambda o: o.id or 0)
        maps[name] = {o.id: i for i, o in enumerate(objs, start=1)}
    out = {}
    for name, _ in ENTITY_ORDER:
        objs = sorted(getattr(data, name), key=lambda o: o.id or 0)
        new = []
        for obj in objs:
            changes: dict[str, Any] = {"id": maps[name][obj.id]}
            for f in dataclasses.fields(obj):
                space, value = REFS.get(f.name), getattr(obj, f.name)
                if space and value is not None:
                    mp = maps[space]
                    changes[f.name] = tuple(mp[v] for v in value) if isinstance(value, tuple) else mp[value]
            if hasattr(obj, "share_id"):
                changes["share_id"] = None
            new.append(dataclasses.replace(obj, **changes))
        out[name] = tuple(new)
    return m.WorkspaceData(**out)


def to_dict(obj: Any) -> dict[str, Any]:
    return {f.name: _jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "version"}


def export_backup(data: m.WorkspaceData, *, display_name: str, is_demo: bool, now: dt.datetime) -> bytes:
    data = _renumber(data)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now.isoformat(),
        "workspace": {"display_name": display_name, "is_demo": is_demo},
    }
    for name, _ in ENTITY_ORDER:
        doc[name] = [to_dict(o) for o in getattr(data, name)]
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False).encode("utf-8")


# ------------------------------------------------------------------ import


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ImportRefused(f'The file repeats the key "{key[:40]}" inside one object, so its meaning is '
                                "ambiguous. It was not imported.")
        seen[key] = value
    return seen


def _refuse_constant(name: str) -> Any:
    raise ImportRefused(f"The file contains {name}, which is not a valid value in a backup. It was not imported.")


def _check_depth(text: str) -> None:
    """Refuse absurd nesting before the JSON parser recurses into it (a linear scan, strings skipped)."""
    depth, in_str, escape = 0, False, False
    for ch in text:
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ImportRefused(f"The file is nested more than {MAX_DEPTH} levels deep; a Second Look "
                                    "backup never is. It was not imported.")
        elif ch in "]}":
            depth -= 1


def load_json_strict(raw: bytes, *, what: str = "The file", limit: int = UPLOAD_LIMIT_BYTES) -> Any:
    if len(raw) > limit:
        raise ImportRefused(f"{what} is {human_size(len(raw))}; the limit is {human_size(limit)}.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(f"{what} is not UTF-8 text, so it can't be a Second Look backup.") from None
    _check_depth(text)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(cls: type, name: str, value: Any) -> Any:
    hint = _hints(cls).get(name)
    args = typing.get_args(hint)
    if value is None:
        return None
    if dt.datetime in (hint, *args):
        if not isinstance(value, str):
            raise ValidationError(name, "must be a date and time")
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(name, f"'{value[:30]}' is not a date and time") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if dt.date in (hint, *args):
        if not isinstance(value, str):
            raise ValidationError(name, "must be a date written as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(name, f"'{value[:30]}' is not a date written as YYYY-MM-DD") from None
    origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(value, list):
            raise ValidationError(name, "must be a list")
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    if hint is int or int in args:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(name, "must be a whole number")
    if hint is bool and not isinstance(value, bool):
        raise ValidationError(name, "must be true or false")
    if hint is str and not isinstance(value, str):
        raise ValidationError(name, "must be text")
    return value


def _build(cls: type, raw: Any, allowed: set[str]) -> Any:
    if not isinstance(raw, dict):
        raise ValidationError("", "must be an object")
    unknown = set(raw) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a field Second Look knows")
    kwargs = {k: _convert(cls, k, v) for k, v in raw.items() if k != "version"}
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise ValidationError("", str(exc).split(") ", 1)[-1]) from None


def parse_backup(raw: bytes, *, limit: int = UPLOAD_LIMIT_BYTES) -> ParsedBackup:
    """Validate a backup file completely and return its content, or raise :class:`ImportRefused`."""
    doc = load_json_strict(raw, what="The backup file", limit=limit)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused("This is not a Second Look backup file (its format marker is missing).")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused("The backup has no valid schema version.")
    if version > SCHEMA_VERSION:
        raise ImportRefused(f"The backup was made by a newer Second Look (schema {version}); this version "
                            f"reads schema {SCHEMA_VERSION}. Update the app, then import again.")
    if version < 1:
        raise ImportRefused(f"Unknown backup schema version {version}.")
    known = {"format", "schema_version", "exported_at", "workspace", *(n for n, _ in ENTITY_ORDER)}
    extra = set(doc) - known
    if extra:
        raise ImportRefused(f'The backup has a section Second Look does not know: "{sorted(extra)[0][:40]}".')

    problems: list[tuple[int, str, str]] = []
    out: dict[str, tuple] = {}
    for name, cls in ENTITY_ORDER:
        items = doc.get(name, [])
        if not isinstance(items, list):
            raise ImportRefused(f'The "{name}" section must be a list.')
        allowed = {f.name for f in dataclasses.fields(cls)}
        built = []
        for i, item in enumerate(items, start=1):
            try:
                built.append(_build(cls, item, allowed))
            except ValidationError as err:
                problems.append((i, f"{name}.{err.field}".rstrip("."), err.message))
                if len(problems) >= MAX_PROBLEMS:
                    break
        out[name] = tuple(built)
    if problems:
        raise ImportRefused(f"The backup has {len(problems)} invalid record(s); nothing was imported.",
                            tuple(problems))
    data = m.WorkspaceData(**out)
    _check_references(data)
    ws = doc.get("workspace") or {}
    if not isinstance(ws, dict):
        raise ImportRefused('The "workspace" section must be an object.')
    anchor = ws.get("anchor_date")
    try:
        anchor_date = dt.date.fromisoformat(anchor) if isinstance(anchor, str) else None
    except ValueError:
        raise ImportRefused("The workspace anchor date is not a date.") from None
    name = ws.get("display_name") if isinstance(ws.get("display_name"), str) else ""
    return ParsedBackup(data=data, display_name=name[:200], is_demo=ws.get("is_demo") is True,
                        anchor_date=anchor_date)


def _check_references(data: m.WorkspaceData) -> None:
    ids: dict[str, set[int]] = {}
    problems: list[tuple[int, str, str]] = []
    for name, _ in ENTITY_ORDER:
        objs = getattr(data, name)
        seen: set[int] = set()
        for i, obj in enumerate(objs, start=1):
            if obj.id is None:
                problems.append((i, f"{name}.id", "every record needs an id"))
            elif obj.id in seen:
                problems.append((i, f"{name}.id", f"the id {obj.id} is used twice"))
            seen.add(obj.id)
        ids[name] = seen
    for name, _ in ENTITY_ORDER:
        for i, obj in enumerate(getattr(data, name), start=1):
            for f in dataclasses.fields(obj):
                space, value = REFS.get(f.name), getattr(obj, f.name)
                if not space or value is None:
                    continue
                refs = value if isinstance(value, tuple) else (value,)
                for ref in refs:
                    if ref not in ids[space]:
                        problems.append((i, f"{name}.{f.name}", f"points at {space} id {ref}, which is not in the file"))
    if problems:
        raise ImportRefused(f"The backup has {len(problems)} broken reference(s); nothing was imported.",
                            tuple(problems[:MAX_PROBLEMS]))


def shift_dates(data: m.WorkspaceData, days: int) -> m.WorkspaceData:
    """Move every date by ``days`` (keeps the demo workspace current)."""
    if not days:
        return data
    delta = dt.timedelta(days=days)
    out = {}
    for name, _ in ENTITY_ORDER:
        new = []
        for obj in getattr(data, name):
            changes = {f.name: getattr(obj, f.name) + delta for f in dataclasses.fields(obj)
                       if isinstance(getattr(obj, f.name), dt.date)}
            new.append(dataclasses.replace(obj, **changes))
        out[name] = tuple(new)
    return m.WorkspaceData(**out)
