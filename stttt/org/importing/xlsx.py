"""Staff lists from an Excel sheet (one row per person), imported like the `staff` section of a file."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.org import selectors
from stttt.org.importing.problems import ImportFailed, ImportReport, Problem
from stttt.org.importing.writers import import_data
from stttt.org.models import Agency

HEADERS = {
    "id": {"id", "ma", "ma can bo", "ma nhan su", "ma so", "staff id"},
    "name": {"name", "ho va ten", "ho ten", "full name"},
    "category": {"category", "loai", "loai nhan su", "doi tuong"},
    "unit": {"unit", "don vi", "ma don vi", "phong"},
    "position": {"position", "chuc vu", "chuc danh"},
    "start_on": {"start_on", "start", "tu ngay", "ngay bat dau"},
    "end_on": {"end_on", "end", "den ngay", "ngay ket thuc"},
    "email": {"email", "thu dien tu"},
    "phone": {"phone", "dien thoai", "so dien thoai"},
    "user": {"user", "tai khoan", "ten dang nhap"},
}
REQUIRED_HEADERS = ("id", "name", "category", "unit")


def read_staff_xlsx(content: bytes) -> tuple[list[dict], dict[str, str]]:
    """Rows of a staff sheet as staff mappings (each with its sheet row number) and the header labels."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        raise ImportFailed([Problem("", "", _("The file is not an Excel workbook (.xlsx)."))]) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    columns: dict[int, str] = {}
    labels: dict[str, str] = {}
    for index, label in enumerate(header):
        key = next((k for k, words in HEADERS.items() if fold(str(label or "")) in words), None)
        if key:
            columns[index], labels[key] = key, str(label)
    missing = [k for k in REQUIRED_HEADERS if k not in labels]
    if missing:
        raise ImportFailed([Problem("1", k, _("Column missing from the first row.")) for k in missing])
    records = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        record = {key: values[i] for i, key in columns.items() if i < len(values) and values[i] not in (None, "")}
        record["_row"] = number
        records.append(record)
    return records, labels


def import_staff_xlsx(content: bytes, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a staff list (one row per person) into an existing agency; all rows or none."""
    agency = agency or selectors.agency_get()
    records, labels = read_staff_xlsx(content)
    staff = []
    for record in records:
        staff.append({k: v for k, v in record.items() if k != "_row"})
    try:
        return import_data({"staff": staff}, actor=actor, agency=agency)
    except ImportFailed as failed:
        numbers = {f"staff #{i}": str(r["_row"]) for i, r in enumerate(records, start=1)}
        raise ImportFailed(
            [
                Problem(numbers.get(p.row.split(" concurrent")[0], p.row), labels.get(p.column, p.column), p.reason)
                for p in failed.problems
            ]
        ) from None
