"""Pages of the organisation: chart, units, findings, staffing plan, duties coverage, acting, what-if."""

from __future__ import annotations

import datetime
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stttt.core.documents import DOCX_MIME
from stttt.core.pagecache import reader_page
from stttt.core.spreadsheets import XLSX_MIME
from stttt.legal.selectors import basis_sentence
from stttt.org import exports, permissions, powers, selectors, services
from stttt.org.choices import AssignmentKind, Severity
from stttt.org.forms import ActingForm, AtForm, ReassignForm
from stttt.org.models import Agency, Assignment, Unit
from stttt.org.selectors import served_agency


def _agency(request: HttpRequest) -> Agency:
    """The agency whose organisation the user sees (their own); others get 403, nothing to show 404."""
    if not permissions.can_view(request.user):
        raise PermissionDenied
    agency = permissions.agency_to_show(request.user, served_agency(request))
    if agency is None:
        raise Http404(_("No organisation has been imported yet."))
    return agency


def _at(request: HttpRequest) -> datetime.date:
    form = AtForm(request.GET)
    if form.is_valid() and form.cleaned_data["at"]:
        return form.cleaned_data["at"]
    return selectors.today()


def _context(request: HttpRequest, agency: Agency, **extra) -> dict:
    at = _at(request)
    return {
        "at": at,
        "at_form": AtForm(initial={"at": at}),
        "agency": agency,
        "history": selectors.agency_history(agency, at),
        "can_manage": permissions.can_manage(request.user, agency),
        **extra,
    }


@login_required
@reader_page
def index(request: HttpRequest) -> HttpResponse:
    """The org chart as of a date, with the reorganisations that shaped it."""
    agency = _agency(request)
    ctx = _context(request, agency)
    return render(
        request,
        "org/index.html",
        {
            **ctx,
            "agency": agency,
            "basis": basis_sentence(agency.regulation) if agency.regulation else "",
            **_chart_and_findings(agency, ctx["at"]),
            "events": selectors.events(agency).order_by("-effective_on"),
        },
    )


def _chart_and_findings(agency: Agency, at: datetime.date) -> dict:
    """The chart, its drawing and the number of findings on `at`: built once per agency, day and language
    until the organisation changes (`powers.remember`, under the revision every org service bumps)."""

    def build() -> dict:
        chart = selectors.chart(agency, at)
        findings = selectors.findings_at(agency, at)
        return {
            "chart": chart,
            "svg": exports.chart_svg(chart),
            "errors": sum(1 for f in findings if f.severity == Severity.ERROR),
            "warnings": sum(1 for f in findings if f.severity == Severity.WARNING),
        }

    return powers.remember(f"org:chart:{agency.pk}:{at.isoformat()}:{get_language()}", build)


@login_required
def chart_svg(request: HttpRequest) -> HttpResponse:
    chart = selectors.chart(_agency(request), _at(request))
    return HttpResponse(exports.chart_svg(chart), content_type="image/svg+xml; charset=utf-8")


@login_required
def chart_json(request: HttpRequest) -> HttpResponse:
    chart = selectors.chart(_agency(request), _at(request))
    return HttpResponse(json.dumps(chart, ensure_ascii=False), content_type="application/json; charset=utf-8")


@login_required
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(request)
    unit = get_object_or_404(Unit.objects.select_related("parent"), agency=agency, code=code)
    ctx = _context(request, agency)
    at = ctx["at"]
    return render(
        request,
        "org/unit.html",
        {
            **ctx,
            "unit": unit,
            "name": selectors.unit_name_at(unit, at),
            "alive": unit.exists_on(at),
            "people": selectors.unit_people(unit, at),
            "head": selectors.head_at(unit, at),
            "findings": [f for f in selectors.findings_at(agency, at) if f.unit == unit.code],
            "children": selectors.units_at(agency, at).filter(parent=unit),
            "functions": unit.functions.select_related("transferred_to_unit").order_by("valid_from"),
            "duties": unit.led_duties.all(),
            "coordinated": unit.coordinated_duties.all(),
            "events": (unit.events_as_source.all() | unit.events_as_result.all()).distinct().order_by("effective_on"),
            "leader": selectors.area_leader(agency, unit=unit, at=at),
            "past": Assignment.objects.filter(unit=unit, end_on__lt=at)
            .select_related("staff")
            .order_by("-end_on")[:20],
        },
    )


