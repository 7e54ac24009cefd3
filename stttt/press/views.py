from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stttt.press import permissions


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if not permissions.may_view(request.user):
        raise PermissionDenied
    return render(request, "press/index.html", {})
