"""Writes of the work app: one transaction each, permission and rule checks, audit rows (who did it).

Views, API and CLI call these; none of them sets a status field itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core.calendar import calendar
from stttt.work import rules, selectors
from stttt.work.choices import (
    TASK_OPEN,
    CoordinationStatus,
    DistrictReportStatus,
    Periodicity,
    QuestionStatus,
    ReportStatus,
    SourceKind,
    TaskStatus,
)
from stttt.work.models import (
    Attendance,
    Conclusion,
    Coordination,
    CouncilQuestion,
    District,
    DistrictOfficer,
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


def _require_department(actor: Any) -> None:
    if not selectors.is_department_staff(actor):
        raise PermissionDenied(_("Only the Department's staff may do this."))


def _lock(model: Any, pk: int) -> Any:
    return model.objects.select_for_update().get(pk=pk)


# --- Tasks ----------------------------------------------------------------------------------------------

@transaction.atomic
def task_create(*, actor: Any, lead_unit: Any, title: str, source_kind: str = SourceKind.PPC,
                source_body: str = "", source_number: str = "", source_date: dt.date | None = None,
                content: str = "", duty: Any = None, deadline: dt.date | None = None,
                coordinating_units: list[Any] | tuple[Any, ...] = (), person_in_charge: Any = None) -> Task:
    """Record a task on a lead unit: the leadership for any unit, a head for their own (5.1-5.3)."""
    if not (getattr(actor, "is_superuser", False) or rules.can_assign_task(selectors.powers(actor),
                                                                           lead_unit.code)):
        raise PermissionDenied(_("You may assign tasks only to the units you lead."))
    if deadline and source_date and deadline < source_date:
        raise ValidationError({"deadline": _("The deadline cannot be before the document date.")})
    task = Task(source_kind=source_kind, source_body=source_body, source_number=source_number,
                source_date=source_date, title=title, content=content, duty=duty, deadline=deadline,
                lead_unit=lead_unit, person_in_charge=person_in_charge, created_by=actor)
    _save(task, actor)
    task.coordinating_units.set([u for u in coordinating_units if u.pk != lead_unit.pk])
    return task


def _check_work(task: Task, actor: Any) -> None:
    if getattr(actor, "is_superuser", False):
        return
    if not rules.can_work_on_task(selectors.powers(actor), lead_unit_code=task.lead_unit.code,
                                  in_charge=task.person_in_charge_id == getattr(actor, "pk", None)):
        raise PermissionDenied(_("Only the lead unit and the person in charge report on this task."))


@transaction.atomic
def task_progress(task: Task, *, actor: Any, note: str, progress: int = 0, reason: str = "",
                  on: dt.date | None = None) -> TaskUpdate:
    """Add a dated progress update; the first one puts a new task in progress."""
    task = _lock(Task, task.pk)
    _check_work(task, actor)
    if task.status not in TASK_OPEN:
        raise ValidationError(_("This task is closed."))
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage between 0 and 100.")})
    update = TaskUpdate(task=task, on=on or selectors.today(), author=actor, progress=progress, note=note,
                        reason=reason)
    _save(update, actor)
    if task.status == TaskStatus.NEW:
        task.status = TaskStatus.IN_PROGRESS
        _save(task, actor)
    return update


@transaction.atomic
def task_complete(task: Task, *, actor: Any, report: str, on: dt.date | None = None,
                  files: list[Any] | tuple[Any, ...] = ()) -> Task:
    """Close a task with its completion report and attachments."""
    task = _lock(Task, task.pk)
    _check_work(task, actor)
    if task.status not in TASK_OPEN:
        raise ValidationError(_("This task is closed."))
    if not report.strip():
        raise ValidationError({"completion_report": _("Write what was done.")})
    task.status = TaskStatus.COMPLETED
    task.completed_on = on or selectors.today()
    task.completion_report = report
    _save(task, actor)
    for upload in files:
        _save(TaskAttachment(task=task, file=upload, name=getattr(upload, "name", "file"), uploaded_by=actor),
              None)
    return task


@transaction.atomic
def task_attach(task: Task, *, actor: Any, upload: Any) -> TaskAttachment:
    _check_work(task, actor)
    return _save(TaskAttachment(task=task, file=upload, name=getattr(upload, "name", "file"), uploaded_by=actor),
                 None)


@transaction.atomic
def task_cancel(task: Task, *, actor: Any, reason: str) -> Task:
    """Cancel a task (the issuing body withdrew it); only whoever may assign it."""
    task = _lock(Task, task.pk)
    if not (getattr(actor, "is_superuser", False)
            or rules.can_assign_task(selectors.powers(actor), task.lead_unit.code)):
        raise PermissionDenied(_("You may assign tasks only to the units you lead."))
    if task.status not in TASK_OPEN:
        raise ValidationError(_("This task is closed."))
    task.status = TaskStatus.CANCELLED
    task.completion_report = reason
    return _save(task, actor)


# --- Meetings (5.4) -------------------------------------------------------------------------------------

@transaction.atomic
def meeting_create(*, actor: Any, kind: str, month: dt.date, held_on: dt.date, title: str = "",
                   place: str = "", notes: str = "", chaired_by: Any = None) -> Meeting:
    """Record the monthly briefing or an extraordinary meeting (5.4)."""
    _require_department(actor)
    meeting = Meeting(kind=kind, month=month.replace(day=1), held_on=held_on, title=title, place=place,
                      notes=notes, chaired_by=chaired_by)
    return _save(meeting, actor)


@transaction.atomic
def attendance_set(meeting: Meeting, *, actor: Any, user: Any, present: bool = True, note: str = "") -> Attendance:
    _require_department(actor)
    row, _created = Attendance.objects.update_or_create(meeting=meeting, user=user,
                                                        defaults={"present": present, "note": note})
    return row


@transaction.atomic
def conclusion_add(meeting: Meeting, *, actor: Any, text: str, unit: Any = None,
                   deadline: dt.date | None = None) -> Conclusion:
    _require_department(actor)
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
    task = task_create(actor=actor, lead_unit=conclusion.unit, title=conclusion.text[:300],
                       content=conclusion.text, source_kind=SourceKind.MEETING,
                       source_body=str(meeting.get_kind_display()), source_date=meeting.held_on,
                       deadline=conclusion.deadline, person_in_charge=person_in_charge)
    conclusion.task = task
    _save(conclusion, actor)
    return task


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------

@transaction.atomic
def report_create(report_type: ReportType, *, actor: Any, period_start: dt.date | None = None,
                  period_end: dt.date | None = None, on: dt.date | None = None,
                  due_on: dt.date | None = None) -> Report:
    """Open the report of a period with its indicators pre-filled from stttt's data.

    Without dates, a periodic report covers the period before the one containing `on` (today)."""
    _require_department(actor)
    if period_start is None or period_end is None:
        if report_type.periodicity == Periodicity.AD_HOC:
            raise ValidationError(_("An ad hoc report has no fixed period; give its dates."))
        period_start, period_end = rules.period_before(report_type.periodicity, on or selectors.today())
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    if Report.objects.filter(report_type=report_type, period_start=period_start, period_end=period_end).exists():
        raise ValidationError(_("This report already exists for that period."))
    due = due_on or rules.report_due(period_end, report_type.due_offset_days, calendar())
    report = Report(report_type=report_type, period_start=period_start, period_end=period_end, due_on=due,
                    prepared_by=actor, values=_jsonable(selectors.report_prefill(report_type, period_start,
                                                                                   period_end)),
                    narrative={section: "" for section in report_type.sections})
    return _save(report, actor)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (float(v) if v is not None and not isinstance(v, int) else v) for k, v in values.items()}


@transaction.atomic
def report_save(report: Report, *, actor: Any, narrative: dict[str, str] | None = None,
                values: dict[str, Any] | None = None, number: str | None = None) -> Report:
    """Staff write the narrative (and may correct a figure) while the report is a draft."""
    _require_department(actor)
    report = _lock(Report, report.pk)
    if report.status not in (ReportStatus.DRAFT,):
        raise ValidationError(_("Only a draft can be edited."))
    if narrative is not None:
        report.narrative = {**report.narrative, **narrative}
    if values is not None:
        for code, value in values.items():
            if value in ("", None):
                report.values[code] = None
                continue
            try:
                report.values[code] = rules.parse_number(str(value), "decimal")
            except ValueError as exc:
                raise ValidationError({code: str(exc)}) from exc
        report.values = _jsonable(report.values)
    if number is not None:
        report.number = number
    return _save(report, actor)


@transaction.atomic
def report_refresh(report: Report, *, actor: Any) -> Report:
    """Recompute the pre-filled indicators of a draft from the data as it is now."""
    _require_department(actor)
    report = _lock(Report, report.pk)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Only a draft can be edited."))
    report.values = _jsonable(selectors.report_prefill(report.report_type, report.period_start, report.period_end))
    return _save(report, actor)


@transaction.atomic
def report_submit(report: Report, *, actor: Any) -> Report:
    """Send the draft to the leader in charge for approval."""
    _require_department(actor)
    report = _lock(Report, report.pk)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for approval."))
    report.status = ReportStatus.PENDING
    return _save(report, actor)


@transaction.atomic
def report_approve(report: Report, *, actor: Any, approve: bool = True) -> Report:
    """The leader in charge (or the acting leader, or the Director) approves, or sends it back to draft."""
    report = _lock(Report, report.pk)
    if report.status != ReportStatus.PENDING:
        raise ValidationError(_("This report is not awaiting approval."))
    if not getattr(actor, "is_superuser", False) and actor not in selectors.report_approvers(report):
        raise PermissionDenied(_("Only the leader in charge of this report approves it."))
    if approve:
        report.status = ReportStatus.APPROVED
        report.approved_by = actor
        report.approved_at = timezone.now()
    else:
        report.status = ReportStatus.DRAFT
    return _save(report, actor)


@transaction.atomic
def report_mark_sent(report: Report, *, actor: Any, sent_on: dt.date | None = None, number: str = "") -> Report:
    """Record that the approved report was sent (its date decides whether it was late)."""
    _require_department(actor)
    report = _lock(Report, report.pk)
    if report.status != ReportStatus.APPROVED:
        raise ValidationError(_("Only an approved report can be sent."))
    report.status = ReportStatus.SENT
    report.sent_on = sent_on or selectors.today()
    if number:
        report.number = number
    return _save(report, actor)


@transaction.atomic
def report_type_save(*, code: str, name: str, recipient: str, periodicity: str, due_offset_days: int = 5,
                     sections: list[str] | None = None, indicator_codes: list[str] | None = None,
                     provision: Any = None, basis: str = "", actor: Any = None) -> ReportType:
    """Create or update a report type by its code (data, not code)."""
    report_type = ReportType.objects.filter(code=code).first() or ReportType(code=code)
    report_type.name, report_type.recipient, report_type.periodicity = name, recipient, periodicity
    report_type.due_offset_days = due_offset_days
    report_type.sections = sections or []
    report_type.indicators = indicator_codes or []
    report_type.provision, report_type.basis = provision, basis
    return _save(report_type, actor)


# --- Reports from districts (6.6) -----------------------------------------------------------------------

@transaction.atomic
def district_save(*, code: str, name: str, kind: str, office_name: str = "", order: int = 100,
                  actor: Any = None) -> District:
    district = District.objects.filter(code=code).first() or District(code=code)
    district.name, district.kind, district.office_name, district.order = name, kind, office_name, order
    return _save(district, actor)


@transaction.atomic
def district_officer_link(user: Any, district: District, *, position: str = "", actor: Any = None
                          ) -> DistrictOfficer:
    """Make `user` report for `district` (and only for it)."""
    officer, _created = DistrictOfficer.objects.update_or_create(user=user, defaults={"district": district,
                                                                                      "position": position})
    return officer


@transaction.atomic
def district_request_create(*, actor: Any, title: str, period_start: dt.date, period_end: dt.date,
                            deadline: dt.date, indicators: list[dict[str, Any]], number: str = "",
                            instructions: str = "") -> DistrictRequest:
    """Send a request for figures to every active district office (6.6); each gets an empty report."""
    _require_department(actor)
    if not indicators:
        raise ValidationError(_("Ask for at least one figure."))
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    request = _save(DistrictRequest(title=title, number=number, period_start=period_start, period_end=period_end,
                                    deadline=deadline, instructions=instructions, created_by=actor), actor)
    for order, spec in enumerate(indicators, start=1):
        _save(RequestIndicator(request=request, order=order, **spec), actor)
    for district in selectors.districts():
        _save(DistrictReport(request=request, district=district), actor)
    return request


@transaction.atomic
def district_report_save(report: DistrictReport, *, actor: Any, raw: dict[str, Any], note: str = "",
                         submit: bool = False) -> DistrictReport:
    """A district officer saves a draft or submits their district's report (6.6).

    Only an officer of that district may; a submitted report is locked until the Department returns it.
    Bad figures raise ValidationError (per indicator code) and change nothing; the caller shows the
    typed values back. Blank required figures are refused only on submission."""
    report = _lock(DistrictReport, report.pk)
    district = selectors.district_of(actor)
    if district is None or district.pk != report.district_id:
        raise PermissionDenied(_("You may only report for your own district."))
    if not rules.district_report_editable(report.status):
        raise ValidationError(_("This report has been submitted; the Department must return it before it "
                                "can be changed."))
    specs = selectors.indicator_specs(report.request)
    cleaned_raw = {spec.code: str(raw.get(spec.code, "") or "").strip() for spec in specs}
    values, errors = rules.validate_district_values(specs, cleaned_raw, final=submit)
    if errors:
        raise ValidationError(errors)
    report.raw, report.values, report.note = cleaned_raw, values, note
    if submit:
        report.status = DistrictReportStatus.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
    else:
        report.status = DistrictReportStatus.DRAFT
    return _save(report, actor)


@transaction.atomic
def district_report_return(report: DistrictReport, *, actor: Any, reason: str) -> DistrictReport:
    """The Department returns a submitted report for correction, saying why."""
    _require_department(actor)
    report = _lock(DistrictReport, report.pk)
    if report.status != DistrictReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say what must be corrected.")})
    report.status = DistrictReportStatus.RETURNED
    report.return_reason = reason
    return _save(report, actor)


@transaction.atomic
def district_remind(request: DistrictRequest, *, actor: Any) -> int:
    """Remind every district that has not submitted; returns how many were reminded."""
    _require_department(actor)
    count = 0
    now = timezone.now()
    recipients: list[str] = []
    for report in request.reports.select_for_update().exclude(status=DistrictReportStatus.SUBMITTED):
        report.reminders += 1
        report.last_reminded_at = now
        _save(report, actor)
        count += 1
        recipients += [o.user.email for o in report.district.officers.select_related("user") if o.user.email]
    if recipients:
        transaction.on_commit(lambda: _send_reminder(request, recipients))
    return count


def _send_reminder(request: DistrictRequest, recipients: list[str]) -> None:
    """One e-mail per officer, in Vietnamese (the offices' language), sent only once the reminder is saved."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: report due %(deadline)s — %(title)s") % {
            "deadline": f"{request.deadline:%d/%m/%Y}", "title": request.title}
        body = _("The Department of Information and Communications has not yet received your office's report "
                 "\"%(title)s\" for %(start)s–%(end)s, due on %(deadline)s. Please submit it in stttt.") % {
            "title": request.title, "start": f"{request.period_start:%d/%m/%Y}",
            "end": f"{request.period_end:%d/%m/%Y}", "deadline": f"{request.deadline:%d/%m/%Y}"}
    send_mass_mail([(subject, body, None, [address]) for address in recipients], fail_silently=False)


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------

