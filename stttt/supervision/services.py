"""Writes of sector supervision: one transaction each, permission checked, audited (tracked models).

`transition()` is the one place that moves a record through its table in `workflow.py`; the others record
organisations, sites, cases, incidents, stations, broadcasts and plans. Bad input raises `ValidationError`
and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core import workflow as core_workflow
from stttt.supervision import permissions, rules
from stttt.supervision.choices import OperatorStatus, ReportStatus
from stttt.supervision.models import (
    BroadcastConfirmation,
    BroadcastRequest,
    Case,
    CaseStep,
    ExternalActivity,
    ExternalPlan,
    Holding,
    Incident,
    IncidentUpdate,
    Operator,
    OperatorReport,
    RadioStation,
    ReportKind,
    Site,
)
from stttt.supervision.workflow import REPORTS, TABLES

MODELS: dict[str, type[Model]] = {
    "OperatorReport": OperatorReport,
    "Case": Case,
    "Incident": Incident,
    "BroadcastRequest": BroadcastRequest,
    "ExternalPlan": ExternalPlan,
}


def _require(value: Any, field: str, message: str) -> Any:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ValidationError({field: message})
    return value.strip() if isinstance(value, str) else value


def _date(value: Any, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise ValidationError({field: _("Enter a valid date.")}) from None


def _check(user: Any, agency_id: int | None, area: str) -> None:
    if not permissions.can_manage(user, agency_id, area):
        raise PermissionDenied(_("You may not record this."))


def _save(instance: Model, reason: str) -> Model:
    instance.full_clean()
    instance._change_reason = reason  # type: ignore[attr-defined]
    instance.save()
    return instance


# --- The transition service -------------------------------------------------------------------------


def _write_report(report: OperatorReport, action: str, inputs: dict[str, Any], actor: Any) -> None:
    if action == "receive":
        submitted_on = _date(
            _require(inputs.get("submitted_on"), "submitted_on", _("Give the date received.")), "submitted_on"
        )
        if submitted_on > timezone.localdate():
            raise ValidationError({"submitted_on": _("The date received cannot be in the future.")})
        figures = inputs.get("figures") or {}
        errors = rules.validate_figures(report.kind.fields, figures)
        if errors:
            raise ValidationError({f"figures.{name}": message for name, message in errors.items()})
        report.figures = rules.clean_figures(report.kind.fields, figures)
        report.submitted_on = submitted_on
        report.return_reason = ""
    elif action == "return":
        report.return_reason = _require(inputs.get("reason"), "reason", _("Say what must be corrected."))
        report.submitted_on = None
    elif action == "remind":
        report.reminded_on = timezone.localdate()


def _write_case(case: Case, action: str, inputs: dict[str, Any], actor: Any) -> None:
    note = inputs.get("note", "")
    if action in ("start", "note", "mediate"):
        note = _require(note, "note", _("Describe the step."))
    elif action == "resolve":
        case.outcome = note = _require(inputs.get("outcome"), "outcome", _("Write the outcome."))
    elif action == "close":
        case.closed_on = timezone.localdate()
    CaseStep.objects.create(case=case, action=action, note=note, actor=actor, at=timezone.now())


def _write_incident(incident: Incident, action: str, inputs: dict[str, Any], actor: Any) -> None:
    note = inputs.get("note", "")
    sites_down = inputs.get("sites_down")
    if action in ("update", "restore"):
        note = _require(note, "note", _("Describe the progress."))
    if sites_down not in (None, ""):
        try:
            sites_down = int(sites_down)
        except (TypeError, ValueError):
            raise ValidationError({"sites_down": _("Enter a whole number.")}) from None
        if sites_down < 0:
            raise ValidationError({"sites_down": _("A figure cannot be negative.")})
        incident.sites_down = sites_down
    else:
        sites_down = None
    if action == "restore":
        incident.restored_at = timezone.now()
        incident.sites_down = sites_down = 0
    IncidentUpdate.objects.create(
        incident=incident, action=action, note=note, sites_down=sites_down, actor=actor, at=timezone.now()
    )


def _write_broadcast(request: BroadcastRequest, action: str, inputs: dict[str, Any], actor: Any) -> None:
    if action == "send":
        if not request.stations.exists():
            raise ValidationError({"stations": _("Choose the stations that must broadcast.")})
        request.sent_on = timezone.localdate()
    elif action == "confirm":
        station_id = _require(inputs.get("station"), "station", _("Choose the station."))
        station = request.stations.filter(pk=station_id).first()
        if station is None:
            raise ValidationError({"station": _("This station was not asked to broadcast the request.")})
        if request.confirmations.filter(station=station).exists():
            raise ValidationError({"station": _("This station has already confirmed.")})
        confirmed_on = _date(_require(inputs.get("confirmed_on"), "confirmed_on", _("Give the date.")), "confirmed_on")
        try:
            times = int(inputs.get("times_broadcast") or 1)
        except (TypeError, ValueError):
            raise ValidationError({"times_broadcast": _("Enter a whole number.")}) from None
        BroadcastConfirmation.objects.create(
            request=request,
            station=station,
            confirmed_on=confirmed_on,
            times_broadcast=max(times, 1),
            note=str(inputs.get("note") or "")[:300],
        )


def _write_external(plan: ExternalPlan, action: str, inputs: dict[str, Any], actor: Any) -> None:
    if action in ("return", "approve"):
        plan.opinion = _require(inputs.get("opinion"), "opinion", _("Write the appraisal opinion."))
    if action == "approve":
        plan.decided_on = timezone.localdate()


WRITERS: dict[str, Callable[..., None]] = {
    "OperatorReport": _write_report,
    "Case": _write_case,
    "Incident": _write_incident,
    "BroadcastRequest": _write_broadcast,
    "ExternalPlan": _write_external,
}


@transaction.atomic
def transition(record: Model, action: str, *, actor: Any, expected_version: int | None = None, **inputs: Any) -> Model:
    """Apply `action` of the record's table (`workflow.py`): row lock, version, state, roles, the step's
    writes, audit reason, effects. Raises `TransitionRefused`, `PermissionDenied` or `ValidationError`."""
    name = type(record).__name__
    model = MODELS[name]
    table = TABLES[name]

    def write(locked: Any, step: core_workflow.Transition) -> None:
        WRITERS[name](locked, action, inputs, actor)

    return core_workflow.apply(
        table,
        model._default_manager.all(),
        record.pk,
        action,
        actor=actor,
        roles_of=permissions.roles_of,
        expected_version=expected_version,
        write=write,
        at=timezone.localdate(),
    )


# --- Organisations and reports ----------------------------------------------------------------------

OPERATOR_FIELDS = (
    "name",
    "short_name",
    "sector",
    "tax_code",
    "address",
    "representative",
    "email",
    "phone",
    "status",
    "owns_infrastructure",
    "notes",
)


@transaction.atomic
def operator_save(*, actor: Any, agency: Any, instance: Operator | None = None, **fields: Any) -> Operator:
    """Record or change a supervised organisation (regulation Art. 3.17)."""
    operator = instance or Operator(agency=agency)
    for name in OPERATOR_FIELDS:
        if name in fields:
            setattr(operator, name, fields[name])
    _check(actor, operator.agency_id, permissions.SECTOR_AREA.get(operator.sector, permissions.INFRASTRUCTURE))
    return _save(operator, "operator_save")  # type: ignore[return-value]


@transaction.atomic
def holding_add(operator: Operator, *, actor: Any, **fields: Any) -> Holding:
    """Record a licence or notice an organisation holds; `licence` links one the Department issued."""
    _check(actor, operator.agency_id, permissions.area_of(operator))
    licence = fields.get("licence")
    if licence is not None and licence.agency_id != operator.agency_id:
        raise ValidationError({"licence": _("The licence belongs to another agency.")})
    holding = Holding(operator=operator, **fields)
    return _save(holding, "holding_add")  # type: ignore[return-value]


@transaction.atomic
def reports_schedule(kind: ReportKind, *, actor: Any, year: int) -> int:
    """Create the reports each operating organisation of the kind's sector owes for `year`, with their due
    days (rules.report_due). Existing ones are kept. Returns how many were created."""
    if actor is not None:
        _check(actor, kind.agency_id, permissions.SECTOR_AREA[kind.sector])
    created = 0
    operators = Operator.objects.filter(agency_id=kind.agency_id, sector=kind.sector, status=OperatorStatus.ACTIVE)
    for operator in operators:
        for start, end in rules.periods(kind.frequency, year):
            _report, new = OperatorReport.objects.get_or_create(
                operator=operator,
                kind=kind,
                period_end=end,
                defaults={"period_start": start, "due_on": rules.report_due(kind.frequency, end)},
            )
            created += new
    return created


@transaction.atomic
def reminders_send(agency: Any, *, on: dt.date | None = None) -> int:
    """Remind each organisation whose awaited report is due soon or overdue (rules.reminder_due), through the
    table's `remind` step effects. Run daily by the job; returns how many reminders were written."""
    on = on or timezone.localdate()
    step = REPORTS.get("remind")
    assert step is not None
    sent = 0
    due = (
        OperatorReport.objects.select_for_update()
        .filter(operator__agency=agency, status__in=(ReportStatus.DUE, ReportStatus.RETURNED))
        .select_related("operator", "kind")
    )
    for report in due:
        if not rules.reminder_due(report.due_on, on, report.reminded_on):
            continue
        report.reminded_on = on
        report._change_reason = "remind"  # type: ignore[attr-defined]
        report.save(update_fields=["reminded_on", "updated_at"])
        REPORTS.run_effects(step, report, actor=None, at=on)
        sent += 1
    return sent


