"""Versions of a procedure, reads: the version in force on a day, the facts of a version, their readable
diff, the transfers the reorganisation data calls for, and the parsing of a national export.

A dossier is handled under the version in force on the day it was filed (`version_for_filing`). The writes
(draft, edit, publish, end, transfer, import) are in `stttt.procedures.services.versioning`.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.legal import selectors as legal_selectors
from stttt.org.models import Agency
from stttt.procedures import rules
from stttt.procedures.choices import VersionStatus
from stttt.procedures.models import Component, Procedure, ProcedureVersion

# --- reads --------------------------------------------------------------------------------------------


def versions_of(procedure: Procedure) -> QuerySet[ProcedureVersion]:
    return ProcedureVersion.objects.filter(procedure=procedure).order_by("number")


def version_in_force(procedure: Procedure, day: dt.date | None = None) -> ProcedureVersion | None:
    """The published version valid on `day` (today by default), or None (not yet, or no longer, in force)."""
    day = day or timezone.localdate()
    return (
        ProcedureVersion.objects.filter(procedure=procedure, status=VersionStatus.PUBLISHED)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-number")
        .first()
    )


def version_for_filing(procedure: Procedure, day: dt.date) -> ProcedureVersion | None:
    """The version a dossier filed on `day` is bound to. A procedure that has never had a version (created
    outside the catalogue services) files under its own row: None. One that has versions but none in force
    on `day` refuses the filing, with where to go instead (`filing_refusal`)."""
    version = version_in_force(procedure, day)
    if version is None and ProcedureVersion.objects.filter(procedure=procedure).exists():
        raise ValidationError(filing_refusal(procedure, day))
    return version


def filing_refusal(procedure: Procedure, day: dt.date) -> str:
    """Why a procedure takes no filing on `day`, and where to go (its end note says it, from data)."""
    last = (
        ProcedureVersion.objects.filter(procedure=procedure, status=VersionStatus.PUBLISHED, valid_to__lt=day)
        .order_by("-number")
        .first()
    )
    if last is None:
        return _("This procedure is not in force yet.")
    assert last.valid_to is not None  # filtered on valid_to above
    since = last.valid_to + dt.timedelta(days=1)
    message = _("This procedure is no longer handled here since %(day)s.") % {"day": since.strftime("%d/%m/%Y")}
    where = Procedure.objects.filter(pk=procedure.pk).values_list("notes", flat=True).first() or ""
    return f"{message} {where}".strip()


def facts_of(source: ProcedureVersion | Procedure) -> dict[str, Any]:
    """The facts of a version, or of a catalogue row in the shape of a version (for the first draft)."""
    if isinstance(source, ProcedureVersion):
        facts = {name: getattr(source, name) for name in rules.FACT_FIELDS}
        facts.update(announcements=source.announcements, valid_from=source.valid_from, valid_to=source.valid_to)
        return facts
    facts = {name: getattr(source, name) for name in rules.FACT_FIELDS if hasattr(source, name)}
    facts.update(
        national_code=source.code,
        local_time_limit_basis="",
        steps=[
            {"stage": stage, "days": getattr(source, f"{stage}_days"), "unit": "working", "basis": ""}
            for stage in rules.VERSION_STAGES
        ],
        components=[
            {"name": c.name, "copy_kind": c.copy_kind, "copies": c.copies, "form": c.form, "required": c.required}
            for c in source.components.order_by("order", "id")
        ],
    )
    return facts


def components_of(terms: ProcedureVersion | Procedure, rows: Iterable[Component] | None = None) -> list[Component]:
    """The dossier components of a version (what a dossier filed under it must hold), as the procedure's
    component rows in the version's order with the version's copies, form and required flag; for a procedure
    without versions, its own rows. Publishing gives each listed component a row
    (`services.components_sync`); a name without a row (a draft) is left out. `rows`: the procedure's rows
    when already fetched."""
    if isinstance(terms, Procedure):
        return list(rows if rows is not None else terms.components.all())
    by_name = {" ".join(c.name.split()): c for c in (rows if rows is not None else terms.procedure.components.all())}
    found = []
    for item in terms.components:
        row = by_name.get(" ".join(str(item.get("name") or "").split()))
        if row is None:
            continue
        row = copy.copy(row)  # the version's flags on a copy: the row itself stays as stored
        row.copy_kind = item.get("copy_kind") or row.copy_kind
        row.copies = int(item.get("copies") or row.copies)
        row.form = item.get("form", row.form) or ""
        row.required = bool(item.get("required", row.required))
        found.append(row)
    return found


def diff_lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """A readable diff of two sets of facts: one line per changed fact, components added and removed."""
    labels = {f.name: str(f.verbose_name) for f in ProcedureVersion._meta.get_fields() if hasattr(f, "verbose_name")}
    lines = []
    for name, before, after in rules.facts_diff(old, new):
        if name == "components":
            for item in sorted(set(before) - set(after)):
                lines.append(f"- {labels[name]}: {item[0]}")
            for item in sorted(set(after) - set(before)):
                lines.append(f"+ {labels[name]}: {item[0]}")
        elif name == "steps":
            old_steps = {s[0]: s for s in before}
            for stage, days, basis in after:
                if old_steps.get(stage) != (stage, days, basis):
                    was = old_steps.get(stage)
                    lines.append(f"~ {labels[name]} {stage}: {was[1] if was else '—'} → {days} ({basis})")
        else:
            lines.append(f"~ {labels[name]}: {_show(before)} → {_show(after)}")
    return lines


def _show(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


# --- transfers (the 2025 reorganisation) -------------------------------------------------------------


@dataclass(frozen=True)
class Transfer:
    """A procedure whose empowering duty a recorded change of competence moved to another body."""

    procedure: Procedure
    starts: dt.date  # the first day the other body holds it
    holder: str
    basis: str


def transfers_due(agency: Agency, day: dt.date) -> list[Transfer]:
    """The procedures of `agency` whose duty, by `day`, a change of competence over a part of the regulation
    (`legal.CompetenceChange` with a scope, read from the reorganisation data) gave to another body, and that
    still take filings here after it. A change over the whole regulation is the agency's own succession
    (a merger, a new name), not a transfer."""
    found = []
    procedures = Procedure.objects.filter(agency=agency, provision__isnull=False).select_related("provision__document")
    for procedure in procedures:
        held = legal_selectors.holder_of(procedure.provision, day)  # type: ignore[arg-type]
        step = next(
            s for s in reversed(held["history"]) if (s["holder"], s["basis"]) == (held["holder"], held["basis"])
        )
        if not step["scope"] or step["from"] is None:
            continue
        if version_in_force(procedure, step["from"]) is None:
            continue  # already ended here
        found.append(Transfer(procedure, step["from"], step["holder"], step["basis"]))
    return found


# --- import -------------------------------------------------------------------------------------------


def _count(value: Any) -> int:
    """A number of copies as exported ("2", 2, "02 bản"); 1 when none is given or it is not a number."""
    found = re.match(r"\s*(\d{1,4})", str(value or ""))
    return max(1, int(found.group(1))) if found else 1


def national_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The facts of a procedure from the national database's JSON export (keys as exported: MaTTHC,
    TenTTHC, LinhVuc, CapThucHien, ThoiHanGiaiQuyet, DonViThoiGian, ThanhPhanHoSo, PhiLePhi, CanCuPhapLy,
    KetQua), in the shape of a version. Unknown keys are ignored; missing ones stay empty for review."""

    def text(key: str) -> str:
        return " ".join(str(data.get(key) or "").split())

    def items(key: str) -> list[Any]:  # a list as exported, or one item a line in a text
        value = data.get(key) or []
        return value.splitlines() if isinstance(value, str) else value if isinstance(value, list) else [value]

    components = [
        {
            "name": " ".join(str((item.get("Ten") or "") if isinstance(item, dict) else item).split()),
            "copy_kind": "original",
            "copies": _count(item.get("SoLuong")) if isinstance(item, dict) else 1,
            "form": "",
            "required": True,
        }
        for item in items("ThanhPhanHoSo")
        if item not in (None, "")
    ]
    facts: dict[str, Any] = {
        "national_code": text("MaTTHC"),
        "name": text("TenTTHC"),
        "legal_basis": "; ".join(str(b).strip() for b in items("CanCuPhapLy") if str(b).strip()),
        "fee": text("PhiLePhi"),
        "result_name": text("KetQua"),
        "components": [c for c in components if c["name"]],
    }
    limit = data.get("ThoiHanGiaiQuyet")
    if limit not in (None, ""):
        number = re.match(r"\s*(\d+)", str(limit))  # 10, or "10 ngày làm việc" in a spreadsheet cell
        try:
            facts["time_limit"] = int(number.group(1) if number else limit)
        except (TypeError, ValueError):
            raise ValidationError(
                _("The time limit of the export is not a number: %(value)s.") % {"value": limit}
            ) from None
        unit = f"{text('DonViThoiGian')} {limit}".lower()
        facts["time_unit"] = "working" if "làm việc" in unit else "calendar"
    return {key: value for key, value in facts.items() if value not in ("", [], None)}


