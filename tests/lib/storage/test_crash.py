"""SIGKILL in the middle of a 10,000-row import: nothing of it is stored and the file is intact."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from lib import models as m
from lib.storage import open_store, repo, workspace
from tests.conftest import NOW, ROOT

SCRIPT = """
import datetime as dt, sys
from lib import models as m
from lib.storage import make_engine, workspace
NOW = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
engine = make_engine(sys.argv[1])
def progress(done, total):
    if done >= 2000:
        print("HALFWAY", flush=True)
        import time; time.sleep(60)
data = m.WorkspaceData(evidence=tuple(m.Evidence(kind="skill", title=f"skill {i}", id=i) for i in range(1, 10001)))
workspace.import_workspace(engine, "alice", data, now=NOW, progress=progress)
"""


def test_killed_import_leaves_nothing_behind(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'crash.sqlite'}"
    engine = open_store(url, now=NOW)
    repo.add(engine, "alice", m.Evidence(kind="skill", title="kept"), now=NOW)
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, url], cwd=ROOT, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 60
    line = b""
    while time.monotonic() < deadline and b"HALFWAY" not in line:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
    assert b"HALFWAY" in line, "the import never reached the middle"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)

    engine.dispose()
    engine = open_store(url, now=NOW)  # "the app opens normally"
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert [e.title for e in repo.list_all(engine, "alice", m.Evidence)] == ["kept"]
    assert workspace.counts(engine, "alice")["evidence"] == 1
