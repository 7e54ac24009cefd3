"""Open-data exports of the public registers (CSV, JSON, XLSX), one documented schema (docs/licensing.md).

Only what the law makes public leaves here: never a personal ID number, an individual's home address, a
phone number or an e-mail address. `public_row` is the one place that decides it.

Two readers, two shapes of the same rows:
- JSON is open data for programs: field names of `COLUMNS` as keys, dates in ISO 8601 (YYYY-MM-DD), codes
  as codes, the subject as an object keyed by field name;
- CSV and XLSX are for people: Vietnamese column headings (`HEADINGS`), dates as dd/mm/yyyy, the subject as
  "label: value" lines with the Vietnamese labels of the kind's fields, and every cell neutralised against
  formula injection (`stttt.core.spreadsheets`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.utils import translation

from stttt.core import spreadsheets
from stttt.licensing import rules
from stttt.licensing.choices import Status
from stttt.licensing.kinds import KINDS
from stttt.licensing.models import Licence

SCHEMA_VERSION = "1"

# (column, description) — the documented schema of every export; the order is the CSV/XLSX column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "Mã loại giấy phép (kind code)"),
    ("kind_name", "Tên loại giấy phép"),
    ("number", "Số, ký hiệu"),
    ("issuer", "Cơ quan cấp"),
    ("holder_type", "organisation | person"),
    ("holder_name", "Tên tổ chức, cá nhân được cấp"),
    ("holder_code", "Mã số doanh nghiệp/đơn vị (chỉ với tổ chức)"),
    ("holder_address", "Địa chỉ trụ sở (chỉ với tổ chức)"),
    ("district", "Mã huyện, thị xã, thành phố"),
    ("district_name", "Tên huyện, thị xã, thành phố"),
    ("subject", "Nội dung được cấp phép (các trường công khai)"),
    ("issued_on", "Ngày cấp (YYYY-MM-DD)"),
    ("valid_from", "Có hiệu lực từ (YYYY-MM-DD)"),
    ("valid_until", "Hết hạn (YYYY-MM-DD, sau gia hạn; trống: không thời hạn)"),
    ("status", "valid | suspended | revoked | expired"),
    ("status_name", "Tình trạng"),
    ("suspended_until", "Tạm đình chỉ đến (YYYY-MM-DD)"),
    ("revoked_on", "Ngày thu hồi (YYYY-MM-DD)"),
    ("citation", "Điều khoản của quy định"),
    ("verification_url", "Địa chỉ tra cứu"),
)


# Vietnamese headings of the human exports (CSV, XLSX), in the order of `COLUMNS`.
HEADINGS: dict[str, str] = {
    "kind": "Mã loại",
    "kind_name": "Loại giấy phép",
    "number": "Số, ký hiệu",
    "issuer": "Cơ quan cấp",
    "holder_type": "Tổ chức/cá nhân",
    "holder_name": "Tên tổ chức, cá nhân được cấp",
    "holder_code": "Mã số doanh nghiệp/đơn vị",
    "holder_address": "Địa chỉ trụ sở",
    "district": "Mã huyện",
    "district_name": "Huyện, thị xã, thành phố",
    "subject": "Nội dung được cấp phép",
    "issued_on": "Ngày cấp",
    "valid_from": "Có hiệu lực từ",
    "valid_until": "Hết hạn",
    "status": "Mã tình trạng",
    "status_name": "Tình trạng",
    "suspended_until": "Tạm đình chỉ đến",
    "revoked_on": "Ngày thu hồi",
    "citation": "Điều khoản của quy định",
    "verification_url": "Địa chỉ tra cứu",
}
DATE_COLUMNS = frozenset({"issued_on", "valid_from", "valid_until", "suspended_until", "revoked_on"})
HOLDER_TYPES = {"organisation": "Tổ chức", "person": "Cá nhân"}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def public_subject(licence: Licence, day: dt.date) -> dict[str, Any]:
    kind = KINDS[licence.kind]
    current = licence.subject_on(day)
    return {spec.name: current[spec.name] for spec in kind.subject if spec.public and spec.name in current}


def public_row(licence: Licence, day: dt.date, verification_url: str) -> dict[str, Any]:
    """One licence as published. Personal data that the law does not make public is left out."""
    facts = licence.event_facts()
    status = rules.status_on(day, licence.valid_from, licence.valid_until, facts)
    in_force = [f for f in facts if f.effective_on <= day]
    suspension = [f.end_on for f in in_force if f.type == "suspend" and f.end_on and f.end_on >= day]
    revoked = [f.effective_on for f in in_force if f.type == "revoke"]
    return {
        "kind": licence.kind,
        "kind_name": str(KINDS[licence.kind].label),
        "number": licence.number,
        "issuer": licence.issuer_name,
        "holder_type": licence.holder_type,
        "holder_name": licence.holder_name_on(day),
        "holder_code": rules.public_holder_identifier(licence.holder_type, licence.holder_id_number),
        "holder_address": rules.public_holder_address(licence.holder_type, licence.holder_address),
        "district": licence.district,
        "district_name": licence.district_name,
        "subject": public_subject(licence, day),
        "issued_on": _date(licence.issued_on),
        "valid_from": _date(licence.valid_from),
        "valid_until": _date(rules.effective_until(licence.valid_until, facts, day)),
        "status": status,
        "status_name": str(Status(status).label),
        "suspended_until": _date(max(suspension)) if status == Status.SUSPENDED and suspension else "",
        "revoked_on": _date(revoked[0]) if revoked else "",
        "citation": licence.citation,
        "verification_url": verification_url,
    }


def _human_date(value: str) -> str:
    """An ISO date of a row (YYYY-MM-DD) as people read it (dd/mm/yyyy); empty stays empty."""
    return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def _subject_text(kind_code: str, subject: dict[str, Any]) -> str:
    """The public subject as "label: value" parts with the kind's Vietnamese field labels."""
    kind = KINDS.get(kind_code)
    parts = []
    for name, value in subject.items():
        spec = kind.subject_field(name) if kind else None
        label = str(spec.label) if spec else name
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{label[:1].upper()}{label[1:]}: {shown}")
    return "; ".join(parts)


