"""Disputes, complaints and advertising checks; emergency communications (plans, roster, incidents)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.supervision import permissions, rules, selectors, services
from stttt.supervision.choices import CaseKind, CaseStatus
from stttt.supervision.forms import CaseForm, IncidentForm
from stttt.supervision.views.common import actions, department, record_or_404, take_step


@login_required
@reader_page
def cases(request: HttpRequest) -> HttpResponse:
    department(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "kind", "status")}
    page = Paginator(selectors.cases_list(request.user, **filters), 50).get_page(request.GET.get("page"))
    today = selectors.today()
    for case in page.object_list:
        setattr(case, "overdue", case.status in selectors.OPEN_CASE and case.due_on < today)  # noqa: B010  (a display attribute mypy cannot see)
    return render(
        request,
        "supervision/cases.html",
        {
            "page": page,
            "filters": filters,
            "kinds": CaseKind.choices,
            "statuses": CaseStatus.choices,
            "can_add": permissions.can_manage_any(request.user),
        },
    )


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = CaseForm(request.POST or None, agency=agency, initial={"received_on": selectors.today()})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            return redirect(case.get_absolute_url())
    return render(request, "supervision/form.html", {"form": form, "title": _("Record a dispute or complaint")})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = record_or_404(request, selectors.cases_visible_to(request.user), pk)
    return render(
        request,
        "supervision/case.html",
        {
            "case": case,
            "steps": case.steps.select_related("actor"),
            "actions": actions(request, case),
            "basis": rules.case_basis(case.kind, postal=case.respondent.sector == "postal"),
            "overdue": case.status in selectors.OPEN_CASE and case.due_on < selectors.today(),
        },
    )


@login_required
def case_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = record_or_404(request, selectors.cases_visible_to(request.user), pk)
    inputs = {k: request.POST.get(k, "") for k in ("note", "outcome")}
    return take_step(request, case, action, inputs)


@login_required
@reader_page
def emergency(request: HttpRequest) -> HttpResponse:
    department(request)
    return render(
        request,
        "supervision/emergency.html",
        {
            "plans": selectors.emergency_plans(request.user),
            "incidents": selectors.incidents_visible_to(request.user)[:100],
            "can_add": permissions.can_manage_any(request.user),
        },
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from stttt.org.powers import scope_to_agency
    from stttt.supervision.models import EmergencyPlan

    plan = record_or_404(request, scope_to_agency(EmergencyPlan.objects.all(), request.user), pk)
    return render(
        request,
        "supervision/plan.html",
        {
            "plan": plan,
            "contacts": plan.contacts.select_related("operator"),
            "incidents": plan.incidents.all(),
        },
    )


@login_required
def incident_create(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = IncidentForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_open(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            return redirect(incident.get_absolute_url())
    return render(request, "supervision/form.html", {"form": form, "title": _("Record an incident")})


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = record_or_404(request, selectors.incidents_visible_to(request.user), pk)
    updates = list(incident.updates.select_related("actor"))
    next_due = None
    if incident.status in ("open", "restoring") and updates:
        next_due = rules.incident_update_due(updates[-1].at)
    return render(
        request,
        "supervision/incident.html",
        {
            "incident": incident,
            "updates": updates,
            "operators": incident.operators.all(),
            "actions": actions(request, incident),
            "hours": rules.restoration_hours(incident.started_at, incident.restored_at),
            "next_due": next_due,
            "update_fact": rules.fact("supervision.incident_update_hours"),
        },
    )


@login_required
def incident_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    incident = record_or_404(request, selectors.incidents_visible_to(request.user), pk)
    inputs = {k: request.POST.get(k, "") for k in ("note", "sites_down")}
    return take_step(request, incident, action, inputs)
