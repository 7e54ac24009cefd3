"""The district table XLSX: a title or a district name typed as a formula stays text."""

import io

from openpyxl import load_workbook

from stttt.core.spreadsheets import live_formulas
from stttt.work import exports

ATTACK = '=HYPERLINK("http://x","y")'


def test_district_xlsx_holds_no_live_formula(dept, district_request):
    district_request.title = ATTACK
    district_request.save(update_fields=["title"])
    dept.district_a.name = "-" + ATTACK
    dept.district_a.save(update_fields=["name"])
    content = exports.district_xlsx(district_request)
    assert live_formulas(content) == []
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == ATTACK and sheet["A1"].data_type == "s"
