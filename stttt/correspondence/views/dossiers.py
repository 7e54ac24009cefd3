"""Drafting dossiers for the Province (regulation 3.1-3.3) and the leaders' figures."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stttt.core import charts
from stttt.core.pagecache import reader_page
from stttt.correspondence import permissions, selectors, services, workflow
from stttt.correspondence.forms import DossierCommentForm, DossierForm, IssuedFileForm, StageForm
from stttt.correspondence.models import Dossier, DossierComment
from stttt.correspondence.views.common import department, refuse


@login_required
@require_GET
@reader_page
def dossiers(request: HttpRequest) -> HttpResponse:
    department(request)
    found = [(d, selectors.dossier_state(d)) for d in selectors.dossiers_visible_to(request.user)]
    return render(
        request,
        "correspondence/dossiers.html",
        {"dossiers": found, "can_create": permissions.can_create_dossier(request.user)},
    )


@login_required
def dossier_new(request: HttpRequest) -> HttpResponse:
    department(request)
    if not permissions.can_create_dossier(request.user):
        raise PermissionDenied
    form = DossierForm(request.POST or None, agency=selectors.working_agency(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.dossier_create(actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            refuse(request, exc, form)
        else:
            return redirect(dossier)
    return render(request, "correspondence/form.html", {"form": form, "title": _("New drafting dossier")})


def _visible(request: HttpRequest, pk: int) -> Dossier:
    department(request)
    return get_object_or_404(selectors.dossiers_visible_to(request.user), pk=pk)


@login_required
@require_GET
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    d = _visible(request, pk)
    actions = workflow.actions_for("dossier", request.user, d)
    drafting = "drafting" in permissions.dossier_roles(request.user, d)
    return render(
        request,
        "correspondence/dossier.html",
        {
            "d": d,
            "state": selectors.dossier_state(d),
            "actions": [t for t in actions if t.action != "issue"],
            "can_issue": any(t.action == "issue" for t in actions),
            "stage_form": StageForm(),
            "comment_form": DossierCommentForm() if drafting else None,
            "issued_form": IssuedFileForm(),
            "comments": d.comments.all(),
            "drafting": drafting,
            "table": workflow.DOSSIER.describe(),
        },
    )


@login_required
@require_POST
def dossier_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    d = _visible(request, pk)
    form: forms.Form
    try:
        if action == "comment":
            form = DossierCommentForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give who commented and the comment."))
            services.dossier_comment(d, actor=request.user, **form.cleaned_data)
        elif action == "answer":
            comment = get_object_or_404(DossierComment, dossier=d, pk=request.POST.get("comment") or 0)
            services.dossier_answer(
                comment,
                actor=request.user,
                accepted=request.POST.get("accepted") == "1",
                response=request.POST.get("response", ""),
            )
        elif action == "issue":
            form = IssuedFileForm(request.POST, request.FILES)
            if not form.is_valid():
                raise ValidationError(_("Attach the issued document."))
            upload = form.cleaned_data["file"]
            services.dossier_issue(d, actor=request.user, content=upload.read(), name=upload.name)
        elif workflow.DOSSIER.get(action) is not None:
            form = StageForm(request.POST)
            form.is_valid()
            services.dossier_step(
                d,
                action,
                actor=request.user,
                stage_deadline=form.cleaned_data.get("stage_deadline"),
                note=form.cleaned_data.get("note", ""),
            )
        else:
            raise Http404
        messages.success(request, _("Saved."))
    except (ValidationError, PermissionDenied) as exc:
        refuse(request, exc)
    return redirect(d)


@login_required
@require_GET
@reader_page
def figures(request: HttpRequest) -> HttpResponse:
    """Leaders compare numbers: documents in and out per month of the year, overdue routed documents per
    unit; each as a chart and a table."""
    department(request)
    agency = selectors.working_agency(request.user)
    if agency is None or not (permissions.is_leader(request.user) or permissions.is_clerk(request.user)):
        raise PermissionDenied
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else selectors.today().year
    months = selectors.monthly_counts(agency, year)
    units = selectors.overdue_by_unit(agency)
    labels = [f"{m['month']:02d}/{year}" for m in months]
    monthly_chart = charts.stacked_bar_chart(
        labels,
        [
            charts.Series(str(_("Incoming")), [m["incoming"] for m in months], "primary"),
            charts.Series(str(_("Outgoing")), [m["outgoing"] for m in months], "success"),
        ],
        title=str(_("Documents in and out per month")),
    )
    unit_chart = charts.stacked_bar_chart(
        [u["name"] for u in units],
        [
            charts.Series(str(_("Overdue")), [u["overdue"] for u in units], "danger"),
            charts.Series(str(_("On time")), [u["open"] - u["overdue"] for u in units], "success"),
        ],
        title=str(_("Routed documents being handled, per lead unit")),
    )
    return render(
        request,
        "correspondence/figures.html",
        {"year": year, "months": months, "units": units, "monthly_chart": monthly_chart, "unit_chart": unit_chart},
    )
