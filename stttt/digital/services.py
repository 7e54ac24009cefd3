"""Writes of the digital app: one function per use case, one transaction each, permission and rule checks,
the actor in the audit row. Bad input raises `ValidationError` and changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.core.calendar import calendar
from stttt.core.workflow import TransitionRefused
from stttt.digital import permissions, rules, selectors, workflow
from stttt.digital.choices import SubmissionStatus
from stttt.digital.effects import submission_recipients
from stttt.digital.models import (
    Appraisal,
    Collection,
    Consultation,
    Dataset,
    EnterpriseYear,
    Indicator,
    ITEnterprise,
    Programme,
    ProgrammeTask,
    PublishedScore,
    ReportingEntity,
    SharingRequest,
    SignatureRequest,
    Submission,
    Target,
)


def _save(obj: Any, actor: Any, **kwargs: Any) -> Any:
    """Validate, then save with the actor recorded in the audit row (also outside a request)."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        obj._history_user = actor
    obj.full_clean(**kwargs)
    obj.save()
    return obj


def _require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("Only the Department's staff may do this."))


def _agency_id(actor: Any, agency: Any = None) -> int:
    """The agency a new record belongs to: the one given (staff of it only), else the actor's."""
    if agency is not None:
        _require(permissions.can_manage(actor, agency.pk))
        return int(agency.pk)
    found = selectors.working_agency(actor)
    if found is None:
        raise PermissionDenied(_("Only the Department's staff may do this."))
    return int(found.pk)


