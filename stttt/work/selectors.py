"""Reads of the work app, each starting from what the user may see: the records of the user's agency
(`org.powers.scope_to_agency`), and within it what their posts let them see."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.org.models import Agency, District, Unit
from stttt.org.powers import Powers, agency_of, is_department_staff, powers_of, scope_to_agency
from stttt.work import indicators, permissions, rules
from stttt.work.choices import TASK_OPEN, DistrictReportStatus, Periodicity, Recipient, ReportStatus, TaskStatus
from stttt.work.models import (
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    RequestIndicator,
    Task,
)


def today() -> dt.date:
    return timezone.localdate()


# --- Who is asking --------------------------------------------------------------------------------------


def powers(user: Any, at: dt.date | None = None) -> Powers:
    if not getattr(user, "is_authenticated", False):
        return Powers(at=at or today())
    return powers_of(user, at)


def working_agency(user: Any) -> Agency | None:
    """The agency whose records the user works on: their own; an administrator without a post works on
    the first agency. None for anyone else."""
    agency = agency_of(user)
    if agency is None and getattr(user, "is_superuser", False):
        agency = Agency.objects.order_by("pk").first()
    return agency


def sees_everything(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False) or rules.sees_everything(powers(user)))


def district_of(user: Any) -> District | None:
    """The district a district officer reports for, None for anyone else."""
    return permissions.district_of(user)


def department_records(user: Any, queryset: QuerySet) -> QuerySet:
    """`queryset` (of records with an `agency`) for the staff of that agency only."""
    if not is_department_staff(user):
        return queryset.none()
    return scope_to_agency(queryset, user)


# --- Tasks ----------------------------------------------------------------------------------------------


def _tasks() -> QuerySet[Task]:
    return Task.objects.select_related("lead_unit", "person_in_charge", "duty", "created_by")


def tasks_visible_to(user: Any) -> QuerySet[Task]:
    """The leadership sees every task; others the tasks of their units (lead or coordinating), the tasks
    they are in charge of and those they created (rules.task_visible)."""
    if not is_department_staff(user):
        return Task.objects.none()
    tasks = scope_to_agency(_tasks(), user)
    p = powers(user)
    # The powers are at hand; the permission costs two queries (the user's and their groups' permissions).
    if user.is_superuser or rules.sees_everything(p) or user.has_perm("work.view_all_tasks"):
        return tasks
    units = list(p.unit_codes)
    return tasks.filter(
        Q(lead_unit__code__in=units)
        | Q(coordinating_units__code__in=units)
        | Q(person_in_charge=user)
        | Q(created_by=user)
    ).distinct()


def my_open_tasks(user: Any, limit: int = 20) -> list[Task]:
    """The first `limit` open tasks in the user's charge or led by a unit they head, earliest deadline first,
    with their states (the home page).

    The first of "in my charge or led by a unit I head" are among the first of each: two indexed reads of ids,
    not one OR over every open task (issue 13). Both are tasks the user sees (`rules.task_visible`; unit codes
    are unique across agencies), and the final query applies the scope: without the agency's condition in the
    two reads, SQLite takes the person's or the unit's open tasks from their index instead of walking the
    agency's every task in deadline order."""
    open_tasks = Task.objects.filter(status__in=TASK_OPEN).order_by("deadline", "pk")
    first = [*open_tasks.filter(person_in_charge=user).values_list("pk", flat=True)[:limit]]
    headed = list(powers(user).headed_unit_codes)
    if headed:  # the units by id, so that the index on the lead unit serves it
        units = Unit.objects.filter(code__in=headed).values_list("pk", flat=True)
        first += open_tasks.filter(lead_unit_id__in=list(units)).values_list("pk", flat=True)[:limit]
    # `or [0]` (no such id): the query runs even when both are empty, so the page's cost does not depend on them
    return with_states(tasks_visible_to(user).filter(pk__in=first or [0]).order_by("deadline", "pk")[:limit])


def task_get(user: Any, pk: int) -> Task:
    return tasks_visible_to(user).get(pk=pk)


def task_state(task: Task, on: dt.date | None = None) -> str:
    return rules.deadline_state(
        is_open=task.status in TASK_OPEN, deadline=task.deadline, today=on or today(), cal=calendar()
    )


