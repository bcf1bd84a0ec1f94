"""Start a throwaway Second Look server for browser tests and screenshots (used by tests/e2e and tools/shots.py).

``streamlit_server`` yields the base URL (the original, simple form). ``streamlit_process`` yields a
:class:`Server` with the process too (its pid for memory readings, its log for failure messages).
A server can be given its own secrets file (``secrets_file``): Streamlit then reads only that file, so a
test can switch hosted mode on (an ``[auth]`` section) or make sure a developer's own
``.streamlit/secrets.toml`` does not leak into a local-mode test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Server:
    base: str
    port: int
    proc: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        """What the server printed so far (for failure messages)."""
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def healthy(self, timeout: float = 2.0) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/_stcore/health", timeout=timeout) as r:
                return r.status == 200
        except OSError:
            return False

    def rss_mb(self) -> float:
        """Resident memory of the server process in MB (from /proc; psutil is not a dependency)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("VmRSS not found")


@contextmanager
def streamlit_process(db_url: str, *, script: str = "app.py", env: dict | None = None, cwd: Path = ROOT,
                      port: int | None = None, secrets_file: Path | None = None,
                      extra_args: list[str] | tuple[str, ...] = (), timeout: float = 30.0):
    """Run ``streamlit run`` on a free port; yield a :class:`Server` once /_stcore/health answers."""
    port = port or free_port()
    full_env = {**os.environ, "SECONDLOOK_DATABASE_URL": db_url, "PYTHONPATH": str(ROOT), **(env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    if secrets_file is not None:
        cmd += ["--secrets.files", str(secrets_file)]
    cmd += list(extra_args)
    with tempfile.TemporaryDirectory(prefix="sl-serve-") as tmp:
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:  # a file, not a pipe: a chatty server can never block on it
            proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=log, stderr=subprocess.STDOUT)
        server = Server(base=f"http://127.0.0.1:{port}", port=port, proc=proc, log_path=log_path)
        try:
            deadline = time.monotonic() + timeout
            while not server.healthy(timeout=1):
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{server.log()[-3000:]}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f} s:\n"
                                       f"{server.log()[-3000:]}")
                time.sleep(0.05)
            yield server
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def streamlit_server(db_url: str, *, script: str = "app.py", env: dict | None = None, cwd: Path = ROOT,
                     port: int | None = None, secrets_file: Path | None = None):
    """Run ``streamlit run`` on a free port; yield the base URL once /_stcore/health answers."""
    with streamlit_process(db_url, script=script, env=env, cwd=cwd, port=port, secrets_file=secrets_file) as srv:
        yield srv.base


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit reports the script finished (no sleeps)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
