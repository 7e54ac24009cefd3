"""Writes of the work app: one transaction each, permission and rule checks, audit rows (who did it).

Views, API and CLI call these; none of them sets a status field itself. A change of state goes through the
workflow tables (`workflow.transition`: row lock, roles, declared effects); who may do what is decided in
`permissions.py`. New records belong to the agency of their unit, or of the actor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox, uploads
from stttt.core.calendar import calendar
from stttt.core.workflow import TransitionRefused
from stttt.org.models import District, DistrictOfficer
from stttt.work import permissions, rules, selectors, workflow
from stttt.work.choices import (
    DistrictReportStatus,
    Periodicity,
    QuestionStatus,
    SourceKind,
)
from stttt.work.models import (
    Attendance,
    Conclusion,
    Coordination,
    CouncilQuestion,
    DistrictReport,
    DistrictRequest,
    Meeting,
    Report,
    ReportType,
    RequestIndicator,
    Task,
    TaskAttachment,
    TaskUpdate,
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


def _agency_id(actor: Any, unit: Any = None) -> int:
    """The agency a new record belongs to: its unit's, else the actor's (an administrator without a post
    files for the first agency). Refused when there is none."""
    if unit is not None:
        return int(unit.agency_id)
    agency = selectors.working_agency(actor)
    if agency is None:
        raise PermissionDenied(_("Only the Department's staff may do this."))
    return int(agency.pk)


def _lock(model: Any, pk: int) -> Any:
    return model.objects.select_for_update().get(pk=pk)


def _step(kind: str, record: Any, action: str, *, actor: Any, write: Any = None) -> Any:
    """Apply one row of a workflow table; a refused step is a validation error for the user."""
    try:
        return workflow.transition(kind, record, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise ValidationError(str(exc)) from None


# --- Tasks ----------------------------------------------------------------------------------------------


@transaction.atomic
def task_create(
    *,
    actor: Any,
    lead_unit: Any,
    title: str,
    source_kind: str = SourceKind.PPC,
    source_body: str = "",
    source_number: str = "",
    source_date: dt.date | None = None,
    content: str = "",
    duty: Any = None,
    deadline: dt.date | None = None,
    coordinating_units: list[Any] | tuple[Any, ...] = (),
    person_in_charge: Any = None,
) -> Task:
    """Record a task on a lead unit: the leadership for any unit, a head for their own (5.1-5.3)."""
    _require(permissions.can_assign_task(actor, lead_unit), _("You may assign tasks only to the units you lead."))
    if deadline and source_date and deadline < source_date:
        raise ValidationError({"deadline": _("The deadline cannot be before the document date.")})
    if any(u.agency_id != lead_unit.agency_id for u in coordinating_units):
        raise ValidationError({"coordinating_units": _("Coordinating units must belong to the same agency.")})
    _same_agency_person(person_in_charge, lead_unit.agency_id, "person_in_charge")
    task = Task(
        agency_id=lead_unit.agency_id,
        source_kind=source_kind,
        source_body=source_body,
        source_number=source_number,
        source_date=source_date,
        title=title,
        content=content,
        duty=duty,
        deadline=deadline,
        lead_unit=lead_unit,
        person_in_charge=person_in_charge,
        created_by=actor,
    )
    _save(task, actor)
    task.coordinating_units.set([u for u in coordinating_units if u.pk != lead_unit.pk])
    return task


@transaction.atomic
def task_progress(
    task: Task, *, actor: Any, note: str, progress: int = 0, reason: str = "", on: dt.date | None = None
) -> TaskUpdate:
    """Add a dated progress update; the first one puts a new task in progress (table `work.task`)."""
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage between 0 and 100.")})
    if not note.strip():
        raise ValidationError({"note": _("Write what was done.")})
    task = _step("task", task, "progress", actor=actor)
    update = TaskUpdate(
        task=task, on=on or selectors.today(), author=actor, progress=progress, note=note, reason=reason
    )
    return _save(update, actor)


def _attachment(task: Task, upload: Any, actor: Any) -> TaskAttachment:
    """Check an uploaded file as dossier files are checked (type, size, content), then store it under a
    random name; the client's file name is kept as data only."""
    name = _stored_upload(upload, field="attachment")
    return _save(
        TaskAttachment(
            task=task, file=upload, name=name, content_type=uploads.content_type_for(name), uploaded_by=actor
        ),
        actor,
    )


