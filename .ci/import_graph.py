"""The project's import graph between apps: back arrows and mutual imports.

    python .ci/import_graph.py [CHECKOUT]   # counts and the offending arrows

CHECKOUT (default: this one) is measured against this checkout's contract, so an older
version of the code can be measured against today's layers.

An arrow is "app A imports app B" (any module of A outside migrations imports a module of B,
at any place in the file). Layers are listed bottom first; an arrow from a lower layer to a
higher one runs back up. The contract itself is enforced by import-linter
(`[tool.importlinter]` in pyproject.toml); this script only measures, for the notes.
"""

import ast
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
# The layers of the import contract in pyproject.toml, bottom first; apps joined by "|" in one
# layer are siblings (they must not import each other).
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = [
    tuple(app.strip() for app in layer.split("|"))
    for layer in reversed(CONTRACT["contracts"][0]["layers"])
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}


def app_of_path(path: Path) -> str | None:
    parts = path.relative_to(TREE).parts
    if parts[0] == "site" and len(parts) > 1 and parts[1] == "portal":
        return "portal"
    return parts[0] if parts[0] in RANK else None


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found.update(name.split(".")[0] for name in names if name.split(".")[0] in RANK)
    return found


def main() -> int:
    arrows = defaultdict(set)
    for path in sorted(TREE.rglob("*.py")):
        rel = path.relative_to(TREE).parts
        if rel[0] in {".venv", "tests", "bench", ".ci"} or "migrations" in rel:
            continue
        source = app_of_path(path)
        if source is None:
            continue
        for target in imported_apps(path) - {source}:
            arrows[(source, target)].add(str(path.relative_to(TREE)))
    back = sorted(pair for pair in arrows if RANK[pair[0]] <= RANK[pair[1]])
    mutual = sorted({tuple(sorted(pair)) for pair in arrows if pair[::-1] in arrows})
    print(f"app arrows: {len(arrows)}")
    print(f"back arrows (to a higher or sibling layer): {len(back)}")
    for source, target in back:
        print(f"  {source} -> {target}: {', '.join(sorted(arrows[(source, target)]))}")
    print(f"mutual imports (pairs of apps importing each other): {len(mutual)}")
    for first, second in mutual:
        print(f"  {first} <-> {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
