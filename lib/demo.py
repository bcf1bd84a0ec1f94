"""The demo workspace: loading it (dates shifted so it stays current) and scaling it up for benchmarks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from lib import models as m
from lib.storage import workspace
from lib.transfer.backup import ParsedBackup, parse_backup, shift_dates

DEMO_FILE = Path(__file__).resolve().parent.parent / "sample_data" / "demo_workspace.json"


def read_demo(path: Path = DEMO_FILE) -> ParsedBackup:
    return parse_backup(path.read_bytes(), limit=50 * 1024 * 1024)


def demo_data(*, today: dt.date, scale: int = 1, path: Path = DEMO_FILE) -> tuple[m.WorkspaceData, str]:
    parsed = read_demo(path)
    data = parsed.data
    if parsed.anchor_date:
        data = shift_dates(data, (today - parsed.anchor_date).days)
    if scale > 1:
        data = scale_up(data, scale)
    return data, parsed.display_name


def load_demo(engine: sa.Engine, owner: str, *, today: dt.date, now: dt.datetime, scale: int = 1,
              replace: bool = True, path: Path = DEMO_FILE) -> dict[str, int]:
    data, name = demo_data(today=today, scale=scale, path=path)
    return workspace.import_workspace(engine, owner, data, now=now, replace=replace, display_name=name,
                                      is_demo=True)


def scale_up(data: m.WorkspaceData, scale: int) -> m.WorkspaceData:
    """A synthetic workspace ~``scale``× the demo's workload: scale×10 interviews, scale×200 evidence items,
    scale×100 script questions (the figures the performance goals are stated for), made of shifted copies
    of the demo's own records. Feedback loop records stay with the original interviews."""
    target_iv, target_ev, target_q = 10 * scale, 200 * scale, 100 * scale
    evidence = list(data.evidence)
    next_ev = max((e.id for e in evidence), default=0) + 1
    i = 0
    while len(evidence) < target_ev and data.evidence:
        src = data.evidence[i % len(data.evidence)]
        evidence.append(dataclasses.replace(src, id=next_ev, title=f"{src.title} (copy {i // len(data.evidence) + 1})"[:200]))
        next_ev, i = next_ev + 1, i + 1
    interviews = list(data.interviews)
    script = list(data.script_items)
    next_iv = max((x.id for x in interviews), default=0) + 1
    next_q = max((q.id for q in script), default=0) + 1
    round_no = 0
    while len(interviews) < target_iv and data.interviews:
        round_no += 1
        back = dt.timedelta(weeks=8 * round_no)
        for src in data.interviews:
            if len(interviews) >= target_iv:
                break
            new_iv = dataclasses.replace(
                src, id=next_iv, company=f"{src.company} {round_no + 1}"[:200],
                interview_date=src.interview_date - back,
                decided_on=src.decided_on - back if src.decided_on else None)
            interviews.append(new_iv)
            for q in (q for q in data.script_items if q.interview_id == src.id):
                script.append(dataclasses.replace(q, id=next_q, interview_id=next_iv))
                next_q += 1
            next_iv += 1
    # top up or trim questions to the target, spread over the synthetic interviews
    synthetic = [x for x in interviews if x.id not in {o.id for o in data.interviews}]
    k = 0
    while len(script) < target_q and data.script_items and synthetic:
        src = data.script_items[k % len(data.script_items)]
        script.append(dataclasses.replace(src, id=next_q, interview_id=synthetic[k % len(synthetic)].id,
                                          position=100 + k))
        next_q, k = next_q + 1, k + 1
    return dataclasses.replace(data, evidence=tuple(evidence), interviews=tuple(interviews),
                               script_items=tuple(script))