@transaction.atomic
def task_complete(
    task: Task, *, actor: Any, report: str, on: dt.date | None = None, files: list[Any] | tuple[Any, ...] = ()
) -> Task:
    """Close a task with its completion report and attachments (table `work.task`)."""
    if not report.strip():
        raise ValidationError({"completion_report": _("Write what was done.")})
    for upload in files:  # every file is checked before anything changes
        _stored_upload(upload, field="attachment")

    def write(record: Task, _step_: Any) -> None:
        record.completed_on = on or selectors.today()
        record.completion_report = report

    task = _step("task", task, "complete", actor=actor, write=write)
    for upload in files:
        _attachment(task, upload, actor)
    return task


@transaction.atomic
def task_attach(task: Task, *, actor: Any, upload: Any) -> TaskAttachment:
    _require(
        permissions.can_work_on_task(actor, task), _("Only the lead unit and the person in charge report on this task.")
    )
    return _attachment(task, upload, actor)


@transaction.atomic
def task_cancel(task: Task, *, actor: Any, reason: str) -> Task:
    """Cancel a task (the issuing body withdrew it); only whoever may assign it (table `work.task`)."""
    if not reason.strip():
        raise ValidationError({"completion_report": _("Say why the task is cancelled.")})

    def write(record: Task, _step_: Any) -> None:
        record.completion_report = reason

    return _step("task", task, "cancel", actor=actor, write=write)


# --- Meetings (5.4) -------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    actor: Any,
    kind: str,
    month: dt.date,
    held_on: dt.date,
    title: str = "",
    place: str = "",
    notes: str = "",
    chaired_by: Any = None,
) -> Meeting:
    """Record the monthly briefing or an extraordinary meeting (5.4)."""
    agency_id = _agency_id(actor)
    _require(permissions.can_record_meeting(actor, agency_id))
    _same_agency_person(chaired_by, agency_id, "chaired_by")
    meeting = Meeting(
        agency_id=agency_id,
        kind=kind,
        month=month.replace(day=1),
        held_on=held_on,
        title=title,
        place=place,
        notes=notes,
        chaired_by=chaired_by,
    )
    return _save(meeting, actor)


@transaction.atomic
def attendance_set(meeting: Meeting, *, actor: Any, user: Any, present: bool = True, note: str = "") -> Attendance:
    _require(permissions.can_record_meeting(actor, meeting.agency_id))
    _same_agency_person(user, meeting.agency_id, "user")
    row, _created = Attendance.objects.update_or_create(
        meeting=meeting, user=user, defaults={"present": present, "note": note}
    )
    return row


@transaction.atomic
def conclusion_add(
    meeting: Meeting, *, actor: Any, text: str, unit: Any = None, deadline: dt.date | None = None
) -> Conclusion:
    """A conclusion of the meeting, written by its chair or the leadership (5.4)."""
    _require(
        permissions.can_add_conclusion(actor, meeting),
        _("Only the person chairing the meeting or the leadership records its conclusions."),
    )
    if unit is not None and unit.agency_id != meeting.agency_id:
        raise ValidationError({"unit": _("Choose a unit of the Department.")})
    meeting = _lock(Meeting, meeting.pk)
    order = meeting.conclusions.count() + 1
    return _save(Conclusion(meeting=meeting, order=order, text=text, unit=unit, deadline=deadline), actor)


