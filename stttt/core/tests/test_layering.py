"""The layering of DESIGN.md §3, enforced: a lower layer never imports a higher one, and no two apps
import each other (directly or through others). Every import counts, including those inside functions.

    core -> accounts -> legal -> org -> capabilities -> interfaces (api, web, portal) -> config

A new app must be placed in `LAYERS` before it can land.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the `stttt` package

CAPABILITIES = {
    "procedures",
    "licensing",
    "work",
    "correspondence",
    "press",
    "inspection",
    "cyber",
    "digital",
    "supervision",
}
LAYERS: dict[str, int] = {
    "core": 0,
    "accounts": 1,
    "legal": 2,
    "org": 3,
    **dict.fromkeys(CAPABILITIES, 4),
    "api": 5,
    "web": 5,
    "portal": 5,
    "config": 6,
    "testing": 7,  # test support: imports anything, imported by tests only
}


def _imports() -> dict[str, dict[str, list[str]]]:
    """app -> imported app -> the files that import it."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if len(parts) < 2 or "tests" in parts or "migrations" in parts:
            continue
        app = parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                bits = name.split(".")
                if bits[0] == "stttt" and len(bits) > 1 and (ROOT / bits[1]).is_dir() and bits[1] != app:
                    found[app][bits[1]].append(str(path.relative_to(ROOT.parent)))
    return found


def _apps() -> set[str]:
    return {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_every_app_has_a_layer():
    assert _apps() - set(LAYERS) == set(), "place the new app in LAYERS (DESIGN.md §3)"


def _upward(imports: dict[str, dict[str, list[str]]]) -> list[str]:
    return [
        f"{app} (layer {LAYERS[app]}) imports {target} (layer {LAYERS[target]}) in {sorted(set(files))}"
        for app, targets in imports.items()
        for target, files in targets.items()
        if LAYERS.get(target, 99) > LAYERS.get(app, -1)
    ]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []

    def visit(app: str, path: list[str]) -> None:
        for target in sorted(graph.get(app, ())):
            if target in path:
                cycles.append([*path[path.index(target) :], target])
            else:
                visit(target, [*path, target])

    for app in sorted(graph):
        visit(app, [app])
    return cycles


def test_no_lower_layer_imports_a_higher_one():
    assert _upward(_imports()) == []


def test_apps_import_each_other_without_cycles():
    assert _cycles({app: set(targets) for app, targets in _imports().items()}) == []


def test_the_checks_catch_what_they_guard_against():
    assert _imports()["portal"], "the scan must find real imports"
    assert _upward({"org": {"portal": ["stttt/org/x.py"]}, "portal": {"org": ["stttt/portal/y.py"]}}) == [
        "org (layer 3) imports portal (layer 5) in ['stttt/org/x.py']"
    ]
    assert _cycles({"procedures": {"licensing"}, "licensing": {"work"}, "work": {"procedures"}})
    assert _cycles({"licensing": {"procedures"}, "procedures": set()}) == []