@transaction.atomic
def question_create(*, actor: Any, kind: str, asked_by: str, content: str, received_on: dt.date,
                    deadline: dt.date, session: str = "", unit: Any = None, assignee: Any = None,
                    provision: Any = None) -> CouncilQuestion:
    """Receive a delegate's question or a voters' petition (6.2), optionally assigning it at once."""
    _require_department(actor)
    if deadline < received_on:
        raise ValidationError({"deadline": _("The answer cannot be due before the question was received.")})
    question = CouncilQuestion(kind=kind, asked_by=asked_by, content=content, received_on=received_on,
                               deadline=deadline, session=session, unit=unit, assignee=assignee,
                               provision=provision,
                               status=QuestionStatus.ASSIGNED if unit else QuestionStatus.RECEIVED)
    return _save(question, actor)


@transaction.atomic
def question_assign(question: CouncilQuestion, *, actor: Any, unit: Any, assignee: Any = None) -> CouncilQuestion:
    question = _lock(CouncilQuestion, question.pk)
    if not (getattr(actor, "is_superuser", False) or rules.can_assign_task(selectors.powers(actor), unit.code)):
        raise PermissionDenied(_("You may assign tasks only to the units you lead."))
    if question.status == QuestionStatus.ANSWERED:
        raise ValidationError(_("This question has been answered."))
    question.unit, question.assignee, question.status = unit, assignee, QuestionStatus.ASSIGNED
    return _save(question, actor)