def task_query(
    user: Any,
    *,
    unit: str = "",
    person: str = "",
    source: str = "",
    duty: str = "",
    state: str = "",
    status: str = "",
    query: str = "",
) -> QuerySet[Task]:
    """Visible tasks filtered by unit, person, source, duty (citation prefix), deadline state and status, all
    in the database, so that a page of them is read and not every task."""
    from stttt.core.search import search

    qs = tasks_visible_to(user)
    if unit:
        # Led or coordinated: a subquery, not a join made distinct (which read and sorted whole rows).
        coordinated = Task.coordinating_units.through.objects.filter(unit__code=unit).values("task_id")
        qs = qs.filter(Q(lead_unit__code=unit) | Q(pk__in=coordinated))
    if person:
        qs = qs.filter(person_in_charge__username=person)
    if source:
        qs = qs.filter(source_kind=source)
    if duty:
        qs = qs.filter(Q(duty__citation=duty) | Q(duty__citation__startswith=f"{duty}."))
    if status:
        qs = qs.filter(status=status)
    if query:
        qs = search(qs, query)
    if state in ("overdue", "due_soon", "on_track"):  # `rules.deadline_state`, in the database
        on = today()
        running = qs.filter(status__in=TASK_OPEN, deadline__isnull=False)
        limit = rules.due_soon_until(on, calendar())
        qs = {
            "overdue": running.filter(deadline__lt=on),
            "due_soon": running.filter(deadline__gte=on, deadline__lt=limit),
            "on_track": running.filter(deadline__gte=limit),
        }[state]
    elif state == "open":  # every open task, with or without a deadline (a unit's board links here)
        qs = qs.filter(status__in=TASK_OPEN)
    elif state == "none":
        qs = qs.exclude(status__in=TASK_OPEN, deadline__isnull=False)
    elif state:
        qs = qs.none()
    return qs


#: What a row of the task lists shows (`work/_task_rows.html`) and `with_states` reads.
ROW_COLUMNS = (
    "title",
    "duty__citation",
    "source_kind",
    "source_number",
    "source_date",
    "lead_unit__name",
    "person_in_charge__full_name",
    "person_in_charge__first_name",
    "person_in_charge__last_name",
    "person_in_charge__username",
    "deadline",
    "status",
)


def task_rows(queryset: QuerySet[Task]) -> QuerySet[Task]:
    """`queryset` read for a list: the shown columns, not each task's text and four related rows in full."""
    rows = queryset.select_related(None).select_related("lead_unit", "person_in_charge", "duty")
    return rows.only(*ROW_COLUMNS)


def with_states(tasks: Iterable[Task]) -> list[Task]:
    """The tasks (a page of them) with `state` set: `rules.deadline_state` today, one calendar for all."""
    items = list(tasks)
    on = today()
    cal = calendar()
    for task in items:
        task.state = rules.deadline_state(  # type: ignore[attr-defined]
            is_open=task.status in TASK_OPEN, deadline=task.deadline, today=on, cal=cal
        )
    return items


def task_list(user: Any, **filters: str) -> list[Task]:
    """Every task `task_query` finds, with its state (for the API's pages and the CLI)."""
    return with_states(task_query(user, **filters))


def task_buckets(
    first: dt.date,
    last: dt.date,
    *,
    unit_code: str | None = None,
    on: dt.date | None = None,
    agency: Agency | None = None,
) -> dict[str, list[Task]]:
    """Tasks of the period by briefing bucket (rules.month_bucket), for one lead unit or the whole agency
    (no unit and no agency: nothing, never every agency's tasks)."""
    qs = Task.objects.select_related("lead_unit", "person_in_charge").prefetch_related("updates")
    if agency is not None:
        qs = qs.filter(agency=agency)
    elif not unit_code:
        qs = qs.none()
    if unit_code:
        qs = qs.filter(lead_unit__code=unit_code)
    buckets: dict[str, list[Task]] = {"completed": [], "in_progress": [], "overdue": []}
    on = on or today()
    for task in qs:
        created = timezone.localtime(task.created_at).date() if task.created_at else first
        created = min(created, task.source_date or created)
        bucket = rules.month_bucket(
            status_open=task.status in TASK_OPEN,
            completed_on=task.completed_on,
            deadline=task.deadline,
            created_on=created,
            first=first,
            last=last,
            today=on,
        )
        if bucket:
            buckets[bucket].append(task)
    return buckets


