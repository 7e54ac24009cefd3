"""The Inspectorate's dashboard: what leaders compare (charts beside their tables) and what is due."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from stttt.core import charts
from stttt.core.pagecache import reader_page
from stttt.inspection import selectors
from stttt.inspection.choices import ReferralStatus
from stttt.inspection.views.common import department
from stttt.org.powers import agency_of
from stttt.org.selectors import today


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year") or ""
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else today().year


@reader_page
def index(request: HttpRequest) -> HttpResponse:
    department(request)
    agency = agency_of(request.user)
    year = _year(request)
    day = today()
    months = selectors.monthly(agency.pk, year) if agency else []
    sectors = selectors.by_sector(agency.pk, year) if agency else []
    letters = (
        selectors.letters_summary(agency.pk, day)
        if agency and selectors.letters_visible_to(request.user).exists()
        else []
    )
    month_labels = [f"{r['month']:02d}/{year}" for r in months]
    context = {
        "year": year,
        "months": months,
        "sectors": sectors,
        "letters": letters,
        "open_cases": selectors.open_cases(agency.pk) if agency else [],
        "today": day,
        "referrals": selectors.referrals_visible_to(request.user).filter(status=ReferralStatus.OPEN)[:20],
        "chart_months": charts.stacked_bar_chart(
            month_labels,
            [
                charts.Series(_("Inspections decided"), [r["cases"] for r in months], "primary"),
                charts.Series(_("Violation records"), [r["records"] for r in months], "warning"),
                charts.Series(_("Sanction decisions"), [r["decisions"] for r in months], "danger"),
            ],
            title=_("Inspections, records and sanctions by month, %(year)s") % {"year": year},
            value_label=_("number"),
        ),
        "chart_amounts": charts.stacked_bar_chart(
            [s["label"] for s in sectors],
            [
                charts.Series(_("Collected"), [s["collected"] for s in sectors], "success"),
                charts.Series(_("Not yet collected"), [s["fined"] - s["collected"] for s in sectors], "muted"),
            ],
            title=_("Fines decided by sector, %(year)s (VND)") % {"year": year},
            value_label="VND",
        ),
        "chart_letters": charts.stacked_bar_chart(
            [str(r["kind"]) for r in letters],
            [
                charts.Series(_("Overdue"), [r["overdue"] for r in letters], "danger"),
                charts.Series(_("Open, in time"), [r["open"] - r["overdue"] for r in letters], "primary"),
                charts.Series(_("Resolved"), [r["resolved"] for r in letters], "success"),
                charts.Series(_("Forwarded or returned"), [r["other"] for r in letters], "muted"),
            ],
            title=_("Complaints, denunciations and petitions by status"),
            value_label=_("number"),
        )
        if letters
        else "",
    }
    return render(request, "inspection/index.html", context)