@transaction.atomic
def conclusion_to_task(conclusion: Conclusion, *, actor: Any, person_in_charge: Any = None) -> Task:
    """Turn a meeting conclusion into a task on its unit, with one action (5.4)."""
    conclusion = _lock(Conclusion, conclusion.pk)
    if conclusion.task_id:
        raise ValidationError(_("This conclusion is already a task."))
    if conclusion.unit is None:
        raise ValidationError({"unit": _("Choose the unit that carries out the conclusion first.")})
    meeting = conclusion.meeting
    task = task_create(
        actor=actor,
        lead_unit=conclusion.unit,
        title=conclusion.text[:300],
        content=conclusion.text,
        source_kind=SourceKind.MEETING,
        source_body=str(meeting.get_kind_display()),
        source_date=meeting.held_on,
        deadline=conclusion.deadline,
        person_in_charge=person_in_charge,
    )
    conclusion.task = task
    _save(conclusion, actor)
    return task


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------


@transaction.atomic
def report_create(
    report_type: ReportType,
    *,
    actor: Any,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    on: dt.date | None = None,
    due_on: dt.date | None = None,
) -> Report:
    """Open the report of a period with its indicators pre-filled from stttt's data.

    Without dates, a periodic report covers the period before the one containing `on` (today)."""
    _require(permissions.can_prepare_reports(actor, report_type.agency_id))
    if period_start is None or period_end is None:
        if report_type.periodicity == Periodicity.AD_HOC:
            raise ValidationError(_("An ad hoc report has no fixed period; give its dates."))
        period_start, period_end = rules.period_before(report_type.periodicity, on or selectors.today())
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    if Report.objects.filter(report_type=report_type, period_start=period_start, period_end=period_end).exists():
        raise ValidationError(_("This report already exists for that period."))
    due = due_on or rules.report_due(period_end, report_type.due_offset_days, calendar())
    values = selectors.report_prefill(report_type, period_start, period_end)
    report = Report(
        agency_id=report_type.agency_id,
        report_type=report_type,
        period_start=period_start,
        period_end=period_end,
        due_on=due,
        prepared_by=actor,
        values=_jsonable(values),
        narrative={section: "" for section in report_type.sections},
    )
    return _save(report, actor)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (float(v) if v is not None and not isinstance(v, int) else v) for k, v in values.items()}


@transaction.atomic
def report_save(
    report: Report,
    *,
    actor: Any,
    narrative: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    number: str | None = None,
) -> Report:
    """Staff write the narrative (and may correct a figure) while the report is a draft."""
    typed: dict[str, Any] = {}
    for code, value in (values or {}).items():
        if value in ("", None):
            typed[code] = None
            continue
        try:
            typed[code] = rules.parse_number(str(value), "decimal")
        except ValueError as exc:
            raise ValidationError({code: str(exc)}) from exc

    def write(record: Report, _step_: Any) -> None:
        if narrative is not None:
            record.narrative = {**record.narrative, **narrative}
        if values is not None:
            record.values = _jsonable({**record.values, **typed})
        if number is not None:
            record.number = number

    return _step("report", report, "edit", actor=actor, write=write)


@transaction.atomic
def report_refresh(report: Report, *, actor: Any) -> Report:
    """Recompute the pre-filled indicators of a draft from the data as it is now."""

    def write(record: Report, _step_: Any) -> None:
        record.values = _jsonable(selectors.report_prefill(record.report_type, record.period_start, record.period_end))

    return _step("report", report, "refresh", actor=actor, write=write)


@transaction.atomic
def report_submit(report: Report, *, actor: Any) -> Report:
    """Send the draft to the leader in charge for approval."""
    return _step("report", report, "submit", actor=actor)


@transaction.atomic
def report_approve(report: Report, *, actor: Any, approve: bool = True) -> Report:
    """The leader in charge (or the acting leader, or the Director) approves, or sends it back to draft."""

    def write(record: Report, _step_: Any) -> None:
        if approve:
            record.approved_by = actor
            record.approved_at = timezone.now()

    return _step("report", report, "approve" if approve else "reject", actor=actor, write=write)


@transaction.atomic
def report_mark_sent(report: Report, *, actor: Any, sent_on: dt.date | None = None, number: str = "") -> Report:
    """Record that the approved report was sent (its date decides whether it was late)."""

    def write(record: Report, _step_: Any) -> None:
        record.sent_on = sent_on or selectors.today()
        if number:
            record.number = number

    return _step("report", report, "send", actor=actor, write=write)


