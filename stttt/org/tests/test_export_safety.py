"""The staffing plan XLSX: a unit or agency name typed as a formula stays text."""

import io

from openpyxl import load_workbook

from stttt.core.spreadsheets import live_formulas
from stttt.org import exports

ATTACK = '=HYPERLINK("http://x","y")'


def test_plan_xlsx_holds_no_live_formula():
    row = {
        "name": ATTACK,
        "quota_civil_servants": 5,
        "actual_civil_servants": 4,
        "proposed_civil_servants": 5,
        "quota_public_employees": None,
        "actual_public_employees": 0,
        "proposed_public_employees": 0,
    }
    content = exports.plan_xlsx("=cmd|' /C calc'!A0", 2026, [row])
    assert live_formulas(content) == []
    values = [c.value for line in load_workbook(io.BytesIO(content)).active.iter_rows() for c in line]
    assert ATTACK in values