# Column headings of the national database's spreadsheet export and of a PPC announcement's annex table,
# folded to lower case. Seen in published announcements' annex tables: "STT", "Mã số TTHC", "Tên thủ tục hành
# chính", "Thời hạn giải quyết", "Phí, lệ phí (nếu có)", "Căn cứ pháp lý"; on a provincial portal's list "Tên
# thủ tục", "Ngày thụ lý" (tthc.thuathienhue.gov.vn). [verify: the national database's own XLSX export
# (csdl.dichvucong.gov.vn) was not seen; its headings are assumed to be these.]
HEADINGS = {
    "stt": "STT",
    "mã thủ tục": "MaTTHC",
    "mã tthc": "MaTTHC",
    "mã số": "MaTTHC",
    "mã số tthc": "MaTTHC",
    "mã số thủ tục": "MaTTHC",
    "tên thủ tục": "TenTTHC",
    "tên thủ tục hành chính": "TenTTHC",
    "tên tthc": "TenTTHC",
    "lĩnh vực": "LinhVuc",
    "cấp thực hiện": "CapThucHien",
    "thời hạn giải quyết": "ThoiHanGiaiQuyet",
    "thời gian giải quyết": "ThoiHanGiaiQuyet",
    "ngày thụ lý": "ThoiHanGiaiQuyet",
    "thành phần hồ sơ": "ThanhPhanHoSo",
    "phí, lệ phí": "PhiLePhi",
    "phí": "PhiLePhi",
    "phí, lệ phí (nếu có)": "PhiLePhi",
    "lệ phí": "PhiLePhi",
    "căn cứ pháp lý": "CanCuPhapLy",
    "kết quả": "KetQua",
    "kết quả thực hiện": "KetQua",
}
LIST_KEYS = ("ThanhPhanHoSo", "CanCuPhapLy")  # one item a line in a spreadsheet cell


