"""Writes of the procedures app: one function per use case, one transaction each, audited.

`dossier_transition` is the only place a dossier's status, dates and deadlines change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.calendar import WorkingCalendar, calendar
from stttt.core.text import canonical
from stttt.procedures import permissions, rules
from stttt.procedures.choices import Channel, Status
from stttt.procedures.models import Component, DailySequence, Dossier, DossierFile, DossierStep, Procedure
from stttt.procedures.workflow import STAGE_OF_STATUS, TRANSITIONS, Transition

DATA_FILE = Path(__file__).resolve().parent / "data" / "procedures.yaml"


class TransitionError(ValidationError):
    """The action is not possible now (a rule says no); nothing was changed."""


class Conflict(TransitionError):
    """Someone else changed the dossier first; reload and try again. Nothing was changed."""


def agency_code() -> str:
    """The agency identifier code (Circular 10/2016/TT-BTTTT) that prefixes dossier codes."""
    return settings.STTTT_AGENCY_CODE


# --- catalogue ----------------------------------------------------------------------------------------

PROCEDURE_FIELDS = (
    "name", "field_code", "empowering_citation", "legal_basis", "time_limit", "time_unit", "time_limit_basis",
    "local_time_limit", "desk_days", "division_days", "leader_days", "fee", "result_kind", "result_name",
    "handling", "handling_note", "division_code", "online", "notes",
)


@transaction.atomic
def catalog_load(path: Path = DATA_FILE) -> int:
    """Load (create or update) the procedure catalogue from the YAML data file; idempotent by code."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for order, entry in enumerate(entries, start=1):
        values = {name: entry[name] for name in PROCEDURE_FIELDS if name in entry}
        values["order"] = order * 10
        candidate = Procedure(code=entry["code"], **values)
        candidate.full_clean(exclude=["code"], validate_unique=False)
        procedure = Procedure.objects.filter(code=entry["code"]).first()
        if procedure is None:
            procedure = candidate
            procedure.save()
        elif any(getattr(procedure, name) != getattr(candidate, name) for name in values):
            for name in values:
                setattr(procedure, name, getattr(candidate, name))
            procedure.save()
        wanted = [(comp["name"], comp.get("copy_kind", "original"), comp.get("copies", 1), comp.get("form", ""),
                   comp.get("required", True)) for comp in entry.get("components", [])]
        current = list(procedure.components.order_by("order", "id").values_list(
            "name", "copy_kind", "copies", "form", "required"))
        if current != wanted:  # rewrite only what changed, so loading twice changes nothing
            procedure.components.all().delete()
            for index, (name, copy_kind, copies, form, required) in enumerate(wanted, start=1):
                Component.objects.create(procedure=procedure, order=index, name=name, copy_kind=copy_kind,
                                         copies=copies, form=form, required=required)
        _link_provision(procedure)
    return len(entries)


def _link_provision(procedure: Procedure) -> None:
    """Register the procedure with `legal`'s citing registry when that app offers one."""
    try:
        from stttt.legal import selectors as legal_selectors
    except ImportError:
        return
    getter = getattr(legal_selectors, "provision_get", None)
    if getter is None:
        return
    try:
        provision = getter(procedure.empowering_citation)
    except Exception:  # the regulation may not be loaded yet; the citation string stays authoritative
        return
    if procedure.provision_id != provision.pk:
        procedure.provision = provision
        procedure.save(update_fields=["provision"])


def catalog_link_provisions() -> int:
    """Link every procedure to its provision (after the regulation is imported); returns how many are linked."""
    for procedure in Procedure.objects.all():
        _link_provision(procedure)
    return Procedure.objects.filter(provision__isnull=False).count()


# --- dossiers: creation -------------------------------------------------------------------------------

APPLICANT_FIELDS = ("applicant_name", "applicant_id_number", "applicant_address", "applicant_phone",
                    "applicant_email", "subject")


def _clean_applicant(data: dict[str, Any]) -> dict[str, str]:
    values = {name: canonical(str(data.get(name) or "")) for name in APPLICANT_FIELDS}
    if not values["applicant_name"]:
        raise ValidationError({"applicant_name": _("The applicant's name is required.")})
    return values


