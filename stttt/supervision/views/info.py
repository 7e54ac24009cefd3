"""Grassroots information (commune stations, broadcast requests) and external information (plans appraised,
activities, the yearly summary)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stttt.core import charts
from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.supervision import permissions, rules, selectors, services
from stttt.supervision.forms import ActivityForm, BroadcastForm, ExternalPlanForm, StationForm
from stttt.supervision.views.common import actions, department, record_or_404, take_step


def _can(request: HttpRequest, agency: object) -> bool:
    return permissions.can_manage(request.user, getattr(agency, "pk", None), permissions.INFORMATION)


@login_required
@reader_page
def grassroots(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = StationForm(request.POST or None, agency=agency)
    if request.method == "POST":
        if not _can(request, agency):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.station_save(actor=request.user, agency=agency, **form.cleaned_data)
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                return redirect("supervision:grassroots")
    per_district = selectors.stations_per_district(agency)
    stations = list(selectors.stations_visible_to(request.user)[:500])
    for station in stations:
        setattr(station, "needs_upgrade", rules.station_needs_upgrade(station.kind))  # noqa: B010  (a display attribute mypy cannot see)
    return render(
        request,
        "supervision/grassroots.html",
        {
            "stations": stations,
            "per_district": per_district,
            "chart": charts.stacked_bar_chart(
                [row["district"] for row in per_district],
                [
                    charts.Series(_("IP stations"), [row["ip"] for row in per_district], "success"),
                    charts.Series(_("Wired or FM (to upgrade)"), [row["upgrade"] for row in per_district], "warning"),
                ],
                title=_("Commune stations per district"),
                value_label=_("stations"),
            )
            if per_district
            else "",
            "broadcasts": selectors.broadcasts_visible_to(request.user)[:50],
            "form": form,
            "can_add": _can(request, agency),
            "scope_fact": rules.fact("supervision.station_it_scope"),
            "decree_fact": rules.fact("supervision.grassroots_decree"),
        },
    )


@login_required
def broadcast_create(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = BroadcastForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            broadcast = services.broadcast_create(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            return redirect(broadcast.get_absolute_url())
    return render(request, "supervision/form.html", {"form": form, "title": _("Draft a broadcast request")})


@login_required
def broadcast_detail(request: HttpRequest, pk: int) -> HttpResponse:
    broadcast = record_or_404(request, selectors.broadcasts_visible_to(request.user), pk)
    confirmations = list(broadcast.confirmations.select_related("station"))
    confirmed_ids = {c.station_id for c in confirmations}
    asked = list(broadcast.stations.select_related("district"))
    return render(
        request,
        "supervision/broadcast.html",
        {
            "broadcast": broadcast,
            "confirmations": confirmations,
            "waiting": [s for s in asked if s.pk not in confirmed_ids],
            "share": rules.confirmation_share(len(confirmations), len(asked)),
            "confirm_by": rules.confirmation_due(
                broadcast.priority, broadcast.broadcast_from, broadcast.broadcast_until
            ),
            "actions": actions(request, broadcast),
            "today": selectors.today(),
        },
    )


@login_required
def broadcast_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    broadcast = record_or_404(request, selectors.broadcasts_visible_to(request.user), pk)
    inputs = {k: request.POST.get(k, "") for k in ("station", "confirmed_on", "times_broadcast", "note")}
    return take_step(request, broadcast, action, inputs)


@login_required
@reader_page
def external(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    year = selectors.today().year
    if (request.GET.get("year") or "").isdigit():
        year = int(request.GET["year"])
    plan_form = ExternalPlanForm(
        request.POST if request.POST.get("form") == "plan" else None,
        agency=agency,
        initial={"year": year, "received_on": selectors.today()},
    )
    activity_form = ActivityForm(request.POST if request.POST.get("form") == "activity" else None, agency=agency)
    if request.method == "POST":
        if not _can(request, agency):
            raise PermissionDenied
        form = plan_form if request.POST.get("form") == "plan" else activity_form
        if form.is_valid():
            try:
                if form is plan_form:
                    plan = services.external_plan_receive(actor=request.user, agency=agency, **form.cleaned_data)
                    return redirect(plan.get_absolute_url())
                services.activity_add(actor=request.user, agency=agency, **form.cleaned_data)
                return redirect("supervision:external")
            except ValidationError as exc:
                form_errors(form, exc)
    today = selectors.today()
    plans = list(selectors.external_plans_visible_to(request.user).filter(year__gte=year - 1)[:200])
    for plan in plans:
        setattr(plan, "overdue", plan.status in ("received", "appraising") and plan.due_on < today)  # noqa: B010  (a display attribute mypy cannot see)
    return render(
        request,
        "supervision/external.html",
        {
            "year": year,
            "plans": plans,
            "activities": selectors.external_activities(request.user, year)[:200],
            "summary": selectors.external_summary(agency, year),
            "plan_form": plan_form,
            "activity_form": activity_form,
            "can_add": _can(request, agency),
            "days_fact": rules.fact("supervision.external_plan_days"),
        },
    )


@login_required
def external_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = record_or_404(request, selectors.external_plans_visible_to(request.user), pk)
    return render(
        request,
        "supervision/external_plan.html",
        {"plan": plan, "actions": actions(request, plan), "activities": plan.activities.all()},
    )


@login_required
def external_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    plan = record_or_404(request, selectors.external_plans_visible_to(request.user), pk)
    return take_step(request, plan, action, {"opinion": request.POST.get("opinion", "")})