def _flat(row: dict[str, Any]) -> list[str]:
    """One row of the human exports: Vietnamese labels and dates; the cells are neutralised by the writer."""
    out = []
    with translation.override("vi"):
        for name, _description in COLUMNS:
            value = row[name]
            if name == "subject":
                value = _subject_text(row["kind"], value)
            elif name in DATE_COLUMNS:
                value = _human_date(value)
            elif name == "holder_type":
                value = HOLDER_TYPES.get(value, value)
            out.append(str(value))
    return out


def headings() -> list[str]:
    return [HEADINGS[name] for name, _description in COLUMNS]


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """The register as CSV for people (UTF-8 with a BOM, Vietnamese headings, dd/mm/yyyy, safe cells)."""
    return b"".join(csv_chunks(rows))


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """`to_csv` in pieces, reading the rows as they come (a streamed download in constant memory)."""
    return spreadsheets.csv_chunks(headings(), (_flat(row) for row in rows))


def to_json(rows: list[dict[str, Any]], *, title: str, generated: dt.date) -> bytes:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "generated_on": generated.isoformat(),
        "fields": {name: description for name, description in COLUMNS},
        "count": len(rows),
        "items": rows,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]], *, title: str) -> bytes:
    with xlsx_file(rows, title=title) as output:
        return output.read()


def xlsx_file(rows: Iterable[dict[str, Any]], *, title: str) -> IO[bytes]:
    """The register as an XLSX file written in write-only mode (constant memory), open at its start."""
    fields = [["Cột", "Trường dữ liệu mở (JSON)", "Mô tả"], *([HEADINGS[n], n, d] for n, d in COLUMNS)]
    register = itertools.chain([[title], headings()], (_flat(row) for row in rows))
    return spreadsheets.xlsx_file([("so-dang-ky", register), ("truong-du-lieu", fields)])
