"""Reads of the work app, each starting from what the user may see."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from stttt.org.powers import Powers, powers_of
from stttt.core.calendar import calendar
from stttt.work import indicators, rules
from stttt.work.choices import TASK_OPEN, DistrictReportStatus, Periodicity, ReportStatus, TaskStatus
from stttt.work.models import (
    Coordination,
    CouncilQuestion,
    District,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    Task,
)


def today() -> dt.date:
    return timezone.localdate()


# --- Who is asking --------------------------------------------------------------------------------------

def powers(user: Any, at: dt.date | None = None) -> Powers:
    if not getattr(user, "is_authenticated", False):
        return Powers(at=at or today())
    return powers_of(user, at)


def is_department_staff(user: Any) -> bool:
    """Holds a post in the Department today (or is a superuser)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or powers(user).staff is not None)


def sees_everything(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False) or rules.sees_everything(powers(user)))


def district_of(user: Any) -> District | None:
    """The district a district officer reports for, None for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return None
    officer = getattr(user, "district_officer", None)
    return officer.district if officer is not None else None


# --- Tasks ----------------------------------------------------------------------------------------------

def _tasks() -> QuerySet[Task]:
    return (Task.objects.select_related("lead_unit", "person_in_charge", "duty", "created_by")
            .prefetch_related("coordinating_units"))


def tasks_visible_to(user: Any) -> QuerySet[Task]:
    """The leadership sees every task; others the tasks of their units (lead or coordinating), the tasks
    they are in charge of and those they created (rules.task_visible)."""
    if not getattr(user, "is_authenticated", False):
        return Task.objects.none()
    if user.is_superuser or user.has_perm("work.view_all_tasks"):
        return _tasks()
    p = powers(user)
    if rules.sees_everything(p):
        return _tasks()
    units = list(p.unit_codes)
    return _tasks().filter(
        Q(lead_unit__code__in=units) | Q(coordinating_units__code__in=units) | Q(person_in_charge=user)
        | Q(created_by=user)
    ).distinct()


def task_get(user: Any, pk: int) -> Task:
    return tasks_visible_to(user).get(pk=pk)


def task_state(task: Task, on: dt.date | None = None) -> str:
    return rules.deadline_state(is_open=task.status in TASK_OPEN, deadline=task.deadline, today=on or today(),
                                cal=calendar())


def task_list(user: Any, *, unit: str = "", person: str = "", source: str = "", duty: str = "",
              state: str = "", status: str = "", query: str = "") -> list[Task]:
    """Visible tasks filtered by unit, person, source, duty (citation prefix), computed state and status."""
    from stttt.core.search import search

    qs = tasks_visible_to(user)
    if unit:
        qs = qs.filter(Q(lead_unit__code=unit) | Q(coordinating_units__code=unit)).distinct()
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
    items = list(qs)
    on = today()
    cal = calendar()
    for task in items:
        task.state = rules.deadline_state(  # type: ignore[attr-defined]
            is_open=task.status in TASK_OPEN, deadline=task.deadline, today=on, cal=cal)
    if state:
        items = [t for t in items if t.state == state]  # type: ignore[attr-defined]
    return items


def task_buckets(first: dt.date, last: dt.date, *, unit_code: str | None = None, on: dt.date | None = None
                 ) -> dict[str, list[Task]]:
    """Tasks of the period by briefing bucket (rules.month_bucket), for one lead unit or all."""
    qs = Task.objects.select_related("lead_unit", "person_in_charge").prefetch_related("updates")
    if unit_code:
        qs = qs.filter(lead_unit__code=unit_code)
    buckets: dict[str, list[Task]] = {"completed": [], "in_progress": [], "overdue": []}
    on = on or today()
    for task in qs:
        created = timezone.localtime(task.created_at).date() if task.created_at else first
        created = min(created, task.source_date or created)
        bucket = rules.month_bucket(status_open=task.status in TASK_OPEN, completed_on=task.completed_on,
                                    deadline=task.deadline, created_on=created, first=first, last=last, today=on)
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

def briefing_units(on: dt.date) -> list[Any]:
    """The Department's units alive on `on`, leadership board first."""
    from stttt.org import selectors as org_selectors
    from stttt.org.models import Unit

    try:
        agency = org_selectors.agency_get()
    except Exception:
        return []
    units: list[Unit] = list(org_selectors.units_at(agency, on).order_by("order", "code"))
    return units


BRIEFING_INDICATORS = ("procedures.received", "procedures.resolved_on_time", "procedures.resolved_late",
                       "procedures.in_progress_overdue")


