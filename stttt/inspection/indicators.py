"""The Inspectorate's figures in the `work` indicators registry, for the periodic reports it sends up
(inspections, violation records, sanctions and amounts, letters received and resolved late), counted per
agency over a period (inclusive dates); agency-wide only (no unit breakdown)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from stttt.inspection.models import InspectionCase, Letter, SanctionDecision, ViolationRecord


def _cases(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    return InspectionCase.objects.filter(agency=agency, decided_on__range=(start, end)).count()


def _records(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    return ViolationRecord.objects.filter(agency=agency, recorded_on__range=(start, end)).count()


def _decisions(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    return SanctionDecision.objects.filter(record__agency=agency, decided_on__range=(start, end)).count()


def _fined(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    total = SanctionDecision.objects.filter(record__agency=agency, decided_on__range=(start, end)).aggregate(
        s=Sum("fine")
    )["s"]
    return int(total or 0)


def _collected(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    total = SanctionDecision.objects.filter(record__agency=agency, paid_on__range=(start, end)).aggregate(
        s=Sum("paid_amount")
    )["s"]
    return int(total or 0)


def _letters(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    return Letter.objects.filter(agency=agency, received_on__range=(start, end)).count()


def _resolved_late(start: dt.date, end: dt.date, unit_code: Any, agency: Any = None) -> int | None:
    if agency is None:
        return None
    return Letter.objects.filter(agency=agency, resolved_on__range=(start, end), resolved_on__gt=F("due_on")).count()


def register_builtin() -> None:
    from stttt.work import indicators

    for code, label, function in (
        ("inspection.cases", _("Inspections decided"), _cases),
        ("inspection.violation_records", _("Violation records"), _records),
        ("inspection.sanctions", _("Sanction decisions"), _decisions),
        ("inspection.fines_decided", _("Fines decided (VND)"), _fined),
        ("inspection.fines_collected", _("Collected (VND)"), _collected),
        ("inspection.letters_received", _("Complaints, denunciations and petitions"), _letters),
        ("inspection.letters_resolved_late", _("Letters resolved late"), _resolved_late),
    ):
        indicators.register(code, label, function, source="inspection", per_unit=False, agency_aware=True)