@transaction.atomic
def report_type_save(
    *,
    code: str,
    name: str,
    recipient: str,
    periodicity: str,
    due_offset_days: int = 5,
    sections: list[str] | None = None,
    indicator_codes: list[str] | None = None,
    provision: Any = None,
    basis: str = "",
    actor: Any = None,
    agency: Any = None,
) -> ReportType:
    """Create or update a report type of an agency by its code (data, not code)."""
    agency_id = agency.pk if agency is not None else _agency_id(actor)
    report_type = ReportType.objects.filter(agency_id=agency_id, code=code).first() or ReportType(
        agency_id=agency_id, code=code
    )
    report_type.name, report_type.recipient, report_type.periodicity = name, recipient, periodicity
    report_type.due_offset_days = due_offset_days
    report_type.sections = sections or []
    report_type.indicators = indicator_codes or []
    report_type.provision, report_type.basis = provision, basis
    return _save(report_type, actor)


# --- Reports from districts (6.6) -----------------------------------------------------------------------


def district_save(
    *, code: str, name: str, kind: str, office_name: str = "", order: int = 100, actor: Any = None, agency: Any = None
) -> District:
    """Create or update a district of an agency (kept in `org`: the one district model)."""
    from stttt.org import services as org_services

    return org_services.district_save(
        agency or selectors.working_agency(actor) or _no_agency(),
        code=code,
        name=name,
        kind=kind,
        office_name=office_name,
        order=order,
        actor=actor,
    )


def district_officer_link(user: Any, district: District, *, position: str = "", actor: Any = None) -> DistrictOfficer:
    """Make `user` report for `district` (and only for it)."""
    from stttt.org import services as org_services

    return org_services.district_officer_link(user, district, position=position, actor=actor)


def _no_agency() -> Any:
    raise PermissionDenied(_("Only the Department's staff may do this."))


@transaction.atomic
def district_request_create(
    *,
    actor: Any,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    deadline: dt.date,
    indicators: list[dict[str, Any]],
    number: str = "",
    instructions: str = "",
) -> DistrictRequest:
    """Send a request for figures to every active district office of the agency (6.6); each gets an empty
    report."""
    agency_id = _agency_id(actor)
    _require(permissions.can_request_districts(actor, agency_id))
    if not indicators:
        raise ValidationError(_("Ask for at least one figure."))
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    request = _save(
        DistrictRequest(
            agency_id=agency_id,
            title=title,
            number=number,
            period_start=period_start,
            period_end=period_end,
            deadline=deadline,
            instructions=instructions,
            created_by=actor,
        ),
        actor,
    )
    for order, spec in enumerate(indicators, start=1):
        _save(RequestIndicator(request=request, order=order, **spec), actor)
    for district in selectors.districts(agency_id):
        _save(DistrictReport(request=request, district=district), actor)
    return request


@transaction.atomic
def district_report_save(
    report: DistrictReport, *, actor: Any, raw: dict[str, Any], note: str = "", submit: bool = False
) -> DistrictReport:
    """A district officer saves a draft or submits their district's report (6.6; table `work.district_report`).

    Only an officer of that district may; a submitted report is locked until the Department returns it.
    Bad figures raise ValidationError (per indicator code) and change nothing; the caller shows the
    typed values back. Blank required figures are refused only on submission."""
    if not permissions.can_file_district_report(actor, report):
        raise PermissionDenied(_("You may only report for your own district."))
    if not rules.district_report_editable(report.status):
        raise ValidationError(
            _("This report has been submitted; the Department must return it before it can be changed.")
        )
    specs = selectors.indicator_specs(report.request)
    cleaned_raw = {spec.code: str(raw.get(spec.code, "") or "").strip() for spec in specs}
    values, errors = rules.validate_district_values(specs, cleaned_raw, final=submit)
    if errors:
        raise ValidationError(errors)

    def write(record: DistrictReport, _step_: Any) -> None:
        record.raw, record.values, record.note = cleaned_raw, values, note
        if submit:
            record.submitted_at = timezone.now()
            record.submitted_by = actor

    return _step("district_report", report, "submit" if submit else "save", actor=actor, write=write)


