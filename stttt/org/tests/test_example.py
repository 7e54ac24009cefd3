"""The documented example that breaks the rules gives exactly the findings its header promises."""

import datetime
import io
from pathlib import Path

from stttt.org import importing, selectors

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "org-breaks-rules.yaml"


def test_example_breaks_the_rules_it_says(db):
    from stttt.org import demo

    demo.load(io.StringIO())  # it sits beside the demo Department
    importing.import_yaml(EXAMPLE.read_text(encoding="utf-8"))
    found = selectors.findings_at(selectors.agency_get("STTTT-VD"), datetime.date(2026, 1, 15))
    errors = sorted((f.unit, f.provision, f.code) for f in found if f.severity == "error")
    assert errors == [
        ("VD-BGD", "4.1.b", "deputy_directors_over_cap"),
        ("VD-TTBCXB", "4.2.a", "several_heads"),
        ("VD-TTBCXB", "4.2.a", "too_many_deputies"),
        ("VD-TTCNTT", "4.2.b", "too_many_deputies"),
        ("VD-TTCNTT-HT", "4.2.b", "too_many_deputies"),
        ("VD-TTCNTT-KT", "4.2.b", "division_too_small"),
        ("VD-TTRA", "4.2.a", "division_too_small"),
        ("VD-VP", "4.2.a", "too_many_deputies"),
    ]


def test_minimal_example_imports_and_is_checked(db):
    importing.import_yaml((EXAMPLE.parent / "org-minimal.yaml").read_text(encoding="utf-8"))
    found = selectors.findings_at(selectors.agency_get("STTTT-BP"))
    assert ("VP", "4.2.a", "division_too_small") in {(f.unit, f.provision, f.code) for f in found}
    assert ("TTCNTT-KT", "4.2.b", "division_too_small") in {(f.unit, f.provision, f.code) for f in found}
