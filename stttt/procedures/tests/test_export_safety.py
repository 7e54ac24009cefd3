"""The statistics XLSX: a procedure or division name typed as a formula stays text."""

from stttt.core.spreadsheets import live_formulas
from stttt.procedures import exports

ATTACK = '=HYPERLINK("http://x","y")'


def test_statistics_xlsx_holds_no_live_formula():
    row = {
        "key": "@1",
        "name": ATTACK,
        "division": "+Phòng",
        "received": 3,
        "resolved_on_time": 1,
        "resolved_late": 0,
        "in_progress_on_time": 1,
        "in_progress_overdue": 1,
        "withdrawn": 0,
        "average_working_days": -1.5,
    }
    assert live_formulas(exports.statistics_xlsx("2026-03", [row])) == []
