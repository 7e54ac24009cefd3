"""Pages of the procedures app: desk, officers, leaders and applicants. No rules here: services decide."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.documents import DOCX_MIME, PDF_MIME, to_docx, to_pdf
from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.core.spreadsheets import XLSX_MIME
from stttt.org import powers
from stttt.org.selectors import served_agency
from stttt.procedures import charts, exports, filing, permissions, selectors, services, slips, versions
from stttt.procedures.choices import Status
from stttt.procedures.forms import (
    ActionForm,
    DeskReceiveForm,
    DossierFilterForm,
    GuidanceForm,
    MonthForm,
    UploadForm,
)
from stttt.procedures.models import Dossier, DossierFile
from stttt.procedures.views_versions import VersionImportForm, VersionPublishForm
from stttt.procedures.workflow import ROLE_LABELS, TRANSITIONS

ACTION_LABELS = {key: t.label for key, t in TRANSITIONS.items()}


def _dossier(request: HttpRequest, pk: int) -> Dossier:
    try:
        return selectors.dossier_get(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    """Staff see their inboxes; applicants see their dossiers."""
    staff = permissions.is_staff_member(request.user)
    boxes = selectors.inbox_summary(request.user) if staff else []
    labels = {
        "to_receive": _("To receive"),
        "to_transfer": _("To transfer to the division"),
        "to_assign": _("To assign"),
        "assigned": _("Assigned to me"),
        "to_approve": _("To approve"),
        "to_return": _("Results to return"),
        "due_soon": _("Due within 2 working days"),
        "overdue": _("Overdue"),
    }
    mine = Dossier.objects.filter(submitted_by=request.user.pk).select_related("procedure")[:50]
    is_desk = permissions.is_desk(request.user, powers.agency_of(request.user))
    return render(
        request,
        "procedures/index.html",
        {
            "staff": staff,
            "boxes": [{**box, "label": labels[box["key"]]} for box in boxes],
            "mine": mine,
            "is_desk": is_desk,
        },
    )


def _catalogue(request: HttpRequest):
    return selectors.procedures_active(selectors.catalogue_agency(request.user, served_agency(request)))


@login_required
@reader_page
def catalog(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    procedures = _catalogue(request)
    return render(
        request,
        "procedures/catalog.html",
        {"procedures": search(procedures, query) if query else procedures, "q": query},
    )


@login_required
def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(_catalogue(request), code=code)
    found = list(versions.versions_of(procedure))
    current = versions.version_in_force(procedure)
    changes = []  # what the newest version changes against the one in force (a draft, or one to come)
    if found and current is not None and found[-1] != current:
        changes = versions.diff_lines(versions.facts_of(current), versions.facts_of(found[-1]))
    draft = next((v for v in found if not v.published), None)
    context = {
        "procedure": procedure,
        "versions": found,
        "current": current,
        "changes": changes,
        "components": versions.components_of(current or procedure),
        "draft": draft,
        "may_draft": permissions.may_draft_versions(request.user, procedure),
        "may_publish": draft is not None and permissions.may_publish_versions(request.user, procedure),
        "import_form": VersionImportForm(),
        "publish_form": VersionPublishForm(initial={"valid_from": draft.valid_from if draft else None}),
    }
    return render(request, "procedures/procedure.html", context)


@login_required
def submit(request: HttpRequest, code: str) -> HttpResponse:
    """Applicants file online on the public portal (one filing page for everyone)."""
    procedure = get_object_or_404(_catalogue(request), code=code)
    return redirect("portal:submit", code=procedure.code)


def _desk_agency(request: HttpRequest):
    agency = powers.agency_of(request.user)
    if not permissions.is_desk(request.user, agency):
        raise PermissionDenied
    return agency


@login_required
def desk_receive(request: HttpRequest) -> HttpResponse:
    """The one-stop desk receives a complete paper dossier and prints the receipt: first the procedure, then
    the applicant and, for each component, the scan or a tick that the paper original was seen."""
    agency = _desk_agency(request)
    chosen = (request.POST if request.method == "POST" else request.GET).get("procedure")
    form = DeskReceiveForm(
        request.POST or None, request.FILES or None, procedures=selectors.procedures_active(agency), chosen=chosen
    )
    if request.method == "POST" and form.is_valid() and form.chosen is not None:
        try:
            dossier, _created = services.dossier_file(
                form.chosen,
                actor=request.user,
                channel=form.cleaned_data["channel"],
                data=form.cleaned_data,
                uploads=form.uploads(),
                paper=form.paper(),
                particulars=form.particulars(),
                idempotency_key=form.cleaned_data.get("idempotency_key"),
            )
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("Dossier %(code)s received.") % {"code": dossier.code})
            return redirect("procedures:dossier", pk=dossier.pk)
    return render(request, "procedures/desk.html", {"form": form})


@login_required
def desk_guidance(request: HttpRequest) -> HttpResponse:
    """An incomplete paper dossier is guided, not received: print the list of what is missing (form 02)."""
    agency = _desk_agency(request)
    form = GuidanceForm(request.POST or None, procedures=selectors.procedures_active(agency))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = slips.guidance(data["procedure"], data["applicant_name"], data["missing"])
        return _document_response(document, "huong-dan-bo-sung", data["format"])
    return render(request, "procedures/guidance.html", {"form": form})


LIST_PAGE_SIZE = 50


@login_required
@reader_page
def dossier_list(request: HttpRequest) -> HttpResponse:
    """Every dossier the user may see, a page at a time (never a silent cap), searched, filtered and sorted."""
    qs = selectors.dossiers_visible_to(request.user)
    form = DossierFilterForm(
        request.GET or None,
        procedures=_catalogue(request),
        units=selectors.list_units(request.user),
        statuses=Status.choices,
    )
    data = form.cleaned_data if form.is_valid() else {}
    query = data.get("q") or ""
    if query:
        qs = selectors.dossiers_matching(qs, query)
    if data.get("status"):
        qs = qs.filter(status=data["status"])
    qs = selectors.dossiers_filtered(
        qs,
        procedure=data.get("procedure"),
        unit=data.get("unit") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        deadline=data.get("deadline") or "",
        sort=data.get("sort") or "",
    )
    page = Paginator(selectors.dossier_rows(qs), LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    states = selectors.deadline_states(list(page.object_list))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "procedures/dossiers.html",
        {
            "form": form,
            "page": page,
            "rows": [(d, states[d.pk]) for d in page.object_list],
            "params": params.urlencode(),
        },
    )


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _dossier(request, pk)
    actions = selectors.actions_for(request.user, dossier)
    officers = selectors.officers_of(permissions.handled_by(dossier))
    forms_ = [
        (
            t,
            ActionForm(
                initial={"action": t.action, "version": dossier.version}, officers=officers, auto_id=f"id_{t.action}_%s"
            ),
        )
        for t in actions
    ]
    roles = permissions.roles_of(request.user, dossier)
    return render(
        request,
        "procedures/dossier.html",
        {
            "dossier": dossier,
            "action_forms": forms_,
            "steps": [(s, ACTION_LABELS.get(s.action, s.action)) for s in dossier.steps.select_related("actor")],
            "files": dossier.files.all(),
            "upload_form": UploadForm(dossier=dossier) if roles else None,
            "slips": [(key, slips.SLIPS[key][0], slips.SLIPS[key][2]) for key in slips.slips_for(dossier)],
            "deadline": selectors.deadline_state(dossier),
            "remaining": selectors.remaining_working_days(dossier),
            "roles": [ROLE_LABELS[r] for r in sorted(roles)],
            "particulars": filing.display(dossier),
            "due_explanation": selectors.due_date_explanation(dossier),
        },
    )


@login_required
@require_POST
def dossier_action(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _dossier(request, pk)
    officers = selectors.officers_of(permissions.handled_by(dossier))
    form = ActionForm(request.POST, officers=officers)
    if not form.is_valid():
        messages.error(request, _("The form is not valid: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect("procedures:dossier", pk=pk)
    data = form.cleaned_data
    assignee = get_user_model().objects.filter(pk=data["assignee"]).first() if data.get("assignee") else None
    try:
        services.dossier_transition(
            dossier.pk,
            data["action"],
            actor=request.user,
            expected_version=data["version"],
            reasons=data.get("reasons") or "",
            assignee=assignee,
            new_due=data.get("new_due"),
            result_number=data.get("result_number") or "",
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("You may not take this action on this dossier."))
    except ValidationError as exc:
        for message in _errors(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Done."))
    return redirect("procedures:dossier", pk=pk)


@login_required
@require_POST
def dossier_upload(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _dossier(request, pk)
    form = UploadForm(request.POST, request.FILES, dossier=dossier)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.dossier_file_add(
                dossier,
                actor=request.user,
                name=upload.name,
                content=upload.read(),
                component=form.cleaned_data.get("component"),
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for message in _errors(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("The document was attached."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("procedures:dossier", pk=pk)


@login_required
def file_download(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    """Always a download (never rendered inline), with the stored checksum in a header."""
    dossier = _dossier(request, pk)
    record = get_object_or_404(DossierFile, pk=file_id, dossier=dossier)
    response = FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        filename=record.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Digest"] = f"sha-256={record.sha256}"
    return response


def _document_response(document, filename: str, fmt: str) -> HttpResponse:
    if fmt == "docx":
        data, mime = to_docx(document), DOCX_MIME
    elif fmt == "pdf":
        data, mime = to_pdf(document), PDF_MIME
    else:
        raise Http404
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def slip_download(request: HttpRequest, pk: int, slip: str, fmt: str) -> HttpResponse:
    dossier = _dossier(request, pk)
    if slip not in slips.slips_for(dossier):
        raise Http404
    return _document_response(slips.SLIPS[slip][1](dossier), f"{slip}-{dossier.code}", fmt)


def _month(request: HttpRequest) -> tuple[str, str, MonthForm]:
    form = MonthForm(request.GET or None)
    month = timezone.localdate().strftime("%Y-%m")
    by = "procedure"
    if form.is_valid():
        month = form.cleaned_data.get("month") or month
        by = form.cleaned_data.get("by") or by
    return month, by, form


def _require_staff(request: HttpRequest) -> None:
    if not permissions.can_see_statistics(request.user):
        raise PermissionDenied


@login_required
def logbook(request: HttpRequest, fmt: str) -> HttpResponse:
    _require_staff(request)
    month, _by, _form = _month(request)
    first, last = selectors.month_bounds(month)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last, dt.time.max))
    dossiers = (
        selectors.dossiers_of_agency(request.user).filter(received_at__range=(start, end)).order_by("received_at")
    )
    agency = powers.agency_of(request.user) or served_agency(request)
    return _document_response(slips.logbook(dossiers, first, last, agency=agency), f"so-theo-doi-{month}", fmt)


@login_required
@reader_page
def statistics(request: HttpRequest) -> HttpResponse:
    """Leadership dashboard: per procedure or division for a month, with bars and an XLSX export."""
    _require_staff(request)
    month, by, form = _month(request)
    rows = selectors.statistics(month, by=by, user=request.user)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(exports.statistics_xlsx(month, rows), content_type=XLSX_MIME)
        response["Content-Disposition"] = f'attachment; filename="thong-ke-{month}.xlsx"'
        return response
    peak = max([r["received"] + r["in_progress_on_time"] + r["in_progress_overdue"] for r in rows] + [1])
    for row in rows:
        for key in ("resolved_on_time", "resolved_late", "in_progress_on_time", "in_progress_overdue"):
            row[f"{key}_pct"] = round(100 * row[key] / peak)
    totals = {
        k: sum(r[k] for r in rows)
        for k in (
            "received",
            "resolved_on_time",
            "resolved_late",
            "in_progress_on_time",
            "in_progress_overdue",
            "withdrawn",
        )
    }
    return render(
        request,
        "procedures/statistics.html",
        {"rows": rows, "month": month, "by": by, "form": form, "totals": totals, "chart": charts.statistics(rows)},
    )