def briefing_pack(month: str, *, on: dt.date | None = None) -> dict[str, Any]:
    """The month's review per unit: tasks completed, in progress and overdue (with the reasons given),
    and the other capabilities' indicators; then next month's draft programme (5.4)."""
    first, last = rules.month_bounds(month)
    on = on or today()
    buckets = task_buckets(first, last, on=on)
    per_unit: dict[str, dict[str, list[Task]]] = defaultdict(lambda: {"completed": [], "in_progress": [],
                                                                      "overdue": []})
    for bucket, tasks in buckets.items():
        for task in tasks:
            per_unit[task.lead_unit.code][bucket].append(task)
    extra = [code for code in BRIEFING_INDICATORS if indicators.get(code)]
    rows = []
    units = briefing_units(last)
    known = {u.code for u in units}
    for tasks in buckets.values():  # a unit dissolved since still answers for its tasks
        for task in tasks:
            if task.lead_unit.code not in known:
                known.add(task.lead_unit.code)
                units.append(task.lead_unit)
    for unit in units:
        b = per_unit[unit.code]
        rows.append({
            "code": unit.code, "name": unit.name,
            "completed": len(b["completed"]), "in_progress": len(b["in_progress"]), "overdue": len(b["overdue"]),
            "overdue_tasks": [{"id": t.pk, "title": t.title, "deadline": t.deadline, "reason": delay_reason(t)}
                              for t in b["overdue"]],
            "indicators": {code: indicators.value(code, first, last, unit.code) for code in extra},
        })
    totals = {key: sum(r[key] for r in rows) for key in ("completed", "in_progress", "overdue")}
    return {
        "month": month, "first": first, "last": last, "on": on, "units": rows, "totals": totals,
        "indicator_codes": extra, "indicator_labels": {c: indicators.label_of(c) for c in extra},
        "indicator_totals": {code: indicators.value(code, first, last, None) for code in extra},
        "programme": programme(rules.next_month(first).strftime("%Y-%m")),
        "meetings": list(Meeting.objects.filter(month=first).prefetch_related("conclusions")),
    }


