"""Nothing about a particular Department is written in code (issue 10): no province name, regulation
number, district or unit code of the demo agencies appears in Python strings, docstrings or comments
outside demo data, tests and migrations. The facts come from `org.Agency`, `org.District` and `legal`."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXCLUDED_PARTS = {"tests", "migrations", "testing"}


def _facts() -> set[str]:
    facts: set[str] = set()
    for path in (ROOT / "org" / "data").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        agency = data["agency"]
        if not isinstance(agency, dict):  # dated events over an agency named by its code
            facts.add(agency)
            continue
        facts |= {agency.get("province", ""), agency.get("regulation", ""), agency["code"]}
        facts |= {u["code"] for u in data.get("units", [])}
        facts |= {d["name"] for d in data.get("districts", [])}
    return {f for f in facts if f}


def _offences(source: str, facts: set[str]) -> list[str]:
    patterns = {f: re.compile(rf"(?<![\w.-]){re.escape(f)}(?![\w-])") for f in facts}
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in (tokenize.STRING, tokenize.COMMENT):
            continue
        found += [
            f"line {token.start[0]}: {fact}" for fact, pattern in patterns.items() if pattern.search(token.string)
        ]
    return found


def test_no_demo_agency_fact_in_python_code():
    facts = _facts()
    assert {"Bình Phước", "12/2023/QĐ-UBND", "VP"} <= facts
    offences = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if EXCLUDED_PARTS & set(relative.parts) or path.name == "demo.py":
            continue
        offences += [f"{relative} {o}" for o in _offences(path.read_text(encoding="utf-8"), facts)]
    assert offences == []


def test_the_scan_finds_a_fact_in_a_string_or_comment_but_not_in_a_name():
    facts = {"Bình Phước", "VP"}
    assert _offences('x = "Sở tỉnh Bình Phước"\n', facts)
    assert _offences("y = 1  # the desk is VP\n", facts)
    assert _offences('z = "VP-01"\n', facts) == []
    assert _offences("VP_COUNT = 2\n", facts) == []
