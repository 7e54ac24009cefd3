"""Figures leaders compare: cases, sanctions and amounts by month and sector; letters by status and lateness."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from stttt.inspection import catalogue
from stttt.inspection.choices import CASE_OPEN, LETTER_OPEN, ReferralStatus
from stttt.inspection.models import InspectionCase, Letter, Referral, SanctionDecision, ViolationRecord
from stttt.org import powers
from stttt.org.selectors import today


def monthly(agency_id: int, year: int) -> list[dict[str, Any]]:
    """Per month of `year`: inspections decided, violation records, sanction decisions, fines decided and
    fines collected (VND)."""
    rows = [{"month": m, "cases": 0, "records": 0, "decisions": 0, "fined": 0, "collected": 0} for m in range(1, 13)]
    for month in InspectionCase.objects.filter(agency_id=agency_id, decided_on__year=year).values_list(
        "decided_on__month", flat=True
    ):
        rows[month - 1]["cases"] += 1
    for month in ViolationRecord.objects.filter(agency_id=agency_id, recorded_on__year=year).values_list(
        "recorded_on__month", flat=True
    ):
        rows[month - 1]["records"] += 1
    for month, fine, paid in SanctionDecision.objects.filter(
        record__agency_id=agency_id, decided_on__year=year
    ).values_list("decided_on__month", "fine", "paid_amount"):
        rows[month - 1]["decisions"] += 1
        rows[month - 1]["fined"] += fine
        rows[month - 1]["collected"] += paid
    return rows


def by_sector(agency_id: int, year: int) -> list[dict[str, Any]]:
    """Per sector of `year`: violation records, decisions, fines decided and collected."""
    found: dict[str, dict[str, Any]] = defaultdict(lambda: {"records": 0, "decisions": 0, "fined": 0, "collected": 0})
    for sector in ViolationRecord.objects.filter(agency_id=agency_id, recorded_on__year=year).values_list(
        "sector", flat=True
    ):
        found[sector]["records"] += 1
    for sector, fine, paid in SanctionDecision.objects.filter(
        record__agency_id=agency_id, decided_on__year=year
    ).values_list("record__sector", "fine", "paid_amount"):
        found[sector]["decisions"] += 1
        found[sector]["fined"] += fine
        found[sector]["collected"] += paid
    return [{"sector": code, "label": str(label), **found[code]} for code, label in catalogue.SECTORS.items()]


def letters_summary(agency_id: int, on: dt.date) -> list[dict[str, Any]]:
    """Per kind: open, overdue (open past their deadline), resolved, forwarded or returned."""
    counts = (
        Letter.objects.filter(agency_id=agency_id)
        .values("kind")
        .annotate(
            open=Count("id", filter=Q(status__in=LETTER_OPEN)),
            overdue=Count("id", filter=Q(status__in=LETTER_OPEN, due_on__lt=on)),
            resolved=Count("id", filter=Q(status="resolved")),
            other=Count("id", filter=Q(status__in=["forwarded", "returned"])),
        )
    )
    by_kind: dict[str, Any] = {row["kind"]: row for row in counts}
    from stttt.inspection.choices import LetterKind

    return [
        {"kind": label, **{k: by_kind.get(code, {}).get(k, 0) for k in ("open", "overdue", "resolved", "other")}}
        for code, label in LetterKind.choices
    ]


def open_cases(agency_id: int) -> list[InspectionCase]:
    """Open inspections, the nearest deadline first."""
    return list(
        InspectionCase.objects.filter(agency_id=agency_id, status__in=CASE_OPEN)
        .select_related("head")
        .order_by("due_on", "id")
    )


def home_figures(user: Any) -> list[tuple[Any, object]]:
    agency = powers.agency_of(user)
    if agency is None or not powers.is_department_staff(user):
        return []
    day = today()
    return [
        (_("Referrals to act on"), Referral.objects.filter(agency=agency, status=ReferralStatus.OPEN).count()),
        (_("Open inspections"), InspectionCase.objects.filter(agency=agency, status__in=CASE_OPEN).count()),
        (
            _("Letters overdue"),
            Letter.objects.filter(agency=agency, status__in=LETTER_OPEN, due_on__lt=day).count(),
        ),
    ]