def recurring_reports_due(first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    """Periodic reports whose due date falls in [first, last] (3.29): the recurring duties of a month."""
    cal = calendar()
    found = []
    for report_type in ReportType.objects.filter(active=True).exclude(periodicity=Periodicity.AD_HOC):
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


def programme(month: str) -> dict[str, Any]:
    """Draft work programme of `month`: open tasks due then, periodic reports due, district requests whose
    deadline falls in it, and the monthly briefing itself (5.4)."""
    first, last = rules.month_bounds(month)
    tasks = list(Task.objects.filter(status__in=TASK_OPEN, deadline__range=(first, last))
                 .select_related("lead_unit", "person_in_charge").order_by("deadline", "pk"))
    return {
        "month": month, "first": first, "last": last, "tasks": tasks,
        "reports": recurring_reports_due(first, last),
        "district_requests": list(DistrictRequest.objects.filter(deadline__range=(first, last))),
    }


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------

def reports_visible_to(user: Any) -> QuerySet[Report]:
    """Reports upward are the Department's: every member of the Department sees them."""
    if not is_department_staff(user):
        return Report.objects.none()
    return Report.objects.select_related("report_type", "prepared_by", "approved_by")


def report_types() -> QuerySet[ReportType]:
    return ReportType.objects.filter(active=True).select_related("provision")


def report_prefill(report_type: ReportType, start: dt.date, end: dt.date) -> dict[str, Any]:
    return indicators.values(list(report_type.indicators), start, end, None)


def report_is_late(report: Report, on: dt.date | None = None) -> bool:
    return rules.is_late(report.due_on, report.sent_on, on or today())


def report_approvers(report: Report) -> list[Any]:
    """Who approves: the leader in charge of the report's duty (acting leader included), and the Director
    or the Deputy acting as Director (5.1, 5.2)."""
    from stttt.org.powers import director_user, leader_in_charge

    users = []
    if report.report_type.provision is not None:
        with contextlib.suppress(LookupError):  # a citation org does not know: the Director approves
            users.append(leader_in_charge(report.report_type.provision.citation))
    users.append(director_user())
    return [u for i, u in enumerate(users) if u is not None and u not in users[:i]]


# --- Reports from districts (6.6) -----------------------------------------------------------------------

def districts() -> QuerySet[District]:
    return District.objects.filter(active=True)


def district_requests_visible_to(user: Any) -> QuerySet[DistrictRequest]:
    """Department staff see every request; a district officer sees the requests sent to their district."""
    if is_department_staff(user):
        return DistrictRequest.objects.all()
    district = district_of(user)
    if district is None:
        return DistrictRequest.objects.none()
    return DistrictRequest.objects.filter(reports__district=district)


def district_reports_visible_to(user: Any) -> QuerySet[DistrictReport]:
    """Department staff see every district's report; a district officer only their own district's."""
    base = DistrictReport.objects.select_related("district", "request", "submitted_by")
    if is_department_staff(user):
        return base
    district = district_of(user)
    if district is None:
        return base.none()
    return base.filter(district=district)


def indicator_specs(request: DistrictRequest) -> list[rules.IndicatorSpec]:
    return [rules.IndicatorSpec(i.code, i.label, i.value_type, i.min_value, i.max_value, i.required)
            for i in request.indicators.all()]


def district_board(request: DistrictRequest, *, on: dt.date | None = None) -> dict[str, Any]:
    """Who has submitted, who is late, the per-district table and the province totals (6.6).

    Totals count submitted reports only: a draft or a report returned for correction is not a figure yet."""
    on = on or today()
    indicator_rows = list(request.indicators.all())
    codes = [i.code for i in indicator_rows]
    rows: list[dict[str, Any]] = []
    for report in request.reports.select_related("district").order_by("district__order", "district__name"):
        submitted_on = timezone.localtime(report.submitted_at).date() if report.submitted_at else None
        done = report.status == DistrictReportStatus.SUBMITTED
        rows.append({
            "report": report, "district": report.district, "status": report.status,
            "status_label": report.get_status_display(), "submitted": done, "submitted_on": submitted_on,
            "late": rules.is_late(request.deadline, submitted_on if done else None, on),
            "values": [report.values.get(code) if done else None for code in codes],
        })
    totals = rules.province_totals(codes, [r["report"].values for r in rows if r["submitted"]],
                                   averaged=[i.code for i in indicator_rows if i.aggregate == "average"])
    return {
        "request": request, "indicators": indicator_rows, "rows": rows,
        "totals": [totals[c] for c in codes], "totals_by_code": totals,
        "submitted": sum(1 for r in rows if r["submitted"]), "late": sum(1 for r in rows if r["late"]),
        "count": len(rows),
    }


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------

def questions_visible_to(user: Any) -> QuerySet[CouncilQuestion]:
    if not is_department_staff(user):
        return CouncilQuestion.objects.none()
    return CouncilQuestion.objects.select_related("unit", "assignee")


def coordinations_visible_to(user: Any) -> QuerySet[Coordination]:
    if not is_department_staff(user):
        return Coordination.objects.none()
    return Coordination.objects.select_related("unit")


# --- Dashboards -----------------------------------------------------------------------------------------

def _state_counts(tasks: list[Task], on: dt.date) -> dict[str, int]:
    counts = {"open": 0, "overdue": 0, "due_soon": 0}
    cal = calendar()
    for task in tasks:
        if task.status not in TASK_OPEN:
            continue
        counts["open"] += 1
        state = rules.deadline_state(is_open=True, deadline=task.deadline, today=on, cal=cal)
        if state in counts:
            counts[state] += 1
    return counts


def unit_dashboard(user: Any, unit_code: str, *, on: dt.date | None = None) -> dict[str, Any]:
    """One unit's tasks as the user may see them, with counts, plus its questions and coordination."""
    on = on or today()
    tasks = task_list(user, unit=unit_code)
    open_tasks = [t for t in tasks if t.status in TASK_OPEN]
    first, last = on.replace(day=1), rules.month_bounds(on.strftime("%Y-%m"))[1]
    return {
        "tasks": open_tasks, "counts": _state_counts(tasks, on),
        "completed_this_month": sum(1 for t in tasks if t.completed_on and first <= t.completed_on <= last),
        "questions": list(questions_visible_to(user).filter(unit__code=unit_code)
                          .exclude(status="answered")),
        "coordinations": list(coordinations_visible_to(user).filter(unit__code=unit_code)
                              .filter(status__in=["open", "disagreed", "escalated"])),
    }


def leadership_dashboard(user: Any, *, on: dt.date | None = None) -> dict[str, Any]:
    """Every unit's open, overdue and due-soon tasks; reports due or late; district requests open."""
    on = on or today()
    tasks = list(tasks_visible_to(user))
    by_unit: dict[str, list[Task]] = defaultdict(list)
    for task in tasks:
        by_unit[task.lead_unit.code].append(task)
    units = []
    for unit in briefing_units(on):
        counts = _state_counts(by_unit.get(unit.code, []), on)
        units.append({"code": unit.code, "name": unit.name, **counts})
    reports = [r for r in reports_visible_to(user).exclude(status=ReportStatus.SENT)]
    return {
        "units": units, "totals": _state_counts(tasks, on),
        "reports_pending": [r for r in reports if r.status == ReportStatus.PENDING],
        "reports_late": [r for r in reports if report_is_late(r, on)],
        "reports_due": recurring_reports_due(on, on + dt.timedelta(days=31)),
        "district_requests": [district_board(r, on=on) for r in DistrictRequest.objects.filter(
            deadline__gte=on - dt.timedelta(days=60))[:5]],
        "questions_open": questions_visible_to(user).exclude(status="answered").count(),
        "coordinations_escalated": coordinations_visible_to(user).filter(status="escalated").count(),
    }


def home_figures() -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    on = today()
    open_tasks = Task.objects.filter(status__in=TASK_OPEN)
    return [
        (_("Open tasks"), open_tasks.count()),
        (_("Overdue"), open_tasks.filter(deadline__lt=on).count()),
        (_("Completed"), Task.objects.filter(status=TaskStatus.COMPLETED).count()),
    ]
