"""The public register exports: no live formula from an applicant's text; Vietnamese headings and subject
labels, dd/mm/yyyy dates for people, ISO dates in the JSON open data."""

import csv
import datetime as dt
import io
import json

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from stttt.core.spreadsheets import live_formulas
from stttt.licensing import exports
from stttt.licensing import services as licensing_services

ATTACK = '=HYPERLINK("http://x","y")'


def _licence(dept):
    return licensing_services.licence_record(
        "game_point",
        actor=dept.officer,
        data={
            "issuer": "district",
            "issuer_name": "UBND huyện",
            "district": dept.district_a.code,
            "holder_type": "organisation",
            "holder_id_number": "3801234567",
            "holder_address": "-1 Lê Lợi",
            "holder_name": ATTACK,
            "number": "01/GCN-UBND",
            "issued_on": dt.date(2026, 3, 5),
        },
        subject={"point_name": "@Điểm game", "facility_address": "+Ấp 1, Lộc Ninh", "machines": 20},
    )


def test_register_exports_hold_no_live_formula(dept, catalog):
    _licence(dept)
    client = Client()
    url = lambda fmt: reverse("portal:register_export", args=["danh-sach-3-8-c", fmt])  # noqa: E731
    table = list(csv.reader(io.StringIO(client.get(url("csv")).getvalue().decode("utf-8-sig"))))
    row = table[1]
    assert "'" + ATTACK in row and "'-1 Lê Lợi" in row
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for line in table for cell in line)
    content = client.get(url("xlsx")).getvalue()
    assert live_formulas(content) == []
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [c for line in sheet.iter_rows() for c in line if c.value == ATTACK]
    assert cells and all(c.data_type == "s" for c in cells)
    # JSON is open data for programs: the value as typed, never altered
    data = json.loads(client.get(url("json")).content)
    assert data["items"][0]["holder_name"] == ATTACK


def test_human_exports_speak_vietnamese_and_json_keeps_iso(dept, catalog):
    licence = _licence(dept)
    rows = [exports.public_row(licence, dt.date(2026, 3, 10), "http://x/")]
    table = list(csv.reader(io.StringIO(exports.to_csv(rows).decode("utf-8-sig"))))
    heading, row = table
    assert heading[:3] == ["Mã loại", "Loại giấy phép", "Số, ký hiệu"] and "Ngày cấp" in heading
    assert "issued_on" not in heading and "holder_name" not in heading
    values = dict(zip(heading, row, strict=True))
    assert values["Ngày cấp"] == "05/03/2026"
    assert values["Tổ chức/cá nhân"] == "Tổ chức"
    subject = values["Nội dung được cấp phép"]
    assert "facility_address" not in subject and "point_name" not in subject
    assert "Địa chỉ" in subject and "Lộc Ninh" in subject
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(rows, title="t"))).active
    assert [c.value for c in sheet[2]] == heading
    assert (
        json.loads(exports.to_json(rows, title="t", generated=dt.date(2026, 3, 10)))["items"][0]["issued_on"]
        == "2026-03-05"
    )


def test_register_exports_stream_in_constant_memory():
    """CSV in pieces as the rows come, XLSX from openpyxl's write-only mode: memory does not grow with the
    number of rows (a register ten times larger costs no more than a small one)."""
    import tracemalloc

    from stttt.licensing import exports

    def peak(count: int, write) -> int:
        row = {name: "Công ty TNHH Minh Phát" for name, _description in exports.COLUMNS}
        row |= {"kind": "printing", "subject": {"scope": "sách"}} | dict.fromkeys(exports.DATE_COLUMNS, "2026-01-02")
        tracemalloc.start()
        write(row for _ in range(count))
        _current, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    def stream_csv(rows):
        for _chunk in exports.csv_chunks(rows):
            pass

    def write_xlsx(rows):
        exports.xlsx_file(rows, title="Sổ").close()

    for write in (stream_csv, write_xlsx):
        small, large = peak(500, write), peak(5000, write)
        assert large < small * 1.5 + 256 * 1024, (write.__name__, small, large)