def delay_reason(task: Task) -> str:
    """The latest reason for delay given in the task's updates (the briefing shows it)."""
    for update in task.updates.all():
        if update.reason:
            return update.reason
    return ""


# --- Briefing pack and programme (5.4) ------------------------------------------------------------------


def briefing_units(on: dt.date, agency: Agency | None) -> list[Any]:
    """The agency's units alive on `on`, leadership board first (none without an agency)."""
    from stttt.org import selectors as org_selectors

    if agency is None:
        return []
    units: list[Unit] = list(org_selectors.units_at(agency, on).order_by("order", "code"))
    return units


BRIEFING_INDICATORS = (
    "procedures.received",
    "procedures.resolved_on_time",
    "procedures.resolved_late",
    "procedures.in_progress_overdue",
)


@indicators.reading_once()
def briefing_pack(month: str, *, agency: Agency | None, on: dt.date | None = None) -> dict[str, Any]:
    """The agency's month per unit: tasks completed, in progress and overdue (with the reasons given),
    and the other capabilities' indicators; then next month's draft programme (5.4)."""
    first, last = rules.month_bounds(month)
    on = on or today()
    buckets = task_buckets(first, last, on=on, agency=agency)
    per_unit: dict[str, dict[str, list[Task]]] = defaultdict(
        lambda: {"completed": [], "in_progress": [], "overdue": []}
    )
    for bucket, tasks in buckets.items():
        for task in tasks:
            per_unit[task.lead_unit.code][bucket].append(task)
    extra = [code for code in BRIEFING_INDICATORS if indicators.get(code)]
    rows = []
    units = briefing_units(last, agency)
    known = {u.code for u in units}
    for tasks in buckets.values():  # a unit dissolved since still answers for its tasks
        for task in tasks:
            if task.lead_unit.code not in known:
                known.add(task.lead_unit.code)
                units.append(task.lead_unit)
    for unit in units:
        b = per_unit[unit.code]
        rows.append(
            {
                "code": unit.code,
                "name": unit.name,
                "completed": len(b["completed"]),
                "in_progress": len(b["in_progress"]),
                "overdue": len(b["overdue"]),
                "overdue_tasks": [
                    {"id": t.pk, "title": t.title, "deadline": t.deadline, "reason": delay_reason(t)}
                    for t in b["overdue"]
                ],
                "indicators": {code: indicators.value(code, first, last, unit.code, agency=agency) for code in extra},
            }
        )
    totals = {key: sum(r[key] for r in rows) for key in ("completed", "in_progress", "overdue")}
    return {
        "month": month,
        "first": first,
        "last": last,
        "on": on,
        "units": rows,
        "totals": totals,
        "indicator_codes": extra,
        "indicator_labels": {c: indicators.label_of(c) for c in extra},
        "indicator_totals": {code: indicators.value(code, first, last, None, agency=agency) for code in extra},
        "programme": programme(rules.next_month(first).strftime("%Y-%m"), agency=agency),
        "meetings": list(Meeting.objects.filter(month=first, agency=agency).prefetch_related("conclusions")),
        "agency": agency,
    }


def recurring_reports_due(first: dt.date, last: dt.date, agency: Agency | None) -> list[dict[str, Any]]:
    """The agency's periodic reports whose due date falls in [first, last] (3.29): a month's recurring duties."""
    cal = calendar()
    found = []
    types = ReportType.objects.filter(active=True, agency=agency).exclude(periodicity=Periodicity.AD_HOC)
    for report_type in types:
        # The periods ending in the year before `last` cover every due date that can fall in the month.
        day = first - dt.timedelta(days=400)
        seen: set[tuple[dt.date, dt.date]] = set()
        while day <= last + dt.timedelta(days=40):
            start, end = rules.period_containing(report_type.periodicity, day)
            if (start, end) not in seen:
                seen.add((start, end))
                due = rules.report_due(end, report_type.due_offset_days, cal)
                if first <= due <= last:
                    found.append({"type": report_type, "period_start": start, "period_end": end, "due": due})
            day = end + dt.timedelta(days=1)
    return sorted(found, key=lambda r: r["due"])