# --- Infrastructure ---------------------------------------------------------------------------------


SITE_FIELDS = (
    "code",
    "name",
    "kind",
    "owner",
    "district",
    "commune",
    "address",
    "latitude",
    "longitude",
    "height_m",
    "technologies",
    "permit_number",
    "permit_date",
    "status",
    "conformity",
    "plan",
    "conformity_note",
)


@transaction.atomic
def site_save(
    *, actor: Any, agency: Any, instance: Site | None = None, sharers: Iterable[Operator] | None = None, **fields: Any
) -> Site:
    """Record or change a BTS site (regulation Art. 3.11.b-c): owner and sharers of the same agency."""
    site = instance or Site(agency=agency)
    _check(actor, site.agency_id, permissions.INFRASTRUCTURE)
    for name in SITE_FIELDS:
        if name in fields:
            setattr(site, name, fields[name])
    if site.owner_id and site.owner.agency_id != site.agency_id:
        raise ValidationError({"owner": _("The owner belongs to another agency.")})
    sharers = list(sharers) if sharers is not None else None
    if sharers and any(o.agency_id != site.agency_id or o.pk == site.owner_id for o in sharers):
        raise ValidationError({"sharers": _("Sharers are other organisations of the same agency.")})
    _save(site, "site_save")
    if sharers is not None:
        site.sharers.set(sharers)
    return site


