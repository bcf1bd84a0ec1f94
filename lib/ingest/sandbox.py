"""Run the parser in a separate, limited process and bring back its answer.

The child is ``python -I lib/ingest/_worker.py``: isolated mode (no PYTHON* variables, no user
site-packages, the script folder not on the path), an empty environment, the file on stdin, the answer as
JSON on stdout. The child caps its own address space and CPU time before reading the file; the parent
adds a wall-clock timeout after which the child is killed. Nothing here raises a parser's exception: every
outcome is a :class:`WorkerResult` whose ``code`` says what went wrong.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lib.ingest.limits import Limits

WORKER = Path(__file__).resolve().with_name("_worker.py")
_KILLED = {-getattr(signal, name) for name in ("SIGXCPU", "SIGKILL") if hasattr(signal, name)}


@dataclass(frozen=True)
class WorkerResult:
    """ok: text/pages/warnings are valid. Otherwise code is one of: timeout, memory, crashed, damaged,
    limit, encrypted, too_many_pages, xml_dtd, not_docx (detail: a technical note, never shown)."""

    ok: bool
    text: str = ""
    pages: int = 0
    warnings: tuple[str, ...] = ()
    code: str = ""
    detail: str = ""
    seconds: float = 0.0


def run_parser(kind: str, data: bytes, limits: Limits, python: str | None = None) -> WorkerResult:
    """Parse ``data`` (``kind`` "pdf" or "docx") in a child process under ``limits``."""
    exe = python or sys.executable
    args = [exe, "-I", str(WORKER), kind, json.dumps(dataclasses.asdict(limits))]
    started = time.monotonic()
    try:
        proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
            args, input=data, capture_output=True, timeout=limits.timeout_s, env={}, check=False,
        )
    except subprocess.TimeoutExpired:  # run() has already killed and reaped the child
        return WorkerResult(ok=False, code="timeout", seconds=time.monotonic() - started)
    except OSError as exc:
        return WorkerResult(ok=False, code="crashed", detail=f"could not start the parser: {exc}")
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        if proc.returncode in _KILLED:
            return WorkerResult(ok=False, code="timeout", seconds=elapsed)
        tail = proc.stderr[-300:].decode("utf-8", "replace")
        memoryish = b"MemoryError" in proc.stderr or b"Cannot allocate memory" in proc.stderr
        return WorkerResult(ok=False, code="memory" if memoryish else "crashed",
                            detail=f"exit {proc.returncode}: {tail}", seconds=elapsed)
    try:
        answer = json.loads(proc.stdout.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return WorkerResult(ok=False, code="crashed", detail="unreadable answer", seconds=elapsed)
    if not answer.get("ok"):
        return WorkerResult(ok=False, code=str(answer.get("code", "crashed")),
                            detail=str(answer.get("detail", "")), seconds=elapsed)
    return WorkerResult(ok=True, text=str(answer["text"]), pages=int(answer.get("pages", 0)),
                        warnings=tuple(str(w) for w in answer.get("warnings", ())), seconds=elapsed)
