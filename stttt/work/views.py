"""Pages of the work app. No rules here: selectors read, services decide and write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.work import exports, rules, selectors, services
from stttt.work.choices import SourceKind, TaskStatus
from stttt.work.forms import (
    AnswerForm,
    AssignForm,
    AttendanceForm,
    CompleteForm,
    ConclusionForm,
    CoordinationForm,
    DistrictRequestForm,
    MeetingForm,
    ProgressForm,
    QuestionForm,
    ReportCreateForm,
    TaskForm,
)
from stttt.work.models import Conclusion, DistrictReport, DistrictRequest, Meeting, Report, Task


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def _department(request: HttpRequest) -> None:
    if not selectors.is_department_staff(request.user):
        raise PermissionDenied


def _file(data: bytes, mime: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _month(request: HttpRequest) -> str:
    text = request.GET.get("month") or (selectors.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    try:
        rules.month_bounds(text)
    except ValueError as exc:
        messages.error(request, str(exc))
        text = selectors.today().strftime("%Y-%m")
    return text


def _form_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- Dashboards -----------------------------------------------------------------------------------------

@login_required
def index(request: HttpRequest) -> HttpResponse:
    """District officers go to their reports; the leadership to its board; others to their unit."""
    if selectors.district_of(request.user) is not None:
        return redirect("work:district_requests")
    _department(request)
    if selectors.sees_everything(request.user):
        return redirect("work:leadership")
    unit = selectors.powers(request.user).primary_unit_code
    if unit:
        return redirect("work:unit", code=unit)
    return redirect("work:tasks")


@login_required
def leadership(request: HttpRequest) -> HttpResponse:
    _department(request)
    if not selectors.sees_everything(request.user):
        raise PermissionDenied
    return render(request, "work/leadership.html", {"board": selectors.leadership_dashboard(request.user)})


@login_required
def unit(request: HttpRequest, code: str) -> HttpResponse:
    _department(request)
    from stttt.org.models import Unit

    unit = get_object_or_404(Unit, code=code)
    return render(request, "work/unit.html", {"unit": unit, "board": selectors.unit_dashboard(request.user, code)})


# --- Tasks ----------------------------------------------------------------------------------------------

@login_required
def tasks(request: HttpRequest) -> HttpResponse:
    _department(request)
    filters = {key: request.GET.get(key, "") for key in ("unit", "person", "source", "duty", "state", "status", "q")}
    items = selectors.task_list(request.user, unit=filters["unit"], person=filters["person"],
                                source=filters["source"], duty=filters["duty"], state=filters["state"],
                                status=filters["status"], query=filters["q"])
    return render(request, "work/tasks.html", {
        "tasks": items, "filters": filters, "sources": SourceKind.choices, "statuses": TaskStatus.choices,
        "units": selectors.briefing_units(selectors.today()),
        "states": [("overdue", _("Overdue")), ("due_soon", _("Due soon")), ("on_track", _("On track"))],
    })


@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        duty = None
        if data.get("duty_citation"):
            from stttt.legal.selectors import ProvisionNotFound, provision_get

            try:
                duty = provision_get(data["duty_citation"])
            except ProvisionNotFound as exc:
                form.add_error("duty_citation", str(exc))
        if form.is_valid():
            try:
                task = services.task_create(
                    actor=request.user, lead_unit=data["lead_unit"], title=data["title"],
                    source_kind=data["source_kind"], source_body=data["source_body"],
                    source_number=data["source_number"], source_date=data["source_date"], content=data["content"],
                    duty=duty, deadline=data["deadline"], coordinating_units=list(data["coordinating_units"]),
                    person_in_charge=data["person_in_charge"])
            except (ValidationError, PermissionDenied) as exc:
                if isinstance(exc, PermissionDenied):
                    form.add_error("lead_unit", str(exc))
                else:
                    _form_errors(form, exc)
            else:
                messages.success(request, _("The task has been recorded."))
                return redirect("work:task", pk=task.pk)
    return render(request, "work/form.html", {"form": form, "title": _("New task"), "multipart": False})


def _task(request: HttpRequest, pk: int) -> Task:
    try:
        return selectors.task_get(request.user, pk)
    except Task.DoesNotExist:
        raise Http404 from None


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    return render(request, "work/task.html", {
        "task": task, "state": selectors.task_state(task), "updates": task.updates.select_related("author"),
        "attachments": task.attachments.all(), "progress_form": ProgressForm(), "complete_form": CompleteForm(),
        "open": task.status in (TaskStatus.NEW, TaskStatus.IN_PROGRESS),
    })


@login_required
@require_POST
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.task_progress(task, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Progress recorded."))
    else:
        messages.error(request, " ".join(f"{form.fields[f].label}: {' '.join(str(m) for m in e)}"
                                        for f, e in form.errors.items()))
    return redirect("work:task", pk=pk)


@login_required
@require_POST
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = CompleteForm(request.POST, request.FILES)
    if form.is_valid():
        files = [form.cleaned_data["attachment"]] if form.cleaned_data.get("attachment") else []
        try:
            services.task_complete(task, actor=request.user, report=form.cleaned_data["report"], files=files)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(_errors(exc)) if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The task is completed."))
    else:
        messages.error(request, _("Write what was done."))
    return redirect("work:task", pk=pk)


@login_required
def attachment(request: HttpRequest, pk: int, file_id: int) -> HttpResponseBase:
    from django.http import FileResponse

    task = _task(request, pk)
    item = get_object_or_404(task.attachments, pk=file_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


# --- Briefing (5.4) -------------------------------------------------------------------------------------

@login_required
def briefing(request: HttpRequest) -> HttpResponse:
    _department(request)
    month = _month(request)
    pack = selectors.briefing_pack(month)
    return render(request, "work/briefing.html", {"pack": pack, "month": month, "meeting_form": MeetingForm(
        initial={"month": month, "held_on": selectors.today()})})


@login_required
def briefing_file(request: HttpRequest, month: str, fmt: str) -> HttpResponse:
    _department(request)
    try:
        pack = selectors.briefing_pack(month)
    except ValueError:
        raise Http404 from None
    if fmt == "json":
        return HttpResponse(exports.briefing_json(pack), content_type="application/json; charset=utf-8")
    if fmt not in ("docx", "pdf"):
        raise Http404
    data, mime = exports.render(exports.briefing_document(pack), fmt)
    return _file(data, mime, f"giao-ban-{month}.{fmt}")


@login_required
def programme_file(request: HttpRequest, month: str, fmt: str) -> HttpResponse:
    _department(request)
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        programme = selectors.programme(month)
    except ValueError:
        raise Http404 from None
    data, mime = exports.render(exports.programme_document(programme), fmt)
    return _file(data, mime, f"chuong-trinh-cong-tac-{month}.{fmt}")


@login_required
@require_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("work:briefing")
    data = form.cleaned_data
    first, _last = rules.month_bounds(data["month"])
    meeting = services.meeting_create(actor=request.user, kind=data["kind"], month=first, held_on=data["held_on"],
                                      title=data["title"], place=data["place"], notes=data["notes"],
                                      chaired_by=request.user)
    return redirect("work:meeting", pk=meeting.pk)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    meeting = get_object_or_404(Meeting, pk=pk)
    conclusion_form = ConclusionForm(request.POST if request.POST.get("form") == "conclusion" else None)
    attendance_form = AttendanceForm(request.POST if request.POST.get("form") == "attendance" else None)
    if request.method == "POST":
        if conclusion_form.is_bound and conclusion_form.is_valid():
            services.conclusion_add(meeting, actor=request.user, **conclusion_form.cleaned_data)
            return redirect("work:meeting", pk=pk)
        if attendance_form.is_bound and attendance_form.is_valid():
            services.attendance_set(meeting, actor=request.user, **attendance_form.cleaned_data)
            return redirect("work:meeting", pk=pk)
    return render(request, "work/meeting.html", {
        "meeting": meeting, "attendance": meeting.attendance.select_related("user"),
        "conclusions": meeting.conclusions.select_related("unit", "task"),
        "conclusion_form": conclusion_form, "attendance_form": attendance_form,
    })


@login_required
@require_POST
def conclusion_to_task(request: HttpRequest, pk: int) -> HttpResponse:
    conclusion = get_object_or_404(Conclusion, pk=pk)
    try:
        task = services.conclusion_to_task(conclusion, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(_errors(exc)) if isinstance(exc, ValidationError) else str(exc))
        return redirect("work:meeting", pk=conclusion.meeting_id)
    messages.success(request, _("The conclusion is now a task."))
    return redirect("work:task", pk=task.pk)


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------

@login_required
def reports(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(form.cleaned_data["report_type"], actor=request.user,
                                            period_start=form.cleaned_data["period_start"],
                                            period_end=form.cleaned_data["period_end"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect("work:report", pk=report.pk)
    items = list(selectors.reports_visible_to(request.user))
    for report in items:
        report.late = selectors.report_is_late(report)  # type: ignore[attr-defined]
    return render(request, "work/reports.html", {"reports": items, "types": selectors.report_types(),
                                                  "form": form})


def _report(request: HttpRequest, pk: int) -> Report:
    try:
        return selectors.reports_visible_to(request.user).get(pk=pk)
    except Report.DoesNotExist:
        raise Http404 from None


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    from stttt.work import indicators

    if request.method == "POST":
        narrative = {s: request.POST.get(f"section-{i}", "") for i, s in enumerate(report.report_type.sections)}
        typed = {code: request.POST.get(f"value-{code}", "") for code in report.values}
        try:
            services.report_save(report, actor=request.user, narrative=narrative, values=typed,
                                 number=request.POST.get("number", report.number))
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        else:
            messages.success(request, _("Saved."))
            return redirect("work:report", pk=pk)
    sections = [(i, s, report.narrative.get(s, "")) for i, s in enumerate(report.report_type.sections)]
    values = [(code, indicators.label_of(code), value) for code, value in report.values.items()]
    return render(request, "work/report.html", {
        "report": report, "sections": sections, "values": values, "late": selectors.report_is_late(report),
        "approvers": selectors.report_approvers(report), "editable": report.status == "draft",
    })


@login_required
@require_POST
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _report(request, pk)
    calls = {
        "submit": lambda: services.report_submit(report, actor=request.user),
        "approve": lambda: services.report_approve(report, actor=request.user),
        "reject": lambda: services.report_approve(report, actor=request.user, approve=False),
        "send": lambda: services.report_mark_sent(report, actor=request.user, number=request.POST.get("number", "")),
        "refresh": lambda: services.report_refresh(report, actor=request.user),
    }
    if action not in calls:
        raise Http404
    try:
        calls[action]()
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("work:report", pk=pk)


@login_required
def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    data, mime = exports.render(exports.report_document(report), fmt)
    return _file(data, mime, f"bao-cao-{report.report_type.code}-{report.period_start:%Y-%m}.{fmt}")


# --- Reports from districts (6.6) -----------------------------------------------------------------------

@login_required
def district_requests(request: HttpRequest) -> HttpResponse:
    district = selectors.district_of(request.user)
    if district is None:
        _department(request)
    items = list(selectors.district_requests_visible_to(request.user))
    own = {}
    if district is not None:
        own = {r.request_id: r for r in DistrictReport.objects.filter(district=district)}
    rows = [{"request": r, "report": own.get(r.pk),
             "board": selectors.district_board(r) if district is None else None} for r in items]
    return render(request, "work/district_requests.html", {"rows": rows, "district": district})


@login_required
def district_request_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = DistrictRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.district_request_create(
                actor=request.user, title=data["title"], number=data["number"], period_start=data["period_start"],
                period_end=data["period_end"], deadline=data["deadline"], instructions=data["instructions"],
                indicators=data["indicators"])
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The request has been sent to every district office."))
            return redirect("work:district_request", pk=item.pk)
    return render(request, "work/form.html", {"form": form, "title": _("New request to the districts")})


@login_required
def district_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.district_requests_visible_to(request.user), pk=pk)
    district = selectors.district_of(request.user)
    if district is not None:
        report = get_object_or_404(DistrictReport, request=item, district=district)
        return redirect("work:district_report", pk=report.pk)
    return render(request, "work/district_request.html", {"board": selectors.district_board(item)})


@login_required
def district_request_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(DistrictRequest, pk=pk)
    return _file(exports.district_xlsx(item), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 f"bao-cao-huyen-{item.pk}.xlsx")


@login_required
@require_POST
def district_remind(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(DistrictRequest, pk=pk)
    count = services.district_remind(item, actor=request.user)
    messages.success(request, _("Reminder recorded for %(count)s district offices.") % {"count": count})
    return redirect("work:district_request", pk=pk)


@login_required
def district_report(request: HttpRequest, pk: int) -> HttpResponse:
    """A district officer fills in their district's report; the Department sees it and may return it."""
    try:
        report = selectors.district_reports_visible_to(request.user).get(pk=pk)
    except DistrictReport.DoesNotExist:
        raise Http404 from None
    indicators = list(report.request.indicators.all())
    is_officer = selectors.district_of(request.user) is not None
    typed = dict(report.raw)
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    note = report.note
    if request.method == "POST":
        if not is_officer:
            raise PermissionDenied
        typed = {i.code: request.POST.get(f"value-{i.code}", "") for i in indicators}
        note = request.POST.get("note", "")
        submit = request.POST.get("action") == "submit"
        try:
            services.district_report_save(report, actor=request.user, raw=typed, note=note, submit=submit)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
            else:
                general = _errors(exc)
        except PermissionDenied as exc:
            general = [str(exc)]
        else:
            messages.success(request, _("Your report has been submitted.") if submit else _("Draft saved."))
            return redirect("work:district_report", pk=pk)
    fields = [{"indicator": i, "value": typed.get(i.code, ""), "errors": errors.get(i.code, [])} for i in indicators]
    status = 400 if errors or general else 200
    return render(request, "work/district_report.html", {
        "report": report, "fields": fields, "general": general, "note": note, "is_officer": is_officer,
        "editable": is_officer and rules.district_report_editable(report.status),
        "late": rules.is_late(report.request.deadline, None if report.status != "submitted" else
                              (report.submitted_at.date() if report.submitted_at else None), selectors.today()),
    }, status=status)