@transaction.atomic
def question_answer(question: CouncilQuestion, *, actor: Any, answer: str, number: str = "",
                    on: dt.date | None = None, upload: Any = None) -> CouncilQuestion:
    _require_department(actor)
    question = _lock(CouncilQuestion, question.pk)
    if question.status == QuestionStatus.ANSWERED:
        raise ValidationError(_("This question has been answered."))
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    question.answer, question.answer_number = answer, number
    question.answered_on = on or selectors.today()
    question.status = QuestionStatus.ANSWERED
    if upload is not None:
        question.answer_file = upload
    return _save(question, actor)


@transaction.atomic
def coordination_create(*, actor: Any, direction: str, counterpart_kind: str, counterpart: str, subject: str,
                        content: str = "", document_number: str = "", sent_on: dt.date | None = None,
                        deadline: dt.date | None = None, unit: Any = None) -> Coordination:
    """Record a coordination request sent to, or received from, a department or district PC (6.4, 6.5)."""
    _require_department(actor)
    item = Coordination(direction=direction, counterpart_kind=counterpart_kind, counterpart=counterpart,
                        subject=subject, content=content, document_number=document_number,
                        sent_on=sent_on or selectors.today(), deadline=deadline, unit=unit)
    return _save(item, actor)


@transaction.atomic
def coordination_reply(item: Coordination, *, actor: Any, reply: str, agreed: bool = True,
                       on: dt.date | None = None) -> Coordination:
    _require_department(actor)
    item = _lock(Coordination, item.pk)
    if item.status not in (CoordinationStatus.OPEN, CoordinationStatus.DISAGREED):
        raise ValidationError(_("This request is no longer awaiting a reply."))
    item.reply, item.replied_on = reply, on or selectors.today()
    item.status = CoordinationStatus.ANSWERED if agreed else CoordinationStatus.DISAGREED
    return _save(item, actor)


@transaction.atomic
def coordination_escalate(item: Coordination, *, actor: Any, note: str, on: dt.date | None = None) -> Coordination:
    """Where the parties do not agree, they ask the PPC for direction (6.5): recorded as such."""
    _require_department(actor)
    item = _lock(Coordination, item.pk)
    if item.status in (CoordinationStatus.ESCALATED, CoordinationStatus.CLOSED):
        raise ValidationError(_("This request has already been escalated or closed."))
    if not note.strip():
        raise ValidationError({"escalation_note": _("State the points of disagreement.")})
    item.status, item.escalated_on, item.escalation_note = CoordinationStatus.ESCALATED, on or selectors.today(), note
    return _save(item, actor)


@transaction.atomic
def coordination_close(item: Coordination, *, actor: Any, ppc_direction: str = "") -> Coordination:
    _require_department(actor)
    item = _lock(Coordination, item.pk)
    if item.status == CoordinationStatus.CLOSED:
        raise ValidationError(_("This request is closed."))
    item.status = CoordinationStatus.CLOSED
    if ppc_direction:
        item.ppc_direction = ppc_direction
    return _save(item, actor)
