"""No module reads the clock when it is imported.

A day read at import (`TODAY = timezone.localdate()`) goes stale when the process crosses midnight in the
site's time zone: a test suite started at 23:50 in Hà Nội, a worker left running overnight. The services then
compare against the new day and refuse a deadline "in the past". The day is read where it is used."""

from __future__ import annotations

import ast
from pathlib import Path

import stttt

CLOCK_READS = {"today", "localdate", "now", "localtime", "time", "monotonic"}


def _reads_clock(node: ast.AST) -> bool:
    """A call such as `localdate()` or `time.time()`, outside a lambda (its body runs later). Calls with
    positional arguments (`dt.time(15, 0)`) construct a value and are not clock reads."""
    if isinstance(node, ast.Lambda):
        return False
    if isinstance(node, ast.Call) and not node.args:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in CLOCK_READS:
            return True
    return any(_reads_clock(child) for child in ast.iter_child_nodes(node))


def clock_reads_at_import(source: str) -> list[int]:
    """The lines of module-level statements (outside functions and classes' methods) that call the clock."""
    lines = []
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign | ast.AnnAssign | ast.Expr) and _reads_clock(statement):
            lines.append(statement.lineno)
    return lines


def test_the_probe_finds_an_import_time_day():
    source = "import datetime as dt\nfrom django.utils import timezone\nTODAY = timezone.localdate()\n"
    assert clock_reads_at_import(source) == [3]
    assert clock_reads_at_import("def today():\n    return timezone.localdate()\n") == []
    assert clock_reads_at_import("YEAR = lambda: timezone.localdate().year\nCUTOFF = dt.time(15, 0)\n") == []


def test_no_module_reads_the_clock_at_import():
    root = Path(stttt.__file__).parent
    found = {
        f"{path.relative_to(root)}:{line}"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        for line in clock_reads_at_import(path.read_text(encoding="utf-8"))
    }
    assert not found, sorted(found)
