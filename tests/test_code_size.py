"""Issue 17: no module over about 400 lines, no function over about 60, without a reason.

Walks every Python module of the project (the apps, site/portal, bench/ and .ci/ scripts, the
sync client in clients/python), leaving out migrations (generated) and the tests themselves.
A function's size is counted with `ast`, from its `def` line to its last line (decorators
not included).
"""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every app of the import contract (pyproject.toml), and the scripts beside them.
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
SOURCE_DIRS = [
    *("site/portal" if app == "portal" else app for app in APPS),
    "bench",
    ".ci",
    "clients/python",
]
SKIPPED_PARTS = {"migrations", "tests", ".venv", "node_modules", "__pycache__"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Exceptions, each with its reason in a comment (none at present). Paths are relative to the
# project root; functions are "path:qualified.name" (methods as "Class.method").
ALLOWED_MODULES: dict[str, str] = {}
ALLOWED_FUNCTIONS: dict[str, str] = {}


def project_modules() -> list[Path]:
    modules = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if not SKIPPED_PARTS.intersection(path.relative_to(ROOT).parts):
                modules.append(path)
    return modules


def long_functions(tree: ast.AST, limit: int) -> list[tuple[str, int]]:
    """(qualified name, lines) of every function or method longer than `limit` lines."""
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(child, prefix)
                continue
            name = f"{prefix}{child.name}"
            lines = child.end_lineno - child.lineno + 1
            if not isinstance(child, ast.ClassDef) and lines > limit:
                found.append((name, lines))
            visit(child, f"{name}.")

    visit(tree, "")
    return found


def test_the_walk_finds_every_app():
    relative = {path.relative_to(ROOT).as_posix() for path in project_modules()}
    for expected in ("core/openapi/document.py", "site/portal/settings/base.py", "bench/run.py"):
        assert expected in relative
    assert not any("migrations" in path or path.startswith("tests/") for path in relative)


def test_modules_are_short():
    offenders = []
    for path in project_modules():
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text().splitlines())
        if lines > MAX_MODULE_LINES and relative not in ALLOWED_MODULES:
            offenders.append(f"{relative}: {lines} lines")
    assert not offenders, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(offenders)


def test_functions_are_short():
    offenders = []
    for path in project_modules():
        relative = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(), filename=str(path))
        for name, lines in long_functions(tree, MAX_FUNCTION_LINES):
            if f"{relative}:{name}" not in ALLOWED_FUNCTIONS:
                offenders.append(f"{relative}:{name}: {lines} lines")
    assert not offenders, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(offenders)


def test_the_allow_lists_name_real_offenders():
    """An exception that no longer applies is removed, so the lists stay honest."""
    modules = {path.relative_to(ROOT).as_posix(): path for path in project_modules()}
    for relative in ALLOWED_MODULES:
        assert len(modules[relative].read_text().splitlines()) > MAX_MODULE_LINES, relative
    for entry in ALLOWED_FUNCTIONS:
        relative, name = entry.split(":")
        tree = ast.parse(modules[relative].read_text())
        assert name in dict(long_functions(tree, MAX_FUNCTION_LINES)), entry
