"""Writing a checked plan through the services: one transaction, each row in its own savepoint."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.org import services
from stttt.org.choices import AssignmentKind, ReorgKind
from stttt.org.importing.problems import ImportFailed, ImportReport, Problem
from stttt.org.importing.schema import check
from stttt.org.models import (
    Agency,
    AreaInCharge,
    Assignment,
    District,
    Duty,
    ReorgEvent,
    Staff,
    StaffingQuota,
    Unit,
    UnitFunction,
)

# A unit whose file gives no establishment date is taken to have existed all along.
UNKNOWN_START = datetime.date(2000, 1, 1)


def _attempt(problems: list[Problem], row: str, column: str, write: Callable[[], Any]) -> Any:
    """Run one row's write in a savepoint; a refusal becomes a problem instead of stopping the import."""
    try:
        with transaction.atomic():
            return write()
    except ValidationError as exc:
        for message in exc.messages:
            problems.append(Problem(row, column, message))
    return None


@transaction.atomic
def import_data(data: Any, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a whole file (already parsed) or nothing; raises ImportFailed listing every problem."""
    plan, problems = check(data, agency=agency)
    if problems or plan is None:
        raise ImportFailed(problems)
    report = ImportReport()
    problems = []
    if agency is None or "name" in plan.agency:
        agency = services.agency_save(actor=actor, **plan.agency)
    assert agency is not None
    for row, entry in plan.districts:
        _attempt(problems, row, "code", functools.partial(_write_district, agency, entry, actor, report))
    units: dict[str, Unit] = {u.code: u for u in Unit.objects.filter(agency=agency)}
    for row, entry in plan.units:
        unit = _attempt(
            problems, row, "code", functools.partial(_write_unit, agency, entry, units, plan.as_of, actor, report)
        )
        if unit is not None:
            units[unit.code] = unit
    staff: dict[str, Staff] = {s.code: s for s in Staff.objects.filter(agency=agency)}
    for row, entry in plan.staff:
        person = _attempt(problems, row, "id", functools.partial(_write_staff, agency, entry, units, actor, report))
        if person is not None:
            staff[person.code] = person
    for row, entry in plan.staff:
        if entry["id"] in staff and entry["unit"] in units:
            _attempt(
                problems,
                row,
                "position",
                functools.partial(_write_posts, staff[entry["id"]], entry, units, actor, report),
            )
    for row, entry in plan.acting:
        _attempt(problems, row, "staff", functools.partial(_write_acting, entry, staff, units, actor, report))
    for row, entry in plan.quotas:
        _attempt(problems, row, "unit", functools.partial(_write_quota, entry, units, actor, report))
    duties: dict[str, Duty] = {d.citation: d for d in Duty.objects.filter(agency=agency)}
    for row, entry in plan.duties:
        duty = _attempt(problems, row, "citation", functools.partial(_write_duty, agency, entry, units, actor, report))
        if duty is not None:
            duties[duty.citation] = duty
    for row, entry in plan.areas:
        _attempt(problems, row, "staff", functools.partial(_write_areas, entry, staff, units, duties, actor, report))
    for row, entry in plan.events:
        _attempt(problems, row, "kind", functools.partial(_write_event, entry, units, actor, report))
    if problems:
        raise ImportFailed(problems)
    return report


def _write_district(agency: Agency, e: dict, actor: Any, report: ImportReport) -> None:
    existing = District.objects.filter(agency=agency, code=e["code"]).first()
    values = {
        "name": e["name"],
        "kind": e["kind"],
        "office_name": e["office_name"],
        "order": e["order"] if e["order"] is not None else (existing.order if existing else 100),
        "active": e["active"],
    }
    if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
        return
    services.district_save(agency, code=e["code"], actor=actor, **values)
    report.count("districts", existing is None)


def _write_unit(
    agency: Agency, e: dict, units: dict[str, Unit], as_of: datetime.date, actor: Any, report: ImportReport
) -> Unit:
    unit = units.get(e["code"])
    parent = units.get(e["parent"]) if e["parent"] else None
    if unit is None:
        unit = services.unit_establish(
            agency,
            code=e["code"],
            name=e["name"],
            kind=e["kind"],
            parent=parent,
            short_name=e["short_name"],
            order=e["order"] or 100,
            on=e["established_on"] or UNKNOWN_START,
            actor=actor,
        )
        report.count("units", True)
    else:
        if unit.kind != e["kind"] or unit.parent_id != (parent.pk if parent else None):
            raise ValidationError(
                _("The kind or parent of an existing unit cannot change by import; record a reorganisation instead.")
            )
        changed = False
        if unit.name != e["name"] and e["dissolved_on"] is None:
            services.unit_rename(unit, name=e["name"], on=max(as_of, unit.established_on), actor=actor)
            changed = True
        if (e["order"] and unit.order != e["order"]) or (e["short_name"] and unit.short_name != e["short_name"]):
            unit.order, unit.short_name = e["order"] or unit.order, e["short_name"] or unit.short_name
            services._save(unit, actor)
            changed = True
        if changed:
            report.count("units", False)
    for function in e["functions"]:
        if not UnitFunction.objects.filter(title=function["title"]).filter(unit=unit).exists():
            services.function_add(
                unit, title=function["title"], valid_from=function["valid_from"] or unit.established_on, actor=actor
            )
            report.count("functions", True)
    if e["dissolved_on"] and unit.dissolved_on is None:
        services.unit_dissolve(unit, on=e["dissolved_on"], actor=actor)
        report.count("units", False)
    return unit


def _write_staff(agency: Agency, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> Staff:
    person = Staff.objects.filter(code=e["id"]).first()
    fields = (e["name"], e["category"], e["email"], e["phone"])
    if person is None or (person.full_name, person.category, person.email, person.phone) != fields:
        report.count("staff", person is None)
        person = services.staff_save(
            agency,
            code=e["id"],
            full_name=e["name"],
            category=e["category"],
            email=e["email"],
            phone=e["phone"],
            actor=actor,
        )
    if e["user"] and (person.user is None or person.user.get_username() != e["user"]):
        user = get_user_model().objects.get(username=e["user"])
        services.staff_link_user(person, user, actor=actor)
        report.count("accounts linked", True)
    return person


def _write_posts(person: Staff, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    primaries = list(Assignment.objects.filter(staff=person, kind=AssignmentKind.PRIMARY).order_by("start_on"))
    latest = primaries[-1] if primaries else None
    if latest is None:
        services.assignment_create(
            person, unit, position=e["position"], start_on=e["start_on"], end_on=e["end_on"], actor=actor
        )
        report.count("assignments", True)
    elif latest.unit_id == unit.pk and latest.position == e["position"]:
        if e["end_on"] != latest.end_on and (e["end_on"] or latest.start_on == e["start_on"]):
            latest.end_on = e["end_on"]
            services._save(latest, actor)
            report.count("assignments", False)
    else:
        services.staff_reassign(person, unit, position=e["position"], on=e["start_on"], actor=actor)
        report.count("assignments", True)
    for post in e["concurrent"]:
        exists = Assignment.objects.filter(
            staff=person,
            unit=units[post["unit"]],
            position=post["position"],
            kind=AssignmentKind.CONCURRENT,
            start_on=post["start_on"],
        ).exists()
        if not exists:
            services.assignment_create(
                person,
                units[post["unit"]],
                position=post["position"],
                kind=AssignmentKind.CONCURRENT,
                start_on=post["start_on"],
                end_on=post["end_on"],
                actor=actor,
            )
            report.count("assignments", True)


def _write_acting(e: dict, staff: dict[str, Staff], units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    person, unit = staff[e["staff"]], units[e["unit"]]
    if Assignment.objects.filter(staff=person, unit=unit, kind=AssignmentKind.ACTING, start_on=e["start_on"]).exists():
        return
    services.acting_appoint(person, unit, start_on=e["start_on"], end_on=e["end_on"], basis=e["basis"], actor=actor)
    report.count("acting appointments", True)


def _write_quota(e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    existing = StaffingQuota.objects.filter(unit=unit, year=e["year"]).first()
    values = {
        k: e[k]
        for k in ("civil_servants", "public_employees", "proposed_civil_servants", "proposed_public_employees", "basis")
    }
    if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
        return
    services.quota_set(unit, year=e["year"], actor=actor, **values)
    report.count("quotas", existing is None)


def _provision_for(citation: str) -> Any:
    try:
        from stttt.legal.selectors import provision_get
    except ImportError:  # the regulation app is not installed
        return None
    try:
        return provision_get(citation)
    except LookupError:
        return None


def _write_duty(agency: Agency, e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> Duty:
    lead = units.get(e["lead"]) if e["lead"] else None
    coordinating = [units[code] for code in e["coordinating"]]
    existing = Duty.objects.filter(agency=agency, citation=e["citation"]).first()
    provision = _provision_for(e["citation"])
    if (
        existing is not None
        and (existing.title, existing.text, existing.lead_unit_id)
        == (e["title"], e["text"] or existing.text, lead.pk if lead else None)
        and set(existing.coordinating_units.values_list("code", flat=True)) == set(e["coordinating"])
        and (provision is None or existing.provision_id == provision.pk)
    ):
        return existing
    order = int(
        "".join(f"{int(p):03d}" if p.isdigit() else f"{ord(p[0]):03d}" for p in e["citation"].split(".")[:3]).ljust(
            9, "0"
        )
    )
    duty = services.duty_save(
        agency,
        citation=e["citation"],
        title=e["title"],
        text=e["text"] or (existing.text if existing else ""),
        lead_unit=lead,
        coordinating_units=coordinating,
        order=order,
        provision=provision,
        actor=actor,
    )
    report.count("duties", existing is None)
    return duty


def _write_areas(
    e: dict, staff: dict[str, Staff], units: dict[str, Unit], duties: dict[str, Duty], actor: Any, report: ImportReport
) -> None:
    person = staff[e["staff"]]
    current = AreaInCharge.objects.filter(staff=person, end_on__isnull=True)
    for citation in e["duties"]:
        if not current.filter(duty=duties[citation]).exists():
            services.area_assign(person, duty=duties[citation], start_on=e["start_on"], actor=actor)
            report.count("areas in charge", True)
    for code in e["units"]:
        if not current.filter(unit=units[code]).exists():
            services.area_assign(person, unit=units[code], start_on=e["start_on"], actor=actor)
            report.count("areas in charge", True)


def _write_event(e: dict, units: dict[str, Unit], actor: Any, report: ImportReport) -> None:
    unit = units[e["unit"]]
    if ReorgEvent.objects.filter(kind=e["kind"], units=unit, effective_on=e["on"]).exists():
        return
    if e["kind"] == ReorgKind.RENAME:
        services.unit_rename(unit, name=e["name"], on=e["on"], basis=e["basis"], actor=actor)
    elif e["kind"] == ReorgKind.DISSOLVE:
        services.unit_dissolve(unit, on=e["on"], basis=e["basis"], actor=actor)
    else:
        function = UnitFunction.objects.filter(unit=unit, title=e["function"]).order_by("-valid_from").first()
        if function is None:
            raise ValidationError(
                _("%(unit)s has no function “%(title)s”.") % {"unit": unit.code, "title": e["function"]}
            )
        services.function_transfer(
            function,
            on=e["on"],
            to_unit=units.get(e["to_unit"]) if e["to_unit"] else None,
            to_external=e["to_external"],
            basis=e["basis"],
            actor=actor,
        )
    report.count("reorganisations", True)
