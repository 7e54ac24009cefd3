"""Which agency a request is about: the agency whose host names include the request's host, else the
installation's default agency (`STTTT_DEFAULT_AGENCY`, else the first). Public pages (portal, registers)
show that agency; staff pages are scoped to the signed-in user's own agency by `org.powers`."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from stttt.org import selectors


class AgencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = request.get_host().split(":")[0].lower()
        request.agency = SimpleLazyObject(lambda: selectors.agency_for_host(host))  # type: ignore[attr-defined]
        return self.get_response(request)
