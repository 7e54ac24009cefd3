"""Writes of the procedures app: one function per use case, one transaction each, audited.

`dossier_file` is the only way a dossier comes into being (portal, staff desk and API all call it);
`dossier_transition` is the only place a dossier's status, dates and deadlines change afterwards. Both
write a control-sheet row and then run the effects the workflow table declares for the step. The versions
of a procedure are written in `versioning` (re-exported here).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import uploads as upload_policy
from stttt.core import yamlfiles
from stttt.core.calendar import WorkingCalendar, calendar
from stttt.core.text import canonical
from stttt.legal import selectors as legal_selectors
from stttt.org import selectors as org_selectors
from stttt.org.models import Agency
from stttt.procedures import permissions, rules, versions
from stttt.procedures.choices import Channel, Status, VersionStatus
from stttt.procedures.models import (
    Component,
    DailySequence,
    Dossier,
    DossierFile,
    DossierStep,
    Procedure,
    ProcedureVersion,
    Rating,
)

# The writes of versions live in `versioning`; callers call them as `services.<name>`.
from stttt.procedures.services.versioning import (  # noqa: F401
    STEP_BASIS,
    VersionError,
    procedure_end,
    procedure_transfer,
    project,
    version_draft,
    version_first,
    version_import,
    version_publish,
    version_update,
)
from stttt.procedures.workflow import (
    FILE,
    NEW,
    STAGE_OF_STATUS,
    TRANSITIONS,
    WORKFLOW,
    Transition,
    applies_to,
    supplement_action,
)

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "procedures.yaml"


class TransitionError(ValidationError):
    """The action is not possible now (a rule says no); nothing was changed."""


class Conflict(TransitionError):
    """Someone else changed the dossier first; reload and try again. Nothing was changed."""


# --- catalogue ----------------------------------------------------------------------------------------

PROCEDURE_FIELDS = (
    "name",
    "field_code",
    "empowering_citation",
    "legal_basis",
    "time_limit",
    "time_unit",
    "time_limit_basis",
    "local_time_limit",
    "desk_days",
    "division_days",
    "leader_days",
    "fee",
    "result_kind",
    "result_name",
    "handling",
    "handling_note",
    "division_code",
    "online",
    "service_level",
    "notes",
)


def _division_problems(agency: Agency, entries: list[dict[str, Any]]) -> list[str]:
    """Division codes of the data that are not units of the agency (refused: nobody could approve)."""
    codes = {str(entry.get("division_code") or "") for entry in entries}
    known = set(
        org_selectors.units_at(agency, org_selectors.today()).filter(code__in=codes).values_list("code", flat=True)
    )
    return sorted(codes - known)


# Fields of a catalogue row that are not facts of a version (the file may change them on the row).
ROW_ONLY_FIELDS = ("empowering_citation", "handling_note", "notes", "order")


def _file_changes(procedure: Procedure, entry: dict[str, Any], candidate: Procedure) -> dict[str, Any]:
    """The facts the file `entry` gives for `procedure` that differ from its latest published version, in the
    shape of a version (steps keep their basis; only the facts the file gives are compared)."""
    latest = versions.versions_of(procedure).filter(status=VersionStatus.PUBLISHED).last()
    assert latest is not None  # only asked for a procedure with a published version
    base = versions.facts_of(latest)
    given: dict[str, Any] = {
        name: getattr(candidate, name) for name in rules.FACT_FIELDS if name in entry and hasattr(candidate, name)
    }
    if any(f"{stage}_days" in entry for stage in rules.VERSION_STAGES):
        steps = {str(step.get("stage")): dict(step) for step in base["steps"]}
        for stage in rules.VERSION_STAGES:
            step = steps.setdefault(stage, {"stage": stage, "unit": "working", "basis": STEP_BASIS})
            step["days"] = getattr(candidate, f"{stage}_days")
        given["steps"] = [steps[stage] for stage in rules.VERSION_STAGES] + [
            step for stage, step in steps.items() if stage not in rules.VERSION_STAGES
        ]
    if "components" in entry:
        given["components"] = [
            {
                "name": comp["name"],
                "copy_kind": comp.get("copy_kind", "original"),
                "copies": comp.get("copies", 1),
                "form": comp.get("form", ""),
                "required": comp.get("required", True),
            }
            for comp in entry["components"]
        ]
    differing = rules.facts_diff({name: base.get(name) for name in given}, given)
    return {name: given[name] for name, _before, _after in differing}


@transaction.atomic
def catalog_load(path: Path = DATA_FILE, *, agency: Agency | None = None, drafted: list[str] | None = None) -> int:
    """Load the catalogue of `agency` (default: the first agency) from the YAML data file; idempotent by
    code. Every processing division must be a unit of the agency.

    A new procedure is created with its components and published as version 1. A published version never
    changes: for a procedure that has one, the facts the file changes (time limits, steps, components, fees,
    result, division…) go into a draft version for review and publishing (`version_draft`, reusing a pending
    draft), and only the row's own fields (`ROW_ONLY_FIELDS`) are updated in place. The codes of the
    procedures given a draft are appended to `drafted`."""
    agency = agency or org_selectors.agency_get()
    try:  # an operator's file (`stttt procedures load FILE`): read with limits
        entries = yamlfiles.load(path.read_bytes())
    except (yamlfiles.TooLarge, yamlfiles.AliasRefused):
        raise ValidationError(
            _("The catalogue file is refused: it is too large or uses YAML anchors or aliases (& and *).")
        ) from None
    unknown = _division_problems(agency, entries)
    if unknown:
        raise ValidationError(
            _("These processing divisions are not units of %(agency)s: %(codes)s.")
            % {"agency": agency, "codes": ", ".join(unknown)}
        )
    for order, entry in enumerate(entries, start=1):
        values = {name: entry[name] for name in PROCEDURE_FIELDS if name in entry}
        values["order"] = order * 10
        candidate = Procedure(agency=agency, code=entry["code"], **values)
        candidate.full_clean(exclude=["code"], validate_unique=False)
        procedure = Procedure.objects.filter(agency=agency, code=entry["code"]).first()
        published = procedure is not None and procedure.versions.filter(status=VersionStatus.PUBLISHED).exists()
        if procedure is None:
            procedure = candidate
            procedure.save()
        elif published:
            own = [name for name in ROW_ONLY_FIELDS if name in values and getattr(procedure, name) != values[name]]
            if own:
                for name in own:
                    setattr(procedure, name, values[name])
                procedure.save()
            changes = _file_changes(procedure, entry, candidate)
            if changes:
                version_draft(procedure, changes=changes)
                if drafted is not None:
                    drafted.append(procedure.code)
        elif any(getattr(procedure, name) != getattr(candidate, name) for name in values):
            for name in values:
                setattr(procedure, name, getattr(candidate, name))
            procedure.save()
        wanted = [
            (
                comp["name"],
                comp.get("copy_kind", "original"),
                comp.get("copies", 1),
                comp.get("form", ""),
                comp.get("required", True),
            )
            for comp in entry.get("components", [])
        ]
        current = list(
            procedure.components.order_by("order", "id").values_list("name", "copy_kind", "copies", "form", "required")
        )
        if current != wanted and not published:  # rewrite only what changed, so loading twice changes nothing
            procedure.components.all().delete()
            for index, (name, copy_kind, copies, form, required) in enumerate(wanted, start=1):
                Component.objects.create(
                    procedure=procedure,
                    order=index,
                    name=name,
                    copy_kind=copy_kind,
                    copies=copies,
                    form=form,
                    required=required,
                )
        _link_provision(procedure)
        if not procedure.versions.exists():  # a new procedure: its row is version 1
            version_first(procedure)
        in_force = versions.version_in_force(procedure)
        if in_force is not None and in_force.number > 1:  # a later version is in force: the row shows it, not the file
            project(in_force)
    return len(entries)


def _link_provision(procedure: Procedure) -> None:
    """Link the procedure to its empowering provision in the agency's regulation, once that is imported
    (until then the citation string stays authoritative)."""
    try:
        provision = legal_selectors.provision_get(procedure.empowering_citation, document=procedure.agency.regulation)
    except legal_selectors.ProvisionNotFound:
        return
    if procedure.provision_id != provision.pk:
        procedure.provision = provision
        procedure.save(update_fields=["provision"])


def catalog_link_provisions(agency: Agency | None = None) -> int:
    """Link every procedure (of `agency`, or of all) to its provision (after the regulation is imported);
    returns how many are linked."""
    procedures = Procedure.objects.select_related("agency__regulation")
    if agency is not None:
        procedures = procedures.filter(agency=agency)
    for procedure in procedures:
        _link_provision(procedure)
    return procedures.filter(provision__isnull=False).count()


# --- dossiers: filing ---------------------------------------------------------------------------------

APPLICANT_FIELDS = (
    "applicant_name",
    "applicant_id_number",
    "applicant_address",
    "applicant_phone",
    "applicant_email",
    "subject",
)


@dataclass(frozen=True)
class Upload:
    """A document given with a filing or a supplement: the component it answers (None: other), its name as
    the client sent it, and its bytes."""

    component: Component | None
    name: str
    content: bytes


def _clean_applicant(data: dict[str, Any]) -> dict[str, str]:
    values = {name: canonical(str(data.get(name) or "")) for name in APPLICANT_FIELDS}
    if not values["applicant_name"]:
        raise ValidationError({"applicant_name": _("The applicant's name is required.")})
    return values


def uploads_check(
    procedure: Procedure,
    uploads: Iterable[Upload],
    *,
    paper: Iterable[int] = (),
    field: str = "file",
    version: ProcedureVersion | None = None,
) -> None:
    """The checks every filing passes: each document's type, size and content (`rules.upload_problem`),
    each component one the version filed under asks (`version`; the procedure's own rows when it has no
    versions), and every required component of that version given, attached or (at the desk) seen on paper.
    Raises one ValidationError naming each problem by field (`file_<component id>`)."""
    errors: dict[str, list[str]] = {}
    given = set(paper)
    asked = versions.components_of(version or procedure)
    asked_ids = {c.pk for c in asked}
    for upload in uploads:
        key = f"file_{upload.component.pk}" if upload.component is not None else field
        if upload.component is not None:
            if upload.component.procedure_id != procedure.pk:
                errors.setdefault(key, []).append(_("This component belongs to another procedure."))
                continue
            if upload.component.pk not in asked_ids:
                errors.setdefault(key, []).append(_("The version of the procedure in force does not ask this."))
                continue
            given.add(upload.component.pk)
        problem = upload_policy.check(upload.name, upload.content)
        if problem:
            errors.setdefault(key, []).append(f"{upload_policy.clean_name(upload.name)}: {problem}")
    required = [(c.pk, c.name) for c in asked if c.required]
    for pk, _name in rules.missing_components(required, given):
        errors.setdefault(f"file_{pk}", []).append(_("Attach this document."))
    if errors:
        raise ValidationError(errors)


def dossier_file(
    procedure: Procedure,
    *,
    actor: Any,
    channel: str = Channel.ONLINE,
    data: dict[str, Any],
    uploads: Iterable[Upload] = (),
    paper: Iterable[int] = (),
    particulars: dict[str, Any] | None = None,
    idempotency_key: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Dossier, bool]:
    """File a dossier: the one way a dossier comes into being, whichever page, API or script files it.

    - online (`channel="online"`): the actor is the applicant; every required component is attached;
    - at the desk or by post: the actor is the agency's one-stop desk; a required component is attached
      or seen on paper (`paper`: component ids); the desk receives it at once (Decree 61/2018 Art. 17(1)(c)).

    Checks the applicant's data and the documents, creates the dossier in its procedure's agency, stores
    the documents, writes the filing step and runs its declared effects (the licence application of
    `particulars`: holder_type, district, subject), all in one transaction. The same idempotency key from
    the same actor (a retry, a double click) returns the dossier already filed: `(dossier, created)`."""
    uploads = list(uploads)
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Unknown channel.")})
    when = now or timezone.now()
    day = timezone.localtime(when).date()
    version = versions.version_for_filing(procedure, day)  # handled under the version in force that day
    terms = version or procedure  # whether it is filed online is a fact of that version
    if not procedure.active or (channel == Channel.ONLINE and not terms.online):
        raise ValidationError(
            _("This procedure cannot be filed online.")
            if channel == Channel.ONLINE
            else _("This procedure is not active.")
        )
    transition = TRANSITIONS[FILE]
    if not transition.who & permissions.filing_roles(actor, procedure, channel, day):
        raise PermissionDenied(
            _("Only the one-stop desk receives dossiers.")
            if channel != Channel.ONLINE
            else _("Sign in to file a dossier.")
        )
    online = channel == Channel.ONLINE
    # Online the actor is the applicant; on paper the desk records the dossier it receives.
    who = {"submitted_by": actor} if online else {"submitted_by": None, "received_by": actor}
    key = canonical(idempotency_key or "")[:80] or None
    if key is not None:
        existing = Dossier.objects.filter(idempotency_key=key, **who).first()
        if existing is not None:
            return existing, False
    values = _clean_applicant(data)
    uploads_check(procedure, uploads, paper=() if online else paper, version=version)
    try:
        with transaction.atomic():
            dossier = Dossier(
                agency_id=procedure.agency_id,
                procedure=procedure,
                procedure_version=version,
                channel=channel,
                idempotency_key=key,
                submitted_at=when,
                status=Status.SUBMITTED,
                **who,
                **values,
                paper_components=[] if online else sorted({int(c) for c in paper}),
            )
            # The idempotency constraint is left to the database: concurrent twins meet there.
            dossier.full_clean(exclude=["code"], validate_constraints=False)
            dossier._change_reason = FILE  # type: ignore[attr-defined]
            dossier.save()
            for upload in uploads:
                _store(dossier, upload, actor)
            _step(dossier, FILE, NEW, Status.SUBMITTED, actor, when, None, None, "", transition.basis)
            WORKFLOW.run_effects(transition, dossier, actor=actor, at=day, particulars=dict(particulars or {}))
            if not online:
                dossier = dossier_transition(dossier.pk, "receive", actor=actor, now=when)
    except IntegrityError:
        if key is None:
            raise
        return Dossier.objects.get(idempotency_key=key, **who), False
    return dossier, True


# --- dossiers: the one transition service -------------------------------------------------------------


def _step(
    dossier: Dossier,
    action: str,
    source: str,
    target: str,
    actor: Any,
    at: dt.datetime,
    started: dt.datetime | None,
    due: dt.date | None,
    note: str,
    basis: Any,
) -> DossierStep:
    done = timezone.localtime(at).date()
    with translation.override("vi"):  # the control sheet is an official record, kept in Vietnamese
        basis_text = str(basis)
    return DossierStep.objects.create(
        dossier=dossier,
        action=action,
        from_status=source,
        to_status=target,
        actor=actor,
        at=at,
        started_at=started,
        due_date=due,
        on_time=rules.on_time(done, due),
        note=note,
        basis=basis_text,
    )


def _next_code(agency: Agency, day: dt.date) -> str:
    """The next dossier code of the agency on `day`, from its national code (Circular 01/2018 Art. 19)."""
    if not agency.national_code:
        raise TransitionError(
            _("The agency has no national agency code for dossier codes; set it in the organisation first.")
        )
    sequence, _created = DailySequence.objects.select_for_update().get_or_create(agency=agency, day=day)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return rules.dossier_code(agency.national_code, day, sequence.last)


def _restart_period(dossier: Dossier, cal: WorkingCalendar, when: dt.datetime) -> None:
    days, unit = dossier.terms.applicable_limit
    dossier.counting_start = cal.counting_start(
        timezone.localtime(when).replace(tzinfo=None), paper=dossier.channel != Channel.ONLINE
    )
    dossier.statutory_due_date = rules.due_date(cal, dossier.counting_start, days, unit)
    dossier.due_date = dossier.statutory_due_date


def _enter_stage(dossier: Dossier, status: str, cal: WorkingCalendar, when: dt.datetime) -> None:
    stage = STAGE_OF_STATUS.get(status)
    if stage is None:
        return
    terms = dossier.terms
    allotment = {
        "desk": terms.desk_days,
        "division": terms.division_days,
        "leader": terms.leader_days,
        "return": 0,
    }[stage]
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
            _(
                "The dossier is now “%(status)s”, so “%(action)s” is not possible. Someone may have just "
                "changed it: reload the page and try again."
            )
            % {"status": dossier.get_status_display(), "action": transition.label}
        )
    if not applies_to(transition, dossier.terms.handling):  # the role of the version it was filed under
        raise TransitionError(_("This action does not apply to this procedure."))
    if not transition.who & permissions.roles_of(actor, dossier, at):
        raise PermissionDenied(_("You may not take this action on this dossier."))


@transaction.atomic
def dossier_transition(
    dossier_id: int,
    action: str,
    *,
    actor: Any,
    expected_version: int | None = None,
    reasons: str = "",
    note: str = "",
    assignee: Any = None,
    new_due: dt.date | None = None,
    result_number: str = "",
    now: dt.datetime | None = None,
) -> Dossier:
    """Apply one step of the workflow table to a filed dossier, atomically.

    Locks the row, checks the version the actor saw, the source state, the actor's role (from `org`) and
    the step's rule; writes the dossier, a control-sheet row and the audit history; then runs the effects
    the table declares for the step (e.g. `approve` issues the licence) in the same transaction; or
    changes nothing.
    """
    transition = TRANSITIONS.get(action)
    if transition is None or action == FILE:
        raise TransitionError(_("Unknown action."))
    dossier = Dossier.objects.select_for_update().select_related("procedure__agency", "agency").get(pk=dossier_id)
    if expected_version is not None and dossier.version != expected_version:
        raise Conflict(
            _(
                "Someone else changed this dossier while you were looking at it "
                "(it is now “%(status)s”). Reload the page and try again."
            )
            % {"status": dossier.get_status_display()}
        )
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
        dossier.code = _next_code(dossier.agency, today)
        dossier.received_at, dossier.received_by = when, actor
        _restart_period(dossier, cal, when)
    elif action in ("return_for_completion",):
        dossier.supplement_reasons = reasons
    elif action == "reject":
        dossier.refusal_reasons = reasons
    elif action == "assign":
        if assignee is None or not permissions.in_division(assignee, permissions.handled_by(dossier), today):
            raise TransitionError(_("Choose an officer of the processing division."))
        dossier.assignee = assignee
    elif action == "request_supplement":
        problem = rules.supplement_request_allowed(
            cal, dossier.counting_start or today, today, dossier.supplement_requested_at is not None
        )
        if problem:
            raise TransitionError(problem)
        dossier.supplement_requested_at, dossier.supplement_reasons = when, reasons
    elif action == "supplement_received":
        _restart_period(dossier, cal, when)
        stage_due, stage_started = None, None
        dossier.stage_due_date = rules.stage_due_date(
            cal, dossier.counting_start or today, dossier.terms.division_days, dossier.due_date
        )
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
    _step(dossier, action, source, dossier.status, actor, when, stage_started, stage_due, step_note, transition.basis)
    WORKFLOW.run_effects(transition, dossier, actor=actor, at=today)
    return dossier


# --- documents ----------------------------------------------------------------------------------------


def _store(dossier: Dossier, upload: Upload, actor: Any) -> DossierFile:
    """Keep one checked document: SHA-256 kept, stored under a random name (never the client's)."""
    name = upload_policy.clean_name(upload.name)
    content = upload.content
    record = DossierFile(
        dossier=dossier,
        component=upload.component,
        original_name=name,
        size=len(content),
        content_type=upload_policy.content_type_for(name),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
    )
    record.file.save(name, ContentFile(content), save=False)
    record.save()
    return record


@transaction.atomic
def dossier_file_add(
    dossier: Dossier, *, actor: Any, name: str, content: bytes, component: Component | None = None
) -> DossierFile:
    """Attach a document to a filed dossier: type, size and content checked like a filing's documents."""
    if not permissions.roles_of(actor, dossier):
        raise PermissionDenied(_("You may not add documents to this dossier."))
    upload = Upload(component, name, content)
    problem = upload_policy.check(name, content)
    if problem:
        raise ValidationError({"file": problem})
    if component is not None and component.procedure_id != dossier.procedure_id:
        raise ValidationError({"component": _("This component belongs to another procedure.")})
    return _store(dossier, upload, actor)


@transaction.atomic
def dossier_supplement_answer(dossier: Dossier, *, actor: Any, uploads: Iterable[Upload], note: str = "") -> Dossier:
    """The applicant answers an open request with documents: the step the request calls for
    (`workflow.supplement_action`: a complete supplement, or the resubmission of a dossier returned for
    completion) is taken with the documents attached (Decree 61/2018 Arts 17, 19)."""
    action = supplement_action(dossier.status)
    if action is None:
        raise ValidationError(_("No supplement is requested for this dossier now."))
    uploads = list(uploads)
    if not uploads:
        raise ValidationError({"file": [_("Attach at least one document.")]})
    errors = [
        f"{upload_policy.clean_name(u.name)}: {problem}"
        for u in uploads
        if (problem := upload_policy.check(u.name, u.content))
    ]
    if errors:
        raise ValidationError({"file": errors})
    for upload in uploads:
        dossier_file_add(dossier, actor=actor, name=upload.name, content=upload.content, component=upload.component)
    return dossier_transition(dossier.pk, action, actor=actor, note=note)


# --- the applicant's assessment -----------------------------------------------------------------------


@transaction.atomic
def rating_save(
    dossier: Dossier, *, contacts: int, agencies: str, publicity: str, complaint: bool, comment: str = ""
) -> Rating:
    """Rate the service once the result is out, on the indicators of Circular 01/2018/TT-VPCP Art. 13
    (`rules.rating_scores`); the unit rated is the procedure's processing division."""
    dossier = Dossier.objects.select_for_update().select_related("procedure").get(pk=dossier.pk)
    problem = rules.rating_problem(
        dossier.status,
        dossier.resolved_at is not None,
        Rating.objects.filter(dossier=dossier).exists(),
        contacts,
        agencies,
        publicity,
    )
    if problem:
        raise ValidationError(problem)
    assert dossier.resolved_at is not None
    resolved = timezone.localtime(dossier.resolved_at).date()
    steps = [(timezone.localtime(s.at).date(), s.due_date) for s in dossier.steps.all()]
    scores = rules.rating_scores(
        resolved,
        dossier.statutory_due_date,
        steps,
        contacts=contacts,
        agencies=agencies,
        publicity=publicity,
        complaint=complaint,
    )
    return Rating.objects.create(
        dossier=dossier,
        unit_code=dossier.terms.division_code,  # the division of the version it was filed under
        quarter=rules.quarter_of(resolved),
        comment=canonical(comment)[:2000],
        **scores,
    )
