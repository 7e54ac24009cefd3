"""Pages for the accounts of owner bodies (provincial agencies that own systems): their own systems, level
dossiers, incidents and the warnings relayed to them. Mounted in their own URL namespace (`cyber_owner`),
outside the staff area, and open only to an account linked to an owner body (`OwnerAccount`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stttt.core.http import form_errors
from stttt.cyber import forms, selectors, services, workflow
from stttt.cyber.models import Owner
from stttt.cyber.permissions import owner_id_of
from stttt.cyber.views import _act


def _owner(request: HttpRequest) -> Owner:
    owner_id = owner_id_of(request.user)
    if owner_id is None:
        raise PermissionDenied(_("This account does not speak for an owner body."))
    return Owner.objects.select_related("agency").get(pk=owner_id)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    owner = _owner(request)
    deliveries = selectors.delivery_rows(list(selectors.deliveries_visible_to(request.user)))
    for d in deliveries:
        d.actions = [t.action for t in workflow.actions_for("delivery", request.user, d)]  # type: ignore[attr-defined]
    return render(
        request,
        "cyber/owner/home.html",
        {
            "owner": owner,
            "systems": selectors.system_rows(list(selectors.systems_visible_to(request.user))),
            "dossiers": selectors.dossier_rows(list(selectors.dossiers_visible_to(request.user))),
            "incidents": selectors.incident_rows(list(selectors.incidents_visible_to(request.user))),
            "deliveries": deliveries,
        },
    )


@login_required
def system(request: HttpRequest, pk: int) -> HttpResponse:
    owner = _owner(request)
    item = get_object_or_404(selectors.systems_visible_to(request.user), pk=pk)
    form = forms.DossierForm(request.POST or None, initial={"proposed_level": item.implied_level})
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_submit(item, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The dossier has been submitted to the Department."))
            return redirect("cyber:cyber_owner:home")
    selectors.system_rows([item])
    return render(
        request,
        "cyber/owner/system.html",
        {"owner": owner, "item": item, "form": form, "dossiers": selectors.dossier_rows(list(item.dossiers.all()))},
    )


@login_required
def incident_new(request: HttpRequest) -> HttpResponse:
    owner = _owner(request)
    form = forms.IncidentForm(request.POST or None, systems=selectors.systems_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.incident_report(actor=request.user, owner=owner, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:cyber_owner:incident", pk=item.pk)
    return render(request, "cyber/owner/incident_new.html", {"owner": owner, "form": form})


@login_required
def incident(request: HttpRequest, pk: int) -> HttpResponse:
    owner = _owner(request)
    item = get_object_or_404(selectors.incidents_visible_to(request.user), pk=pk)
    if request.method == "POST":
        note = request.POST.get("note", "").strip()
        if _act(request, lambda: services.incident_transition(item, "update", actor=request.user, note=note)):
            messages.success(request, _("Done."))
        return redirect("cyber:cyber_owner:incident", pk=pk)
    selectors.incident_rows([item])
    return render(
        request,
        "cyber/owner/incident.html",
        {
            "owner": owner,
            "item": item,
            "events": list(item.events.all()),
            "can_update": any(t.action == "update" for t in workflow.actions_for("incident", request.user, item)),
        },
    )


@login_required
def delivery(request: HttpRequest, pk: int) -> HttpResponse:
    _owner(request)
    item = get_object_or_404(selectors.deliveries_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ("acknowledge", "remediate"):
            raise Http404
        note: Any = request.POST.get("note", "")
        if _act(request, lambda: services.delivery_transition(item, action, actor=request.user, note=note)):
            messages.success(request, _("Done."))
    return redirect("cyber:cyber_owner:home")
