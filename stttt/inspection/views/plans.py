"""Inspection plans and inspections."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.inspection import permissions, rules, selectors, services, workflow
from stttt.inspection.forms import CaseForm, FollowUpForm, PlanForm, TargetForm
from stttt.inspection.models import PlanTarget
from stttt.inspection.views.common import act, action_forms, department, refusal
from stttt.org.powers import agency_of
from stttt.org.selectors import today


@reader_page
def plans(request: HttpRequest) -> HttpResponse:
    department(request)
    agency = agency_of(request.user)
    if request.method == "POST" and (agency is None or not permissions.can_act(request.user, agency.pk)):
        raise PermissionDenied
    form = PlanForm(request.POST or None, initial={"year": today().year + 1})
    if request.method == "POST" and form.is_valid() and agency is not None:
        try:
            plan = services.plan_create(agency=agency, actor=request.user, **form.cleaned_data)
            return redirect(plan.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                form_errors(form, exc)
            else:
                messages.error(request, refusal(exc))
    items = selectors.plans_visible_to(request.user)
    can_create = agency is not None and permissions.can_act(request.user, agency.pk)
    return render(request, "inspection/plans.html", {"items": items, "form": form, "can_create": can_create})


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    plan = get_object_or_404(selectors.plans_visible_to(request.user), pk=pk)
    if request.method == "POST" and not permissions.can_act(request.user, plan.agency_id):
        raise PermissionDenied
    form = TargetForm(request.POST or None, licences=selectors.licences_of(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        licence_id = data.pop("licence")
        licence = None
        if licence_id:
            from stttt.licensing.selectors import licences_visible_to

            licence = licences_visible_to(request.user).filter(pk=licence_id).first()
        try:
            services.plan_target_add(plan, actor=request.user, licence=licence, **data)
            return redirect(plan.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
    targets = list(plan.targets.select_related("licence", "case").order_by("quarter", "id"))
    steps = workflow.actions_for(workflow.PLANS, request.user, plan)
    return render(
        request,
        "inspection/plan.html",
        {
            "plan": plan,
            "record": plan,
            "targets": targets,
            "form": form,
            "deadline": rules.plan_approval_deadline(plan.year),
            "late": plan.approved_on and rules.plan_approved_late(plan.year, plan.approved_on),
            "editable": plan.status == "draft" and permissions.can_act(request.user, plan.agency_id),
            "can_decide": permissions.is_chief_inspector(request.user, plan.agency_id),
            "forms": action_forms("plan", steps),
            "base": f"{plan.get_absolute_url()}",
        },
    )


def plan_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return act(request, "plan", selectors.plans_visible_to(request.user), pk, action, services.plan_transition)


@reader_page
def cases(request: HttpRequest) -> HttpResponse:
    department(request)
    items = selectors.cases_visible_to(request.user)
    query = (request.GET.get("q") or "").strip()
    if query:
        items = search(items, query)
    return render(request, "inspection/cases.html", {"items": items[:200], "q": query, "today": today()})


def case_create(request: HttpRequest) -> HttpResponse:
    """The inspection decision: ad hoc, or from a planned target (?target=) or a referral (?referral=)."""
    department(request)
    agency = agency_of(request.user)
    if agency is None or not permissions.is_chief_inspector(request.user, agency.pk):
        raise PermissionDenied
    target = referral = None
    if request.GET.get("target", "").isdigit():
        target = get_object_or_404(
            PlanTarget.objects.filter(plan__in=selectors.plans_visible_to(request.user)), pk=request.GET["target"]
        )
    if request.GET.get("referral", "").isdigit():
        referral = get_object_or_404(selectors.referrals_visible_to(request.user), pk=request.GET["referral"])
    people = [(str(u.pk), u.full_name or u.username) for u in selectors.inspectors_of(agency.pk)]
    initial: dict[str, Any] = {"decided_on": today()}
    if target:
        initial.update(subject_name=target.subject_name, sector=target.sector, content=target.content)
    if referral:
        initial.update(subject_name=referral.source_label, content=referral.summary)
    form = CaseForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        users = {str(u.pk): u for u in selectors.inspectors_of(agency.pk)}
        data = dict(form.cleaned_data)
        data["head"] = users[data["head"]]
        data["members"] = [users[m] for m in data["members"] if m in users]
        try:
            case = services.case_decide(
                agency=agency, actor=request.user, plan_target=target, referral=referral, **data
            )
            return redirect(case.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                form_errors(form, exc)
            else:
                messages.error(request, refusal(exc))
    return render(request, "inspection/form.html", {"form": form, "title": _("Inspection decision")})


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    case = get_object_or_404(selectors.cases_visible_to(request.user), pk=pk)
    if request.method == "POST" and not permissions.can_act(request.user, case.agency_id):
        raise PermissionDenied
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_add(case, actor=request.user, **form.cleaned_data)
            return redirect(case.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
    steps = workflow.actions_for(workflow.CASES, request.user, case)
    return render(
        request,
        "inspection/case.html",
        {
            "case": case,
            "record": case,
            "members": list(case.members.all()),
            "follow_ups": list(case.follow_ups.all()),
            "violations": list(case.violations.all()),
            "form": form if case.status == "concluded" and permissions.can_act(request.user, case.agency_id) else None,
            "forms": action_forms("case", steps),
            "base": f"{case.get_absolute_url()}",
            "today": today(),
        },
    )


def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return act(request, "case", selectors.cases_visible_to(request.user), pk, action, services.case_transition)


def follow_up_done(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    department(request)
    case = get_object_or_404(selectors.cases_visible_to(request.user), pk=pk)
    follow = get_object_or_404(case.follow_ups, pk=item)
    if request.method != "POST":
        raise PermissionDenied
    try:
        services.follow_up_done(follow, actor=request.user, note=request.POST.get("note", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
    return redirect(case.get_absolute_url())
