"""The layers hold: Qt only in tr_desk.ui, and nothing heavy on the way to the first paint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts() -> None:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


def test_start_up_path_leaves_heavy_libraries_alone() -> None:
    code = (
        "import sys, tr_desk.cli, tr_desk.ui.window.main_window, tr_desk.ui.app, tr_desk.ui.window.first_view;"
        "print(sorted(m for m in ('sqlite_utils', 'reportlab', 'babel', 'holidays', 'pypdf',"
        " 'icalendar', 'markdown_it', 'tr_desk.core.model', 'tr_desk.storage.meetings')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_all_of_tr_desk_is_typed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Calls that read the real date or time. Durations (time.monotonic, perf_counter) are fine.
CLOCK_READS = re.compile(
    r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\bQDate(?:Time)?\.current"
    r"|\btime\.(?:localtime|ctime|asctime)\(|\bdate\('now'\)|CURRENT_(?:DATE|TIMESTAMP)"
)
CLOCK_HOMES = {Path("tr_desk/core/clock.py")}


def test_only_the_clock_reads_the_date() -> None:
    """Code and tests ask a ``Clock`` for today: a test that reads the real date fails on some
    day of the year (December's holidays did), and code that does cannot be tested."""
    readers = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("tr_desk", "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT) not in CLOCK_HOMES and path != Path(__file__)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READS.search(line)
    ]
    assert readers == []


def _literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module, its docstrings (examples in prose) left out."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_organisation_is_written_into_the_code() -> None:
    """The organisation is data: no profile's name, domain, council title, website line, body
    name or body prefix is a literal in tr_desk/ (its profiles live in resources/)."""
    from tr_desk.storage.profile import profiles_dir, read_profile

    words: set[str] = set()
    prefixes: set[str] = set()
    for profile_path in profiles_dir().glob("*.json"):
        profile = read_profile(profile_path)
        organisation = profile.organisation
        words |= {organisation.name, organisation.domain, organisation.council_title}
        words |= {organisation.website_line, *organisation.municipalities}
        for body in profile.bodies:
            words |= {body.name, *body.former_names}
            prefixes |= {body.prefix, *body.former_prefixes}
    words = {w.casefold() for w in words if w}
    named = re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, prefixes))) + r")(?:[ -]?\d|-sak|-møte)"
    )
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "tr_desk").rglob("*.py"))
        for line, text in _literals(path)
        if text.strip() in prefixes
        or named.search(text)
        or any(re.search(rf"\b{re.escape(w)}", text.casefold()) for w in words)
    ]
    assert found == []


MAX_MODULE_LINES, MAX_CLASS_METHODS, MAX_FUNCTION_LINES = 650, 35, 80
# A shipped migration is never edited, so the first one (the whole first schema) stays over
# the limit, no longer than it is.
LONG_FUNCTIONS = {
    "tr_desk/storage/migrations.py:m001_register_and_meetings": 87,
}


def test_rooms_a_newcomer_can_hold() -> None:
    """No module over 650 lines, no class over 35 methods, no function over 80 lines (but
    those listed, which may not grow)."""
    import ast

    found = []
    seen_long = set()
    for path in sorted((ROOT / "tr_desk").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            found.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                methods = sum(
                    isinstance(b, ast.FunctionDef | ast.AsyncFunctionDef) for b in node.body
                )
                if methods > MAX_CLASS_METHODS:
                    found.append(f"{name}: class {node.name} has {methods} methods")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = f"{name}:{node.name}"
                allowed = LONG_FUNCTIONS.get(key, MAX_FUNCTION_LINES)
                if key in LONG_FUNCTIONS:
                    seen_long.add(key)
                if length > allowed:
                    found.append(f"{key}: {length} lines (at most {allowed})")
    assert found == []
    assert seen_long == set(LONG_FUNCTIONS), "a listed function is gone: take it off the list"


def test_no_import_circle() -> None:
    """No module of tr_desk imports, however indirectly, one that imports it back (imports
    for type checking and inside functions count too: a circle is a circle to the reader)."""
    import ast

    modules = {}
    for path in sorted((ROOT / "tr_desk").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                targets = [f"{base}.{a.name}" for a in node.names] + [base]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(f"{target}."):
                    graph[name].add(target)
    # Tarjan's strongly connected components: a component of two or more is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert circles == []


SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bDELETE\s+FROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bCREATE\s+(?:TABLE|INDEX|VIRTUAL)\b|\bPRAGMA\b",
    re.IGNORECASE | re.DOTALL,
)


def test_sql_only_in_the_store() -> None:
    """The store owns the schema: no SQL is written anywhere else in tr_desk (import-linter
    keeps sqlite3 and sqlite-utils out; this keeps the SQL text out)."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in sorted((ROOT / "tr_desk").rglob("*.py"))
        if "storage" not in path.relative_to(ROOT).parts
        for line, text in _literals(path)
        if SQL.search(text)
    ]
    assert found == []


def test_tests_mirror_every_module_below_the_window() -> None:
    """tests/<path>/test_<name>.py for every module of core, storage, documents and app."""
    missing = [
        str(path.relative_to(ROOT))
        for part in ("core", "storage", "documents", "app")
        for path in sorted((ROOT / "tr_desk" / part).rglob("*.py"))
        if path.name != "__init__.py"
        and not (
            ROOT / "tests" / path.relative_to(ROOT / "tr_desk").parent / f"test_{path.stem}.py"
        ).is_file()
    ]
    assert missing == []


def test_each_subpackage_of_the_window_has_its_tests() -> None:
    packages = [
        p for p in sorted((ROOT / "tr_desk" / "ui").iterdir()) if (p / "__init__.py").is_file()
    ]
    assert len(packages) >= 8
    untested = [
        p.name for p in packages if not list((ROOT / "tests" / "ui" / p.name).glob("test_*.py"))
    ]
    assert untested == []
