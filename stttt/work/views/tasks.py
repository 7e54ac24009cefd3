"""Task pages (5.1-5.3): list, create, detail, progress, completion, attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.work import selectors, services, workflow
from stttt.work.choices import SourceKind, TaskStatus
from stttt.work.forms import (
    CompleteForm,
    ProgressForm,
    TaskForm,
)
from stttt.work.models import Task
from stttt.work.views.common import department, errors_of, refusal

PAGE_SIZE = 50


@login_required
@reader_page
def tasks(request: HttpRequest) -> HttpResponse:
    department(request)
    filters = {key: request.GET.get(key, "") for key in ("unit", "person", "source", "duty", "state", "status", "q")}
    found = selectors.task_query(
        request.user,
        unit=filters["unit"],
        person=filters["person"],
        source=filters["source"],
        duty=filters["duty"],
        state=filters["state"],
        status=filters["status"],
        query=filters["q"],
    )
    page = Paginator(selectors.task_rows(found), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_states(page.object_list)
    return render(
        request,
        "work/tasks.html",
        {
            "page": page,
            "filters": filters,
            "sources": SourceKind.choices,
            "statuses": TaskStatus.choices,
            "units": selectors.briefing_units(selectors.today(), selectors.working_agency(request.user)),
            "states": [
                ("open", _("Every open task")),
                ("overdue", _("Overdue")),
                ("due_soon", _("Due soon")),
                ("on_track", _("On track")),
            ],
        },
    )


@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    department(request)
    form = TaskForm(request.POST or None, agency=selectors.working_agency(request.user))
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
                    actor=request.user,
                    lead_unit=data["lead_unit"],
                    title=data["title"],
                    source_kind=data["source_kind"],
                    source_body=data["source_body"],
                    source_number=data["source_number"],
                    source_date=data["source_date"],
                    content=data["content"],
                    duty=duty,
                    deadline=data["deadline"],
                    coordinating_units=list(data["coordinating_units"]),
                    person_in_charge=data["person_in_charge"],
                )
            except (ValidationError, PermissionDenied) as exc:
                if isinstance(exc, PermissionDenied):
                    form.add_error("lead_unit", str(exc))
                else:
                    form_errors(form, exc)
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
    return render(
        request,
        "work/task.html",
        {
            "task": task,
            "state": selectors.task_state(task),
            "updates": task.updates.select_related("author"),
            "attachments": task.attachments.all(),
            "progress_form": ProgressForm(),
            "complete_form": CompleteForm(),
            "actions": {t.action for t in workflow.actions_for("task", request.user, task)},
        },
    )


@login_required
@require_POST
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.task_progress(task, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(errors_of(exc)))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Progress recorded."))
    else:
        messages.error(
            request, " ".join(f"{form.fields[f].label}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items())
        )
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
            messages.error(request, refusal(exc))
        else:
            messages.success(request, _("The task is completed."))
    else:
        messages.error(request, _("Write what was done."))
    return redirect("work:task", pk=pk)


@login_required
@require_POST
def task_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    try:
        services.task_cancel(task, actor=request.user, reason=request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
    else:
        messages.success(request, _("The task is cancelled."))
    return redirect("work:task", pk=pk)


@login_required
def attachment(request: HttpRequest, pk: int, file_id: int) -> HttpResponseBase:
    from django.http import FileResponse

    task = _task(request, pk)
    item = get_object_or_404(task.attachments, pk=file_id)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.name,
        content_type=item.content_type or "application/octet-stream",
    )