# --- Cases, incidents --------------------------------------------------------------------------------

CASE_PREFIX = {"dispute": "TC", "complaint": "KN", "advertising": "QC"}


@transaction.atomic
def case_open(
    *,
    actor: Any,
    agency: Any,
    kind: str,
    title: str,
    claimant: str,
    respondent: Operator,
    description: str,
    received_on: dt.date,
    site: Site | None = None,
) -> Case:
    """Open a dispute, complaint or advertising check with its time limit (rules.case_due)."""
    area = permissions.INFORMATION if kind == "advertising" else permissions.INFRASTRUCTURE
    _check(actor, agency.pk, area)
    if kind not in CASE_PREFIX:
        raise ValidationError({"kind": _("Unknown kind.")})
    if respondent.agency_id != agency.pk or (site is not None and site.agency_id != agency.pk):
        raise ValidationError({"respondent": _("The organisation belongs to another agency.")})
    received_on = _date(received_on, "received_on")
    year = received_on.year
    prefix = f"{CASE_PREFIX[kind]}-{year}-"
    count = Case.objects.select_for_update().filter(agency=agency, reference__startswith=prefix).count()
    case = Case(
        agency=agency,
        kind=kind,
        reference=f"{prefix}{count + 1:03d}",
        title=title,
        claimant=claimant,
        respondent=respondent,
        site=site,
        description=description,
        received_on=received_on,
        due_on=rules.case_due(kind, received_on, postal=respondent.sector == "postal"),
    )
    _save(case, "case_open")
    CaseStep.objects.create(case=case, action="open", note=description[:500], actor=actor, at=timezone.now())
    return case


