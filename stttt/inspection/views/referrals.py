"""Referrals from other apps: the inbox and one referral."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stttt.core.search import search
from stttt.inspection import selectors
from stttt.inspection.views.common import department


def referrals(request: HttpRequest) -> HttpResponse:
    department(request)
    items = selectors.referrals_visible_to(request.user)
    query = (request.GET.get("q") or "").strip()
    if query:
        items = search(items, query)
    status = request.GET.get("status") or ""
    if status:
        items = items.filter(status=status)
    return render(request, "inspection/referrals.html", {"items": items[:200], "q": query, "status": status})


def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department(request)
    referral = get_object_or_404(selectors.referrals_visible_to(request.user), pk=pk)
    return render(request, "inspection/referral.html", {"referral": referral})
