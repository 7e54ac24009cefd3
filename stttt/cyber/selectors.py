"""Reads of the information-security records, scoped to what the user may see.

Department staff see their agency's records; a portal account linked to an owner body sees that body's
systems, dossiers, incidents and warnings only; everyone else sees nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from stttt.core.calendar import calendar
from stttt.core.deadlines import deadline_state
from stttt.cyber import rules
from stttt.cyber.choices import DOSSIER_OPEN, INCIDENT_OPEN, ApprovalStatus, DeliveryStatus
from stttt.cyber.models import (
    Assessment,
    ContentReport,
    Incident,
    InfoSystem,
    LevelDossier,
    Owner,
    SecurityWarning,
    WarningDelivery,
)
from stttt.cyber.permissions import owner_id_of
from stttt.org.models import Agency
from stttt.org.powers import is_department_staff, scope_to_agency
from stttt.org.selectors import today as org_today

SOON = 3  # working days: "due soon" on the boards


def today() -> dt.date:
    return org_today()


def is_owner_account(user: Any) -> bool:
    return owner_id_of(user) is not None


def working_agency(user: Any) -> Agency | None:
    """The agency whose records the user works on: their own (staff) or their owner body's (owner account)."""
    from stttt.org.powers import agency_of

    agency = agency_of(user)
    owner_id = owner_id_of(user) if agency is None else None
    if owner_id is not None:
        return Owner.objects.select_related("agency").get(pk=owner_id).agency
    return agency


def _scoped(queryset: QuerySet, user: Any, owner_path: str | None) -> QuerySet:
    if is_department_staff(user):
        return scope_to_agency(queryset, user)
    owner_id = owner_id_of(user)
    if owner_id is None or owner_path is None:
        return queryset.none()
    return queryset.filter(**{owner_path: owner_id})


def owners_visible_to(user: Any) -> QuerySet[Owner]:
    qs = Owner.objects.all()
    if is_department_staff(user):
        return scope_to_agency(qs, user)
    owner_id = owner_id_of(user)
    return qs.filter(pk=owner_id) if owner_id else qs.none()


def systems_visible_to(user: Any) -> QuerySet[InfoSystem]:
    return _scoped(InfoSystem.objects.select_related("owner"), user, "owner_id")


def dossiers_visible_to(user: Any) -> QuerySet[LevelDossier]:
    return _scoped(LevelDossier.objects.select_related("system", "system__owner"), user, "system__owner_id")


def incidents_visible_to(user: Any) -> QuerySet[Incident]:
    return _scoped(Incident.objects.select_related("owner"), user, "owner_id")


def warnings_visible_to(user: Any) -> QuerySet[SecurityWarning]:
    """Staff: every warning of the agency; an owner account: the warnings relayed to its body."""
    qs = SecurityWarning.objects.all()
    if is_department_staff(user):
        return scope_to_agency(qs, user)
    owner_id = owner_id_of(user)
    return qs.filter(deliveries__owner_id=owner_id).distinct() if owner_id else qs.none()


def deliveries_visible_to(user: Any) -> QuerySet[WarningDelivery]:
    qs = WarningDelivery.objects.select_related("warning", "owner")
    if is_department_staff(user):
        return scope_to_agency(qs, user, field="warning__agency")
    owner_id = owner_id_of(user)
    return qs.filter(owner_id=owner_id) if owner_id else qs.none()


def content_visible_to(user: Any) -> QuerySet[ContentReport]:
    return _scoped(ContentReport.objects.all(), user, None)


def assessments_visible_to(user: Any) -> QuerySet[Assessment]:
    return _scoped(Assessment.objects.select_related("system", "system__owner"), user, "system__owner_id")


# --- Annotations for lists ------------------------------------------------------------------------------


