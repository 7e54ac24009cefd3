"""Entry point and dashboards: the leadership board, a unit's board."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from stttt.core.pagecache import reader_page
from stttt.work import selectors
from stttt.work.views import charts
from stttt.work.views.common import department


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """District officers go to their reports; the leadership to its board; others to their unit."""
    if selectors.district_of(request.user) is not None:
        return redirect("work:district_requests")
    department(request)
    if selectors.sees_everything(request.user):
        return redirect("work:leadership")
    unit = selectors.powers(request.user).primary_unit_code
    if unit:
        return redirect("work:unit", code=unit)
    return redirect("work:tasks")


@login_required
@reader_page
def leadership(request: HttpRequest) -> HttpResponse:
    department(request)
    if not selectors.sees_everything(request.user):
        raise PermissionDenied
    board = selectors.leadership_dashboard(request.user)
    return render(request, "work/leadership.html", {"board": board, "chart": charts.tasks_by_unit(board["units"])})


@login_required
@reader_page
def unit(request: HttpRequest, code: str) -> HttpResponse:
    department(request)
    from stttt.org.models import Unit
    from stttt.org.powers import scope_to_agency

    unit = get_object_or_404(scope_to_agency(Unit.objects.all(), request.user), code=code)
    board = selectors.unit_dashboard(request.user, code)
    chart = charts.task_counts(board["counts"], board["completed_this_month"])
    return render(request, "work/unit.html", {"unit": unit, "board": board, "chart": chart})
