"""Writes live in the services layer (DESIGN.md §3): in the legal and org apps, a module that opens a
transaction or creates/saves records is `services` or a module of the `services` package."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
# The org import writes a whole file in one transaction through the org services (services.agency_save…).
OUTSIDE_ALLOWED = {"stttt/org/importing/writers.py"}


def _writes(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "atomic":
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "create":
            owner = node.func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "objects":
                return True
    return False


def writing_modules(app: str) -> set[str]:
    found = set()
    for path in (PACKAGE / app).rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if "/tests/" in relative or "/migrations/" in relative:
            continue
        if _writes(ast.parse(path.read_text(encoding="utf-8"))):
            found.add(relative)
    return found


def test_writes_of_legal_and_org_are_in_services():
    outside = {m for app in ("legal", "org") for m in writing_modules(app) if "/services/" not in m}
    assert outside == OUTSIDE_ALLOWED
    assert "stttt/legal/services/consolidation.py" in writing_modules("legal")
    assert "stttt/org/services/reorganisation.py" in writing_modules("org")


def test_the_scan_sees_a_write():
    assert _writes(ast.parse("with transaction.atomic():\n    pass"))
    assert _writes(ast.parse("Document.objects.create(number='1')"))
    assert not _writes(ast.parse("Document.objects.filter(number='1')"))
