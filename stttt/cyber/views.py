"""Pages of the information-security capability for the Department's staff (no rules here: services and
selectors decide). Owner bodies' accounts use `owner_views.py`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stttt.core import charts
from stttt.core import documents as docs
from stttt.core.http import file_response, form_errors
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.cyber import exports, forms, permissions, rules, selectors, services, workflow
from stttt.cyber.choices import Severity
from stttt.org.powers import is_department_staff


def department(request: HttpRequest) -> Any:
    """Staff pages: people holding a post in an agency; returns their agency."""
    if not is_department_staff(request.user):
        raise PermissionDenied
    agency = selectors.working_agency(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def refusal(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)


def _act(request: HttpRequest, call: Any) -> bool:
    try:
        call()
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, refusal(exc))
        return False
    return True


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    """The leaders' view: systems by level and status, incidents per month and severity, remediation rates."""
    agency = department(request)
    levels = selectors.systems_by_level(agency)
    months = selectors.incidents_by_month(agency)
    severities = list(Severity.choices)
    series = [
        charts.Series(str(label), [months["grid"][m].get(value, 0) for m in months["months"]], tone)
        for (value, label), tone in zip(severities, ("muted", "primary", "warning", "danger"), strict=True)
    ]
    remediation = selectors.remediation_by_owner(agency)
    return render(
        request,
        "cyber/index.html",
        {
            "figures": selectors.home_figures(agency),
            "levels": levels,
            "level_chart": charts.bar_chart(
                levels["levels"], title=_("Systems by approved level"), value_label=_("systems")
            ),
            "status_chart": charts.bar_chart(
                levels["statuses"], title=_("Systems by approval status"), value_label=_("systems"), tone="success"
            ),
            "months": [(m, [months["grid"][m].get(v, 0) for v, _l in severities]) for m in months["months"]],
            "severities": severities,
            "incident_chart": charts.stacked_bar_chart(
                months["months"], series, title=_("Incidents per month and severity"), value_label=_("incidents")
            ),
            "remediation": remediation,
            "remediation_chart": charts.bar_chart(
                [(r["owner"].name, r["rate"]) for r in remediation],
                title=_("Warnings remedied per agency (%)"),
                value_label="%",
                tone="success",
            ),
            "workflows": workflow.describe_all(),
        },
    )


# --- Owners and systems ------------------------------------------------------------------------------------