@transaction.atomic
def district_report_return(report: DistrictReport, *, actor: Any, reason: str) -> DistrictReport:
    """The Department returns a submitted report for correction, saying why; the district's officers are
    e-mailed the reason (the step's declared effect)."""
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say what must be corrected.")})

    def write(record: DistrictReport, _step_: Any) -> None:
        record.return_reason = reason

    return _step("district_report", report, "return", actor=actor, write=write)


@transaction.atomic
def district_remind(request: DistrictRequest, *, actor: Any) -> int:
    """Remind every district that has not submitted; returns how many were reminded."""
    _require(permissions.can_request_districts(actor, request.agency_id))
    count = 0
    now = timezone.now()
    for report in request.reports.select_for_update().exclude(status=DistrictReportStatus.SUBMITTED):
        report.reminders += 1
        report.last_reminded_at = now
        _save(report, actor)
        count += 1
        district_reminder_write(request, report, key=f"work.district_report:{report.pk}:reminder:{report.reminders}")
    return count


def district_reminder_write(request: DistrictRequest, report: DistrictReport, *, key: str) -> int:
    """One e-mail per officer of the district, in Vietnamese (the offices' language), written to the outbox
    (sent once the caller's transaction commits; `key` names this reminder, so it is sent once). Returns
    how many messages are new."""
    recipients = [o.user.email for o in report.district.officers.select_related("user") if o.user.email]
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: report due %(deadline)s — %(title)s") % {
            "deadline": f"{request.deadline:%d/%m/%Y}",
            "title": request.title,
        }
        body = _(
            '%(agency)s has not yet received your office\'s report "%(title)s" for %(start)s–%(end)s, '
            "due on %(deadline)s. Please submit it in stttt."
        ) % {
            "agency": request.agency.name,
            "title": request.title,
            "start": f"{request.period_start:%d/%m/%Y}",
            "end": f"{request.period_end:%d/%m/%Y}",
            "deadline": f"{request.deadline:%d/%m/%Y}",
        }
    messages = outbox.email(recipients, subject=subject, body=body, key=key, topic="work.district_reminder")
    return outbox.count_new(messages)


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------


def _same_agency_person(user: Any, agency_id: int, field: str) -> None:
    if user is not None and not permissions.is_staff_of(user, agency_id):
        raise ValidationError({field: _("Choose a member of the Department's staff.")})


def _same_agency_unit(unit: Any, agency_id: int) -> None:
    if unit is not None and unit.agency_id != agency_id:
        raise ValidationError({"unit": _("Choose a unit of the Department.")})


@transaction.atomic
def question_create(
    *,
    actor: Any,
    kind: str,
    asked_by: str,
    content: str,
    received_on: dt.date,
    deadline: dt.date,
    session: str = "",
    unit: Any = None,
    assignee: Any = None,
    provision: Any = None,
) -> CouncilQuestion:
    """Receive a delegate's question or a voters' petition (6.2), optionally assigning it at once."""
    agency_id = _agency_id(actor)
    _require(permissions.can_record_correspondence(actor, agency_id))
    _same_agency_unit(unit, agency_id)
    _same_agency_person(assignee, agency_id, "assignee")
    if deadline < received_on:
        raise ValidationError({"deadline": _("The answer cannot be due before the question was received.")})
    question = CouncilQuestion(
        agency_id=agency_id,
        kind=kind,
        asked_by=asked_by,
        content=content,
        received_on=received_on,
        deadline=deadline,
        session=session,
        unit=unit,
        assignee=assignee,
        provision=provision,
        status=QuestionStatus.ASSIGNED if unit else QuestionStatus.RECEIVED,
    )
    return _save(question, actor)


