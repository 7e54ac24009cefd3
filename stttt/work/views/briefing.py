"""The monthly briefing (5.4): the pack, its files, meetings and their conclusions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.http import file_response
from stttt.core.pagecache import reader_page
from stttt.work import exports, permissions, rules, selectors, services
from stttt.work.forms import (
    AttendanceForm,
    ConclusionForm,
    MeetingForm,
)
from stttt.work.models import Conclusion
from stttt.work.views.common import department, month_of, refusal


@login_required
@reader_page
def briefing(request: HttpRequest) -> HttpResponse:
    department(request)
    month, error = month_of(request)
    if error:
        return render(request, "work/briefing.html", {"pack": None, "month": month, "month_error": error}, status=400)
    pack = selectors.briefing_pack(month, agency=selectors.working_agency(request.user))
    visible = set(selectors.tasks_visible_to(request.user).values_list("pk", flat=True))
    return render(
        request,
        "work/briefing.html",
        {
            "pack": pack,
            "month": month,
            "visible_tasks": visible,
            "meeting_form": MeetingForm(initial={"month": month, "held_on": selectors.today()}),
        },
    )


@login_required
def briefing_file(request: HttpRequest, month: str, fmt: str) -> HttpResponse:
    department(request)
    try:
        pack = selectors.briefing_pack(month, agency=selectors.working_agency(request.user))
    except ValueError:
        raise Http404 from None
    if fmt == "json":
        return HttpResponse(exports.briefing_json(pack), content_type="application/json; charset=utf-8")
    if fmt not in ("docx", "pdf"):
        raise Http404
    data, mime = exports.render(exports.briefing_document(pack), fmt)
    return file_response(data, f"giao-ban-{month}.{fmt}", mime)


@login_required
def programme_file(request: HttpRequest, month: str, fmt: str) -> HttpResponse:
    department(request)
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        programme = selectors.programme(month, agency=selectors.working_agency(request.user))
    except ValueError:
        raise Http404 from None
    data, mime = exports.render(exports.programme_document(programme), fmt)
    return file_response(data, f"chuong-trinh-cong-tac-{month}.{fmt}", mime)


@login_required
@require_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    department(request)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("work:briefing")
    data = form.cleaned_data
    first, _last = rules.month_bounds(data["month"])
    try:
        meeting = services.meeting_create(
            actor=request.user,
            kind=data["kind"],
            month=first,
            held_on=data["held_on"],
            title=data["title"],
            place=data["place"],
            notes=data["notes"],
            chaired_by=request.user,
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
        return redirect("work:briefing")
    return redirect("work:meeting", pk=meeting.pk)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    meeting = get_object_or_404(selectors.meetings_visible_to(request.user), pk=pk)
    agency = meeting.agency
    conclusion_form = ConclusionForm(request.POST if request.POST.get("form") == "conclusion" else None, agency=agency)
    attendance_form = AttendanceForm(request.POST if request.POST.get("form") == "attendance" else None, agency=agency)
    if request.method == "POST":
        try:
            if conclusion_form.is_bound and conclusion_form.is_valid():
                services.conclusion_add(meeting, actor=request.user, **conclusion_form.cleaned_data)
                return redirect("work:meeting", pk=pk)
            if attendance_form.is_bound and attendance_form.is_valid():
                services.attendance_set(meeting, actor=request.user, **attendance_form.cleaned_data)
                return redirect("work:meeting", pk=pk)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
    conclusions = list(meeting.conclusions.select_related("unit", "task"))
    return render(
        request,
        "work/meeting.html",
        {
            "meeting": meeting,
            "attendance": meeting.attendance.select_related("user"),
            "conclusions": conclusions,
            "conclusion_form": conclusion_form,
            "attendance_form": attendance_form,
            "may_conclude": permissions.can_add_conclusion(request.user, meeting),
            "may_make_task": {c.pk for c in conclusions if permissions.can_assign_task(request.user, c.unit)},
            "visible_tasks": set(
                selectors.tasks_visible_to(request.user)
                .filter(pk__in=[c.task_id for c in conclusions if c.task_id])
                .values_list("pk", flat=True)
            ),
        },
    )


@login_required
@require_POST
def conclusion_to_task(request: HttpRequest, pk: int) -> HttpResponse:
    conclusion = get_object_or_404(Conclusion, pk=pk, meeting__in=selectors.meetings_visible_to(request.user))
    try:
        task = services.conclusion_to_task(conclusion, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
        return redirect("work:meeting", pk=conclusion.meeting_id)
    messages.success(request, _("The conclusion is now a task."))
    return redirect("work:task", pk=task.pk)