def dossier_rows(dossiers: list[LevelDossier], on: dt.date | None = None) -> list[LevelDossier]:
    """Each dossier with its deadline state (appraisal, then approval) and the under-classification flag."""
    cal, day = calendar(), on or today()
    for d in dossiers:
        due = d.appraisal_due if d.status == "in_appraisal" else d.approval_due if d.status == "appraised" else None
        d.due = due  # type: ignore[attr-defined]
        d.state = deadline_state(cal, due, day, soon=SOON, is_open=d.status in DOSSIER_OPEN)  # type: ignore[attr-defined]
        d.flag = d.under_classified  # type: ignore[attr-defined]
    return dossiers


def incident_rows(incidents: list[Incident], on: dt.date | None = None) -> list[Incident]:
    cal, day = calendar(), on or today()
    for i in incidents:
        deadlines = rules.incident_deadlines(i.detected_on, i.received_on, i.recovered_on, cal)
        i.deadlines = deadlines  # type: ignore[attr-defined]
        is_open = i.status in INCIDENT_OPEN
        i.notify_state = deadline_state(  # type: ignore[attr-defined]
            cal, deadlines.notify, day, soon=1, is_open=is_open and i.national_notified_on is None
        )
        i.report_state = deadline_state(  # type: ignore[attr-defined]
            cal, deadlines.final_report, day, soon=SOON, is_open=i.status == "recovered"
        )
    return incidents


def delivery_rows(deliveries: list[WarningDelivery], on: dt.date | None = None) -> list[WarningDelivery]:
    day = on or today()
    for d in deliveries:
        d.overdue = rules.delivery_overdue(d.status, d.ack_due, d.remediation_due, day)  # type: ignore[attr-defined]
    return deliveries


def system_rows(systems: list[InfoSystem], on: dt.date | None = None) -> list[InfoSystem]:
    cal, day = calendar(), on or today()
    for s in systems:
        due = s.next_assessment_due
        s.assessment_due = due  # type: ignore[attr-defined]
        s.assessment_state = deadline_state(cal, due, day, soon=20, is_open=due is not None)  # type: ignore[attr-defined]
        s.implied = s.implied_level  # type: ignore[attr-defined]
    return systems


# --- Boards and charts -----------------------------------------------------------------------------------


