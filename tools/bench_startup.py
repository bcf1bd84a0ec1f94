"""Start-up benchmark (prints figures measured in one run; not a test): `python tools/bench_startup.py [runs]`.

1. First page served in Chromium on a *fresh* server: time from navigation until Streamlit reports the
   script finished and the page's main content is visible. Second Look's Home (on a fresh database, which
   includes creating the schema and seeding the demo, and on an existing one) against a hello-world
   Streamlit app written to a temp dir. Medians of ``runs`` runs; goal: Home ≤ 1.5 × hello world.
2. Server memory (VmRSS) after Home, then after opening Gap scoring (goal ≤ 600 MB).
3. What ``app.py`` and ``pages/home.py`` import eagerly (``python -X importtime``), to explain a miss.
"""

from __future__ import annotations

import ast
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.serve import CHROMIUM, CHROMIUM_ARGS, IDLE, ROOT, streamlit_process, wait_idle  # noqa: E402

HELLO = 'import streamlit as st\n\nst.title("Hello")\nst.write("A hello-world Streamlit app.")\n'
HEAVY = ("pandas", "numpy", "plotly", "sklearn", "scipy", "onnxruntime", "tokenizers", "fpdf", "pypdf", "docx",
         "rapidfuzz", "sqlalchemy", "alembic", "psycopg", "matplotlib", "PIL", "lxml", "pyarrow")
RSS_GOAL_MB = 600
RATIO_GOAL = 1.5


