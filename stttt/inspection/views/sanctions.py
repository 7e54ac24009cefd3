"""Violation records and sanction decisions."""

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
from stttt.inspection import catalogue, permissions, selectors, services, workflow
from stttt.inspection.forms import ViolationForm
from stttt.inspection.views.common import act, action_forms, department, refusal
from stttt.org.powers import agency_of
from stttt.org.selectors import today


@reader_page
def violations(request: HttpRequest) -> HttpResponse:
    department(request)
    items = selectors.violations_visible_to(request.user)
    query = (request.GET.get("q") or "").strip()
    if query:
        items = search(items, query)
    sector = request.GET.get("sector") or ""
    if sector in catalogue.SECTORS:
        items = items.filter(sector=sector)
    return render(
        request,
        "inspection/violations.html",
        {"items": items[:200], "q": query, "sector": sector, "sectors": catalogue.SECTORS.items(), "today": today()},
    )


def violation_create(request: HttpRequest) -> HttpResponse:
    """A violation record, ad hoc or from an inspection (?case=) or a referral (?referral=)."""
    department(request)
    agency = agency_of(request.user)
    if agency is None or not permissions.is_inspector(request.user, agency.pk):
        raise PermissionDenied
    case = referral = None
    if request.GET.get("case", "").isdigit():
        case = get_object_or_404(selectors.cases_visible_to(request.user), pk=request.GET["case"])
    if request.GET.get("referral", "").isdigit():
        referral = get_object_or_404(selectors.referrals_visible_to(request.user), pk=request.GET["referral"])
    initial: dict[str, Any] = {"discovered_on": today()}
    if case:
        initial.update(offender_name=case.subject_name, offender_address=case.subject_address)
    form = ViolationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.violation_record(
                agency=agency,
                actor=request.user,
                case=case,
                referral=referral,
                licence=case.licence if case else None,
                **form.cleaned_data,
            )
            return redirect(record.get_absolute_url())
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                form_errors(form, exc)
            else:
                messages.error(request, refusal(exc))
    return render(request, "inspection/form.html", {"form": form, "title": _("Violation record")})


def violation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    record = get_object_or_404(selectors.violations_visible_to(request.user), pk=pk)
    steps = workflow.actions_for(workflow.VIOLATIONS, request.user, record)
    return render(
        request,
        "inspection/violation.html",
        {
            "v": record,
            "record": record,
            "decision": getattr(record, "decision", None),
            "provision": catalogue.BY_CODE.get(record.provision_code),
            "forms": action_forms("violation", steps),
            "base": f"{record.get_absolute_url()}",
            "today": today(),
        },
    )


def violation_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return act(
        request, "violation", selectors.violations_visible_to(request.user), pk, action, services.violation_transition
    )


def catalogue_page(request: HttpRequest) -> HttpResponse:
    """The provisions of the sector decrees with their ranges, and the legal facts of the app."""
    department(request)
    from stttt.inspection.facts import FACTS

    return render(
        request,
        "inspection/catalogue.html",
        {"provisions": catalogue.PROVISIONS, "facts": FACTS, "sectors": catalogue.SECTORS},
    )