def compliance_board(agency: Agency, on: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per owner body: systems, approved levels, assessments overdue, warnings overdue, rate."""
    day = on or today()
    owners = list(
        Owner.objects.filter(agency=agency).prefetch_related(
            Prefetch("systems", queryset=InfoSystem.objects.all()),
            Prefetch(
                "deliveries",
                queryset=WarningDelivery.objects.exclude(status=DeliveryStatus.REMEDIATED),
            ),
        )
    )
    rows = []
    for owner in owners:
        systems = list(owner.systems.all())
        overdue = sum(1 for s in systems if (due := s.next_assessment_due) is not None and day > due)
        warnings = sum(
            1 for d in owner.deliveries.all() if rules.delivery_overdue(d.status, d.ack_due, d.remediation_due, day)
        )
        standing = rules.Compliance(
            systems=len(systems),
            approved=sum(1 for s in systems if s.approval_status == ApprovalStatus.APPROVED),
            assessments_overdue=overdue,
            warnings_overdue=warnings,
        )
        rows.append({"owner": owner, "standing": standing})
    return rows


def systems_by_level(agency: Agency) -> dict[str, Any]:
    """Counts of systems by approved level (or "not approved") and by approval status."""
    rows = InfoSystem.objects.filter(agency=agency).values("approved_level", "approval_status").annotate(n=Count("pk"))
    by_level: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for row in rows:
        key = _("Level %(n)s") % {"n": row["approved_level"]} if row["approved_level"] else _("No approved level")
        by_level[key] += row["n"]
        by_status[row["approval_status"]] += row["n"]
    levels = [(_("Level %(n)s") % {"n": n}, by_level.get(_("Level %(n)s") % {"n": n}, 0)) for n in range(1, 6)]
    levels.append((_("No approved level"), by_level.get(_("No approved level"), 0)))
    statuses = [(str(label), by_status.get(value, 0)) for value, label in ApprovalStatus.choices]
    return {"levels": levels, "statuses": statuses}


def incidents_by_month(agency: Agency, months: int = 12, on: dt.date | None = None) -> dict[str, Any]:
    """Incidents detected per month and severity over the last `months` months."""
    day = on or today()
    start = rules.add_months(day.replace(day=1), -(months - 1))
    keys = [rules.month_key(rules.add_months(start, i)) for i in range(months)]
    grid: dict[str, Counter[str]] = defaultdict(Counter)
    for detected, severity in Incident.objects.filter(agency=agency, detected_on__gte=start).values_list(
        "detected_on", "severity"
    ):
        grid[rules.month_key(detected)][severity] += 1
    return {"months": keys, "grid": grid}


def remediation_by_owner(agency: Agency, on: dt.date | None = None) -> list[dict[str, Any]]:
    """Per owner body: warnings relayed, remedied, overdue, and the remediation rate in percent."""
    day = on or today()
    rows: dict[int, dict[str, Any]] = {}
    for d in WarningDelivery.objects.filter(warning__agency=agency).select_related("owner"):
        row = rows.setdefault(d.owner_id, {"owner": d.owner, "relayed": 0, "remedied": 0, "overdue": 0})
        row["relayed"] += 1
        row["remedied"] += d.status == DeliveryStatus.REMEDIATED
        row["overdue"] += rules.delivery_overdue(d.status, d.ack_due, d.remediation_due, day)
    out = sorted(rows.values(), key=lambda r: r["owner"].name)
    for row in out:
        row["rate"] = round(100 * row["remedied"] / row["relayed"]) if row["relayed"] else 0
    return out


def home_figures(agency: Agency) -> list[tuple[str, object]]:
    day = today()
    systems = InfoSystem.objects.filter(agency=agency)
    open_dossiers = LevelDossier.objects.filter(agency=agency, status__in=DOSSIER_OPEN).count()
    open_incidents = Incident.objects.filter(agency=agency, status__in=INCIDENT_OPEN).count()
    overdue = sum(
        rules.delivery_overdue(d.status, d.ack_due, d.remediation_due, day)
        for d in WarningDelivery.objects.filter(warning__agency=agency).exclude(status="remediated")
    )
    return [
        (_("Information systems"), systems.count()),
        (_("Levels approved"), systems.filter(approval_status=ApprovalStatus.APPROVED).count()),
        (_("Level dossiers open"), open_dossiers),
        (_("Incidents open"), open_incidents),
        (_("Warnings overdue"), overdue),
    ]


def overdue_deliveries(agency: Agency, on: dt.date | None = None) -> list[WarningDelivery]:
    day = on or today()
    rows = (
        WarningDelivery.objects.filter(warning__agency=agency)
        .exclude(status="remediated")
        .select_related("warning", "owner")
    )
    return [d for d in rows if rules.delivery_overdue(d.status, d.ack_due, d.remediation_due, day)]


def period_counts(agency: Agency, start: dt.date, end: dt.date) -> dict[str, int]:
    """Figures of the periodic security report for a period (inclusive)."""
    incidents = Incident.objects.filter(agency=agency, detected_on__range=(start, end))
    return {
        "systems": InfoSystem.objects.filter(agency=agency).count(),
        "approved": InfoSystem.objects.filter(agency=agency, approval_status=ApprovalStatus.APPROVED).count(),
        "dossiers_approved": LevelDossier.objects.filter(agency=agency, approved_on__range=(start, end)).count(),
        "incidents": incidents.count(),
        "serious_incidents": incidents.filter(severity="serious").count(),
        "warnings": SecurityWarning.objects.filter(agency=agency, received_on__range=(start, end)).count(),
        "assessments": Assessment.objects.filter(agency=agency, done_on__range=(start, end)).count(),
        "content_reports": ContentReport.objects.filter(agency=agency, received_on__range=(start, end)).count(),
    }


def search_systems(queryset: QuerySet[InfoSystem], query: str) -> QuerySet[InfoSystem]:
    from stttt.core.search import search

    return search(queryset, query) if query else queryset


def open_filter() -> Q:
    return Q(status__in=DOSSIER_OPEN)