def dossier_submit(procedure: Procedure, *, actor: Any, data: dict[str, Any], idempotency_key: str | None = None,
                   now: dt.datetime | None = None) -> tuple[Dossier, bool]:
    """An applicant files a dossier online. The same idempotency key from the same user (a retry, a
    double click) returns the dossier already created: `(dossier, created)`."""
    if not procedure.active or not procedure.online:
        raise ValidationError(_("This procedure cannot be filed online."))
    values = _clean_applicant(data)
    key = canonical(idempotency_key or "")[:80] or None
    if key is not None:
        existing = Dossier.objects.filter(submitted_by=actor, idempotency_key=key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            dossier = Dossier(procedure=procedure, channel=Channel.ONLINE, submitted_by=actor, idempotency_key=key,
                              submitted_at=now or timezone.now(), status=Status.SUBMITTED, **values)
            # The idempotency constraint is left to the database: concurrent twins meet there.
            dossier.full_clean(exclude=["code"], validate_constraints=False)
            dossier._change_reason = "submit"  # type: ignore[attr-defined]
            dossier.save()
            _step(dossier, "submit", "", Status.SUBMITTED, actor, dossier.submitted_at, None, None, "", "")
    except IntegrityError:
        if key is None:
            raise
        return Dossier.objects.get(submitted_by=actor, idempotency_key=key), False
    return dossier, True


@transaction.atomic
def dossier_receive_at_desk(procedure: Procedure, *, actor: Any, data: dict[str, Any], channel: str = Channel.DESK,
                            now: dt.datetime | None = None) -> Dossier:
    """The one-stop desk receives a complete paper dossier: it is created and received in one step, with
    its code and appointment (Decree 61/2018 Art. 17(1)(c)). Incomplete dossiers are guided, not created."""
    if DESK_ROLE not in permissions.staff_roles(actor, procedure):
        raise PermissionDenied(_("Only the one-stop desk receives dossiers."))
    values = _clean_applicant(data)
    when = now or timezone.now()
    dossier = Dossier(procedure=procedure, channel=channel, submitted_at=when, status=Status.SUBMITTED, **values)
    dossier.full_clean(exclude=["code"])
    dossier.save()
    _step(dossier, "submit", "", Status.SUBMITTED, actor, when, None, None, "", "")
    return dossier_transition(dossier.pk, "receive", actor=actor, now=when)


DESK_ROLE = "desk"


# --- dossiers: the one transition service -------------------------------------------------------------

def _step(dossier: Dossier, action: str, source: str, target: str, actor: Any, at: dt.datetime,
          started: dt.datetime | None, due: dt.date | None, note: str, basis: str) -> DossierStep:
    done = timezone.localtime(at).date()
    return DossierStep.objects.create(
        dossier=dossier, action=action, from_status=source, to_status=target, actor=actor, at=at,
        started_at=started, due_date=due, on_time=rules.on_time(done, due), note=note, basis=basis,
    )


def _next_code(day: dt.date) -> str:
    sequence, _created = DailySequence.objects.select_for_update().get_or_create(day=day)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return rules.dossier_code(agency_code(), day, sequence.last)


def _restart_period(dossier: Dossier, cal: WorkingCalendar, when: dt.datetime) -> None:
    days, unit = dossier.procedure.applicable_limit
    dossier.counting_start = cal.counting_start(timezone.localtime(when).replace(tzinfo=None),
                                                paper=dossier.channel != Channel.ONLINE)
    dossier.statutory_due_date = rules.due_date(cal, dossier.counting_start, days, unit)
    dossier.due_date = dossier.statutory_due_date


def _enter_stage(dossier: Dossier, status: str, cal: WorkingCalendar, when: dt.datetime) -> None:
    stage = STAGE_OF_STATUS.get(status)
    if stage is None:
        return
    procedure = dossier.procedure
    allotment = {"desk": procedure.desk_days, "division": procedure.division_days,
                 "leader": procedure.leader_days, "return": 0}[stage]
    start = max(timezone.localtime(when).date(), dossier.counting_start or timezone.localtime(when).date())
    if stage == "return":
        dossier.stage_due_date = max(dossier.due_date or start, start)
    else:
        dossier.stage_due_date = rules.stage_due_date(cal, start, allotment, dossier.due_date)
    dossier.stage_started_at = when


def transition_check(dossier: Dossier, transition: Transition, actor: Any, at: dt.date | None = None) -> None:
    """Raise if `actor` may not take `transition` on `dossier` as it is (state, handling, role)."""
    if dossier.status not in transition.sources:
        raise Conflict(
            _("The dossier is now “%(status)s”, so “%(action)s” is not possible. Someone may have just "
              "changed it: reload the page and try again.")
            % {"status": dossier.get_status_display(), "action": transition.label}
        )
    if transition.handling is not None and dossier.procedure.handling not in transition.handling:
        raise TransitionError(_("This action does not apply to this procedure."))
    if not transition.who & permissions.roles_of(actor, dossier, at):
        raise PermissionDenied(_("You may not take this action on this dossier."))


@transaction.atomic
def dossier_transition(dossier_id: int, action: str, *, actor: Any, expected_version: int | None = None,
                       reasons: str = "", note: str = "", assignee: Any = None, new_due: dt.date | None = None,
                       result_number: str = "", now: dt.datetime | None = None) -> Dossier:
    """Apply one step of `workflow.TRANSITIONS` to a dossier, atomically.

    Locks the row, checks the version the actor saw, the source state, the actor's role (from `org`) and
    the step's rule; writes the dossier, a control-sheet row and the audit history; or changes nothing.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionError(_("Unknown action."))
    dossier = Dossier.objects.select_for_update().select_related("procedure").get(pk=dossier_id)
    if expected_version is not None and dossier.version != expected_version:
        raise Conflict(_("Someone else changed this dossier while you were looking at it "
                         "(it is now “%(status)s”). Reload the page and try again.")
                       % {"status": dossier.get_status_display()})
    when = now or timezone.now()
    today = timezone.localtime(when).date()
    transition_check(dossier, transition, actor, today)
    reasons = canonical(reasons)
    if "reasons" in transition.needs and not reasons:
        raise TransitionError(_("Give the reasons."))
    cal = calendar()
    source = dossier.status
    stage_due, stage_started = dossier.stage_due_date, dossier.stage_started_at

    if action == "receive":
        dossier.code = _next_code(today)
        dossier.received_at, dossier.received_by = when, actor
        _restart_period(dossier, cal, when)
    elif action in ("return_for_completion",):
        dossier.supplement_reasons = reasons
    elif action == "reject":
        dossier.refusal_reasons = reasons
    elif action == "assign":
        if assignee is None or not permissions.in_division(assignee, dossier.procedure.division_code, today):
            raise TransitionError(_("Choose an officer of the processing division."))
        dossier.assignee = assignee
    elif action == "request_supplement":
        problem = rules.supplement_request_allowed(cal, dossier.counting_start or today, today,
                                                   dossier.supplement_requested_at is not None)
        if problem:
            raise TransitionError(problem)
        dossier.supplement_requested_at, dossier.supplement_reasons = when, reasons
    elif action == "supplement_received":
        _restart_period(dossier, cal, when)
        stage_due, stage_started = None, None
        dossier.stage_due_date = rules.stage_due_date(cal, dossier.counting_start or today,
                                                      dossier.procedure.division_days, dossier.due_date)
        dossier.stage_started_at = when
    elif action == "apologise":
        problem = rules.apology_allowed(today, dossier.due_date, new_due, dossier.apology_at is not None)
        if problem:
            raise TransitionError(problem)
        dossier.apology_at, dossier.apology_reason, dossier.due_date = when, reasons, new_due
    elif action in ("approve", "forward", "refuse"):
        dossier.resolved_at = when
        dossier.closed_late = not rules.on_time(today, dossier.statutory_due_date)
        if action == "refuse":
            dossier.refusal_reasons = reasons
        if action == "approve":
            dossier.result_number = canonical(result_number)
    elif action == "return_result":
        dossier.returned_at = when
    elif action == "withdraw":
        dossier.withdrawn_at = when

    if transition.target is not None:
        dossier.status = transition.target
        _enter_stage(dossier, transition.target, cal, when)
    # Optimistic check in addition to the row lock: on databases without row locks (SQLite) the second
    # writer finds the version moved and gets a conflict instead of overwriting.
    if Dossier.objects.filter(pk=dossier.pk, version=dossier.version).update(version=dossier.version + 1) != 1:
        raise Conflict(_("Someone else changed this dossier at the same time. Reload the page and try again."))
    dossier.version += 1
    step_note = reasons or canonical(note)
    if action == "assign":
        step_note = _("Assigned to %(name)s") % {"name": assignee} + (f". {step_note}" if step_note else "")
    if action == "apologise":
        step_note = _("New appointment: %(date)s. %(reason)s") % {"date": f"{new_due:%d/%m/%Y}", "reason": reasons}
    dossier._change_reason = action  # type: ignore[attr-defined]
    dossier.save()
    _step(dossier, action, source, dossier.status, actor, when, stage_started, stage_due, step_note,
          transition.basis)
    return dossier


# --- uploads ------------------------------------------------------------------------------------------

@transaction.atomic
def dossier_file_add(dossier: Dossier, *, actor: Any, name: str, content: bytes,
                     component: Component | None = None) -> DossierFile:
    """Attach a document: type and size checked, SHA-256 kept, stored under a random name."""
    if not permissions.roles_of(actor, dossier):
        raise PermissionDenied(_("You may not add documents to this dossier."))
    name = canonical(Path(name).name)[:255]
    problem = rules.upload_problem(name, len(content), content[:16])
    if problem:
        raise ValidationError({"file": problem})
    if component is not None and component.procedure_id != dossier.procedure_id:
        raise ValidationError({"component": _("This component belongs to another procedure.")})
    record = DossierFile(dossier=dossier, component=component, original_name=name, size=len(content),
                         content_type=rules.content_type_for(name), sha256=hashlib.sha256(content).hexdigest(),
                         uploaded_by=actor)
    record.file.save(name, ContentFile(content), save=False)
    record.save()
    return record