@transaction.atomic
def incident_open(
    *,
    actor: Any,
    agency: Any,
    title: str,
    cause: str,
    started_at: dt.datetime,
    communes: str = "",
    sites_down: int = 0,
    operators: Iterable[Operator] = (),
    plan: Any = None,
    description: str = "",
) -> Incident:
    """Record an outage or an activation of the emergency plan (regulation Art. 3.21)."""
    _check(actor, agency.pk, permissions.INFRASTRUCTURE)
    incident = Incident(
        agency=agency,
        plan=plan,
        title=title,
        cause=cause,
        started_at=started_at,
        communes=communes,
        sites_down=sites_down,
        description=description,
    )
    _save(incident, "incident_open")
    incident.operators.set([o for o in operators if o.agency_id == agency.pk])
    IncidentUpdate.objects.create(
        incident=incident, action="open", note=description or title, sites_down=sites_down, actor=actor, at=started_at
    )
    return incident


# --- Grassroots and external information ------------------------------------------------------------


@transaction.atomic
def station_save(*, actor: Any, agency: Any, instance: RadioStation | None = None, **fields: Any) -> RadioStation:
    """Record or change a commune radio station (regulation Art. 3.7.a)."""
    station = instance or RadioStation(agency=agency)
    _check(actor, station.agency_id, permissions.INFORMATION)
    for name, value in fields.items():
        setattr(station, name, value)
    return _save(station, "station_save")  # type: ignore[return-value]


@transaction.atomic
def broadcast_create(
    *,
    actor: Any,
    agency: Any,
    title: str,
    content: str,
    priority: str,
    broadcast_from: dt.date,
    broadcast_until: dt.date,
    times_per_day: int = 2,
    stations: Iterable[RadioStation] = (),
) -> BroadcastRequest:
    """Draft a broadcast request to commune stations (Decree 49/2024; Circular 39/2020; regulation 3.7.b-c)."""
    _check(actor, agency.pk, permissions.INFORMATION)
    if _date(broadcast_until, "broadcast_until") < _date(broadcast_from, "broadcast_from"):
        raise ValidationError({"broadcast_until": _("The last day cannot be before the first.")})
    stations = list(stations)
    if any(s.agency_id != agency.pk for s in stations):
        raise ValidationError({"stations": _("A station belongs to another agency.")})
    request = BroadcastRequest(
        agency=agency,
        title=title,
        content=content,
        priority=priority,
        broadcast_from=broadcast_from,
        broadcast_until=broadcast_until,
        times_per_day=times_per_day,
    )
    _save(request, "broadcast_create")
    request.stations.set(stations)
    return request


@transaction.atomic
def external_plan_receive(
    *, actor: Any, agency: Any, submitted_by: str, title: str, year: int, received_on: dt.date
) -> ExternalPlan:
    """Record an external-information plan received for appraisal with its due day (rules.external_plan_due)."""
    _check(actor, agency.pk, permissions.INFORMATION)
    received_on = _date(received_on, "received_on")
    plan = ExternalPlan(
        agency=agency,
        submitted_by=submitted_by,
        title=title,
        year=year,
        received_on=received_on,
        due_on=rules.external_plan_due(received_on),
    )
    return _save(plan, "external_plan_receive")  # type: ignore[return-value]


@transaction.atomic
def activity_add(*, actor: Any, agency: Any, **fields: Any) -> ExternalActivity:
    """Record an external-information event or product of the year (regulation Art. 3.6.b)."""
    _check(actor, agency.pk, permissions.INFORMATION)
    plan = fields.get("plan")
    if plan is not None and plan.agency_id != agency.pk:
        raise ValidationError({"plan": _("The plan belongs to another agency.")})
    return _save(ExternalActivity(agency=agency, **fields), "activity_add")  # type: ignore[return-value]
