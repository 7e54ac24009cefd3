"""Open-data exports of the public registers (CSV, JSON, XLSX), one documented schema (docs/licensing.md).

Only what the law makes public leaves here: never a personal ID number, an individual's home address, a
phone number or an e-mail address. `public_row` is the one place that decides it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from stttt.licensing import rules
from stttt.licensing.choices import Status
from stttt.licensing.kinds import KINDS
from stttt.licensing.models import Licence

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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


def _flat(row: dict[str, Any]) -> list[str]:
    out = []
    for name, _description in COLUMNS:
        value = row[name]
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in value.items())
        out.append(str(value))
    return out


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _d in COLUMNS])
    for row in rows:
        writer.writerow(_flat(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets open UTF-8 correctly


def to_json(rows: list[dict[str, Any]], *, title: str, generated: dt.date) -> bytes:
    payload = {"schema_version": SCHEMA_VERSION, "title": title, "generated_on": generated.isoformat(),
               "fields": {name: description for name, description in COLUMNS}, "count": len(rows), "items": rows}
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]], *, title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "so-dang-ky"
    sheet.append([title])
    sheet.append([name for name, _d in COLUMNS])
    for row in rows:
        sheet.append(_flat(row))
    fields = book.create_sheet("truong-du-lieu")
    fields.append(["field", "description"])
    for name, description in COLUMNS:
        fields.append([name, description])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