@login_required
@reader_page
def owners(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = forms.OwnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.owner_save(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:owners")
    return render(
        request,
        "cyber/owners.html",
        {"rows": selectors.compliance_board(agency), "form": form, "link_form": forms.LinkAccountForm()},
    )


@login_required
def owner_link(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    owner = get_object_or_404(selectors.owners_visible_to(request.user), pk=pk)
    form = forms.LinkAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        from stttt.accounts.models import User

        user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        if user is None:
            messages.error(request, _("No active account has this user name."))
        elif _act(request, lambda: services.owner_account_link(owner, actor=request.user, user=user)):
            messages.success(request, _("The account now speaks for %(owner)s.") % {"owner": owner.name})
    return redirect("cyber:owners")


@login_required
@reader_page
def compliance(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    rows = selectors.compliance_board(agency)
    return render(
        request,
        "cyber/compliance.html",
        {
            "rows": rows,
            "chart": charts.bar_chart(
                [(r["owner"].name, r["standing"].rate) for r in rows],
                title=_("Compliance per agency (%)"),
                value_label="%",
                tone="success",
            ),
            "overdue": selectors.overdue_deliveries(agency),
        },
    )


@login_required
@reader_page
def systems(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    owners_qs = selectors.owners_visible_to(request.user)
    form = forms.StaffSystemForm(request.POST or None, owners=owners_qs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        owner = data.pop("owner")
        try:
            item = services.system_save(actor=request.user, owner=owner, **data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:system", pk=item.pk)
    query = request.GET.get("q", "").strip()
    qs = selectors.systems_visible_to(request.user)
    if query:
        qs = search(qs, query)
    status = request.GET.get("status", "")
    if status:
        qs = qs.filter(approval_status=status)
    return render(
        request,
        "cyber/systems.html",
        {"items": selectors.system_rows(list(qs)), "form": form, "q": query, "agency": agency},
    )


@login_required
def system_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.systems_visible_to(request.user), pk=pk)
    which = request.POST.get("form") if request.method == "POST" else None
    edit = forms.SystemForm(request.POST if which == "edit" else None, instance=item, prefix="edit")
    dossier_form = forms.DossierForm(
        request.POST if which == "dossier" else None, initial={"proposed_level": item.implied_level}, prefix="dossier"
    )
    assessment_form = forms.AssessmentForm(request.POST if which == "assessment" else None, prefix="assessment")
    if which == "edit" and edit.is_valid():
        data = {name: edit.cleaned_data[name] for name in services.SYSTEM_FIELDS}
        if _act(request, lambda: services.system_save(actor=request.user, owner=item.owner, system=item, **data)):
            messages.success(request, _("Saved."))
            return redirect("cyber:system", pk=pk)
    if which == "dossier" and dossier_form.is_valid():
        created: list[Any] = []
        if _act(
            request,
            lambda: created.append(services.dossier_submit(item, actor=request.user, **dossier_form.cleaned_data)),
        ):
            return redirect("cyber:dossier", pk=created[0].pk)
    if (
        which == "assessment"
        and assessment_form.is_valid()
        and _act(request, lambda: services.assessment_record(item, actor=request.user, **assessment_form.cleaned_data))
    ):
        messages.success(request, _("The check has been recorded."))
        return redirect("cyber:system", pk=pk)
    selectors.system_rows([item])
    return render(
        request,
        "cyber/system.html",
        {
            "item": item,
            "edit": edit,
            "dossier_form": dossier_form,
            "assessment_form": assessment_form,
            "dossiers": selectors.dossier_rows(list(item.dossiers.select_related("system", "system__owner"))),
            "assessments": list(item.assessments.all()),
            "can_assess": permissions.can_assess(request.user, item.agency_id),
            "period": rules.assessment_months(item.approved_level) if item.approved_level else None,
        },
    )


# --- Dossiers -----------------------------------------------------------------------------------------------


@login_required
@reader_page
def dossiers(request: HttpRequest) -> HttpResponse:
    department(request)
    items = selectors.dossier_rows(list(selectors.dossiers_visible_to(request.user)))
    return render(request, "cyber/dossiers.html", {"items": items})


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.dossiers_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "checklist":
            marks = {
                i.code: (
                    request.POST.get(f"shown-{i.code}", i.shown),
                    request.POST.get(f"note-{i.code}", i.note).strip(),
                )
                for i in item.checklist.all()
            }
            if _act(request, lambda: services.checklist_mark(item, actor=request.user, marks=marks)):
                messages.success(request, _("Saved."))
        elif workflow.DOSSIERS.get(action) is None:
            raise Http404
        else:
            inputs = {
                k: request.POST.get(k, "").strip()
                for k in ("reason", "opinion", "opinion_number", "decision_number", "level")
            }
            if _act(request, lambda: services.dossier_transition(item, action, actor=request.user, **inputs)):
                messages.success(request, _("Done."))
        return redirect("cyber:dossier", pk=pk)
    selectors.dossier_rows([item])
    from stttt.cyber.choices import Shown

    return render(
        request,
        "cyber/dossier.html",
        {
            "item": item,
            "checklist": list(item.checklist.all()),
            "shown_choices": Shown.choices,
            "actions": {t.action: t for t in workflow.actions_for("dossier", request.user, item)},
            "criteria": item.system.criteria,
            "approver": item.approver,
            "requirements_basis": rules.fact("cyber.requirements_cumulative").basis,
            "can_check": "security" in permissions.roles_of_dossier(request.user, item)
            and item.status == "in_appraisal",
        },
    )


@login_required
def dossier_document(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.dossiers_visible_to(request.user), pk=pk)
    build = exports.DOCUMENTS.get(kind)
    if build is None or fmt not in ("docx", "pdf"):
        raise Http404
    if kind == "quyet-dinh" and (item.status != "approved" or item.approver != "department"):
        raise Http404
    if kind == "y-kien-tham-dinh" and item.appraised_on is None:
        raise Http404
    document = build(item)
    if fmt == "pdf":
        return file_response(docs.to_pdf(document), f"{item.reference}-{kind}.pdf", docs.PDF_MIME)
    return file_response(docs.to_docx(document), f"{item.reference}-{kind}.docx", docs.DOCX_MIME)


# --- Incidents ------------------------------------------------------------------------------------------------


@login_required
@reader_page
def incidents(request: HttpRequest) -> HttpResponse:
    department(request)
    owners_qs = selectors.owners_visible_to(request.user)
    form = forms.StaffIncidentForm(
        request.POST or None, owners=owners_qs, systems=selectors.systems_visible_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.incident_report(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:incident", pk=item.pk)
    items = selectors.incident_rows(list(selectors.incidents_visible_to(request.user)))
    return render(request, "cyber/incidents.html", {"items": items, "form": form})


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.incidents_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if workflow.INCIDENTS.get(action) is None:
            raise Http404
        inputs = {k: request.POST.get(k, "").strip() for k in ("severity", "whom", "note", "report")}
        if _act(request, lambda: services.incident_transition(item, action, actor=request.user, **inputs)):
            messages.success(request, _("Done."))
        return redirect("cyber:incident", pk=pk)
    selectors.incident_rows([item])
    return render(
        request,
        "cyber/incident.html",
        {
            "item": item,
            "events": list(item.events.select_related("actor")),
            "systems": list(item.systems.all()),
            "actions": {t.action: t for t in workflow.actions_for("incident", request.user, item)},
            "severities": Severity.choices,
            "serious": rules.is_serious(item.severity),
        },
    )


# --- Warnings -------------------------------------------------------------------------------------------------


@login_required
@reader_page
def warnings(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = forms.WarningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.warning_record(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:warning", pk=item.pk)
    return render(
        request,
        "cyber/warnings.html",
        {
            "items": list(selectors.warnings_visible_to(request.user)),
            "overdue": selectors.overdue_deliveries(agency),
            "form": form,
        },
    )


@login_required
def warning_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.warnings_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if workflow.WARNINGS.get(action) is None:
            raise Http404
        if _act(request, lambda: services.warning_transition(item, action, actor=request.user)):
            messages.success(request, _("Done."))
        return redirect("cyber:warning", pk=pk)
    deliveries = selectors.delivery_rows(list(item.deliveries.select_related("owner")))
    for d in deliveries:
        d.actions = [t.action for t in workflow.actions_for("delivery", request.user, d)]  # type: ignore[attr-defined]
    return render(
        request,
        "cyber/warning.html",
        {
            "item": item,
            "deliveries": deliveries,
            "actions": {t.action: t for t in workflow.actions_for("warning", request.user, item)},
            "preview": services.affected_owners(item) if item.status == "received" else {},
        },
    )


@login_required
def delivery_act(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.deliveries_visible_to(request.user), pk=pk)
    if request.method != "POST":
        return redirect("cyber:warning", pk=item.warning_id)
    action = request.POST.get("action", "")
    if workflow.DELIVERIES.get(action) is None:
        raise Http404
    if _act(
        request,
        lambda: services.delivery_transition(item, action, actor=request.user, note=request.POST.get("note", "")),
    ):
        messages.success(request, _("Done."))
    return redirect("cyber:warning", pk=item.warning_id)


# --- Reports of illegal content ---------------------------------------------------------------------------------


@login_required
@reader_page
def contents(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = forms.ContentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.content_record(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("cyber:content", pk=item.pk)
    return render(
        request, "cyber/contents.html", {"items": list(selectors.content_visible_to(request.user)), "form": form}
    )


@login_required
def content_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.content_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if workflow.CONTENT.get(action) is None:
            raise Http404
        inputs = {k: request.POST.get(k, "").strip() for k in ("assessment", "referred_to", "outcome")}
        if _act(request, lambda: services.content_transition(item, action, actor=request.user, **inputs)):
            messages.success(request, _("Done."))
        return redirect("cyber:content", pk=pk)
    return render(
        request,
        "cyber/content.html",
        {"item": item, "actions": {t.action: t for t in workflow.actions_for("content", request.user, item)}},
    )