def _step(kind: str, record: Any, action: str, *, actor: Any, write: Any = None) -> Any:
    try:
        return workflow.transition(kind, record, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise ValidationError(str(exc)) from None


def _set(obj: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


# --- IT enterprises (3.13) ------------------------------------------------------------------------------

ENTERPRISE_FIELDS = (
    "name",
    "tax_code",
    "address",
    "district",
    "field_of_activity",
    "products",
    "representative",
    "phone",
    "email",
    "website",
    "founded_on",
    "status",
    "note",
)


@transaction.atomic
def enterprise_save(
    enterprise: ITEnterprise | None = None, *, actor: Any, agency: Any = None, **values: Any
) -> ITEnterprise:
    """Register an IT enterprise or change its record (3.13.b). The tax code is unique in the agency."""
    unknown = set(values) - set(ENTERPRISE_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    if enterprise is None:
        enterprise = ITEnterprise(agency_id=_agency_id(actor, agency))
    else:
        _require(permissions.can_manage(actor, enterprise.agency_id))
    _set(enterprise, values)
    district = values.get("district")
    if district is not None and district.agency_id != enterprise.agency_id:
        raise ValidationError({"district": _("The district must belong to the same agency.")})
    return _save(enterprise, actor)


@transaction.atomic
def enterprise_year_set(
    enterprise: ITEnterprise,
    *,
    actor: Any,
    year: int,
    staff: int | None = None,
    revenue: Decimal | None = None,
    export_revenue: Decimal | None = None,
) -> EnterpriseYear:
    """Record an enterprise's staff and revenue for a year (3.13.b: the periodic industry report)."""
    _require(permissions.can_manage(actor, enterprise.agency_id))
    if revenue is not None and export_revenue is not None and export_revenue > revenue:
        raise ValidationError({"export_revenue": _("Export revenue cannot exceed revenue.")})
    row = EnterpriseYear.objects.filter(enterprise=enterprise, year=year).first() or EnterpriseYear(
        enterprise=enterprise, year=year
    )
    _set(row, {"staff": staff, "revenue": revenue, "export_revenue": export_revenue})
    return _save(row, actor)


# --- Programme (3.14.a-b) -------------------------------------------------------------------------------


@transaction.atomic
def programme_create(
    *,
    actor: Any,
    year: int,
    title: str,
    number: str = "",
    issued_on: dt.date | None = None,
    summary: str = "",
    agency: Any = None,
) -> Programme:
    """Record the province's digital-transformation plan for a year (3.14.a-b): one per year."""
    agency_id = _agency_id(actor, agency)
    if Programme.objects.filter(agency_id=agency_id, year=year).exists():
        raise ValidationError({"year": _("There is already a plan for this year.")})
    return _save(
        Programme(agency_id=agency_id, year=year, title=title, number=number, issued_on=issued_on, summary=summary),
        actor,
    )


@transaction.atomic
def target_add(
    programme: Programme,
    *,
    actor: Any,
    code: str,
    title: str,
    national_target: str = "",
    value: Decimal | None = None,
    unit: str = "",
    indicator: Indicator | None = None,
) -> Target:
    """Add a target to the plan, naming the national target it serves (Decision 749/QĐ-TTg 2020)."""
    _require(permissions.can_manage(actor, programme.agency_id))
    if indicator is not None and indicator.agency_id != programme.agency_id:
        raise ValidationError({"indicator": _("The indicator must belong to the same agency.")})
    order = programme.targets.count() + 1
    return _save(
        Target(
            programme=programme,
            code=code,
            title=title,
            national_target=national_target,
            value=value,
            unit=unit,
            indicator=indicator,
            order=order,
        ),
        actor,
    )


@transaction.atomic
def programme_task_add(
    programme: Programme,
    *,
    actor: Any,
    title: str,
    assignee: str = "",
    deadline: dt.date | None = None,
    target: Target | None = None,
    lead_unit: Any = None,
    person_in_charge: Any = None,
) -> ProgrammeTask:
    """Give the plan a task (3.14.a). A task for one of the Department's own units is also a `work` task on
    that unit (the same task, followed in the Department's task list and briefing)."""
    _require(permissions.can_manage(actor, programme.agency_id))
    if target is not None and target.programme_id != programme.pk:
        raise ValidationError({"target": _("The target belongs to another plan.")})
    work_task = None
    if lead_unit is not None:
        from stttt.work import services as work_services
        from stttt.work.choices import SourceKind

        if lead_unit.agency_id != programme.agency_id:
            raise ValidationError({"lead_unit": _("The unit must belong to the same agency.")})
        work_task = work_services.task_create(
            actor=actor,
            lead_unit=lead_unit,
            title=title,
            source_kind=SourceKind.PPC,
            source_number=programme.number,
            source_date=programme.issued_on,
            content=programme.title,
            deadline=deadline,
            person_in_charge=person_in_charge,
        )
        assignee = assignee or lead_unit.name
    if not assignee.strip():
        raise ValidationError({"assignee": _("Say who carries out the task.")})
    return _save(
        ProgrammeTask(
            programme=programme, target=target, title=title, assignee=assignee, deadline=deadline, work_task=work_task
        ),
        actor,
    )


@transaction.atomic
def programme_task_close(
    task: ProgrammeTask, *, actor: Any, result: str, cancel: bool = False, on: dt.date | None = None
) -> ProgrammeTask:
    """Record a plan task as done (or cancelled) with its result (3.14.a)."""
    if not result.strip():
        raise ValidationError({"result": _("Say what was done.")})

    def write(record: ProgrammeTask, _step_: Any) -> None:
        record.result = result
        record.done_on = on or timezone.localdate()

    return _step("programme_task", task, "cancel" if cancel else "complete", actor=actor, write=write)


# --- Indicators and collection (3.14.a-b) ----------------------------------------------------------------


@transaction.atomic
def indicator_save(indicator: Indicator | None = None, *, actor: Any, agency: Any = None, **values: Any) -> Indicator:
    """Define an indicator: definition, formula, DTI main index and points (Decision 922/QĐ-BTTTT 2022)."""
    if indicator is None:
        indicator = Indicator(agency_id=_agency_id(actor, agency))
    else:
        _require(permissions.can_manage(actor, indicator.agency_id))
    _set(indicator, values)
    if indicator.formula == "rate" and not (indicator.numerator_label and indicator.denominator_label):
        raise ValidationError({"numerator_label": _("A rate needs its numerator and denominator.")})
    return _save(indicator, actor)


@transaction.atomic
def entity_save(
    entity: ReportingEntity | None = None, *, actor: Any, agency: Any = None, **values: Any
) -> ReportingEntity:
    """Add or change a reporting entity (a provincial agency, district or commune)."""
    if entity is None:
        entity = ReportingEntity(agency_id=_agency_id(actor, agency))
    else:
        _require(permissions.can_manage(actor, entity.agency_id))
    _set(entity, values)
    if entity.district is not None and entity.district.agency_id != entity.agency_id:
        raise ValidationError({"district": _("The district must belong to the same agency.")})
    return _save(entity, actor)


@transaction.atomic
def collection_create(
    *,
    actor: Any,
    year: int,
    title: str,
    deadline: dt.date,
    indicators: list[Indicator],
    programme: Programme | None = None,
    number: str = "",
    instructions: str = "",
    agency: Any = None,
) -> Collection:
    """Ask every active reporting entity for its figures of the year (3.14.a); each entity that reports at
    least one of the indicators gets an empty submission."""
    agency_id = _agency_id(actor, agency)
    if not indicators:
        raise ValidationError({"indicators": _("Ask for at least one indicator.")})
    if any(i.agency_id != agency_id for i in indicators):
        raise ValidationError({"indicators": _("The indicators must belong to the same agency.")})
    collection = _save(
        Collection(
            agency_id=agency_id,
            programme=programme,
            year=year,
            title=title,
            number=number,
            deadline=deadline,
            instructions=instructions,
            created_by=actor,
        ),
        actor,
    )
    collection.indicators.set(indicators)
    kinds = {k for i in indicators for k in i.reporter_kinds}
    for entity in ReportingEntity.objects.filter(agency_id=agency_id, active=True, kind__in=kinds):
        _save(Submission(collection=collection, entity=entity), actor)
    return collection


@transaction.atomic
def submission_save(
    submission: Submission, *, actor: Any, raw: dict[str, Any], note: str = "", submit: bool = False
) -> Submission:
    """A reporting entity saves a draft or submits its figures (table `digital.submission`): validated by the
    indicators' types, ranges and rates; required figures only on submission; locked once submitted."""
    roles = permissions.roles_of_submission(actor, submission)
    if not roles & {"reporter", "clerk"}:
        raise PermissionDenied(_("You may only report for your own district or agency."))
    if not rules.submission_editable(submission.status):
        raise ValidationError(_("These figures have been submitted; the Department must return them first."))
    defs = selectors.indicator_defs(submission.collection, submission.entity.kind)
    specs = rules.field_specs(defs)
    cleaned = {s.code: str(raw.get(s.code, "") or "").strip() for s in specs}
    values, errors = rules.validate_submission(defs, cleaned, final=submit)
    if errors:
        raise ValidationError(errors)

    def write(record: Submission, _step_: Any) -> None:
        record.raw, record.values, record.note = cleaned, values, note
        if submit:
            record.submitted_at = timezone.now()
            record.submitted_by = actor

    return _step("submission", submission, "submit" if submit else "save", actor=actor, write=write)


@transaction.atomic
def submission_return(submission: Submission, *, actor: Any, reason: str) -> Submission:
    """The Department returns submitted figures, saying why; the entity is e-mailed (the step's effect)."""
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say what must be corrected.")})

    def write(record: Submission, _step_: Any) -> None:
        record.return_reason = reason

    return _step("submission", submission, "return", actor=actor, write=write)


def reminder_write(collection: Collection, submission: Submission, *, key: str) -> int:
    """One e-mail to the entity's officers or address, in Vietnamese, written to the outbox under `key`."""
    recipients = submission_recipients(submission)
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: figures due %(deadline)s — %(title)s") % {
            "deadline": f"{collection.deadline:%d/%m/%Y}",
            "title": collection.title,
        }
        body = _(
            '%(agency)s has not yet received your figures for "%(title)s" (year %(year)s), due on %(deadline)s. '
            "Please submit them in stttt."
        ) % {
            "agency": collection.agency.name,
            "title": collection.title,
            "year": collection.year,
            "deadline": f"{collection.deadline:%d/%m/%Y}",
        }
    return outbox.count_new(outbox.email(recipients, subject=subject, body=body, key=key, topic="digital.reminder"))


@transaction.atomic
def collection_remind(collection: Collection, *, actor: Any) -> int:
    """Remind every entity that has not submitted; returns how many were reminded."""
    _require(permissions.can_manage(actor, collection.agency_id))
    count = 0
    now = timezone.now()
    pending = collection.submissions.select_for_update(of=("self",)).exclude(status=SubmissionStatus.SUBMITTED)
    for submission in pending.select_related("entity__district"):
        submission.reminders += 1
        submission.last_reminded_at = now
        _save(submission, actor)
        count += 1
        reminder_write(
            collection, submission, key=f"digital.submission:{submission.pk}:reminder:{submission.reminders}"
        )
    return count


@transaction.atomic
def published_score_set(
    *,
    actor: Any,
    year: int,
    index: str,
    value: Decimal,
    rank: int | None = None,
    of_provinces: int | None = None,
    source: str = "",
    agency: Any = None,
) -> PublishedScore:
    """Enter a figure of the DTI ranking the Ministry published (data, not computed)."""
    agency_id = _agency_id(actor, agency)
    if rank is not None and of_provinces is not None and rank > of_provinces:
        raise ValidationError({"rank": _("The rank cannot exceed the number of provinces.")})
    row = PublishedScore.objects.filter(agency_id=agency_id, year=year, index=index).first() or PublishedScore(
        agency_id=agency_id, year=year, index=index
    )
    _set(row, {"value": value, "rank": rank, "of_provinces": of_provinces, "source": source})
    return _save(row, actor)


# --- Data catalogue and sharing (3.14.đ) ------------------------------------------------------------------


@transaction.atomic
def dataset_save(dataset: Dataset | None = None, *, actor: Any, agency: Any = None, **values: Any) -> Dataset:
    """Add a database or dataset to the catalogue, or change it (Decree 47/2020/NĐ-CP; 3.14.đ)."""
    if dataset is None:
        dataset = Dataset(agency_id=_agency_id(actor, agency))
    else:
        _require(permissions.can_manage(actor, dataset.agency_id))
    _set(dataset, values)
    if dataset.access_level == "open" and dataset.personal_data:
        raise ValidationError({"access_level": _("A dataset with personal data cannot be open data.")})
    return _save(dataset, actor)


@transaction.atomic
def sharing_request_create(
    *,
    actor: Any,
    dataset: Dataset,
    requester: str,
    purpose: str,
    received_on: dt.date,
    number: str = "",
    legal_basis: str = "",
) -> SharingRequest:
    """Record an agency's request for data; the answer is due within the legal time limit (Decree 47/2020)."""
    _require(permissions.can_manage(actor, dataset.agency_id))
    return _save(
        SharingRequest(
            agency_id=dataset.agency_id,
            dataset=dataset,
            requester=requester,
            purpose=purpose,
            received_on=received_on,
            due_on=rules.sharing_due(received_on, calendar()),
            number=number,
            legal_basis=legal_basis,
        ),
        actor,
    )


@transaction.atomic
def sharing_decide(
    request: SharingRequest,
    *,
    actor: Any,
    action: str,
    reasons: str = "",
    terms: str = "",
    method: str = "",
    on: dt.date | None = None,
) -> SharingRequest:
    """Agree (with the terms), refuse (with reasons) or record a withdrawal (Decree 47/2020, Chapter III)."""
    if action == "agree" and not terms.strip():
        raise ValidationError({"terms": _("State the terms of the agreement.")})
    if action == "refuse" and not reasons.strip():
        raise ValidationError({"reasons": _("A refusal must give its reasons.")})
    day = on or timezone.localdate()
    if day < request.received_on:
        raise ValidationError({"decided_on": _("The decision cannot be before the request was received.")})

    def write(record: SharingRequest, _step_: Any) -> None:
        record.decided_on, record.reasons, record.terms, record.method = day, reasons, terms, method

    return _step("sharing", request, action, actor=actor, write=write)


# --- IT investment appraisal (3.14.c, 3.22) ---------------------------------------------------------------


@transaction.atomic
def appraisal_create(
    *,
    actor: Any,
    title: str,
    owner: str,
    funding: str,
    stage: str,
    total: Decimal,
    received_on: dt.date,
    number: str = "",
    national: bool = False,
    lead: Any = None,
    agency: Any = None,
) -> Appraisal:
    """Record an appraisal dossier: its group and due date computed from the decree, the dossier checked
    against the one the decree asks for (Decree 73/2019/NĐ-CP as amended)."""
    agency_id = _agency_id(actor, agency)
    if total <= 0:
        raise ValidationError({"total": _("The total must be positive.")})
    problem = rules.stage_fits(stage, funding, total)
    if problem:
        raise ValidationError({"stage": problem})
    group = rules.project_group(total, national=national) if funding == "investment" else ""
    return _save(
        Appraisal(
            agency_id=agency_id,
            title=title,
            owner=owner,
            funding=funding,
            stage=stage,
            total=total,
            group=group,
            received_on=received_on,
            due_on=rules.appraisal_due(received_on, stage, group, calendar()),
            number=number,
            lead=lead,
        ),
        actor,
    )


@transaction.atomic
def appraisal_consult(appraisal: Appraisal, *, actor: Any, body: str, sent_on: dt.date | None = None) -> Consultation:
    """Ask an agency's opinion on the dossier; the appraisal is then "consulting"."""
    if not body.strip():
        raise ValidationError({"body": _("Name the agency consulted.")})
    _step("appraisal", appraisal, "consult", actor=actor)
    return _save(Consultation(appraisal=appraisal, body=body, sent_on=sent_on or timezone.localdate()), actor)


@transaction.atomic
def consultation_answer(
    consultation: Consultation, *, actor: Any, answer: str, on: dt.date | None = None
) -> Consultation:
    _require(permissions.can_manage(actor, consultation.appraisal.agency_id))
    consultation.answer = answer
    consultation.answered_on = on or timezone.localdate()
    return _save(consultation, actor)


@transaction.atomic
def appraisal_appraise(
    appraisal: Appraisal,
    *,
    actor: Any,
    opinion: str,
    outcome: str,
    opinion_number: str = "",
    approved_total: Decimal | None = None,
    on: dt.date | None = None,
) -> Appraisal:
    """Issue the Department's appraisal opinion with its outcome (3.14.c, 3.22)."""
    if not opinion.strip():
        raise ValidationError({"opinion": _("Write the appraisal opinion.")})
    if not outcome:
        raise ValidationError({"outcome": _("Give the outcome.")})
    if approved_total is not None and approved_total <= 0:
        raise ValidationError({"approved_total": _("The total must be positive.")})

    def write(record: Appraisal, _step_: Any) -> None:
        record.opinion, record.outcome, record.opinion_number = opinion, outcome, opinion_number
        record.approved_total = approved_total
        record.appraised_on = on or timezone.localdate()

    return _step("appraisal", appraisal, "appraise", actor=actor, write=write)


@transaction.atomic
def appraisal_return(appraisal: Appraisal, *, actor: Any, reason: str) -> Appraisal:
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say what is missing.")})

    def write(record: Appraisal, _step_: Any) -> None:
        record.return_reason = reason

    return _step("appraisal", appraisal, "return", actor=actor, write=write)


# --- Digital signatures (3.14.h) ---------------------------------------------------------------------------


@transaction.atomic
def signature_request_create(
    *,
    actor: Any,
    kind: str,
    body: str,
    holder: str,
    received_on: dt.date,
    position: str = "",
    email: str = "",
    agency: Any = None,
) -> SignatureRequest:
    """Record a request for a specialised digital-signature certificate (3.14.h)."""
    agency_id = _agency_id(actor, agency)
    return _save(
        SignatureRequest(
            agency_id=agency_id,
            kind=kind,
            body=body,
            holder=holder,
            received_on=received_on,
            position=position,
            email=email,
        ),
        actor,
    )


@transaction.atomic
def signature_step(
    request: SignatureRequest,
    *,
    actor: Any,
    action: str,
    number: str = "",
    reasons: str = "",
    serial: str = "",
    issued_on: dt.date | None = None,
    expires_on: dt.date | None = None,
) -> SignatureRequest:
    """Forward, refuse, record the issued certificate, or record a revocation (table `digital.signature`)."""
    today = timezone.localdate()
    if action == "forward" and not number.strip():
        raise ValidationError({"forwarded_number": _("Give the number of the forwarding letter.")})
    if action in ("refuse", "revoke") and not reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons.")})
    if action == "issue":
        if not serial.strip() or expires_on is None:
            raise ValidationError({"serial": _("Give the certificate's serial and expiry date.")})
        if expires_on <= (issued_on or today):
            raise ValidationError({"expires_on": _("The certificate must expire after it is issued.")})

    def write(record: SignatureRequest, _step_: Any) -> None:
        if action == "forward":
            record.forwarded_on, record.forwarded_number = today, number
        elif action == "issue":
            record.serial, record.issued_on, record.expires_on = serial, issued_on or today, expires_on
        else:
            record.reasons = reasons

    return _step("signature", request, action, actor=actor, write=write)
