"""``secondlook pdf``: the one-page visual PDF of one interview, from the shell.

    secondlook pdf --interview ID [--paper a4|letter] [--no-comments] [--tfidf] -o FILE.pdf
    secondlook pdf --demo [--interview ID] -o FILE.pdf

``--interview`` reads the workspace in the store (``--db``/``--owner``, as every command); nothing is
written to it. ``--demo`` uses the fictional demo workspace, built in memory with dates placed around
today, and never opens the store; without ``--interview`` it picks the demo's first rejected interview.
The interview is scored against its job description (the sentence model, or ``--tfidf`` for the quick
text matcher), mapped by :func:`lib.onepager_build.build_onepager_data` and rendered by
:func:`lib.onepager.render_onepager`. An unknown interview id or bad arguments exit 2 with one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from lib.cli import add_store_args, now_utc, open_engine
from lib.errors import NotFound, ValidationError
from lib.models import Outcome, WorkspaceData


def first_rejection(data: WorkspaceData) -> int:
    """The earliest rejected interview (by interview date, then id); the earliest interview if none."""
    ivs = sorted((iv for iv in data.interviews if iv.id is not None), key=lambda iv: (iv.interview_date, iv.id))
    if not ivs:
        raise NotFound("The workspace has no interviews.")
    return next((iv.id for iv in ivs if iv.outcome == Outcome.REJECTED), ivs[0].id)


def _store_data(args: argparse.Namespace, model_id: str) -> tuple[WorkspaceData, str, dict]:
    from lib.analysis import unit_vectors_from_stored
    from lib.storage import workspace
    from lib.storage.vectors import load_vectors

    engine = open_engine(args)
    data = workspace.load_workspace(engine, args.owner)
    ws = workspace.get_workspace(engine, args.owner)
    vectors = unit_vectors_from_stored(data.evidence, load_vectors(engine, args.owner, model_id), model_id)
    engine.dispose()
    return data, (ws.display_name if ws else ""), vectors


def cmd_pdf(args: argparse.Namespace) -> int:
    from lib.analysis import score_one
    from lib.matching.embedder import load_encoder
    from lib.onepager import render_onepager
    from lib.onepager_build import build_onepager_data, find_interview

    if not args.demo and args.interview is None:
        raise ValidationError("interview", "Give --interview ID (or --demo for the demo workspace).")
    today = dt.date.today()
    loaded = load_encoder("tfidf" if args.tfidf else "minilm")
    if loaded.fallback_reason:
        print(f"secondlook: {loaded.fallback_reason}", file=sys.stderr)
    if args.demo:
        from lib.demo import demo_data

        data, author = demo_data(today=today)
        vectors: dict = {}
    else:
        data, author, vectors = _store_data(args, loaded.encoder.model_id)
    interview_id = args.interview if args.interview is not None else first_rejection(data)
    interview = find_interview(data, interview_id)
    score = score_one(data, interview_id, loaded, unit_vectors=vectors or None, today=today)
    content = build_onepager_data(data, interview_id, score, today=today, author=author,
                                  include_comments=not args.no_comments)
    pdf = render_onepager(content, paper=args.paper, include_comments=not args.no_comments, created_at=now_utc())
    out = Path(args.output)
    out.write_bytes(pdf)
    print(f"Wrote {out} ({len(pdf):,} bytes): {interview.role} at {interview.company}, {args.paper.upper()}.")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("pdf", help="write the one-page visual PDF of an interview")
    add_store_args(p)
    p.add_argument("--interview", type=int, metavar="ID", help="the interview's id (required without --demo)")
    p.add_argument("--demo", action="store_true",
                   help="use the fictional demo workspace (in memory; your store is not opened)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    p.add_argument("--no-comments", action="store_true", help="leave the coach's comments out")
    p.add_argument("--tfidf", action="store_true", help="use the simple TF-IDF matcher instead of the model")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_pdf)
