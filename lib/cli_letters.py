"""``secondlook letter``: the reconsideration summary of one interview, from the shell.

    secondlook letter --interview ID [--format md|txt|docx] [-o FILE]

The summary is the one the Second-look case page shows: one paragraph per feedback item (the saved point,
or the strongest evidence proposed for it). Markdown and plain text go to stdout unless ``-o`` is given;
DOCX needs ``-o``. Unknown interview ids and bad arguments exit 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.errors import ValidationError

FORMATS = ("md", "txt", "docx")


def letter_bytes(data, interview_id: int, fmt: str, *, sender_name: str = "") -> bytes:
    """The summary of ``interview_id`` in ``fmt`` (md, txt or docx) as bytes (pure)."""
    from lib.case_view import build_summary, find_interview, items_for, summary_title
    from lib.docx_export import summary_docx, summary_markdown, summary_text

    interview = find_interview(data, interview_id)
    if not items_for(data, interview_id):
        raise ValidationError("interview", f"Interview {interview_id} has no feedback recorded yet; add the reasons "
                                           "on the Feedback page first.")
    summary = build_summary(data, interview_id, sender_name=sender_name)
    title = summary_title(interview)
    if fmt == "docx":
        return summary_docx(summary, title=title)
    text = summary_markdown(summary, title=title) if fmt == "md" else summary_text(summary, title=title)
    return text.encode("utf-8")


def cmd_letter(args: argparse.Namespace) -> int:
    from lib.cli import open_engine
    from lib.storage import workspace

    if args.format == "docx" and not args.output:
        raise ValidationError("output", "A .docx file needs -o FILE (it can't be printed to the terminal).")
    engine = open_engine(args)
    data = workspace.load_workspace(engine, args.owner)
    ws = workspace.get_workspace(engine, args.owner)
    payload = letter_bytes(data, args.interview, args.format, sender_name=ws.display_name if ws else "")
    if args.output:
        Path(args.output).write_bytes(payload)
        print(f"Wrote {args.output} ({len(payload):,} bytes).", file=sys.stderr)
    else:
        sys.stdout.write(payload.decode("utf-8"))
    return 0


def register(subparsers) -> None:
    from lib.cli import add_store_args

    p = subparsers.add_parser("letter", help="print or save the second-look (reconsideration) summary")
    add_store_args(p)
    p.add_argument("--interview", type=int, required=True, metavar="ID", help="the interview's id")
    p.add_argument("--format", choices=FORMATS, default="md", help="md (default), txt or docx")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing (required for docx)")
    p.set_defaults(func=cmd_letter)
