"""Bulk writes bypass history: `QuerySet.update()` and `bulk_update()` on a tracked model write no history
row and no audit entry. This test finds them in the project's code; each legitimate one is listed below
with the reason it is safe (the same record is saved through the ORM right after, in the same
transaction, so its history row and audit entry carry the new values).

`QuerySet.delete()` is not listed: django-simple-history listens to `post_delete`, so Django deletes
tracked rows one by one with a history row each (see test_auditlog.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps

PACKAGE = Path(__file__).resolve().parents[2]
BULK_METHODS = {"update", "bulk_update"}
# (file, function, model expression) -> why the bulk write is followed by an audited save.
ALLOWED = {
    (
        "stttt/core/workflow.py",
        "apply",
        "model",
    ): "optimistic version bump; the record is saved right after with record.save(), which writes the "
    "history row and the audit entry (action 'transition') with the new version",
    (
        "stttt/procedures/services/__init__.py",
        "dossier_transition",
        "Dossier",
    ): "optimistic version bump; dossier.save() follows in the same transaction",
}


def tracked_model_names() -> set[str]:
    return {m.__name__ for m in apps.get_models() if hasattr(m, "history") and not m.__name__.startswith("Historical")}


def _root_name(node: ast.AST) -> str | None:
    """The name a call chain starts from: `Model.objects.filter(...).update` -> "Model"."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Name):
            return node.id
        else:
            return None


def _uses_manager(node: ast.AST) -> bool:
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager", "history"}:
            return True
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return False


def bulk_writes() -> list[tuple[str, str, str, int]]:
    """(file, enclosing function, root name, line) of every manager-based update()/bulk_update()."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if "/tests/" in relative or "/migrations/" in relative or relative.startswith("stttt/testing/"):
            continue
        tree = ast.parse(path.read_text(), filename=relative)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in BULK_METHODS
                    and _uses_manager(node.func.value)
                ):
                    found.append((relative, function.name, _root_name(node.func.value) or "?", node.lineno))
    return sorted(set(found))


@pytest.mark.django_db
def test_no_unaudited_bulk_write_on_a_tracked_model():
    tracked = tracked_model_names()
    offenders = [
        f"{file}:{line} {function}() {root}.…{'.update()'}"
        for file, function, root, line in bulk_writes()
        if (root in tracked or not root[:1].isupper()) and (file, function, root) not in ALLOWED
    ]
    assert offenders == [], (
        "QuerySet.update()/bulk_update() on a tracked model writes no history or audit entry: save each "
        "record through the ORM (or add an entry to ALLOWED saying which audited save follows):\n"
        + "\n".join(offenders)
    )


def test_the_scanner_finds_a_bulk_update(tmp_path):
    source = "def f():\n    Dossier.objects.filter(pk=1).update(status='x')\n    qs.filter(a=1).update(b=2)\n"
    tree = ast.parse(source)
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "update"
        and _uses_manager(n.func.value)
    ]
    assert [_root_name(c.func.value) for c in calls] == ["Dossier"]


def test_every_allowed_entry_is_still_in_the_code():
    present = {(file, function, root) for file, function, root, _ in bulk_writes()}
    assert set(ALLOWED) <= present, sorted(set(ALLOWED) - present)
