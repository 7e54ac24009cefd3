"""Pages of the digital app; they call selectors and services and hold no rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.calendar import calendar
from stttt.core.http import file_response, form_errors
from stttt.core.pagecache import reader_page
from stttt.digital import charts, exports, forms, selectors, services, workflow
from stttt.digital.models import Submission
from stttt.org.powers import is_department_staff
from stttt.org.selectors import served_agency

PAGE_SIZE = 25


def _department(request: HttpRequest) -> Any:
    """Staff pages: people holding a post in an agency (their agency's records are shown)."""
    if not is_department_staff(request.user):
        raise PermissionDenied
    agency = selectors.working_agency(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or selectors.today().year)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _refusal(exc: ValidationError | PermissionDenied) -> str:
    return " ".join(str(m) for m in exc.messages) if isinstance(exc, ValidationError) else str(exc)


def _page(request: HttpRequest, queryset: Any) -> Any:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Dashboard ------------------------------------------------------------------------------------------


def _create(request: HttpRequest, form: Any, save: Callable[..., Any], title: str) -> HttpResponse:
    """A new record from its form: the service decides, its refusal shows on the form, the record's page follows."""
    if request.method == "POST" and form.is_valid():
        try:
            item = save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            return redirect(item.get_absolute_url())
    return render(request, "digital/form.html", {"form": form, "title": title})


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    """Leaders compare: the DTI by pillar against the previous year, completion of the latest collection by
    reporting entity, online-service shares per month; then what is due."""
    agency = _department(request)
    year = _year(request)
    comparison = selectors.dti_comparison(agency, year)
    collection = selectors.collections_visible_to(request.user).first()
    board = selectors.collection_board(collection) if collection else None
    online = selectors.online_services(agency, year)
    cal = calendar()
    context = {
        "year": year,
        "comparison": comparison,
        "board": board,
        "online": online,
        "dti_chart": charts.dti_pillars(comparison, year),
        "completion_chart": charts.completion(board) if board else "",
        "online_chart": charts.online_months(online),
        "appraisals": [
            (a, selectors.appraisal_state(a, cal=cal))
            for a in selectors.appraisals_visible_to(request.user).filter(status__in=("received", "consulting"))[:10]
        ],
        "sharing": [
            (r, selectors.sharing_state(r, cal=cal))
            for r in selectors.sharing_visible_to(request.user).filter(status="received")[:10]
        ],
        "expiring": selectors.expiring_certificates(agency),
    }
    return render(request, "digital/index.html", context)


# --- Programme ------------------------------------------------------------------------------------------


@login_required
@reader_page
def programme_list(request: HttpRequest) -> HttpResponse:
    _department(request)
    page = _page(request, selectors.programmes_visible_to(request.user))
    return render(request, "digital/programme_list.html", {"page": page, "rows": page.object_list})


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _department(request)
    item = get_object_or_404(selectors.programmes_visible_to(request.user), pk=pk)
    values = selectors.province_values(agency, item.year)
    targets = [
        {"target": t, "value": values.get(t.indicator.code) if t.indicator else None}
        for t in item.targets.select_related("indicator")
    ]
    tasks = [
        {"task": t, "actions": workflow.actions_for("programme_task", request.user, t)}
        for t in item.tasks.select_related("target", "work_task", "programme")
    ]
    return render(request, "digital/programme_detail.html", {"item": item, "targets": targets, "tasks": tasks})


@login_required
@require_POST
def programme_task_step(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    from stttt.digital.models import ProgrammeTask

    task = get_object_or_404(
        ProgrammeTask.objects.filter(programme__in=selectors.programmes_visible_to(request.user)), pk=pk
    )
    try:
        services.programme_task_close(
            task,
            actor=request.user,
            result=request.POST.get("result", ""),
            cancel=request.POST.get("action") == "cancel",
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("The task has been updated."))
    return redirect("digital:programme", pk=task.programme_id)


@login_required
@reader_page
def indicator_list(request: HttpRequest) -> HttpResponse:
    _department(request)
    rows = selectors.indicators_visible_to(request.user)
    return render(request, "digital/indicator_list.html", {"rows": rows})


# --- Collections and submissions -------------------------------------------------------------------------


@login_required
@reader_page
def collection_list(request: HttpRequest) -> HttpResponse:
    _department(request)
    page = _page(request, selectors.collections_visible_to(request.user))
    boards = [selectors.collection_board(c) for c in page.object_list]
    return render(request, "digital/collection_list.html", {"page": page, "boards": boards})


@login_required
def collection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.collections_visible_to(request.user), pk=pk)
    board = selectors.collection_board(item)
    return render(request, "digital/collection_detail.html", {"board": board, "chart": charts.completion(board)})


@login_required
def collection_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.collections_visible_to(request.user), pk=pk)
    return file_response(
        exports.collection_xlsx(selectors.collection_board(item)),
        f"chi-so-chuyen-doi-so-{item.year}-{item.pk}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
@require_POST
def collection_remind(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.collections_visible_to(request.user), pk=pk)
    count = services.collection_remind(item, actor=request.user)
    messages.success(request, _("Reminder recorded for %(count)s reporting entities.") % {"count": count})
    return redirect("digital:collection", pk=pk)


@login_required
def my_submissions(request: HttpRequest) -> HttpResponse:
    """A district officer's own submissions (staff see the collections instead)."""
    rows = selectors.submissions_visible_to(request.user).order_by("-collection__deadline")
    if is_department_staff(request.user):
        return redirect("digital:collections")
    return render(request, "digital/my_submissions.html", {"rows": rows})


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        sub = selectors.submissions_visible_to(request.user).get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404 from None
    from stttt.digital import rules

    defs = selectors.indicator_defs(sub.collection, sub.entity.kind)
    specs = rules.field_specs(defs)
    typed = dict(sub.raw)
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    note = sub.note
    if request.method == "POST":
        typed = {s.code: request.POST.get(f"value-{s.code}", "") for s in specs}
        note = request.POST.get("note", "")
        submit = request.POST.get("action") == "submit"
        try:
            services.submission_save(sub, actor=request.user, raw=typed, note=note, submit=submit)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
            else:
                general = [str(m) for m in exc.messages]
        except PermissionDenied as exc:
            general = [str(exc)]
        else:
            messages.success(request, _("Your figures have been submitted.") if submit else _("Draft saved."))
            return redirect("digital:submission", pk=pk)
    actions = {t.action for t in workflow.actions_for("submission", request.user, sub)}
    fields = [{"spec": s, "value": typed.get(s.code, ""), "errors": errors.get(s.code, [])} for s in specs]
    return render(
        request,
        "digital/submission.html",
        {
            "sub": sub,
            "fields": fields,
            "general": general,
            "note": note,
            "editable": "submit" in actions,
            "actions": actions,
            "staff": is_department_staff(request.user),
        },
        status=400 if errors or general else 200,
    )


@login_required
@require_POST
def submission_return(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_object_or_404(selectors.submissions_visible_to(request.user), pk=pk)
    try:
        services.submission_return(sub, actor=request.user, reason=request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("The figures have been returned for correction."))
    return redirect("digital:submission", pk=pk)


# --- DTI and online services ----------------------------------------------------------------------------


@login_required
@reader_page
def dti(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    year = _year(request)
    comparison = selectors.dti_comparison(agency, year)
    return render(
        request,
        "digital/dti.html",
        {
            "year": year,
            "comparison": comparison,
            "chart": charts.dti_pillars(comparison, year),
            "points_chart": charts.dti_points(comparison, year),
        },
    )


@login_required
@reader_page
def online_services(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    year = _year(request)
    online = selectors.online_services(agency, year)
    return render(
        request, "digital/online.html", {"year": year, "online": online, "chart": charts.online_months(online)}
    )


# --- Data catalogue and sharing ---------------------------------------------------------------------------


@login_required
@reader_page
def dataset_list(request: HttpRequest) -> HttpResponse:
    _department(request)
    from stttt.core.search import search

    query = request.GET.get("q", "")
    rows = selectors.datasets_visible_to(request.user)
    if query:
        rows = search(rows, query)
    page = _page(request, rows)
    return render(request, "digital/dataset_list.html", {"page": page, "rows": page.object_list, "q": query})


@login_required
def dataset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.datasets_visible_to(request.user), pk=pk)
    return render(request, "digital/dataset_detail.html", {"item": item, "requests": item.requests.all()})


@login_required
def dataset_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    return _create(request, forms.DatasetForm(request.POST or None), services.dataset_save, _("New dataset"))


def open_data(request: HttpRequest) -> JsonResponse:
    """The agency's open datasets as a DCAT-AP style JSON-LD catalogue (public; Decree 47/2020 Ch. IV)."""
    agency = served_agency(request)
    if agency is None:
        raise Http404
    return JsonResponse(
        selectors.dcat_catalogue(agency, request.build_absolute_uri("/")[:-1]),
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
@reader_page
def sharing_list(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    page = _page(request, selectors.sharing_visible_to(request.user))
    cal = calendar()
    rows = [(r, selectors.sharing_state(r, cal=cal)) for r in page.object_list]
    report = selectors.sharing_report(agency, _year(request))
    return render(request, "digital/sharing_list.html", {"page": page, "rows": rows, "report": report})


@login_required
def sharing_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    return _create(
        request,
        forms.SharingRequestForm(request.POST or None, datasets=selectors.datasets_visible_to(request.user)),
        services.sharing_request_create,
        _("New data-sharing request"),
    )


@login_required
def sharing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.sharing_visible_to(request.user), pk=pk)
    if request.method == "POST":
        try:
            services.sharing_decide(
                item,
                actor=request.user,
                action=request.POST.get("action", ""),
                reasons=request.POST.get("reasons", ""),
                terms=request.POST.get("terms", ""),
                method=request.POST.get("method", ""),
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _refusal(exc))
        else:
            messages.success(request, _("The decision has been recorded."))
        return redirect("digital:sharing", pk=pk)
    return render(
        request,
        "digital/sharing_detail.html",
        {
            "item": item,
            "state": selectors.sharing_state(item),
            "actions": workflow.actions_for("sharing", request.user, item),
        },
    )


# --- Appraisals ----------------------------------------------------------------------------------------


@login_required
@reader_page
def appraisal_list(request: HttpRequest) -> HttpResponse:
    _department(request)
    page = _page(request, selectors.appraisals_visible_to(request.user))
    cal = calendar()
    rows = [(a, selectors.appraisal_state(a, cal=cal)) for a in page.object_list]
    return render(request, "digital/appraisal_list.html", {"page": page, "rows": rows})


@login_required
def appraisal_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    return _create(
        request, forms.AppraisalForm(request.POST or None), services.appraisal_create, _("New appraisal dossier")
    )


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(".", "").replace(",", ".")) if text.strip() else None
    except InvalidOperation:
        raise ValidationError({"approved_total": _("Not a number.")}) from None


@login_required
def appraisal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.appraisals_visible_to(request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "consult":
                services.appraisal_consult(item, actor=request.user, body=request.POST.get("body", ""))
            elif action == "appraise":
                services.appraisal_appraise(
                    item,
                    actor=request.user,
                    opinion=request.POST.get("opinion", ""),
                    outcome=request.POST.get("outcome", ""),
                    opinion_number=request.POST.get("opinion_number", ""),
                    approved_total=_decimal(request.POST.get("approved_total", "")),
                )
            elif action == "return":
                services.appraisal_return(item, actor=request.user, reason=request.POST.get("reason", ""))
            else:
                raise ValidationError(_("Unknown action."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _refusal(exc))
        else:
            messages.success(request, _("The appraisal has been updated."))
        return redirect("digital:appraisal", pk=pk)
    from stttt.digital.choices import Outcome

    return render(
        request,
        "digital/appraisal_detail.html",
        {
            "item": item,
            "state": selectors.appraisal_state(item),
            "consultations": item.consultations.all(),
            "actions": {t.action for t in workflow.actions_for("appraisal", request.user, item)},
            "outcomes": Outcome.choices,
        },
    )


@login_required
def appraisal_opinion(request: HttpRequest, pk: int) -> HttpResponse:
    """The Department's appraisal opinion as a DOCX document."""
    _department(request)
    item = get_object_or_404(selectors.appraisals_visible_to(request.user), pk=pk)
    if not item.opinion:
        raise Http404
    return file_response(
        exports.appraisal_docx(item),
        f"y-kien-tham-dinh-{item.pk}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


# --- Enterprises ----------------------------------------------------------------------------------------


@login_required
@reader_page
def enterprise_list(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    from stttt.core.search import search

    query = request.GET.get("q", "")
    rows = selectors.enterprises_visible_to(request.user)
    if query:
        rows = search(rows, query)
    page = _page(request, rows)
    return render(
        request,
        "digital/enterprise_list.html",
        {"page": page, "rows": page.object_list, "q": query, "years": selectors.industry_by_year(agency)},
    )


@login_required
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.enterprises_visible_to(request.user), pk=pk)
    return render(request, "digital/enterprise_detail.html", {"item": item, "years": item.years.all()})


@login_required
def enterprise_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    return _create(
        request, forms.EnterpriseForm(request.POST or None), services.enterprise_save, _("New IT enterprise")
    )


@login_required
def enterprise_xlsx(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    return file_response(
        exports.enterprises_xlsx(selectors.it_enterprises(agency)),
        "doanh-nghiep-cntt.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
def enterprise_import(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    result = None
    if request.method == "POST" and request.FILES.get("file"):
        from stttt.core import uploads

        upload: Any = request.FILES["file"]
        content = upload.read()
        problem = uploads.check(upload.name, content)
        if problem is None and not upload.name.lower().endswith(".xlsx"):
            problem = _("Send an XLSX file.")
        if problem:
            messages.error(request, problem)
        else:
            result = exports.enterprises_import(content, actor=request.user, agency=agency)
    return render(request, "digital/enterprise_import.html", {"result": result})


# --- Signatures ----------------------------------------------------------------------------------------


@login_required
@reader_page
def signature_list(request: HttpRequest) -> HttpResponse:
    agency = _department(request)
    page = _page(request, selectors.signatures_visible_to(request.user))
    expiring = {s.pk for s in selectors.expiring_certificates(agency)}
    return render(
        request, "digital/signature_list.html", {"page": page, "rows": page.object_list, "expiring": expiring}
    )


@login_required
def signature_create(request: HttpRequest) -> HttpResponse:
    _department(request)
    return _create(
        request,
        forms.SignatureRequestForm(request.POST or None),
        services.signature_request_create,
        _("New digital-signature request"),
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise ValidationError({"expires_on": _("Not a date.")}) from None


@login_required
def signature_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department(request)
    item = get_object_or_404(selectors.signatures_visible_to(request.user), pk=pk)
    if request.method == "POST":
        try:
            services.signature_step(
                item,
                actor=request.user,
                action=request.POST.get("action", ""),
                number=request.POST.get("number", ""),
                reasons=request.POST.get("reasons", ""),
                serial=request.POST.get("serial", ""),
                expires_on=_date(request.POST.get("expires_on", "")),
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _refusal(exc))
        else:
            messages.success(request, _("The request has been updated."))
        return redirect("digital:signature", pk=pk)
    return render(
        request,
        "digital/signature_detail.html",
        {"item": item, "actions": {t.action for t in workflow.actions_for("signature", request.user, item)}},
    )
