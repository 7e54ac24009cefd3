"""Passive infrastructure: BTS sites, the offline map, cable routes and the plan, the postal network and
service quality."""

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
from stttt.supervision import maps, permissions, rules, selectors, services
from stttt.supervision.choices import Conformity, SiteStatus
from stttt.supervision.forms import SiteForm
from stttt.supervision.models import Site
from stttt.supervision.views.common import department, record_or_404

FILTERS = ("q", "operator", "commune", "status", "conformity")


def _filters(request: HttpRequest) -> dict[str, str]:
    found = {k: request.GET.get(k, "").strip() for k in FILTERS}
    if not found["operator"].isdigit():
        found["operator"] = ""
    return found


def _context(request: HttpRequest, filters: dict[str, str]) -> dict[str, object]:
    return {
        "filters": filters,
        "operators": selectors.operators_visible_to(request.user).filter(owns_infrastructure=True),
        "communes": selectors.communes_of(request.user),
        "statuses": SiteStatus.choices,
        "conformities": Conformity.choices,
    }


@login_required
@reader_page
def sites(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    filters = _filters(request)
    page = Paginator(selectors.sites_list(request.user, **filters), 50).get_page(request.GET.get("page"))
    per_commune = selectors.sites_per_commune(agency)
    return render(
        request,
        "supervision/sites.html",
        {
            **_context(request, filters),
            "page": page,
            "summary": selectors.site_summary(agency),
            "per_commune": per_commune,
            "chart_communes": charts.bar_chart(per_commune[:15], title=_("Sites per commune"), value_label=_("sites"))
            if per_commune
            else "",
            "can_add": permissions.can_manage(request.user, agency.pk if agency else None, permissions.INFRASTRUCTURE),
        },
    )


@login_required
def site_create(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    form = SiteForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        sharers = data.pop("sharers", [])
        try:
            site = services.site_save(actor=request.user, agency=agency, sharers=sharers, **data)
        except ValidationError as exc:
            form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            return redirect(site.get_absolute_url())
    return render(request, "supervision/form.html", {"form": form, "title": _("Record a BTS site")})


@login_required
def site_detail(request: HttpRequest, pk: int) -> HttpResponse:
    site = record_or_404(request, selectors.sites_visible_to(request.user).select_related("plan"), pk)
    findings = rules.site_findings(
        kind=site.kind, status=site.status, permit_number=site.permit_number, conformity=site.conformity
    )
    return render(
        request,
        "supervision/site.html",
        {"site": site, "findings": findings, "sharers": site.sharers.all(), "cases": site.cases.all()},
    )


@login_required
@reader_page
def site_map(request: HttpRequest) -> HttpResponse:
    department(request)
    filters = _filters(request)
    show_postal = request.GET.get("postal", "1") != "0"
    found = list(selectors.sites_list(request.user, **filters)[:2000])
    points = [
        maps.Point(
            float(s.latitude),
            float(s.longitude),
            f"{s.code} · {s.name} · {s.owner} · {s.get_status_display()}",
            str(s.owner),
            s.get_absolute_url(),
            muted=s.status in (SiteStatus.DOWN, SiteStatus.DISMANTLED),
        )
        for s in found
    ]
    postal = []
    if show_postal:
        postal = [
            p
            for p in selectors.postal_points(request.user, commune=filters["commune"], operator=filters["operator"])
            if p.latitude is not None and p.longitude is not None
        ]
        points += [
            maps.Point(
                float(p.latitude),  # type: ignore[arg-type]
                float(p.longitude),  # type: ignore[arg-type]
                f"{p.name} · {p.get_kind_display()}",
                str(p.operator),
                square=True,
                muted=not p.active,
            )
            for p in postal
        ]
    groups: dict[str, list[Site]] = {}
    for s in found:
        if s.district is not None:
            groups.setdefault(s.district.name, []).append(s)
    labels = [
        (
            sum(float(s.latitude) for s in members) / len(members),
            sum(float(s.longitude) for s in members) / len(members),
            name,
        )
        for name, members in groups.items()
    ]
    svg = maps.render(
        points,
        labels=labels,
        title=_("Map of BTS sites and postal service points"),
        description=_("%(sites)s sites (circles) and %(postal)s postal service points (squares); grey: out of service.")
        % {"sites": len(found), "postal": len(postal)},
    )
    return render(
        request,
        "supervision/map.html",
        {**_context(request, filters), "svg": svg, "sites": found, "postal": postal, "show_postal": show_postal},
    )


@login_required
@reader_page
def network(request: HttpRequest) -> HttpResponse:
    department(request)
    return render(
        request,
        "supervision/network.html",
        {
            "plans": selectors.plans(request.user),
            "routes": selectors.cable_routes(request.user),
            "plan_fact": rules.fact("supervision.infrastructure_plan"),
            "sharing_fact": rules.fact("supervision.infrastructure_sharing"),
        },
    )


@login_required
@reader_page
def postal(request: HttpRequest) -> HttpResponse:
    agency = department(request)
    commune = request.GET.get("commune", "").strip()
    per_district = selectors.postal_points_per_district(agency)
    return render(
        request,
        "supervision/postal.html",
        {
            "points": selectors.postal_points(request.user, commune=commune)[:500],
            "commune": commune,
            "communes": selectors.communes_of(request.user),
            "quality": selectors.quality_figures(request.user),
            "per_district": per_district,
            "chart": charts.bar_chart(
                per_district, title=_("Postal service points per district"), value_label=_("points")
            )
            if per_district
            else "",
            "network_fact": rules.fact("supervision.public_postal_network"),
        },
    )
