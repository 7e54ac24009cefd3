"""The only writes of the information-security records: one function per use case, one transaction each,
permission and rule checks, audit rows (through `core.audit`), nothing changed on bad input."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.calendar import calendar
from stttt.core.workflow import Transition, TransitionRefused
from stttt.cyber import permissions, rules, workflow
from stttt.cyber.choices import ApprovalStatus, DossierStatus, Severity
from stttt.cyber.models import (
    Assessment,
    ChecklistItem,
    ContentReport,
    Incident,
    IncidentEvent,
    InfoSystem,
    LevelDossier,
    Owner,
    OwnerAccount,
    SecurityWarning,
    WarningDelivery,
)
from stttt.cyber.selectors import today, working_agency
from stttt.org.models import Agency

SYSTEM_FIELDS = (
    "code",
    "name",
    "operator",
    "purpose",
    "users",
    "system_type",
    "private_or_personal",
    "personal_data_users",
    "secret_level",
    "online_service",
    "conditional_business",
    "infra_scope",
    "national_critical",
    "hosting",
    "hosting_detail",
    "interconnections",
    "products",
)


def _refuse(exc: TransitionRefused) -> ValidationError:
    return ValidationError(str(exc))


def _agency_for(actor: Any, agency: Agency | None) -> Agency:
    found = agency or working_agency(actor)
    if found is None:
        raise PermissionDenied(_("You may not record information-security data."))
    return found


def _stamp(obj: Any, actor: Any) -> None:
    if getattr(actor, "is_authenticated", False):
        obj._history_user = actor


def _reference(model: Any, agency: Agency, prefix: str, year: int) -> str:
    stem = f"{prefix}-{year}-"
    taken = model._default_manager.filter(agency=agency, reference__startswith=stem).count()
    n = taken + 1
    while model._default_manager.filter(agency=agency, reference=f"{stem}{n:04d}").exists():
        n += 1
    return f"{stem}{n:04d}"


def _save(obj: Any, actor: Any) -> Any:
    _stamp(obj, actor)
    obj.full_clean()
    obj.save()
    return obj


# --- Owners and the inventory ------------------------------------------------------------------------------


@transaction.atomic
def owner_save(*, actor: Any, owner: Owner | None = None, agency: Agency | None = None, **fields: Any) -> Owner:
    """Add or correct an owner body (a provincial agency that owns systems). Department staff only."""
    target = owner.agency if owner else _agency_for(actor, agency)
    if not permissions.can_manage_inventory(actor, target.pk):
        raise PermissionDenied(_("Only the Department's staff keep the list of owner bodies."))
    obj = owner or Owner(agency=target)
    for name, value in fields.items():
        setattr(obj, name, value)
    return _save(obj, actor)


@transaction.atomic
def owner_account_link(owner: Owner, *, actor: Any, user: Any) -> OwnerAccount:
    """Let a portal account speak for an owner body. A member of staff cannot be linked."""
    if not permissions.can_manage_inventory(actor, owner.agency_id):
        raise PermissionDenied(_("Only the Department's staff link accounts to owner bodies."))
    if permissions.is_staff_of(user, owner.agency_id) or getattr(user, "staff", None) is not None:
        raise ValidationError(_("A member of staff cannot speak for an owner body."))
    account = OwnerAccount.objects.filter(user=user).first()
    if account is None:
        account = OwnerAccount(owner=owner, user=user)
    elif account.owner_id == owner.pk:
        return account
    account.owner = owner
    return _save(account, actor)


@transaction.atomic
def system_save(*, actor: Any, owner: Owner, system: InfoSystem | None = None, **fields: Any) -> InfoSystem:
    """Add or correct a system of the inventory: Department staff, or the owner body's own account."""
    if system is not None and system.owner_id != owner.pk and not permissions.is_staff_of(actor, system.agency_id):
        raise PermissionDenied(_("You may not move this system to another owner."))
    roles = permissions.roles_on(actor, owner.agency_id, owner.pk)
    if not roles & {"staff", "owner"}:
        raise PermissionDenied(_("You may not change this owner's systems."))
    unknown = set(fields) - set(SYSTEM_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    obj = system or InfoSystem(agency=owner.agency)
    obj.owner = owner
    for name, value in fields.items():
        setattr(obj, name, value)
    return _save(obj, actor)


# --- Level dossiers (Decree 85/2016 Art. 12-15) ----------------------------------------------------------------


@transaction.atomic
def dossier_submit(
    system: InfoSystem,
    *,
    actor: Any,
    proposed_level: int,
    explanation: str = "",
    security_plan: str = "",
    submitted_on: dt.date | None = None,
) -> LevelDossier:
    """The owner's operating unit submits a level dossier (Decree 85/2016 Art. 14(1), 15); staff may enter
    one received on paper. The checklist of the level's TCVN 11930 requirements is attached."""
    system = InfoSystem.objects.select_for_update().get(pk=system.pk)
    if not permissions.roles_on(actor, system.agency_id, system.owner_id) & {"staff", "owner"}:
        raise PermissionDenied(_("You may not submit a dossier for this system."))
    try:
        rules.check_level(int(proposed_level))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"proposed_level": str(exc)}) from None
    if system.dossiers.filter(status__in=("submitted", "in_appraisal", "returned", "appraised")).exists():
        raise ValidationError(_("This system already has a dossier in progress."))
    day = submitted_on or today()
    if day > today():
        raise ValidationError({"submitted_on": _("The date cannot be in the future.")})
    dossier = LevelDossier(
        agency=system.agency,
        system=system,
        reference=_reference(LevelDossier, system.agency, "HSCD", day.year),
        proposed_level=int(proposed_level),
        explanation=explanation,
        security_plan=security_plan,
        submitted_on=day,
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _save(dossier, actor)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(dossier=dossier, code=r.code, group=r.group, title=r.title)
        for r in rules.requirements_for(dossier.proposed_level)
    )
    if system.approval_status != ApprovalStatus.APPROVED:
        system.approval_status = ApprovalStatus.IN_APPRAISAL
        _save(system, actor)
    return dossier


