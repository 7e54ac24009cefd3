"""Delegations of signature (Decree 30/2020 Art. 13(3)-(4)): the agency's TL. and TUQ. delegations, current
and past, read by the leaders and the Office; recorded and ended by the Director."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stttt.core.pagecache import reader_page
from stttt.correspondence import permissions, selectors, services
from stttt.correspondence.choices import DocType
from stttt.correspondence.forms import DelegationEndForm, DelegationForm
from stttt.correspondence.views.common import department, refuse


@login_required
@require_http_methods(["GET", "POST"])
@reader_page
def delegations(request: HttpRequest) -> HttpResponse:
    """The list, and (for the Director) the form that records a new delegation."""
    department(request)
    agency = selectors.working_agency(request.user)
    if agency is None or not permissions.can_view_delegations(request.user):
        raise PermissionDenied
    can_manage = permissions.can_manage_delegations(request.user, agency.pk)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = DelegationForm(request.POST or None, agency=agency) if can_manage else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.delegation_create(actor=request.user, agency=agency, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            messages.success(request, _("Delegation of signature recorded."))
            return redirect("correspondence:delegations")
    today = selectors.today()
    type_names = dict(DocType.choices)
    rows = [
        {
            "d": d,
            "state": selectors.delegation_state(d, today),
            "types": [str(type_names.get(t, t)) for t in d.doc_types],
            "default_end": max(d.start_on, today),
        }
        for d in selectors.delegations_visible_to(request.user).filter(agency=agency)
    ]
    return render(
        request,
        "correspondence/delegations.html",
        {
            "rows": rows,
            "form": form,
            "can_manage": can_manage,
            "end_form": DelegationEndForm() if can_manage else None,
        },
    )


@login_required
@require_POST
def delegation_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a delegation on the day given (its last day)."""
    department(request)
    delegation = get_object_or_404(selectors.delegations_visible_to(request.user), pk=pk)
    if not permissions.can_manage_delegations(request.user, delegation.agency_id):
        raise PermissionDenied
    form = DelegationEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the last day of the delegation."))
        return redirect("correspondence:delegations")
    try:
        services.delegation_end(delegation, actor=request.user, end_on=form.cleaned_data["end_on"])
    except (ValidationError, PermissionDenied) as exc:
        refuse(request, exc)
    else:
        messages.success(request, _("Delegation of signature ended."))
    return redirect("correspondence:delegations")
