"""The ``secondlook`` command (also ``python -m lib``).

Like the pages, the CLI is a wiring layer: it reads the environment, the clock and the files, then
calls the core. Every command takes ``--db URL`` (default: the same store as the app) and ``--owner``
(default: the local workspace). Exit code 0 on success, 2 with a one-line message on bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from lib import models as m
from lib.errors import ImportRefused, SecondLookError
from lib.settings import LOCAL_OWNER, default_data_dir, resolve_database_url

# command groups written in their own modules; each has register(subparsers)
PLUGINS = ("lib.cli_scoring", "lib.cli_letters", "lib.cli_pdf")


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_db_url() -> str:
    secrets = None
    path = Path(".streamlit/secrets.toml")
    if path.is_file():
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            secrets = None
    return resolve_database_url(os.environ, secrets, default_data_dir())


def open_engine(args: argparse.Namespace):
    from lib.storage import open_store

    return open_store(args.db or default_db_url(), now=now_utc())


def add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="database URL (default: the app's store)")
    p.add_argument("--owner", default=LOCAL_OWNER, help="workspace owner id (default: the local workspace)")


def cmd_demo(args: argparse.Namespace) -> int:
    from lib.demo import load_demo

    engine = open_engine(args)
    counts = load_demo(engine, args.owner, today=dt.date.today(), now=now_utc(), scale=args.scale)
    print(f"Demo workspace loaded (scale {args.scale}): {counts['evidence']} evidence items, "
          f"{counts['interviews']} interviews, {counts['script_items']} questions.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from lib.transfer import backup_workspace

    data = backup_workspace(open_engine(args), args.owner, now=now_utc())
    Path(args.output).write_bytes(data)
    print(f"Wrote {args.output} ({len(data):,} bytes).")
    return 0


def _read_input(path: str) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise ImportRefused(f"No such file: {path}")
    return p.read_bytes()


def cmd_import(args: argparse.Namespace) -> int:
    from lib.storage import workspace
    from lib.transfer import restore_backup

    raw = _read_input(args.file)
    engine = open_engine(args)
    if not args.replace and not workspace.is_empty(engine, args.owner) and not args.merge:
        raise ImportRefused("The workspace already has data. Re-run with --merge to add the backup to it, "
                            "or --replace to replace everything (export a backup first).")
    counts = restore_backup(engine, args.owner, raw, now=now_utc(), replace=args.replace)
    print("Imported " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n) + ".")
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from lib.storage import repo
    from lib.transfer import export_csv

    engine = open_engine(args)
    out = Path(args.directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, cls in (("evidence.csv", m.Evidence), ("interviews.csv", m.Interview)):
        (out / name).write_bytes(export_csv(repo.list_all(engine, args.owner, cls), cls))
    print(f"Wrote evidence.csv and interviews.csv to {out}.")
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    from lib.transfer import import_csv

    cls = m.Evidence if args.kind == "evidence" else m.Interview
    n = import_csv(open_engine(args), args.owner, _read_input(args.file), cls, now=now_utc())
    print(f"Imported {n} {args.kind} row(s).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="secondlook", description="Second Look: turn a rejection into a plan.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="load the demo workspace (replaces the workspace's content)")
    add_store_args(p)
    p.add_argument("--scale", type=int, default=1, choices=range(1, 51), metavar="N",
                   help="synthetic size multiplier for benchmarks (1–50)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", help="write a full JSON backup")
    add_store_args(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="restore a JSON backup (all or nothing)")
    add_store_args(p)
    p.add_argument("file", metavar="FILE.json")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--merge", action="store_true", help="add to a workspace that already has data")
    mode.add_argument("--replace", action="store_true", help="replace the workspace's content")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export-csv", help="write evidence.csv and interviews.csv")
    add_store_args(p)
    p.add_argument("directory")
    p.set_defaults(func=cmd_export_csv)

    p = sub.add_parser("import-csv", help="import evidence or interviews from CSV (all or nothing)")
    add_store_args(p)
    p.add_argument("kind", choices=("evidence", "interviews"))
    p.add_argument("file")
    p.set_defaults(func=cmd_import_csv)

    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        register: Callable = module.register  # plugins import add_store_args/open_engine from here
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its usage message
        return 2 if exc.code else 0
    try:
        return int(args.func(args) or 0)
    except ImportRefused as err:
        msg = str(err)
        if err.problems:
            row, col, reason = err.problems[0]
            msg += f" First problem: row {row}, {col or 'row'}: {reason}."
        print(f"secondlook: {msg}", file=sys.stderr)
        return 2
    except SecondLookError as err:
        print(f"secondlook: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"secondlook: {err.strerror or err}: {getattr(err, 'filename', '') or ''}".rstrip(": "), file=sys.stderr)
        return 2
