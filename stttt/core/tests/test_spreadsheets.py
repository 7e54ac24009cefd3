"""Formula injection (OWASP "CSV Injection"): the one helper every CSV/XLSX export writes through."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from stttt.core import spreadsheets

ATTACK = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("value", [ATTACK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_risky_texts_get_a_quote_in_csv(value):
    rows = list(csv.reader(io.StringIO(spreadsheets.to_csv(["a"], [[value]]).decode("utf-8-sig"))))
    assert rows[1] == ["'" + value]


def test_plain_values_are_unchanged_in_csv():
    rows = list(csv.reader(io.StringIO(spreadsheets.to_csv(None, [["Nguyễn Văn An", 12, None]]).decode("utf-8-sig"))))
    assert rows == [["Nguyễn Văn An", "12", ""]]


def _saved(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_text_never_becomes_a_formula():
    book = Workbook()
    spreadsheets.append(book.active, [ATTACK, 5, "-3", "ok"])
    content = _saved(book)
    assert spreadsheets.live_formulas(content) == []
    cell = load_workbook(io.BytesIO(content)).active["A1"]
    assert cell.data_type == "s" and cell.value == ATTACK and cell.quotePrefix
    assert load_workbook(io.BytesIO(content)).active["B1"].value == 5


def test_the_check_finds_a_plain_append():
    book = Workbook()
    book.active.append([ATTACK])  # openpyxl alone writes a live formula: what the helper prevents
    assert spreadsheets.live_formulas(_saved(book)) == ["Sheet!A1"]


def test_every_module_that_writes_a_spreadsheet_uses_the_helper():
    """A new CSV or XLSX export must write its cells through `stttt.core.spreadsheets`."""
    import pathlib
    import re

    root = pathlib.Path(spreadsheets.__file__).resolve().parents[1]
    writes = re.compile(r"\bWorkbook\(\)|csv\.writer\(|csv\.DictWriter\(")
    bypass = re.compile(r"\bsheet\.append\(|\bfields\.append\(|writer\.writerow\(")
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "spreadsheets.py":
            continue
        text = path.read_text(encoding="utf-8")
        if writes.search(text) and ("spreadsheets" not in text or bypass.search(text)):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