def first_page(browser, base: str, content: str) -> float:
    """Seconds from navigation to 'script finished and ``content`` visible', in a cold browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(base + "/", wait_until="commit")
        page.wait_for_selector(IDLE, timeout=120_000)
        page.wait_for_selector(content, state="visible", timeout=120_000)
        return time.perf_counter() - start
    finally:
        context.close()


def secrets_file(folder: Path) -> Path:
    path = folder / "no-secrets.toml"  # local mode, whatever .streamlit/secrets.toml the developer keeps
    path.write_text("")
    return path


def measure_hello(browser, runs: int, tmp: Path, warm: list[float]) -> list[float]:
    """First page of fresh hello-world servers; ``warm`` collects a second visit to the same server."""
    (tmp / "hello.py").write_text(HELLO)
    out = []
    for i in range(runs):
        with streamlit_process(f"sqlite:///{tmp}/hello{i}.sqlite", script="hello.py", cwd=tmp,
                               secrets_file=secrets_file(tmp)) as srv:
            out.append(first_page(browser, srv.base, "h1"))
            warm.append(first_page(browser, srv.base, "h1"))
    return out


def measure_home(browser, runs: int, tmp: Path, *, fresh_db: bool, warm: list[float] | None = None) -> list[float]:
    out = []
    for i in range(runs):
        db = tmp / (f"fresh{i}.sqlite" if fresh_db else "existing.sqlite")
        with streamlit_process(f"sqlite:///{db}", secrets_file=secrets_file(tmp)) as srv:
            out.append(first_page(browser, srv.base, "[data-testid='stMetric']"))
            if warm is not None:
                warm.append(first_page(browser, srv.base, "[data-testid='stMetric']"))
    return out


def memory(browser, tmp: Path) -> dict[str, float]:
    got = {}
    with streamlit_process(f"sqlite:///{tmp}/memory.sqlite", secrets_file=secrets_file(tmp)) as srv:
        got["server idle"] = srv.rss_mb()
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(srv.base + "/")
        wait_idle(page, 120_000)
        got["after Home"] = srv.rss_mb()
        if (ROOT / "pages/gaps.py").is_file():
            start = time.perf_counter()
            page.get_by_test_id("stSidebarNav").get_by_role("link", name="Gap scoring").click()
            page.wait_for_function("() => location.pathname.endsWith('/gaps')", timeout=30_000)
            wait_idle(page, 180_000)
            got["Gap scoring first open (s)"] = time.perf_counter() - start
            got["after Gap scoring"] = srv.rss_mb()
        page.close()
    return got


def _importers(lines: list[tuple[int, int, str]], heavy: tuple[str, ...]) -> dict[str, str]:
    """For each heavy package, the chain of modules that first pulled it in (importtime lists children
    before their parent, one indentation level deeper)."""
    chains: dict[str, str] = {}
    for i, (depth, cost, name) in enumerate(lines):
        top = name.split(".")[0]
        if top not in heavy or name != top or top in chains:
            continue
        chain, want = [name], depth
        for d, _, parent in lines[i + 1:]:
            if d < want:
                chain.append(parent)
                want = d
                if d == 0:
                    break
        ours = [c for c in chain if c.startswith(("lib.", "streamlit"))]
        chains[top] = f"{cost / 1000:7.1f} ms  " + " <- ".join([name, *ours[:3]])
    return chains


def eager_imports() -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Heavy packages imported by the top of app.py and pages/home.py (and through what), and the costliest
    top-level imports."""
    names: set[str] = set()
    for script in ("app.py", "pages/home.py"):
        for node in ast.parse((ROOT / script).read_text()).body:
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    code = "import streamlit\n" + "".join(f"import {n}\n" for n in sorted(names))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    lines = []
    for line in proc.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            raw = parts[2].rstrip()
            depth = (len(raw) - len(raw.lstrip()) - 1) // 2
            lines.append((depth, int(parts[1]), raw.strip()))
    rows = sorted(((us, name) for depth, us, name in lines if depth == 0), reverse=True)
    return _importers(lines, HEAVY), rows[:12]


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="sl-bench-") as tmp_name, sync_playwright() as pw:
        tmp = Path(tmp_name)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        (tmp / "hello.py").write_text(HELLO)
        with streamlit_process(f"sqlite:///{tmp}/warm.sqlite", script="hello.py", cwd=tmp,
                               secrets_file=secrets_file(tmp)) as srv:
            first_page(browser, srv.base, "h1")  # warm-up: Chromium's own start is not billed to an app
        hello_warm: list[float] = []
        home_warm: list[float] = []
        hello = measure_hello(browser, runs, tmp, hello_warm)
        home_fresh = measure_home(browser, runs, tmp, fresh_db=True, warm=home_warm)
        measure_home(browser, 1, tmp, fresh_db=False)  # creates existing.sqlite (schema + demo)
        home_existing = measure_home(browser, runs, tmp, fresh_db=False)
        mem = memory(browser, tmp)
        browser.close()
    h, f, e = (statistics.median(x) for x in (hello, home_fresh, home_existing))
    print(f"First page in Chromium, fresh server, median of {runs} runs:")
    print(f"  hello world                       {h:6.2f} s   {', '.join(f'{x:.2f}' for x in hello)}")
    print(f"  Second Look Home, fresh database  {f:6.2f} s   {', '.join(f'{x:.2f}' for x in home_fresh)}")
    print(f"  Second Look Home, existing db     {e:6.2f} s   {', '.join(f'{x:.2f}' for x in home_existing)}")
    hw, mw = statistics.median(hello_warm), statistics.median(home_warm)
    print(f"  second visit, same server (imports and caches warm): hello {hw:.2f} s, Home {mw:.2f} s, "
          f"ratio {mw / hw:.2f}x")
    print(f"  ratio fresh db    {f / h:5.2f}x  (goal <= {RATIO_GOAL}x: {'met' if f / h <= RATIO_GOAL else 'MISSED'})")
    print(f"  ratio existing db {e / h:5.2f}x  (goal <= {RATIO_GOAL}x: {'met' if e / h <= RATIO_GOAL else 'MISSED'})")
    print("Server memory (VmRSS):")
    for k, v in mem.items():
        unit = "" if "(s)" in k else " MB"
        print(f"  {k:28s} {v:7.1f}{unit}")
    if "after Gap scoring" in mem:
        ok = mem["after Gap scoring"] <= RSS_GOAL_MB
        print(f"  goal <= {RSS_GOAL_MB} MB after Gap scoring: {'met' if ok else 'MISSED'}")
    chains, rows = eager_imports()
    print("Heavy packages imported eagerly by app.py + pages/home.py, and through what:")
    for chain in chains.values():
        print(f"  {chain}")
    print("Costliest top-level imports (cumulative, python -X importtime):")
    for us, name in rows:
        print(f"  {us / 1000:8.1f} ms  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