@login_required
@require_POST
def district_report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(DistrictReport, pk=pk)
    try:
        services.district_report_return(report, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The report has been returned for correction."))
    return redirect("work:district_report", pk=pk)


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------

@login_required
def questions(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.question_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect("work:question", pk=item.pk)
    items = list(selectors.questions_visible_to(request.user))
    today = selectors.today()
    for item in items:
        item.late = rules.is_late(item.deadline, item.answered_on, today)  # type: ignore[attr-defined]
    return render(request, "work/questions.html", {"items": items, "form": form})


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.questions_visible_to(request.user), pk=pk)
    assigning = request.method == "POST" and request.POST.get("form") == "assign"
    assign_form = AssignForm(request.POST if assigning else None,
                             initial={"unit": item.unit_id, "assignee": item.assignee_id})
    form = AnswerForm(None if assigning else (request.POST or None), request.FILES or None)
    if assigning and assign_form.is_valid():
        try:
            services.question_assign(item, actor=request.user, **assign_form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(_errors(exc)) if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("Assigned."))
        return redirect("work:question", pk=pk)
    if request.method == "POST" and not assigning and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_answer(item, actor=request.user, answer=data["answer"], number=data["number"],
                                     on=data["answered_on"], upload=data.get("file"))
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The answer has been recorded."))
            return redirect("work:question", pk=pk)
    return render(request, "work/question.html", {
        "item": item, "form": form, "assign_form": assign_form,
        "late": rules.is_late(item.deadline, item.answered_on, selectors.today())})


@login_required
def coordinations(request: HttpRequest) -> HttpResponse:
    _department(request)
    form = CoordinationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = services.coordination_create(actor=request.user, **form.cleaned_data)
        return redirect("work:coordination", pk=item.pk)
    items = list(selectors.coordinations_visible_to(request.user))
    return render(request, "work/coordinations.html", {"items": items, "form": form})


@login_required
def coordination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.coordinations_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        text = request.POST.get("text", "")
        try:
            if action in ("agree", "disagree"):
                services.coordination_reply(item, actor=request.user, reply=text, agreed=action == "agree")
            elif action == "escalate":
                services.coordination_escalate(item, actor=request.user, note=text)
            elif action == "close":
                services.coordination_close(item, actor=request.user, ppc_direction=text)
            else:
                raise Http404
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
        else:
            return redirect("work:coordination", pk=pk)
    return render(request, "work/coordination.html", {
        "item": item, "late": rules.is_late(item.deadline, item.replied_on, selectors.today())})

