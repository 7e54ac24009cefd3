"""Council questions (6.2) and coordination with other bodies (6.4, 6.5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.work import rules, selectors, services, workflow
from stttt.work.forms import (
    AnswerForm,
    AssignForm,
    CoordinationForm,
    QuestionForm,
)
from stttt.work.views.common import department, refusal


@login_required
@reader_page
def questions(request: HttpRequest) -> HttpResponse:
    department(request)
    form = QuestionForm(request.POST or None, agency=selectors.working_agency(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.question_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
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
    assign_form = AssignForm(
        request.POST if assigning else None,
        agency=item.agency,
        initial={"unit": item.unit_id, "assignee": item.assignee_id},
    )
    form = AnswerForm(None if assigning else (request.POST or None), request.FILES or None)
    if assigning and assign_form.is_valid():
        try:
            services.question_assign(item, actor=request.user, **assign_form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
        else:
            messages.success(request, _("Assigned."))
        return redirect("work:question", pk=pk)
    if request.method == "POST" and not assigning and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_answer(
                item,
                actor=request.user,
                answer=data["answer"],
                number=data["number"],
                on=data["answered_on"],
                upload=data.get("file"),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The answer has been recorded."))
            return redirect("work:question", pk=pk)
    return render(
        request,
        "work/question.html",
        {
            "item": item,
            "form": form,
            "assign_form": assign_form,
            "actions": {t.action for t in workflow.actions_for("question", request.user, item)},
            "late": rules.is_late(item.deadline, item.answered_on, selectors.today()),
        },
    )


@login_required
@reader_page
def coordinations(request: HttpRequest) -> HttpResponse:
    department(request)
    form = CoordinationForm(request.POST or None, agency=selectors.working_agency(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.coordination_create(actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, refusal(exc))
        else:
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
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
        else:
            return redirect("work:coordination", pk=pk)
    return render(
        request,
        "work/coordination.html",
        {
            "item": item,
            "late": rules.is_late(item.deadline, item.replied_on, selectors.today()),
            "actions": {t.action for t in workflow.actions_for("coordination", request.user, item)},
        },
    )
