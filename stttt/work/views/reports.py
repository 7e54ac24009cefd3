"""Reports upward (3.29, 6.1, 6.3): list, edit, workflow steps, files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.http import file_response
from stttt.core.pagecache import reader_page
from stttt.core.spreadsheets import XLSX_MIME
from stttt.work import exports, selectors, services, workflow
from stttt.work.forms import (
    ReportCreateForm,
)
from stttt.work.models import Report
from stttt.work.views.common import department, errors_of, refusal

PAGE_SIZE = 25


@login_required
@reader_page
def reports(request: HttpRequest) -> HttpResponse:
    department(request)
    form = ReportCreateForm(request.POST or None, report_types=selectors.report_types(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                form.cleaned_data["report_type"],
                actor=request.user,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, refusal(exc))
        else:
            return redirect("work:report", pk=report.pk)
    # A page at a time: a Department sends dozens of periodic reports a year (issue 13).
    reports = selectors.reports_visible_to(request.user).order_by("-period_start", "report_type", "pk")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    for report in items:
        report.late = selectors.report_is_late(report)  # type: ignore[attr-defined]
    return render(
        request,
        "work/reports.html",
        {"reports": items, "page": page, "types": selectors.report_types(request.user), "form": form},
    )


def _report(request: HttpRequest, pk: int) -> Report:
    try:
        return selectors.reports_visible_to(request.user).get(pk=pk)
    except Report.DoesNotExist:
        raise Http404 from None


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    from stttt.work import indicators

    if request.method == "POST":
        narrative = {s: request.POST.get(f"section-{i}", "") for i, s in enumerate(report.report_type.sections)}
        typed = {code: request.POST.get(f"value-{code}", "") for code in report.values}
        try:
            services.report_save(
                report,
                actor=request.user,
                narrative=narrative,
                values=typed,
                number=request.POST.get("number", report.number),
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("work:report", pk=pk)
    sections = [(i, s, report.narrative.get(s, "")) for i, s in enumerate(report.report_type.sections)]
    values = [(code, indicators.label_of(code), value) for code, value in report.values.items()]
    actions = {t.action for t in workflow.actions_for("report", request.user, report)}
    return render(
        request,
        "work/report.html",
        {
            "report": report,
            "sections": sections,
            "values": values,
            "late": selectors.report_is_late(report),
            "approvers": selectors.report_approvers(report),
            "editable": "edit" in actions,
            "actions": actions,
        },
    )


@login_required
@require_POST
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _report(request, pk)
    calls = {
        "submit": lambda: services.report_submit(report, actor=request.user),
        "approve": lambda: services.report_approve(report, actor=request.user),
        "reject": lambda: services.report_approve(report, actor=request.user, approve=False),
        "send": lambda: services.report_mark_sent(report, actor=request.user, number=request.POST.get("number", "")),
        "refresh": lambda: services.report_refresh(report, actor=request.user),
    }
    if action not in calls:
        raise Http404
    try:
        calls[action]()
    except ValidationError as exc:
        messages.error(request, " ".join(errors_of(exc)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("work:report", pk=pk)


@login_required
def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    if fmt not in ("docx", "pdf", "xlsx"):
        raise Http404
    if fmt == "xlsx":
        data, mime = exports.report_xlsx(report), XLSX_MIME
    else:
        data, mime = exports.render(exports.report_document(report), fmt)
    return file_response(data, f"bao-cao-{report.report_type.code}-{report.period_start:%Y-%m}.{fmt}", mime)
