"""Staff pages are for staff: a signed-in visitor of another role is sent to their own home.

Each staff page checks powers on its own (403 or 404); without this gate a page that forgot the check
answered a citizen 200 with the staff layout (issue 11). The gate works on the URL namespace, so every page a
staff capability adds later is covered too. Anonymous visitors are left to the page's login requirement: a
member of staff following a link while signed out must reach the login page, which links to the portal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from stttt.core.apps import capabilities
from stttt.web.context_processors import visitor_role

# Pages of the first staff capabilities that other roles use: the public verification of a licence, the old
# filing link (which leads to the portal), a district officer's reports. Later apps declare theirs in their
# AppConfig (`open_to`).
BASE_OPEN_TO: dict[str, frozenset[str]] = {
    "citizen": frozenset({"licensing:verify", "procedures:submit"}),
    "observer": frozenset({"licensing:verify", "procedures:submit"}),
    "district": frozenset(
        {
            "licensing:verify",
            "procedures:submit",
            "work:index",
            "work:district_requests",
            "work:district_request",
            "work:district_report",
        }
    ),
}


def open_to() -> dict[str, frozenset[str]]:
    """Role -> the staff pages that role may open: the base ones and every capability's `open_to`."""
    merged = {role: set(names) for role, names in BASE_OPEN_TO.items()}
    for config in capabilities():
        for role, names in config.open_to.items():
            merged.setdefault(role, set()).update(names)
    return {role: frozenset(names) for role, names in merged.items()}


def staff_namespaces() -> frozenset[str]:
    """The URL namespaces of the capabilities that are not public (their pages are the Department's)."""
    return frozenset(c.label for c in capabilities() if c.url_prefix and c.nav_url and not c.public)


class StaffAreaMiddleware:
    """Redirects a signed-in visitor who is not staff from a staff page to their home (`/`), which sends a
    citizen to the portal, a district officer to their district's reports and an observer to theirs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.namespaces = staff_namespaces()
        self.open_to = open_to()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        match = request.resolver_match
        user = getattr(request, "user", None)
        # The capability's own namespace: a URLconf nested inside it is gated with it.
        if match is None or not match.namespaces or not getattr(user, "is_authenticated", False):
            return None
        if match.namespaces[0] not in self.namespaces:
            return None
        role = visitor_role(user)
        if role == "staff" or match.view_name in self.open_to.get(role, frozenset()):
            return None
        return redirect("web:home")
