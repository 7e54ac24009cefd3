"""Files of the digital app: the collection board and the enterprise register as XLSX, the register's import,
and the appraisal opinion as a DOCX document (`stttt.core.documents`)."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.core import documents
from stttt.core.spreadsheets import xlsx_file
from stttt.digital.choices import EnterpriseStatus, FieldOfActivity


def collection_xlsx(board: dict[str, Any]) -> bytes:
    header = [_("Reporting entity"), _("Status"), _("Submitted on"), _("Late")]
    rows: list[list[Any]] = [header]
    for r in board["rows"]:
        rows.append([r["entity"].name, r["status_label"], r["submitted_on"], _("yes") if r["late"] else ""])
    values = [[_("Indicator"), _("Formula"), _("Province value")]]
    values += [[v["indicator"].name, v["indicator"].get_formula_display(), v["value"]] for v in board["values"]]
    return xlsx_file([(_("Submissions"), rows), (_("Province values"), values)]).read()


ENTERPRISE_COLUMNS = (
    "name",
    "tax_code",
    "address",
    "field_of_activity",
    "products",
    "representative",
    "phone",
    "email",
    "status",
)


def enterprises_xlsx(queryset: Any) -> bytes:
    header = [
        _("Name"),
        _("Tax code"),
        _("Address"),
        _("Field of activity"),
        _("Products and services"),
        _("Legal representative"),
        _("Phone"),
        _("E-mail"),
        _("Status"),
    ]
    rows: list[list[Any]] = [header]
    for e in queryset:
        rows.append(
            [
                e.name,
                e.tax_code,
                e.address,
                e.get_field_of_activity_display(),
                e.products,
                e.representative,
                e.phone,
                e.email,
                e.get_status_display(),
            ]
        )
    return xlsx_file([(_("IT enterprises"), rows)]).read()


def _choice(value: Any, choices: Any) -> str | None:
    text = str(value or "").strip()
    for key, label in choices.choices:
        if text.lower() in (key, str(label).lower()):
            return key
    return None


def row_count(content: bytes) -> int:
    """Data rows of the first sheet (for a progress bar); 0 when the file cannot be read."""
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    except Exception:
        return 0
    return max((sheet.max_row or 1) - 1, 0)


def enterprises_import(
    content: bytes, *, actor: Any, agency: Any, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    """Read the register from an XLSX file whose columns are those of `enterprises_xlsx` (header on row 1);
    an enterprise is found by its tax code and updated, else created; rows with errors are reported and
    skipped. All good rows are written in one transaction."""
    from openpyxl import load_workbook

    from stttt.digital import services
    from stttt.digital.models import ITEnterprise

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # any unreadable file is the user's problem, said in words
        raise ValidationError(_("The file is not a readable XLSX workbook.")) from exc
    sheet = book.worksheets[0]
    created = updated = 0
    errors: list[str] = []
    with transaction.atomic():
        for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            if progress is not None:
                progress(number - 1)
            cells = list(row) + [None] * len(ENTERPRISE_COLUMNS)
            data = {k: ("" if cells[i] is None else str(cells[i]).strip()) for i, k in enumerate(ENTERPRISE_COLUMNS)}
            if not data["name"] and not data["tax_code"]:
                continue
            field = _choice(data["field_of_activity"], FieldOfActivity)
            status = _choice(data["status"], EnterpriseStatus) or EnterpriseStatus.ACTIVE
            if field is None:
                errors.append(_("Row %(row)s: unknown field of activity.") % {"row": number})
                continue
            data.update(field_of_activity=field, status=status)
            found = ITEnterprise.objects.filter(agency=agency, tax_code=data["tax_code"]).first()
            try:
                with transaction.atomic():
                    services.enterprise_save(found, actor=actor, agency=agency, **data)
            except ValidationError as exc:
                errors.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": " ".join(exc.messages)})
                continue
            if found is None:
                created += 1
            else:
                updated += 1
    return {"created": created, "updated": updated, "errors": errors}


def _money(value: Decimal | None) -> str:
    if value is None:
        return "—"
    try:
        return f"{int(value):,}".replace(",", ".") + " đồng"
    except (InvalidOperation, ValueError):
        return str(value)


def appraisal_docx(appraisal: Any) -> bytes:
    """The Department's appraisal opinion (3.14.c, 3.22) on its letterhead."""
    from stttt.org.selectors import letterhead

    blocks: list[documents.Block] = [
        documents.Paragraph(_("Project or outlay: %(title)s") % {"title": appraisal.title}),
        documents.Paragraph(_("Investor or spending unit: %(owner)s") % {"owner": appraisal.owner}),
        documents.Paragraph(
            _("Dossier: %(stage)s; total: %(total)s; group: %(group)s")
            % {
                "stage": appraisal.get_stage_display(),
                "total": _money(appraisal.total),
                "group": appraisal.get_group_display() or "—",
            }
        ),
    ]
    consultations = list(appraisal.consultations.all())
    if consultations:
        blocks.append(
            documents.Table(
                [_("Agency consulted"), _("Sent on"), _("Answer")],
                [[c.body, f"{c.sent_on:%d/%m/%Y}", c.answer or "—"] for c in consultations],
            )
        )
    blocks.append(documents.Paragraph(appraisal.opinion))
    blocks.append(
        documents.Paragraph(
            _("Conclusion: %(outcome)s. Budget after appraisal: %(total)s.")
            % {"outcome": appraisal.get_outcome_display(), "total": _money(appraisal.approved_total)},
            bold=True,
        )
    )
    head = letterhead(appraisal.agency)
    doc = documents.Document(
        issuer=head["issuer"],
        issuer_parent=head["issuer_parent"],
        place=head["place"],
        title=_("APPRAISAL OPINION"),
        date=appraisal.appraised_on or appraisal.received_on,
        number=appraisal.opinion_number,
        summary=_("Appraisal of %(title)s") % {"title": appraisal.title},
        blocks=blocks,
        signatures=[documents.Signature(title=_("DIRECTOR"), authority="")],
        recipients=[appraisal.owner],
    )
    return documents.to_docx(doc)