@transaction.atomic
def dossier_transition(dossier: LevelDossier, action: str, *, actor: Any, **inputs: Any) -> LevelDossier:
    """Apply a step of the dossier table (`workflow.DOSSIERS`) with what it needs."""
    on = inputs.get("on") or today()
    cal = calendar()

    def write(obj: LevelDossier, step_: Transition) -> None:
        for need in step_.needs:
            if need == "level":
                continue
            if not str(inputs.get(need) or "").strip():
                raise ValidationError({need: _("This field is required.")})
        if action == "receive":
            obj.received_on = on
            obj.appraisal_due = rules.appraisal_due(on, obj.proposed_level, cal)
        elif action in ("return", "refuse"):
            obj.return_reason = inputs["reason"]
        elif action == "resubmit":
            obj.submitted_on, obj.received_on, obj.appraisal_due = on, None, None
        elif action == "appraise":
            obj.opinion = inputs["opinion"]
            obj.opinion_number = inputs.get("opinion_number", "")
            obj.appraised_on = on
            obj.approval_due = rules.approval_due(on, cal)
        elif action == "approve":
            level = int(inputs.get("level") or obj.proposed_level)
            rules.check_level(level)
            flag = rules.under_classified(level, obj.system.level_facts())
            if flag is not None:
                raise ValidationError(
                    _("Level %(level)s is lower than the criteria imply (level %(implied)s: %(basis)s).")
                    % {"level": level, "implied": flag.level, "basis": flag.basis}
                )
            obj.approved_level, obj.approved_on = level, on
            obj.decision_number = inputs["decision_number"]

    try:
        return workflow.transition("dossier", dossier, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise _refuse(exc) from None
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


@transaction.atomic
def checklist_mark(dossier: LevelDossier, *, actor: Any, marks: dict[str, tuple[str, str]]) -> int:
    """Record what the dossier shows for each requirement (`code -> (shown, note)`), while in appraisal."""
    if "security" not in permissions.roles_of_dossier(actor, dossier):
        raise PermissionDenied(_("Only the specialised unit appraises dossiers."))
    if dossier.status != DossierStatus.IN_APPRAISAL:
        raise ValidationError(_("The checklist is filled in while the dossier is in appraisal."))
    items = {i.code: i for i in dossier.checklist.all()}
    unknown = set(marks) - set(items)
    if unknown:
        raise ValidationError(_("Unknown requirements: %(codes)s") % {"codes": ", ".join(sorted(unknown))})
    changed = 0
    for code, (shown, note) in marks.items():
        item = items[code]
        if (item.shown, item.note) != (shown, note):
            item.shown, item.note = shown, note
            _save(item, actor)
            changed += 1
    return changed


# --- Assessments and compliance ---------------------------------------------------------------------------------


@transaction.atomic
def assessment_record(
    system: InfoSystem,
    *,
    actor: Any,
    kind: str,
    done_on: dt.date,
    assessor: str,
    result: str,
    findings: str = "",
    refer: bool = False,
) -> Assessment:
    """Record a check and assessment (Regulation 3.15.d; Circular 12/2022). A periodic one restarts the
    period; a violation may be referred to the Inspectorate when the inspection app is installed."""
    if not permissions.can_assess(actor, system.agency_id):
        raise PermissionDenied(_("Only the specialised unit records checks and assessments."))
    if done_on > today():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})
    if refer and result != "violation":
        raise ValidationError({"refer": _("Only a violation is referred to the Inspectorate.")})
    item = _save(
        Assessment(
            agency=system.agency,
            system=system,
            kind=kind,
            done_on=done_on,
            assessor=assessor,
            result=result,
            findings=findings,
            referred=refer,
        ),
        actor,
    )
    if kind == "periodic" and (system.last_assessment_on is None or done_on > system.last_assessment_on):
        system.last_assessment_on = done_on
        _save(system, actor)
    if refer:
        _refer(system, item, actor)
    return item


