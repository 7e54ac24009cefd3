"""Versions of a procedure: reads (the version in force on a day) and writes (draft, edit, publish, end).

A dossier is handled under the version in force on the day it was filed (`version_for_filing`); a
published version never changes (`version_update` refuses, and the database refuses too, migration 0009).
Each write is one transaction and is recorded in the audit history (`audit.track(ProcedureVersion)`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.legal import selectors as legal_selectors
from stttt.org.models import Agency
from stttt.procedures import rules
from stttt.procedures.choices import VersionStatus
from stttt.procedures.models import Procedure, ProcedureVersion

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


# --- writes -------------------------------------------------------------------------------------------

EDITABLE = (*rules.FACT_FIELDS, "valid_from", "valid_to", "announcements", "change_note")


class VersionError(ValidationError):
    """The version cannot be changed or published as asked; nothing was changed."""


@transaction.atomic
def version_draft(
    procedure: Procedure, *, actor: Any = None, changes: dict[str, Any] | None = None
) -> ProcedureVersion:
    """Start the next version of `procedure` as a draft, from the latest published version (or the catalogue
    row), with `changes` applied; an existing draft is reused (one draft at a time)."""
    Procedure.objects.select_for_update().get(pk=procedure.pk)  # one draft even for two editors at once
    draft = ProcedureVersion.objects.filter(procedure=procedure, status=VersionStatus.DRAFT).first()
    if draft is not None:
        return version_update(draft, actor=actor, changes=changes) if changes else draft
    changes = changes or {}
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise VersionError(_("These facts cannot be edited: %(names)s.") % {"names": ", ".join(unknown)})
    latest = versions_of(procedure).filter(status=VersionStatus.PUBLISHED).last()
    facts = facts_of(latest or procedure)
    facts.update(valid_from=None, valid_to=None, announcements=[])
    number = (versions_of(procedure).aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ProcedureVersion(procedure=procedure, number=number, status=VersionStatus.DRAFT, **facts | changes)
    draft._change_reason = "draft"  # type: ignore[attr-defined]
    draft.full_clean()
    draft.save()
    return draft


# The Department's internal split of the time limit between its steps; the act fixing it is not on file.
STEP_BASIS = "Quy trình nội bộ của Sở (phân bổ thời gian giữa các bước) [verify]"


def version_first(procedure: Procedure) -> ProcedureVersion:
    """Version 1 of a catalogue row that has none: published as it is, in force since before the platform
    kept versions (no valid-from), so that dossiers of any date bind to it (as migration 0009 did)."""
    facts = facts_of(procedure)
    for step in facts["steps"]:
        step["basis"] = STEP_BASIS
    version = ProcedureVersion(procedure=procedure, number=1, status=VersionStatus.PUBLISHED, **facts)
    version.change_note = _("Version 1: the catalogue as loaded.")
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def version_update(version: ProcedureVersion, *, actor: Any = None, changes: dict[str, Any]) -> ProcedureVersion:
    """Edit a draft. A published version is refused: make a new draft instead."""
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.published:
        raise VersionError(
            _("Version %(number)s is published and never changes: start a new draft instead.")
            % {"number": version.number}
        )
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise VersionError(_("These facts cannot be edited: %(names)s.") % {"names": ", ".join(unknown)})
    for name, value in changes.items():
        setattr(version, name, value)
    version.full_clean()
    version._change_reason = "edit"  # type: ignore[attr-defined]
    version.save()
    return version


@transaction.atomic
def version_publish(
    version: ProcedureVersion, *, actor: Any = None, now: dt.datetime | None = None
) -> ProcedureVersion:
    """Publish a complete draft (`rules.version_problems`) whose validity overlaps no other published version
    (`rules.periods_overlap`). The open-ended version before it is closed the day before it starts. When the
    new version is in force today, the catalogue row shows its facts."""
    when = now or timezone.now()
    Procedure.objects.select_for_update().get(pk=version.procedure_id)
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.published:
        raise VersionError(_("Version %(number)s is already published.") % {"number": version.number})
    problems = rules.version_problems(facts_of(version))
    if problems:
        raise VersionError(problems)
    assert version.valid_from is not None  # checked by version_problems
    others = ProcedureVersion.objects.filter(procedure_id=version.procedure_id, status=VersionStatus.PUBLISHED)
    for other in others.filter(valid_to__isnull=True):
        if (other.valid_from is None or other.valid_from < version.valid_from) and version.valid_to is None:
            other.valid_to = version.valid_from - dt.timedelta(days=1)
            other._change_reason = "superseded"  # type: ignore[attr-defined]
            other.save(update_fields=["valid_to"])
    clash = [o for o in others if rules.periods_overlap(version.valid_from, version.valid_to, o.valid_from, o.valid_to)]
    if clash:
        raise VersionError(_("Its validity overlaps published version %(number)s.") % {"number": clash[0].number})
    version.status, version.published_at, version.published_by = VersionStatus.PUBLISHED, when, actor
    version._change_reason = "publish"  # type: ignore[attr-defined]
    version.save()
    if rules.in_period(timezone.localtime(when).date(), version.valid_from, version.valid_to):
        project(version)
    return version


def project(version: ProcedureVersion) -> None:
    """Show the version in force on the catalogue row (lists, search); dossiers read their own version.
    Saves only what differs, so that loading the catalogue again changes nothing."""
    procedure = version.procedure
    wanted: dict[str, Any] = {
        name: getattr(version, name)
        for name in rules.FACT_FIELDS
        if name not in ("national_code", "steps", "components", "local_time_limit_basis")
    }
    wanted.update({f"{stage}_days": version.stage_days(stage) for stage in rules.VERSION_STAGES})
    wanted["active"] = True  # e.g. a procedure received by transfer takes filings once its version is in force
    changed = [name for name, value in wanted.items() if getattr(procedure, name) != value]
    if not changed:
        return
    for name in changed:
        setattr(procedure, name, wanted[name])
    procedure._change_reason = f"version {version.number}"  # type: ignore[attr-defined]
    procedure.save()


@transaction.atomic
def procedure_end(procedure: Procedure, last_day: dt.date, *, why: str, actor: Any = None) -> ProcedureVersion:
    """End a procedure here on `last_day` (repealed, or transferred to another agency by the 2025
    reorganisation): the version in force is closed on that day and the catalogue row says why and where to
    go (`why`, shown to applicants). A transfer is then the same procedure starting at the receiving agency
    (`catalog_load` or `version_draft` there)."""
    version = version_in_force(procedure, last_day)
    if version is None:
        raise VersionError(_("No version is in force on that day."))
    if version.valid_to is not None:
        raise VersionError(
            _("Version %(number)s already ends on %(day)s.") % {"number": version.number, "day": version.valid_to}
        )
    if not why.strip():
        raise VersionError(_("Say why it ends and where applicants go instead."))
    version.valid_to = last_day
    version._change_reason = "end"  # type: ignore[attr-defined]
    version.save(update_fields=["valid_to"])
    procedure.notes = why.strip()
    procedure._change_reason = "end"  # type: ignore[attr-defined]
    procedure.save(update_fields=["notes", "updated_at"])
    return version


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


@transaction.atomic
def procedure_transfer(transfer: Transfer, *, actor: Any = None) -> Procedure | None:
    """End the procedure here the day before the other body takes it, saying where to go; when that body is
    an agency of the platform, start the procedure in its catalogue: the same facts as a draft version valid
    from the transfer, for that agency to complete (its processing unit) and publish."""
    starts = transfer.starts
    why = _("From %(day)s this procedure is handled by %(holder)s (%(basis)s).") % {
        "day": starts.strftime("%d/%m/%Y"),
        "holder": transfer.holder,
        "basis": transfer.basis,
    }
    ended = procedure_end(transfer.procedure, starts - dt.timedelta(days=1), why=why, actor=actor)
    receiver = Agency.objects.filter(name=transfer.holder).first()
    if receiver is None:
        return None
    source = transfer.procedure
    there, _created = Procedure.objects.get_or_create(
        agency=receiver,
        code=source.code,
        defaults={
            name: getattr(source, name)
            for name in ("name", "field_code", "empowering_citation", "legal_basis", "time_limit", "time_unit")
        }
        | {name: getattr(source, name) for name in ("time_limit_basis", "result_kind", "result_name")}
        | {"active": False},
    )
    facts = facts_of(ended)
    facts.update(valid_from=starts, valid_to=None, division_code="", announcements=[])
    facts["change_note"] = why
    version_draft(there, actor=actor, changes=facts)
    return there


# --- import -------------------------------------------------------------------------------------------


def national_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The facts of a procedure from the national database's JSON export (keys as exported: MaTTHC,
    TenTTHC, LinhVuc, CapThucHien, ThoiHanGiaiQuyet, DonViThoiGian, ThanhPhanHoSo, PhiLePhi, CanCuPhapLy,
    KetQua), in the shape of a version. Unknown keys are ignored; missing ones stay empty for review."""

    def text(key: str) -> str:
        return " ".join(str(data.get(key) or "").split())

    components = [
        {
            "name": " ".join(str(item.get("Ten") if isinstance(item, dict) else item).split()),
            "copy_kind": "original",
            "copies": int(item.get("SoLuong") or 1) if isinstance(item, dict) else 1,
            "form": "",
            "required": True,
        }
        for item in data.get("ThanhPhanHoSo") or []
    ]
    facts: dict[str, Any] = {
        "national_code": text("MaTTHC"),
        "name": text("TenTTHC"),
        "legal_basis": "; ".join(str(b) for b in data.get("CanCuPhapLy") or []),
        "fee": text("PhiLePhi"),
        "result_name": text("KetQua"),
        "components": components,
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
# folded to lower case, as read in published annexes [verify: the export's exact headings were not seen].
HEADINGS = {
    "stt": "STT",
    "mã thủ tục": "MaTTHC",
    "mã tthc": "MaTTHC",
    "mã số": "MaTTHC",
    "tên thủ tục": "TenTTHC",
    "tên thủ tục hành chính": "TenTTHC",
    "tên tthc": "TenTTHC",
    "lĩnh vực": "LinhVuc",
    "cấp thực hiện": "CapThucHien",
    "thời hạn giải quyết": "ThoiHanGiaiQuyet",
    "thành phần hồ sơ": "ThanhPhanHoSo",
    "phí, lệ phí": "PhiLePhi",
    "phí": "PhiLePhi",
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


@transaction.atomic
def version_import(
    procedure: Procedure, content: bytes, *, decision: str = "", actor: Any = None
) -> tuple[ProcedureVersion, list[str]]:
    """Import a national export of `procedure` (or, with `decision`, its row in that announcing decision's
    annex) as a draft: the version in force with the file's facts applied; returns it with the readable diff
    against the version in force. An annex's time limit is the province's shorter time, cited to the row."""
    entry = read_export(content, procedure.code)
    facts = national_facts(entry)
    if facts.get("national_code") and facts["national_code"] != procedure.code:
        raise ValidationError(
            _("The export is of procedure %(code)s, not %(ours)s.")
            % {"code": facts["national_code"], "ours": procedure.code}
        )
    if decision:
        row = _("Annex, row %(number)s") % {"number": entry.get("STT") or procedure.code}
        if "time_limit" in facts:
            facts["local_time_limit"] = facts.pop("time_limit")
            facts.pop("time_unit", None)
            facts["local_time_limit_basis"] = f"{decision}, {row}"
        facts["announcements"] = [{"document": decision, "row": row, "demo": False}]
    current = version_in_force(procedure)
    before = facts_of(current or procedure)
    draft = version_draft(procedure, actor=actor, changes=facts)
    draft.change_note = (
        _("Imported from the annex of %(decision)s.") % {"decision": decision}
        if decision
        else _("Imported from the national procedure database.")
    )
    draft.save(update_fields=["change_note"])
    return draft, diff_lines(before, facts_of(draft))