def programme(month: str, *, agency: Agency | None) -> dict[str, Any]:
    """The agency's draft work programme of `month`: open tasks due then, periodic reports due, district
    requests whose deadline falls in it, and the monthly briefing itself (5.4)."""
    first, last = rules.month_bounds(month)
    tasks = list(
        Task.objects.filter(agency=agency, status__in=TASK_OPEN, deadline__range=(first, last))
        .select_related("lead_unit", "person_in_charge")
        .order_by("deadline", "pk")
    )
    return {
        "month": month,
        "first": first,
        "last": last,
        "tasks": tasks,
        "agency": agency,
        "reports": recurring_reports_due(first, last, agency),
        "district_requests": list(DistrictRequest.objects.filter(agency=agency, deadline__range=(first, last))),
    }


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """Reports upward are the agency's: every member of the agency sees them."""
    return department_records(
        user, Report.objects.select_related("report_type", "prepared_by", "approved_by", "agency")
    )


def reports_to_ppc(agency: Agency | None) -> QuerySet[Report]:
    """The agency's reports to the Provincial People's Committee once approved (approved or sent): what a PPC
    observer reads (regulation Art. 3(29), Art. 6(3)); drafts stay inside the Department."""
    if agency is None:
        return Report.objects.none()
    return Report.objects.select_related("report_type").filter(
        agency=agency,
        report_type__recipient=Recipient.PPC,
        status__in=(ReportStatus.APPROVED, ReportStatus.SENT),
    )


def report_types(user: Any) -> QuerySet[ReportType]:
    return department_records(user, ReportType.objects.filter(active=True).select_related("provision"))


def report_prefill(report_type: ReportType, start: dt.date, end: dt.date) -> dict[str, Any]:
    return indicators.values(list(report_type.indicators), start, end, None, agency=report_type.agency)


def report_is_late(report: Report, on: dt.date | None = None) -> bool:
    return rules.is_late(report.due_on, report.sent_on, on or today())


def report_approvers(report: Report) -> list[Any]:
    """Who approves: the leader in charge of the report's duty (acting leader included), and the Director
    or the Deputy acting as Director (5.1, 5.2)."""
    from stttt.org.powers import director_user, leader_in_charge
    from stttt.org.selectors import OrgNotFound

    users = []
    if report.report_type.provision is not None:
        # A duty the organisation assigns to nobody: the Director alone approves (5.1).
        with contextlib.suppress(OrgNotFound):
            users.append(leader_in_charge(report.report_type.provision.citation, agency=report.agency))
    users.append(director_user(agency_code=report.agency.code))
    return [u for i, u in enumerate(users) if u is not None and u not in users[:i]]


# --- Reports from districts (6.6) -----------------------------------------------------------------------


def districts(agency_id: int) -> QuerySet[District]:
    """The agency's active districts (org keeps them)."""
    return District.objects.filter(agency_id=agency_id, active=True).order_by("order", "name")


def district_requests_visible_to(user: Any) -> QuerySet[DistrictRequest]:
    """The agency's staff see its requests; a district officer the requests sent to their district."""
    if is_department_staff(user):
        return scope_to_agency(DistrictRequest.objects.all(), user)
    district = district_of(user)
    if district is None:
        return DistrictRequest.objects.none()
    return DistrictRequest.objects.filter(agency_id=district.agency_id, reports__district=district)


def district_reports_visible_to(user: Any) -> QuerySet[DistrictReport]:
    """The agency's staff see its districts' reports; a district officer only their own district's."""
    base = DistrictReport.objects.select_related("district", "request", "submitted_by")
    if is_department_staff(user):
        return scope_to_agency(base, user, field="request__agency")
    district = district_of(user)
    if district is None:
        return base.none()
    return base.filter(district=district, request__agency_id=district.agency_id)


def indicator_specs(request: DistrictRequest) -> list[rules.IndicatorSpec]:
    return [
        rules.IndicatorSpec(i.code, i.label, i.value_type, i.min_value, i.max_value, i.required)
        for i in request.indicators.all()
    ]


