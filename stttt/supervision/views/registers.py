"""Dashboard, the register of supervised organisations and their periodic reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stttt.core import charts
from stttt.core.http import form_errors
from stttt.core.pagecache import reader_page
from stttt.supervision import permissions, rules, selectors, services
from stttt.supervision.choices import OperatorStatus, Sector
from stttt.supervision.forms import HoldingForm, OperatorForm, ScheduleForm
from stttt.supervision.views.common import actions, department, record_or_404, refusal, take_step


def _state_labels() -> dict[str, str]:
    return {
        rules.AWAITED: _("Awaited"),
        rules.ON_TIME: _("Received on time"),
        rules.LATE: _("Received late"),
        rules.OVERDUE: _("Overdue"),
    }


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    per_operator = selectors.sites_per_operator(agency)
    reporting = selectors.reporting_by_kind(agency)
    per_month = selectors.cases_per_month(agency)
    labels = _state_labels()
    context = {
        "figures": selectors.home_figures(agency),
        "sites": selectors.site_summary(agency),
        "per_operator": per_operator,
        "per_district": selectors.sites_per_district(agency),
        "reporting": reporting,
        "per_month": per_month,
        "chart_sites": charts.stacked_bar_chart(
            [name for name, _o, _s in per_operator],
            [
                charts.Series(_("Sites owned"), [o for _n, o, _s in per_operator], "primary"),
                charts.Series(_("Sites used on another's tower"), [s for _n, _o, s in per_operator], "warning"),
            ],
            title=_("BTS sites per operator"),
            value_label=_("sites"),
        )
        if per_operator
        else "",
        "chart_reports": charts.stacked_bar_chart(
            [row["kind"].name for row in reporting],
            [
                charts.Series(labels[rules.ON_TIME], [row[rules.ON_TIME] for row in reporting], "success"),
                charts.Series(labels[rules.LATE], [row[rules.LATE] for row in reporting], "warning"),
                charts.Series(labels[rules.OVERDUE], [row[rules.OVERDUE] for row in reporting], "danger"),
                charts.Series(labels[rules.AWAITED], [row[rules.AWAITED] for row in reporting], "muted"),
            ],
            title=_("Organisations' reports by deadline"),
            value_label=_("reports"),
        )
        if reporting
        else "",
        "chart_cases": charts.stacked_bar_chart(
            [m for m, _c, _d in per_month],
            [
                charts.Series(_("Complaints"), [c for _m, c, _d in per_month], "primary"),
                charts.Series(_("Disputes and advertising checks"), [d for _m, _c, d in per_month], "danger"),
            ],
            title=_("Cases received per month"),
            value_label=_("cases"),
        ),
        "labels": labels,
    }
    return render(request, "supervision/index.html", context)


@login_required
@reader_page
def operators(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "sector", "status")}
    page = Paginator(selectors.operators_list(request.user, **filters), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/operators.html",
        {
            "page": page,
            "filters": filters,
            "sectors": Sector.choices,
            "statuses": OperatorStatus.choices,
            "it_enterprises": selectors.it_enterprises(agency) if filters["sector"] in ("", "it") else [],
            "can_add": permissions.can_manage_any(request.user),
        },
    )


@login_required
def operator_create(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = OperatorForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            operator = services.operator_save(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            return redirect(operator.get_absolute_url())
    return render(request, "supervision/form.html", {"form": form, "title": _("Record a supervised organisation")})


@login_required
def operator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    operator = record_or_404(request, selectors.operators_visible_to(request.user), pk)
    can_manage = permissions.can_manage(request.user, operator.agency_id, permissions.area_of(operator))
    form = HoldingForm(request.POST or None, agency=operator.agency)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.holding_add(operator, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                return redirect(operator.get_absolute_url())
    today = selectors.today()
    reports = list(operator.reports.select_related("kind").order_by("-period_end")[:24])
    for report in reports:
        setattr(report, "state", rules.report_state(report.due_on, report.submitted_on, today))  # noqa: B010  (a display attribute mypy cannot see)
    return render(
        request,
        "supervision/operator.html",
        {
            "operator": operator,
            "holdings": operator.holdings.select_related("licence"),
            "reports": reports,
            "sites": operator.sites.order_by("code")[:100],
            "shared": operator.shared_sites.select_related("owner").order_by("code")[:100],
            "contacts": operator.contacts.select_related("plan"),
            "form": form,
            "can_manage": can_manage,
            "labels": _state_labels(),
        },
    )


@login_required
@reader_page
def reports(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("state", "kind")}
    rows = selectors.reports_list(request.user, state=filters["state"], kind=filters["kind"])
    return render(
        request,
        "supervision/reports.html",
        {
            "rows": rows,
            "filters": filters,
            "kinds": selectors.report_kinds(agency),
            "states": list(_state_labels().items()),
            "labels": _state_labels(),
            "schedule": ScheduleForm(agency=agency, initial={"year": selectors.today().year}),
            "can_manage": permissions.can_manage_any(request.user),
        },
    )


@login_required
def reports_schedule(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = ScheduleForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.reports_schedule(
                form.cleaned_data["kind"], actor=request.user, year=form.cleaned_data["year"]
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, refusal(exc))
        else:
            messages.success(request, _("%(n)s report(s) added to the schedule.") % {"n": created})
    elif request.method == "POST":
        messages.error(request, _("Choose a report and a year."))
    return redirect("supervision:reports")


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = record_or_404(request, selectors.reports_visible_to(request.user), pk)
    state = rules.report_state(report.due_on, report.submitted_on, selectors.today())
    rows = [
        (spec.get("label", spec["name"]), spec["name"], report.figures.get(spec["name"], ""))
        for spec in report.kind.fields
    ]
    return render(
        request,
        "supervision/report.html",
        {
            "report": report,
            "state": state,
            "state_label": _state_labels()[state],
            "rows": rows,
            "actions": actions(request, report),
            "basis": rules.fact(f"supervision.report_due_days_{report.kind.frequency}"),
            "today": selectors.today(),
        },
    )


@login_required
def report_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = record_or_404(request, selectors.reports_visible_to(request.user), pk)
    figures = {spec["name"]: request.POST.get(f"figure_{spec['name']}", "") for spec in report.kind.fields}
    inputs = {
        "submitted_on": request.POST.get("submitted_on", ""),
        "figures": figures,
        "reason": request.POST.get("reason", ""),
    }
    return take_step(request, report, action, inputs)


@login_required
@reader_page
def totals(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    kinds = list(selectors.report_kinds(agency))
    kind = next((k for k in kinds if k.code == request.GET.get("kind")), kinds[0] if kinds else None)
    periods = selectors.periods_of(kind) if kind else []
    chosen = next((p for p in periods if p.isoformat() == request.GET.get("period")), periods[0] if periods else None)
    result = selectors.province_totals(agency, kind, chosen) if kind and chosen else None
    return render(
        request,
        "supervision/totals.html",
        {"kinds": kinds, "kind": kind, "periods": periods, "period": chosen, "result": result},
    )
