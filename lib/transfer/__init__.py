"""Import and export: JSON backup/restore (lossless) and CSV for spreadsheets."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from lib.storage import workspace
from lib.transfer.backup import ParsedBackup, export_backup, parse_backup, shift_dates
from lib.transfer.csv_io import as_workspace_data, export_csv, parse_csv

__all__ = ["ParsedBackup", "export_backup", "parse_backup", "shift_dates", "export_csv", "parse_csv",
           "backup_workspace", "restore_backup", "import_csv"]


def backup_workspace(engine: sa.Engine, owner: str, *, now: dt.datetime) -> bytes:
    ws = workspace.get_workspace(engine, owner)
    return export_backup(workspace.load_workspace(engine, owner),
                         display_name=ws.display_name if ws else "", is_demo=bool(ws and ws.is_demo), now=now)


def restore_backup(engine: sa.Engine, owner: str, raw: bytes, *, now: dt.datetime, replace: bool = False,
                   progress=None) -> dict[str, int]:
    """Validate the whole file, then write it in one transaction (all or nothing)."""
    parsed = parse_backup(raw)
    return workspace.import_workspace(engine, owner, parsed.data, now=now, replace=replace,
                                      display_name=parsed.display_name or None, is_demo=parsed.is_demo, progress=progress)


def import_csv(engine: sa.Engine, owner: str, raw: bytes, cls: type, *, now: dt.datetime, progress=None) -> int:
    objs = parse_csv(raw, cls)
    workspace.import_workspace(engine, owner, as_workspace_data(objs, cls), now=now, progress=progress)
    return len(objs)