@login_required
def findings(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    ctx = _context(request, agency)
    return render(
        request,
        "org/findings.html",
        {
            **ctx,
            "findings": selectors.findings_at(agency, ctx["at"]),
            "units": {u.code: u for u in Unit.objects.filter(agency=agency)},
        },
    )


@login_required
def staffing_plan(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    year = _year(request)
    rows = selectors.staffing_plan(agency, year)
    keys = [k for k in rows[0] if k.startswith(("quota_", "actual_", "proposed_"))] if rows else []
    return render(
        request,
        "org/plan.html",
        {
            **_context(request, agency),
            "totals": [sum(r[k] or 0 for r in rows) for k in keys],
            "year": year,
            "next_year": year + 1,
            "rows": rows,
            "years": range(year - 2, year + 2),
            "headers": exports.plan_headers(year),
        },
    )


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or selectors.today().year)
    except ValueError:
        year = selectors.today().year
    return min(max(year, 1990), 2100)


@login_required
def staffing_plan_file(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("xlsx", "docx"):
        raise Http404
    agency = _agency(request)
    year = _year(request)
    rows = selectors.staffing_plan(agency, year)
    if fmt == "xlsx":
        content, mime = exports.plan_xlsx(agency.name, year, rows), XLSX_MIME
    else:
        director = selectors.director_at(agency)
        content, mime = (
            exports.plan_docx(
                agency.name, year, rows, day=selectors.today(), signer=director.full_name if director else ""
            ),
            DOCX_MIME,
        )
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-bien-che-{year + 1}.{fmt}"'
    return response


@login_required
def duties(request: HttpRequest) -> HttpResponse:
    """Every duty of Art. 3 with its owner; duties with none are flagged. `q` asks who handles one."""
    agency = _agency(request)
    ctx = _context(request, agency)
    query = request.GET.get("q", "").strip()
    rows = selectors.coverage(agency, ctx["at"])
    answers = selectors.who(agency, query, ctx["at"]) if query else None
    return render(
        request,
        "org/duties.html",
        {
            **ctx,
            "rows": rows,
            "query": query,
            "answers": answers,
            "uncovered": sum(1 for r in rows if not r["covered"]),
        },
    )


@login_required
def acting(request: HttpRequest) -> HttpResponse:
    """Acting appointments (5.2, 5.3): list, and authorise a new one."""
    agency = _agency(request)
    units = selectors.units_at(agency, selectors.today())
    manageable = [u for u in units if permissions.can_appoint_acting(request.user, u)]
    form = ActingForm(request.POST or None, agency=agency, units=units.filter(pk__in=[u.pk for u in manageable]))
    if request.method == "POST":
        if not manageable:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.acting_appoint(
                    data["staff"],
                    data["unit"],
                    start_on=data["start_on"],
                    end_on=data["end_on"],
                    basis=data["basis"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Acting appointment recorded."))
                return redirect("org:acting")
    return render(
        request,
        "org/acting.html",
        {
            "can_manage": permissions.can_manage(request.user, agency),
            "appointments": selectors.acting_appointments(agency),
            "form": form if manageable else None,
            "today": selectors.today(),
        },
    )


@login_required
@require_POST
def acting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency(request)
    appointment = get_object_or_404(Assignment, pk=pk, kind=AssignmentKind.ACTING, unit__agency=agency)
    if not permissions.can_appoint_acting(request.user, appointment.unit):
        raise PermissionDenied
    try:
        services.acting_cancel(appointment, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Acting appointment ended."))
    return redirect("org:acting")


@login_required
def reassign(request: HttpRequest) -> HttpResponse:
    """Move someone to a new post: first the findings it would cause (what-if), then save."""
    agency = _agency(request)
    if not permissions.can_manage(request.user, agency):
        raise PermissionDenied
    form = ReassignForm(
        request.POST or None,
        agency=agency,
        units=selectors.units_at(agency, selectors.today()),
        initial={"on": selectors.today()},
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        move = selectors.Move(data["staff"].code, data["unit"].code, data["position"])
        preview = selectors.what_if(agency, move, data["on"])
        if "save" in request.POST:
            try:
                services.staff_reassign(
                    data["staff"],
                    data["unit"],
                    position=data["position"],
                    on=data["on"],
                    basis=data["basis"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Reassignment saved."))
                return redirect("org:unit", code=data["unit"].code)
    return render(request, "org/reassign.html", {"form": form, "preview": preview, "can_manage": True})