def district_board(request: DistrictRequest, *, on: dt.date | None = None) -> dict[str, Any]:
    """Who has submitted, who is late, the per-district table and the province totals (6.6).

    Totals count submitted reports only: a draft or a report returned for correction is not a figure yet."""
    return district_boards([request], on=on)[request.pk]


def district_boards(requests: Iterable[DistrictRequest], *, on: dt.date | None = None) -> dict[int, dict[str, Any]]:
    """`district_board` of each request, their indicators and reports read in two queries for all."""
    on = on or today()
    requests = list(requests)
    indicators_of: dict[int, list[RequestIndicator]] = defaultdict(list)
    for indicator in RequestIndicator.objects.filter(request__in=requests):
        indicators_of[indicator.request_id].append(indicator)
    reports_of: dict[int, list[DistrictReport]] = defaultdict(list)
    found = DistrictReport.objects.filter(request__in=requests).select_related("district")
    for report in found.order_by("district__order", "district__name"):
        reports_of[report.request_id].append(report)
    return {
        r.pk: _board(r, indicators_of[r.pk], [x for x in reports_of[r.pk] if x.district.agency_id == r.agency_id], on)
        for r in requests
    }


def district_progress(requests: Iterable[DistrictRequest], *, on: dt.date | None = None) -> dict[int, dict[str, Any]]:
    """Of each request, how many of its agency's districts report, have submitted and are late (the request list
    and the leadership dashboard): from the reports' status and submission time, in one query, without reading
    their figures (`district_boards` does)."""
    on = on or today()
    by_id: dict[int, DistrictRequest] = {r.pk: r for r in requests}
    progress: dict[int, dict[str, Any]] = {
        pk: {"request": r, "submitted": 0, "late": 0, "count": 0} for pk, r in by_id.items()
    }
    found = DistrictReport.objects.filter(request__in=list(by_id)).values_list(
        "request_id", "district__agency_id", "status", "submitted_at"
    )
    for request_id, agency_id, status, submitted_at in found:
        request = by_id[request_id]
        if agency_id != request.agency_id:
            continue
        done, submitted_on = _submission(status, submitted_at)
        entry = progress[request_id]
        entry["count"] += 1
        entry["submitted"] += done
        entry["late"] += rules.is_late(request.deadline, submitted_on if done else None, on)
    return progress


def _submission(status: str, submitted_at: dt.datetime | None) -> tuple[bool, dt.date | None]:
    """Whether a district's report counts as submitted, and the day it was sent (local time)."""
    return status == DistrictReportStatus.SUBMITTED, timezone.localtime(submitted_at).date() if submitted_at else None


def _board(
    request: DistrictRequest, indicator_rows: list[RequestIndicator], reports: list[DistrictReport], on: dt.date
) -> dict[str, Any]:
    codes = [i.code for i in indicator_rows]
    rows: list[dict[str, Any]] = []
    for report in reports:
        done, submitted_on = _submission(report.status, report.submitted_at)
        rows.append(
            {
                "report": report,
                "district": report.district,
                "status": report.status,
                "status_label": report.get_status_display(),
                "submitted": done,
                "submitted_on": submitted_on,
                "late": rules.is_late(request.deadline, submitted_on if done else None, on),
                "values": [report.values.get(code) if done else None for code in codes],
            }
        )
    totals = rules.province_totals(
        codes,
        [r["report"].values for r in rows if r["submitted"]],
        averaged=[i.code for i in indicator_rows if i.aggregate == "average"],
    )
    return {
        "request": request,
        "indicators": indicator_rows,
        "rows": rows,
        "totals": [totals[c] for c in codes],
        "totals_by_code": totals,
        "submitted": sum(1 for r in rows if r["submitted"]),
        "late": sum(1 for r in rows if r["late"]),
        "count": len(rows),
    }


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------


def questions_visible_to(user: Any) -> QuerySet[CouncilQuestion]:
    return department_records(user, CouncilQuestion.objects.select_related("unit", "assignee"))


def coordinations_visible_to(user: Any) -> QuerySet[Coordination]:
    return department_records(user, Coordination.objects.select_related("unit"))


def meetings_visible_to(user: Any) -> QuerySet[Meeting]:
    return department_records(user, Meeting.objects.all())