def _refer(system: InfoSystem, item: Assessment, actor: Any) -> None:
    try:
        inspection = importlib.import_module("stttt.inspection.services")
    except ModuleNotFoundError:
        raise ValidationError(_("The Inspectorate's app is not installed; the violation cannot be referred.")) from None
    inspection.open_referral(
        agency=system.agency,
        source=item,
        summary=_("Information-security check of %(system)s (%(owner)s): %(findings)s")
        % {"system": system.name, "owner": system.owner.name, "findings": item.findings},
        provision="3.15.d",
        actor=actor,
    )


# --- Incidents -------------------------------------------------------------------------------------------------


def _event(incident: Incident, action: str, note: str, actor: Any) -> None:
    IncidentEvent.objects.create(
        incident=incident,
        at=timezone.now(),
        action=action,
        note=note,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def incident_report(
    *,
    actor: Any,
    owner: Owner,
    title: str,
    description: str,
    detected_on: dt.date,
    kind: str = "other",
    severity: str = "medium",
    systems: list[InfoSystem] | None = None,
) -> Incident:
    """An owner body reports an incident (Circular 20/2017 Art. 11), through the portal or through staff."""
    if not permissions.roles_on(actor, owner.agency_id, owner.pk) & {"staff", "owner"}:
        raise PermissionDenied(_("You may not report an incident for this body."))
    day = today()
    if detected_on > day:
        raise ValidationError({"detected_on": _("The date cannot be in the future.")})
    systems = list(systems or [])
    if any(s.owner_id != owner.pk for s in systems):
        raise ValidationError({"systems": _("Choose systems of the reporting body only.")})
    incident = _save(
        Incident(
            agency=owner.agency,
            owner=owner,
            reference=_reference(Incident, owner.agency, "SC", day.year),
            title=title,
            description=description,
            kind=kind,
            severity=severity,
            detected_on=detected_on,
            received_on=day,
        ),
        actor,
    )
    incident.systems.set(systems)
    _event(incident, "report", description, actor)
    return incident


@transaction.atomic
def incident_transition(incident: Incident, action: str, *, actor: Any, **inputs: Any) -> Incident:
    """Apply a step of the incident table (`workflow.INCIDENTS`); every step is kept in the timeline."""
    on = inputs.get("on") or today()
    note = str(inputs.get("note") or inputs.get("report") or "")

    def write(obj: Incident, step_: Transition) -> None:
        for need in step_.needs:
            if not str(inputs.get(need) or "").strip():
                raise ValidationError({need: _("This field is required.")})
        if action == "verify":
            if inputs["severity"] not in Severity.values:
                raise ValidationError({"severity": _("Choose a severity from the list.")})
            obj.severity, obj.verified_on = inputs["severity"], on
        elif action == "notify":
            whom = inputs["whom"]
            if whom not in ("national", "team", "both"):
                raise ValidationError({"whom": _("Choose whom the incident was notified to.")})
            if whom in ("national", "both"):
                obj.national_notified_on = on
            if whom in ("team", "both"):
                obj.team_notified_on = on
        elif action == "recover":
            obj.recovered_on = on
        elif action == "close":
            obj.closing_report, obj.closed_on = inputs["report"], on

    try:
        item = workflow.transition("incident", incident, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise _refuse(exc) from None
    if action == "notify":
        note = {"national": _("National centre"), "team": _("Provincial response team")}.get(
            inputs["whom"], _("National centre and provincial response team")
        )
    elif action == "verify":
        note = _("Severity: %(s)s") % {"s": item.get_severity_display()} + (f" · {note}" if note else "")
    _event(item, action, note, actor)
    return item


# --- Warnings ---------------------------------------------------------------------------------------------------


@transaction.atomic
def warning_record(*, actor: Any, agency: Agency | None = None, **fields: Any) -> SecurityWarning:
    """Record a warning received from the national centre (Regulation 3.15.đ)."""
    target = _agency_for(actor, agency)
    if not permissions.is_security(actor, target.pk):
        raise PermissionDenied(_("Only the specialised unit records warnings."))
    if fields.get("received_on") and fields["received_on"] > today():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    if not fields.get("reference"):
        fields["reference"] = _reference(SecurityWarning, target, "CB", (fields.get("received_on") or today()).year)
    return _save(SecurityWarning(agency=target, **fields), actor)


def affected_owners(warning: SecurityWarning) -> dict[int, list[str]]:
    """Owner bodies whose inventory lists the warning's product (and version): owner id -> matched lines."""
    found: dict[int, list[str]] = {}
    for system in InfoSystem.objects.filter(agency=warning.agency).exclude(products=""):
        lines = rules.product_matches(system.products, warning.product, warning.versions)
        if lines:
            found.setdefault(system.owner_id, []).extend(f"{system.name}: {line}" for line in lines)
    return found


@transaction.atomic
def warning_transition(warning: SecurityWarning, action: str, *, actor: Any, **inputs: Any) -> SecurityWarning:
    """Apply a step of the warning table; `relay` sends it to every owner body the inventory matches, and
    to any other bodies named in `owners`."""

    def write(obj: SecurityWarning, step_: Transition) -> None:
        if action == "relay":
            obj.relayed_on = inputs.get("on") or today()

    try:
        return workflow.transition(
            "warning", warning, action, actor=actor, write=write, extra_owners=inputs.get("owners") or []
        )
    except TransitionRefused as exc:
        raise _refuse(exc) from None


@transaction.atomic
def delivery_transition(delivery: WarningDelivery, action: str, *, actor: Any, **inputs: Any) -> WarningDelivery:
    """Acknowledge, report remediation or remind (`workflow.DELIVERIES`)."""
    on = inputs.get("on") or today()

    def write(obj: WarningDelivery, step_: Transition) -> None:
        for need in step_.needs:
            if not str(inputs.get(need) or "").strip():
                raise ValidationError({need: _("This field is required.")})
        if action == "acknowledge":
            obj.acknowledged_on = on
        elif action == "remediate":
            obj.acknowledged_on = obj.acknowledged_on or on
            obj.remediated_on, obj.note = on, inputs["note"]
        elif action == "remind":
            obj.reminded_on = on

    try:
        return workflow.transition("delivery", delivery, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise _refuse(exc) from None


@transaction.atomic
def remind_overdue(agency: Agency, *, actor: Any, on: dt.date | None = None) -> int:
    """Remind every owner body late with a relayed warning, once a day (Regulation 3.15.đ)."""
    from stttt.cyber.selectors import overdue_deliveries

    day = on or today()
    count = 0
    for delivery in overdue_deliveries(agency, day):
        if delivery.reminded_on == day:
            continue
        delivery_transition(delivery, "remind", actor=actor, on=day)
        count += 1
    return count


# --- Reports of illegal content ----------------------------------------------------------------------------------


@transaction.atomic
def content_record(*, actor: Any, agency: Agency | None = None, **fields: Any) -> ContentReport:
    """Take in a report of illegal content or false information online (Regulation 3.15.đ)."""
    target = _agency_for(actor, agency)
    if not permissions.is_staff_of(actor, target.pk):
        raise PermissionDenied(_("Only the Department's staff take in these reports."))
    day = fields.pop("received_on", None) or today()
    if day > today():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    return _save(
        ContentReport(
            agency=target, received_on=day, reference=_reference(ContentReport, target, "TTXD", day.year), **fields
        ),
        actor,
    )


@transaction.atomic
def content_transition(report: ContentReport, action: str, *, actor: Any, **inputs: Any) -> ContentReport:
    def write(obj: ContentReport, step_: Transition) -> None:
        for need in step_.needs:
            if not str(inputs.get(need) or "").strip():
                raise ValidationError({need: _("This field is required.")})
            setattr(obj, need, inputs[need])

    try:
        return workflow.transition("content", report, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise _refuse(exc) from None
