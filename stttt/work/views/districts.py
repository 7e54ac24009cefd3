"""Reports from the districts (6.6): requests, the board, each district's report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.http import file_response, form_errors
from stttt.core.pagecache import reader_page
from stttt.work import exports, rules, selectors, services, workflow
from stttt.work.forms import (
    DistrictRequestForm,
)
from stttt.work.models import DistrictReport
from stttt.work.views import charts
from stttt.work.views.common import department, errors_of

PAGE_SIZE = 25


@login_required
@reader_page
def district_requests(request: HttpRequest) -> HttpResponse:
    district = selectors.district_of(request.user)
    if district is None:
        department(request)
    page = Paginator(selectors.district_requests_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    own = {}
    if district is not None:
        reports = selectors.district_reports_visible_to(request.user).filter(request__in=items)
        own = {r.request_id: r for r in reports}
    boards = selectors.district_progress(items) if district is None else {}
    rows = [{"request": r, "report": own.get(r.pk), "board": boards.get(r.pk)} for r in items]
    chart = charts.submissions([r["board"] for r in rows if isinstance(r["board"], dict)]) if district is None else ""
    return render(
        request, "work/district_requests.html", {"rows": rows, "district": district, "chart": chart, "page": page}
    )


@login_required
def district_request_create(request: HttpRequest) -> HttpResponse:
    department(request)
    form = DistrictRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.district_request_create(
                actor=request.user,
                title=data["title"],
                number=data["number"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                deadline=data["deadline"],
                instructions=data["instructions"],
                indicators=data["indicators"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The request has been sent to every district office."))
            return redirect("work:district_request", pk=item.pk)
    return render(request, "work/form.html", {"form": form, "title": _("New request to the districts")})


@login_required
def district_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.district_requests_visible_to(request.user), pk=pk)
    district = selectors.district_of(request.user)
    if district is not None:
        report = get_object_or_404(selectors.district_reports_visible_to(request.user), request=item)
        return redirect("work:district_report", pk=report.pk)
    board = selectors.district_board(item)
    return render(request, "work/district_request.html", {"board": board, "charts": charts.district_indicators(board)})


@login_required
def district_request_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.district_requests_visible_to(request.user), pk=pk)
    return file_response(
        exports.district_xlsx(item),
        f"bao-cao-huyen-{item.pk}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
@require_POST
def district_remind(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    item = get_object_or_404(selectors.district_requests_visible_to(request.user), pk=pk)
    count = services.district_remind(item, actor=request.user)
    messages.success(request, _("Reminder recorded for %(count)s district offices.") % {"count": count})
    return redirect("work:district_request", pk=pk)


@login_required
def district_report(request: HttpRequest, pk: int) -> HttpResponse:
    """A district officer fills in their district's report; the Department sees it and may return it."""
    try:
        report = selectors.district_reports_visible_to(request.user).get(pk=pk)
    except DistrictReport.DoesNotExist:
        raise Http404 from None
    indicators = list(report.request.indicators.all())
    is_officer = selectors.district_of(request.user) is not None
    typed = dict(report.raw)
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    note = report.note
    if request.method == "POST":
        if not is_officer:
            raise PermissionDenied
        typed = {i.code: request.POST.get(f"value-{i.code}", "") for i in indicators}
        note = request.POST.get("note", "")
        submit = request.POST.get("action") == "submit"
        try:
            services.district_report_save(report, actor=request.user, raw=typed, note=note, submit=submit)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
            else:
                general = errors_of(exc)
        except PermissionDenied as exc:
            general = [str(exc)]
        else:
            messages.success(request, _("Your report has been submitted.") if submit else _("Draft saved."))
            return redirect("work:district_report", pk=pk)
    fields = [{"indicator": i, "value": typed.get(i.code, ""), "errors": errors.get(i.code, [])} for i in indicators]
    status = 400 if errors or general else 200
    actions = {t.action for t in workflow.actions_for("district_report", request.user, report)}
    return render(
        request,
        "work/district_report.html",
        {
            "report": report,
            "fields": fields,
            "general": general,
            "note": note,
            "is_officer": is_officer,
            "editable": "submit" in actions,
            "actions": actions,
            "late": rules.is_late(
                report.request.deadline,
                None if report.status != "submitted" else (report.submitted_at.date() if report.submitted_at else None),
                selectors.today(),
            ),
        },
        status=status,
    )


@login_required
@require_POST
def district_report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.district_reports_visible_to(request.user), pk=pk)
    try:
        services.district_report_return(report, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(errors_of(exc)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The report has been returned for correction."))
    return redirect("work:district_report", pk=pk)