@transaction.atomic
def question_assign(question: CouncilQuestion, *, actor: Any, unit: Any, assignee: Any = None) -> CouncilQuestion:
    """Give the question to a unit: the leadership to any, a head to their own (table `work.question`)."""
    _same_agency_unit(unit, question.agency_id)
    _same_agency_person(assignee, question.agency_id, "assignee")
    if not permissions.can_assign_question(actor, question, unit):
        raise PermissionDenied(_("You may assign tasks only to the units you lead."))

    def write(record: CouncilQuestion, _step_: Any) -> None:
        record.unit, record.assignee = unit, assignee

    return _step("question", question, "assign", actor=actor, write=write)


def _stored_upload(upload: Any, field: str = "file") -> str:
    """Check an uploaded document with the one upload policy of `stttt.core.uploads` (type allow-list,
    size, content matching the extension, archive limits) and return the client's file name, kept as data
    only: the file is stored under a random name."""
    name = uploads.clean_name(str(getattr(upload, "name", "") or "file"))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    problem = uploads.problem(name, int(getattr(upload, "size", 0) or 0), head)
    if problem is None:
        problem = uploads.archive_problem(name, upload.read())
        upload.seek(0)
    if problem:
        raise ValidationError({field: problem})
    return name


@transaction.atomic
def question_answer(
    question: CouncilQuestion,
    *,
    actor: Any,
    answer: str,
    number: str = "",
    on: dt.date | None = None,
    upload: Any = None,
) -> CouncilQuestion:
    """Record the answer: the question's unit, its assignee or the leadership (table `work.question`)."""
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    file_name = _stored_upload(upload) if upload is not None else ""

    def write(record: CouncilQuestion, _step_: Any) -> None:
        record.answer, record.answer_number = answer, number
        record.answered_on = on or selectors.today()
        if upload is not None:
            record.answer_file = upload
            record.answer_file_name = file_name

    return _step("question", question, "answer", actor=actor, write=write)


@transaction.atomic
def coordination_create(
    *,
    actor: Any,
    direction: str,
    counterpart_kind: str,
    counterpart: str,
    subject: str,
    content: str = "",
    document_number: str = "",
    sent_on: dt.date | None = None,
    deadline: dt.date | None = None,
    unit: Any = None,
) -> Coordination:
    """Record a coordination request sent to, or received from, a department or district PC (6.4, 6.5)."""
    agency_id = _agency_id(actor)
    _require(permissions.can_record_correspondence(actor, agency_id))
    _same_agency_unit(unit, agency_id)
    item = Coordination(
        agency_id=agency_id,
        direction=direction,
        counterpart_kind=counterpart_kind,
        counterpart=counterpart,
        subject=subject,
        content=content,
        document_number=document_number,
        sent_on=sent_on or selectors.today(),
        deadline=deadline,
        unit=unit,
    )
    return _save(item, actor)


@transaction.atomic
def coordination_reply(
    item: Coordination, *, actor: Any, reply: str, agreed: bool = True, on: dt.date | None = None
) -> Coordination:
    def write(record: Coordination, _step_: Any) -> None:
        record.reply, record.replied_on = reply, on or selectors.today()

    return _step("coordination", item, "agree" if agreed else "disagree", actor=actor, write=write)


@transaction.atomic
def coordination_escalate(item: Coordination, *, actor: Any, note: str, on: dt.date | None = None) -> Coordination:
    """Where the parties do not agree, they ask the PPC for direction (6.5): recorded as such."""
    if not note.strip():
        raise ValidationError({"escalation_note": _("State the points of disagreement.")})

    def write(record: Coordination, _step_: Any) -> None:
        record.escalated_on, record.escalation_note = on or selectors.today(), note

    return _step("coordination", item, "escalate", actor=actor, write=write)


@transaction.atomic
def coordination_close(item: Coordination, *, actor: Any, ppc_direction: str = "") -> Coordination:
    def write(record: Coordination, _step_: Any) -> None:
        if ppc_direction:
            record.ppc_direction = ppc_direction

    return _step("coordination", item, "close", actor=actor, write=write)
