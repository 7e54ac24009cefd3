import datetime as dt
from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import get_resolver
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stttt.core import caching
from stttt.core.apps import capabilities
from stttt.core.audit import history_of
from stttt.core.pagecache import reader_page
from stttt.org.powers import REVISION, is_department_staff, observed_agency, powers_of
from stttt.web import visibility

INBOX_LABELS = {
    "to_receive": _("To receive"),
    "to_transfer": _("To transfer to the division"),
    "to_assign": _("To assign"),
    "assigned": _("Assigned to me"),
    "to_approve": _("To approve"),
    "to_return": _("To return to the applicant"),
    "due_soon": _("Due within 2 working days"),
    "overdue": _("Overdue"),
}


@reader_page
def home(request: HttpRequest) -> HttpResponse:
    """Each visitor's own home: staff their work, district officers their district's reports, citizens
    their dossiers on the portal, anonymous visitors the portal."""
    user = request.user
    if not user.is_authenticated:
        return redirect("portal:index")
    if is_department_staff(user):
        return _staff_home(request)
    if powers_of(user).is_district_officer:
        return _district_home(request)
    if observed_agency(user) is not None:
        return _observer_home(request)
    return redirect("portal:mine")


def _my_tasks(user: Any) -> list[dict[str, Any]]:
    from stttt.work import selectors as work

    return [{"task": task, "state": task.state} for task in work.my_open_tasks(user)]  # type: ignore[attr-defined]


#: How long a leader's home keeps each capability's figures (seconds): counts over a decade of records are
#: an overview, read on every visit of the home page; they may lag this long behind the records (issue 13).
FIGURES_TIMEOUT = 60


def _figures(user: Any, config: Any) -> list[tuple[str, Any]]:
    """A capability's figures for `user`'s home (`summary`), kept per user, day and language in the shared
    cache for `FIGURES_TIMEOUT` seconds and until the organisation changes (powers decide what is counted)."""
    key = f"web:figures:{config.label}:{user.pk}:{timezone.localdate().isoformat()}:{get_language()}"

    def build() -> list[tuple[str, Any]]:
        return [(str(label), value) for label, value in config.summary(user)]

    return caching.remember(key, build, revisions_of=[REVISION], timeout=FIGURES_TIMEOUT, local=False)


def _staff_home(request: HttpRequest) -> HttpResponse:
    from stttt.procedures import selectors as procedures

    user = request.user
    inboxes = [{**box, "label": INBOX_LABELS[box["key"]]} for box in procedures.inbox_summary(user) if box["count"]]
    is_leader = bool(user.is_superuser or powers_of(user).is_leader)
    mounted = get_resolver().namespace_dict
    cards = [
        {"config": c, "figures": _figures(user, c) if is_leader else []}
        for c in capabilities()
        if c.nav_url and c.label in mounted and c.opens_for(user)
    ]
    return render(
        request,
        "web/home.html",
        {
            "cards": cards,
            "is_leader": is_leader,
            "tasks": _my_tasks(user),
            "inboxes": inboxes,
        },
    )


def _district_home(request: HttpRequest) -> HttpResponse:
    from stttt.work import selectors as work

    district = work.district_of(request.user)
    reports = list(
        work.district_reports_visible_to(request.user).select_related("request").order_by("request__deadline", "pk")
    )
    return render(request, "web/home_district.html", {"district": district, "reports": reports})


# --- PPC observer: the Department's figures and its reports to the PPC, read-only, no applicant's data ---


def _observed(request: HttpRequest) -> Any:
    agency = observed_agency(request.user)
    if agency is None:
        raise Http404
    return agency


def _observer_home(request: HttpRequest) -> HttpResponse:
    """The Department at a glance for the PPC: the month's dossiers per division, the year's share on time
    per unit (counts only), the latest reports to the PPC."""
    from stttt.procedures import charts
    from stttt.procedures import selectors as procedures
    from stttt.web.forms import ObserverMonthForm
    from stttt.work import selectors as work

    agency = _observed(request)
    today = timezone.localdate()
    form = ObserverMonthForm(request.GET or None, initial={"month": today.strftime("%Y-%m")})
    month = (form.cleaned_data.get("month") if form.is_valid() else "") or today.strftime("%Y-%m")
    rows = procedures.statistics(month, by="division", agency=agency)
    year = procedures.public_index(agency, today.replace(month=1, day=1))
    return render(
        request,
        "web/home_observer.html",
        {
            "agency": agency,
            "form": form,
            "month": month,
            "month_label": f"{month[5:]}/{month[:4]}",
            "rows": rows,
            "chart": charts.statistics(rows),
            "units": year["units"],
            "on_time_chart": charts.on_time(year["units"]),
            "since": today.replace(month=1, day=1),
            "reports": work.reports_to_ppc(agency)[:5],
            "briefing_month": (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m"),
        },
    )


@login_required
def observer_reports(request: HttpRequest) -> HttpResponse:
    from stttt.work import selectors as work

    agency = _observed(request)
    return render(request, "web/observer_reports.html", {"agency": agency, "reports": work.reports_to_ppc(agency)})


def _observed_report(request: HttpRequest, pk: int) -> Any:
    from stttt.work import selectors as work

    report = work.reports_to_ppc(_observed(request)).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


@login_required
def observer_report(request: HttpRequest, pk: int) -> HttpResponse:
    from stttt.work import indicators

    report = _observed_report(request, pk)
    sections = [(title, report.narrative.get(title, "")) for title in report.report_type.sections]
    values = [(indicators.label_of(code), value) for code, value in report.values.items()]
    return render(request, "web/observer_report.html", {"report": report, "sections": sections, "values": values})


@login_required
def observer_briefing_file(request: HttpRequest, month: str, fmt: str) -> HttpResponse:
    """The Department's monthly briefing (tasks per unit: completed, in progress, overdue with the reasons;
    the indicators), as a document: the work situation the Director reports to the PPC (Art. 6(3))."""
    from stttt.core.http import file_response
    from stttt.work import exports
    from stttt.work import selectors as work

    agency = _observed(request)
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        pack = work.briefing_pack(month, agency=agency)
    except ValueError:
        raise Http404 from None
    data, mime = exports.render(exports.briefing_document(pack), fmt)
    return file_response(data, f"giao-ban-{month}.{fmt}", mime)


@login_required
def observer_report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    from stttt.core.http import file_response
    from stttt.work import exports

    report = _observed_report(request, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    data, mime = exports.render(exports.report_document(report), fmt)
    return file_response(data, f"bao-cao-{report.report_type.code}-{report.period_start:%Y-%m}.{fmt}", mime)


@login_required
def history(request: HttpRequest, app_label: str, model_name: str, pk: str) -> HttpResponse:
    """Who changed what and when on one record; for the people who may see the record itself
    (`visibility.can_view_record`). Unknown models, records and models without a rule answer 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "history") or visibility.rule_for(model) is None:
        raise Http404
    try:
        record = model._default_manager.get(pk=pk)
    except (model.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
    if not visibility.can_view_record(request.user, record):
        raise Http404
    return render(
        request,
        "web/history.html",
        {"record": record, "entries": history_of(record), "model_name": model._meta.verbose_name},
    )
