"""Pages of the digital app; they call selectors and services and hold no rules."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stttt.digital import selectors


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "digital/index.html", {})


@login_required
def enterprise_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.enterprises_visible_to(request.user)
    return render(request, "digital/enterprise_list.html", {"rows": rows})


@login_required
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.enterprises_visible_to(request.user), pk=pk)
    return render(request, "digital/enterprise_detail.html", {"item": item})
