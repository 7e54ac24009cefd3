"""Reads of sector supervision, scoped to the user's agency (`stttt.org.powers.scope_to_agency`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.search import search
from stttt.org.powers import scope_to_agency
from stttt.supervision import rules
from stttt.supervision.choices import (
    BroadcastStatus,
    CaseStatus,
    ExternalPlanStatus,
    IncidentStatus,
    ReportStatus,
    SiteStatus,
)
from stttt.supervision.models import (
    BroadcastRequest,
    CableRoute,
    Case,
    EmergencyPlan,
    ExternalActivity,
    ExternalPlan,
    Incident,
    InfrastructurePlan,
    Operator,
    OperatorReport,
    PostalPoint,
    QualityFigure,
    RadioStation,
    ReportKind,
    Site,
)

OPEN_REPORT = (ReportStatus.DUE, ReportStatus.RETURNED)
OPEN_CASE = (CaseStatus.RECEIVED, CaseStatus.HANDLING, CaseStatus.MEDIATION)


def today() -> dt.date:
    return timezone.localdate()


# --- Operators --------------------------------------------------------------------------------------


def operators_visible_to(user: Any) -> QuerySet[Operator]:
    return scope_to_agency(Operator.objects.all(), user)


def operators_list(user: Any, *, q: str = "", sector: str = "", status: str = "") -> QuerySet[Operator]:
    qs = (
        operators_visible_to(user)
        .order_by("sector", "name", "pk")
        .annotate(site_count=Count("sites", distinct=True), holding_count=Count("holdings", distinct=True))
    )
    if sector:
        qs = qs.filter(sector=sector)
    if status:
        qs = qs.filter(status=status)
    return search(qs, q) if q else qs


def it_enterprises(agency: Any) -> list[Any]:
    """The IT enterprises of the digital transformation register (read-only here), or [] without that app."""
    from django.apps import apps

    if agency is None or not apps.is_installed("stttt.digital"):
        return []
    from stttt.digital.selectors import it_enterprises as registered

    return list(registered(agency))


def reports_visible_to(user: Any) -> QuerySet[OperatorReport]:
    return scope_to_agency(OperatorReport.objects.select_related("operator", "kind"), user, "operator__agency")


def report_kinds(agency: Any) -> QuerySet[ReportKind]:
    return ReportKind.objects.filter(agency=agency)


def reports_list(user: Any, *, state: str = "", kind: str = "", on: dt.date | None = None) -> list[OperatorReport]:
    """The reports with their deadline state (awaited, on time, late, overdue); `state` filters on it."""
    on = on or today()
    qs = reports_visible_to(user)
    if kind:
        qs = qs.filter(kind__code=kind)
    if state == rules.OVERDUE:
        qs = qs.filter(status__in=OPEN_REPORT, due_on__lt=on)
    elif state == rules.AWAITED:
        qs = qs.filter(status__in=OPEN_REPORT, due_on__gte=on)
    elif state == rules.LATE:
        qs = qs.exclude(submitted_on=None).filter(submitted_on__gt=F("due_on"))
    elif state == rules.ON_TIME:
        qs = qs.exclude(submitted_on=None).filter(submitted_on__lte=F("due_on"))
    found = list(qs.order_by("due_on", "operator__name")[:500])
    for report in found:
        setattr(report, "state", rules.report_state(report.due_on, report.submitted_on, on))  # noqa: B010  (a display attribute mypy cannot see)
    return found


def late_list(user: Any, on: dt.date | None = None) -> list[OperatorReport]:
    """Reports still awaited after their due day, oldest first (regulation Art. 3.17)."""
    return reports_list(user, state=rules.OVERDUE, on=on)


def reporting_by_kind(agency: Any, on: dt.date | None = None) -> list[dict[str, Any]]:
    """For each report kind: reports on time, late, overdue and awaited (a leader's comparison)."""
    on = on or today()
    rows: dict[int, dict[str, Any]] = {}
    for kind in ReportKind.objects.filter(agency=agency):
        rows[kind.pk] = {"kind": kind, rules.ON_TIME: 0, rules.LATE: 0, rules.OVERDUE: 0, rules.AWAITED: 0}
    reports = OperatorReport.objects.filter(operator__agency=agency).values_list("kind_id", "due_on", "submitted_on")
    for kind_id, due_on, submitted_on in reports:
        if kind_id in rows:
            rows[kind_id][rules.report_state(due_on, submitted_on, on)] += 1
    return list(rows.values())


def province_totals(agency: Any, kind: ReportKind, period_end: dt.date) -> dict[str, Any]:
    """The accepted reports of one kind and period summed for the province, with how many are counted."""
    accepted = OperatorReport.objects.filter(
        operator__agency=agency, kind=kind, period_end=period_end, status=ReportStatus.ACCEPTED
    ).values_list("figures", flat=True)
    owed = OperatorReport.objects.filter(operator__agency=agency, kind=kind, period_end=period_end).count()
    figures = list(accepted)
    totals = rules.province_totals(kind.fields, figures)
    return {
        "rows": [(spec.get("label", spec["name"]), totals[spec["name"]]) for spec in kind.fields],
        "counted": len(figures),
        "owed": owed,
    }


def periods_of(kind: ReportKind) -> list[dt.date]:
    return list(
        OperatorReport.objects.filter(kind=kind).order_by("-period_end").values_list("period_end", flat=True).distinct()
    )


# --- Infrastructure ---------------------------------------------------------------------------------


def sites_visible_to(user: Any) -> QuerySet[Site]:
    return scope_to_agency(Site.objects.select_related("owner", "district"), user)


def sites_list(
    user: Any, *, q: str = "", operator: str = "", commune: str = "", status: str = "", conformity: str = ""
) -> QuerySet[Site]:
    qs = sites_visible_to(user).prefetch_related(Prefetch("sharers", queryset=Operator.objects.order_by("name")))
    if operator:
        qs = qs.filter(Q(owner_id=operator) | Q(sharers__id=operator)).distinct()
    if commune:
        qs = qs.filter(commune=commune)
    if status:
        qs = qs.filter(status=status)
    if conformity:
        qs = qs.filter(conformity=conformity)
    return search(qs, q) if q else qs


def communes_of(user: Any) -> list[str]:
    names = set(sites_visible_to(user).values_list("commune", flat=True))
    names |= set(scope_to_agency(PostalPoint.objects.all(), user).values_list("commune", flat=True))
    return sorted(n for n in names if n)


def sites_per_operator(agency: Any) -> list[tuple[str, int, int]]:
    """(operator, sites owned, sites it uses on another's tower) for the leaders' comparison."""
    owned = Counter(
        dict(
            Site.objects.filter(agency=agency)
            .exclude(status=SiteStatus.DISMANTLED)
            .values_list("owner")
            .annotate(n=Count("pk"))
        )
    )
    shared = Counter(
        dict(
            Site.sharers.through.objects.filter(site__agency=agency)
            .exclude(site__status=SiteStatus.DISMANTLED)
            .values_list("operator")
            .annotate(n=Count("pk"))
        )
    )
    names = dict(Operator.objects.filter(pk__in=set(owned) | set(shared)).values_list("pk", "short_name"))
    full = dict(Operator.objects.filter(pk__in=set(owned) | set(shared)).values_list("pk", "name"))
    rows = [(names.get(pk) or full[pk], owned.get(pk, 0), shared.get(pk, 0)) for pk in names]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def sites_per_district(agency: Any) -> list[tuple[str, int]]:
    rows = (
        Site.objects.filter(agency=agency)
        .exclude(status=SiteStatus.DISMANTLED)
        .values_list("district__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "district__name")
    )
    return [(name or _("No district"), n) for name, n in rows]


def sites_per_commune(agency: Any) -> list[tuple[str, int]]:
    rows = (
        Site.objects.filter(agency=agency)
        .exclude(status=SiteStatus.DISMANTLED)
        .values_list("commune")
        .annotate(n=Count("pk"))
        .order_by("-n", "commune")
    )
    return list(rows)


def site_summary(agency: Any) -> dict[str, Any]:
    qs = Site.objects.filter(agency=agency).exclude(status=SiteStatus.DISMANTLED)
    total = qs.count()
    shared = qs.filter(sharers__isnull=False).distinct().count()
    return {
        "total": total,
        "shared": shared,
        "sharing": rules.sharing_ratio(shared, total),
        "not_conforming": qs.filter(conformity="not_conforming").count(),
        "unreviewed": qs.filter(conformity="unreviewed").count(),
        "down": qs.filter(status=SiteStatus.DOWN).count(),
    }


def cable_routes(user: Any) -> QuerySet[CableRoute]:
    return scope_to_agency(CableRoute.objects.select_related("owner"), user)


def plans(user: Any) -> QuerySet[InfrastructurePlan]:
    return scope_to_agency(InfrastructurePlan.objects.annotate(site_count=Count("sites")), user)


def postal_points(user: Any, *, commune: str = "", operator: str = "") -> QuerySet[PostalPoint]:
    qs = scope_to_agency(PostalPoint.objects.select_related("operator", "district"), user)
    if commune:
        qs = qs.filter(commune=commune)
    if operator:
        qs = qs.filter(operator_id=operator)
    return qs


def postal_points_per_district(agency: Any) -> list[tuple[str, int]]:
    rows = (
        PostalPoint.objects.filter(agency=agency, active=True)
        .values_list("district__name")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return [(name or _("No district"), n) for name, n in rows]


def quality_figures(user: Any) -> list[QualityFigure]:
    found = list(scope_to_agency(QualityFigure.objects.select_related("operator"), user, "operator__agency")[:300])
    for row in found:
        setattr(row, "meets", rules.quality_meets(row.value, row.target, higher_is_better=row.higher_is_better))  # noqa: B010  (a display attribute mypy cannot see)
    return found


# --- Cases ------------------------------------------------------------------------------------------


def cases_visible_to(user: Any) -> QuerySet[Case]:
    return scope_to_agency(Case.objects.select_related("respondent", "site"), user)


def cases_list(user: Any, *, kind: str = "", status: str = "", q: str = "") -> QuerySet[Case]:
    qs = cases_visible_to(user)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return search(qs, q) if q else qs


def cases_per_month(agency: Any, months: int = 12, on: dt.date | None = None) -> list[tuple[str, int, int]]:
    """(month, complaints, disputes and advertising checks) received in each of the last `months` months."""
    on = on or today()
    first = rules.add_months(on.replace(day=1), -(months - 1))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, received in Case.objects.filter(agency=agency, received_on__gte=first).values_list("kind", "received_on"):
        counts[received.strftime("%m/%Y")][kind] += 1
    rows = []
    for i in range(months):
        label = rules.add_months(first, i).strftime("%m/%Y")
        rows.append((label, counts[label]["complaint"], counts[label]["dispute"] + counts[label]["advertising"]))
    return rows


# --- Emergency --------------------------------------------------------------------------------------


def emergency_plans(user: Any) -> QuerySet[EmergencyPlan]:
    return scope_to_agency(EmergencyPlan.objects.annotate(contact_count=Count("contacts", distinct=True)), user)


def incidents_visible_to(user: Any) -> QuerySet[Incident]:
    return scope_to_agency(Incident.objects.select_related("plan"), user)


# --- Grassroots and external information ------------------------------------------------------------


def stations_visible_to(user: Any) -> QuerySet[RadioStation]:
    return scope_to_agency(RadioStation.objects.select_related("district"), user)


def stations_per_district(agency: Any) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for name, kind, status in RadioStation.objects.filter(agency=agency).values_list(
        "district__name", "kind", "status"
    ):
        row = rows.setdefault(
            name or "", {"district": name or _("No district"), "total": 0, "ip": 0, "broken": 0, "upgrade": 0}
        )
        row["total"] += 1
        row["ip"] += kind == "ip"
        row["broken"] += status == "broken"
        row["upgrade"] += rules.station_needs_upgrade(kind)
    return list(rows.values())


def broadcasts_visible_to(user: Any) -> QuerySet[BroadcastRequest]:
    return scope_to_agency(
        BroadcastRequest.objects.annotate(
            asked=Count("stations", distinct=True), confirmed=Count("confirmations", distinct=True)
        ),
        user,
    )


def external_plans_visible_to(user: Any) -> QuerySet[ExternalPlan]:
    return scope_to_agency(ExternalPlan.objects.all(), user)


def external_activities(user: Any, year: int | None = None) -> QuerySet[ExternalActivity]:
    qs = scope_to_agency(ExternalActivity.objects.select_related("plan"), user)
    return qs.filter(held_on__year=year) if year else qs


def external_summary(agency: Any, year: int) -> dict[str, Any]:
    """The year's summary of external information: plans appraised and activities held, by kind."""
    plans_qs = ExternalPlan.objects.filter(agency=agency, year=year)
    by_kind = (
        ExternalActivity.objects.filter(agency=agency, held_on__year=year)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return {
        "year": year,
        "plans": plans_qs.count(),
        "approved": plans_qs.filter(status=ExternalPlanStatus.APPROVED).count(),
        "activities": list(by_kind),
    }


# --- Home -------------------------------------------------------------------------------------------


def home_figures(agency: Any) -> list[tuple[str, object]]:
    on = today()
    return [
        (_("Supervised organisations"), Operator.objects.filter(agency=agency).count()),
        (_("BTS sites"), Site.objects.filter(agency=agency).exclude(status=SiteStatus.DISMANTLED).count()),
        (
            _("Reports overdue"),
            OperatorReport.objects.filter(operator__agency=agency, status__in=OPEN_REPORT, due_on__lt=on).count(),
        ),
        (_("Open cases"), Case.objects.filter(agency=agency, status__in=OPEN_CASE).count()),
        (
            _("Open incidents"),
            Incident.objects.filter(agency=agency, status__in=(IncidentStatus.OPEN, IncidentStatus.RESTORING)).count(),
        ),
        (
            _("Broadcasts in progress"),
            BroadcastRequest.objects.filter(agency=agency, status=BroadcastStatus.SENT).count(),
        ),
    ]


def late_reports(agency: Any, on: dt.date | None = None) -> QuerySet[OperatorReport]:
    """An agency's reports still awaited after their due day (for the CLI and the job)."""
    on = on or today()
    return (
        OperatorReport.objects.filter(operator__agency=agency, status__in=OPEN_REPORT, due_on__lt=on)
        .select_related("operator", "kind")
        .order_by("due_on", "operator__name")
    )