def _sheet_rows(content: bytes) -> list[dict[str, Any]]:
    """The rows of the first sheet under its heading row (the first row naming a procedure code column)."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(_("The spreadsheet cannot be read.")) from None
    keys: list[str | None] = []
    rows = []
    for values in book.worksheets[0].iter_rows(values_only=True):
        if not keys:
            folded = [" ".join(str(v or "").lower().split()) for v in values]
            if "MaTTHC" in {HEADINGS.get(f) for f in folded}:
                keys = [HEADINGS.get(f) for f in folded]
            continue
        row = {key: value for key, value in zip(keys, values, strict=False) if key and value not in (None, "")}
        for key in LIST_KEYS:
            if isinstance(row.get(key), str):
                row[key] = [line.strip(" -•\t") for line in row[key].splitlines() if line.strip(" -•\t")]
        if row.get("MaTTHC"):
            rows.append(row)
    book.close()
    if not keys:
        raise ValidationError(_("No heading row with the procedure code (Mã thủ tục) was found."))
    return rows


def read_export(content: bytes, code: str = "") -> dict[str, Any]:
    """One procedure of a national export (JSON: an object or a list; XLSX: a sheet with a heading row) or of
    an announcement's annex table: the entry whose code is `code` (or the only one)."""
    if content[:4] == b"PK\x03\x04":
        entries: Any = _sheet_rows(content)
    else:
        try:
            entries = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValidationError(_("The file is not the JSON export of the national procedure database.")) from None
    entries = entries if isinstance(entries, list) else [entries]
    entries = [e for e in entries if isinstance(e, dict) and "MaTTHC" in e]
    chosen = [e for e in entries if str(e["MaTTHC"]).strip() == code] if code and len(entries) > 1 else entries
    if len(chosen) != 1:
        raise ValidationError(_("The file is not the JSON export of one procedure (no MaTTHC)."))
    return chosen[0]
