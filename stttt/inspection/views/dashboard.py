"""The Inspectorate's dashboard."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stttt.inspection import selectors
from stttt.inspection.views.common import department


def index(request: HttpRequest) -> HttpResponse:
    department(request)
    open_referrals = selectors.referrals_visible_to(request.user).filter(status="open")[:20]
    return render(request, "inspection/index.html", {"referrals": open_referrals})
