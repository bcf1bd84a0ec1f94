"""House rules checked on the tree: import boundaries, thin pages, no unsafe HTML with user text."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib"
PAGES = ROOT / "pages"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_lib_outside_ui_never_imports_streamlit():
    offenders = [str(p.relative_to(ROOT)) for p in LIB.rglob("*.py")
                 if "ui" not in p.relative_to(LIB).parts[:1]
                 and any(n == "streamlit" or n.startswith("streamlit.") for n in _imports(p))]
    assert offenders == []


def test_only_storage_knows_sqlalchemy():
    allowed = {"storage", "ui"}
    offenders = [str(p.relative_to(ROOT)) for p in LIB.rglob("*.py")
                 if p.relative_to(LIB).parts[0] not in allowed
                 and any(n == "sqlalchemy" or n.startswith("sqlalchemy.") for n in _imports(p))
                 and p.name not in {"transfer.py"}]
    # type annotations of an engine are fine; queries are not: no sqlalchemy outside storage except typing
    for p in offenders:
        src = (ROOT / p).read_text(encoding="utf-8")
        assert "sa.select" not in src and "sa.insert" not in src and "sa.update" not in src, p


def test_pages_folder_holds_only_page_scripts_and_each_starts_with_the_guard():
    for p in PAGES.iterdir():
        assert p.suffix == ".py" and p.is_file(), f"only page scripts belong in pages/: {p.name}"
        tree = ast.parse(p.read_text(encoding="utf-8"))
        calls = [n for n in tree.body if not isinstance(n, (ast.Import, ast.ImportFrom))]
        first = calls[0]
        src = ast.unparse(first)
        assert "page_guard(" in src, f"{p.name} must call page_guard() before anything else"


def test_pages_stay_short():
    for p in PAGES.glob("*.py"):
        n = len(p.read_text(encoding="utf-8").splitlines())
        assert n <= 100, f"{p.name} has {n} lines: move logic into lib/"


def test_no_unsafe_html_with_non_constant_text():
    """st.html / unsafe_allow_html / components.html / fpdf write_html only ever get string literals."""
    for path in [*ROOT.joinpath("lib").rglob("*.py"), *PAGES.glob("*.py"), ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = ast.unparse(node.func)
            unsafe_kw = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                            for k in node.keywords)
            if func.endswith(("st.html", "components.html", "write_html", "v1.html")) or unsafe_kw:
                args = node.args[:1]
                assert all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args), (
                    f"{path.relative_to(ROOT)}:{node.lineno} passes non-constant text to {func}")