# --- Dashboards -----------------------------------------------------------------------------------------


def _state_counts(on: dt.date) -> dict[str, Count]:
    """Open, overdue and due-soon tasks as database counts (the states of `rules.deadline_state`)."""
    open_ = Q(status__in=TASK_OPEN)
    limit = rules.due_soon_until(on, calendar())
    return {
        "open": Count("id", filter=open_, distinct=True),
        "overdue": Count("id", filter=open_ & Q(deadline__lt=on), distinct=True),
        "due_soon": Count("id", filter=open_ & Q(deadline__gte=on, deadline__lt=limit), distinct=True),
    }


#: How many open tasks a unit's board lists, the most pressing first; the task list, filtered by the unit and
#: "open", has them all, a page at a time (a decade leaves hundreds open in a unit: the board listed every one, 1.4 s).
BOARD_SIZE = 25


def unit_dashboard(user: Any, unit_code: str, *, on: dt.date | None = None) -> dict[str, Any]:
    """One unit's tasks as the user may see them, with counts, plus its questions and coordination."""
    on = on or today()
    # A unit's tasks without their texts: the counts read the columns they count, not every column made distinct.
    tasks = task_query(user, unit=unit_code).only("pk", "status", "deadline", "completed_on")
    open_tasks = tasks.filter(status__in=TASK_OPEN)
    first, last = on.replace(day=1), rules.month_bounds(on.strftime("%Y-%m"))[1]
    pressing = task_rows(open_tasks.order_by(F("deadline").asc(nulls_last=True), "pk"))
    return {
        "tasks": with_states(pressing[:BOARD_SIZE]),
        "counts": open_tasks.order_by().aggregate(**_state_counts(on)),
        "completed_this_month": tasks.filter(completed_on__range=(first, last)).order_by().count(),
        "questions": list(questions_visible_to(user).filter(unit__code=unit_code).exclude(status="answered")),
        "coordinations": list(
            coordinations_visible_to(user)
            .filter(unit__code=unit_code)
            .filter(status__in=["open", "disagreed", "escalated"])
        ),
    }


def leadership_dashboard(user: Any, *, on: dt.date | None = None) -> dict[str, Any]:
    """Every unit's open, overdue and due-soon tasks; reports due or late; district requests open."""
    on = on or today()
    agency = working_agency(user)
    # Every count is of open tasks: only those are read (an index on the agency and status), not a decade's.
    open_tasks = tasks_visible_to(user).filter(status__in=TASK_OPEN).order_by()
    counted: Any = open_tasks.values("lead_unit__code").annotate(**_state_counts(on))  # rows of counts
    by_unit: dict[str, dict[str, int]] = {
        row["lead_unit__code"]: {key: row[key] for key in ("open", "overdue", "due_soon")} for row in counted
    }
    none = {"open": 0, "overdue": 0, "due_soon": 0}
    units = [{"code": u.code, "name": u.name, **by_unit.get(u.code, none)} for u in briefing_units(on, agency)]
    reports = [r for r in reports_visible_to(user).exclude(status=ReportStatus.SENT)]
    return {
        "units": units,
        "totals": {key: sum(row[key] for row in by_unit.values()) for key in none},
        "reports_pending": [r for r in reports if r.status == ReportStatus.PENDING],
        "reports_late": [r for r in reports if report_is_late(r, on)],
        "reports_due": recurring_reports_due(on, on + dt.timedelta(days=31), agency),
        "district_requests": list(
            district_progress(
                district_requests_visible_to(user).filter(deadline__gte=on - dt.timedelta(days=60))[:5], on=on
            ).values()
        ),
        "questions_open": questions_visible_to(user).exclude(status="answered").count(),
        "coordinations_escalated": coordinations_visible_to(user).filter(status="escalated").count(),
    }


def home_figures(agency: Agency) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    on = today()
    tasks = Task.objects.filter(agency=agency)
    open_tasks = tasks.filter(status__in=TASK_OPEN)
    return [
        (_("Open tasks"), open_tasks.count()),
        (_("Overdue"), open_tasks.filter(deadline__lt=on).count()),
        (_("Completed"), tasks.filter(status=TaskStatus.COMPLETED).count()),
    ]
