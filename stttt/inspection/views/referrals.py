"""Referrals from other apps: the inbox, one referral, its steps."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stttt.core.pagecache import reader_page
from stttt.core.search import search
from stttt.inspection import selectors, services, workflow
from stttt.inspection.views.common import act, action_forms, department


@reader_page
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
    steps = workflow.actions_for(workflow.REFERRALS, request.user, referral)
    return render(
        request,
        "inspection/referral.html",
        {
            "referral": referral,
            "record": referral,
            "forms": action_forms("referral", [t for t in steps if t.action == "dismiss"]),
            "can_open_case": any(t.action == "open_case" for t in steps),
            "can_open_record": any(t.action == "open_record" for t in steps),
            "base": f"{referral.get_absolute_url()}",
        },
    )


def referral_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return act(
        request, "referral", selectors.referrals_visible_to(request.user), pk, action, services.referral_transition
    )
