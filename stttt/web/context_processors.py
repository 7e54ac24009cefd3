from typing import Any

from django.http import HttpRequest
from django.urls import get_resolver
from django.utils.translation import gettext_lazy as _

from stttt.core.apps import NAV_GROUPS, capabilities
from stttt.org.powers import is_department_staff, powers_of


class Link:
    """A header entry that is not a capability's own (e.g. "My dossiers" on the portal)."""

    def __init__(self, nav_url: str, nav_label: Any) -> None:
        self.nav_url, self.nav_label = nav_url, nav_label


def navigation(request: HttpRequest) -> dict:
    """Header navigation: only what the visitor may open.

    Department staff see every capability; district officers the public pages and their district's
    reports; PPC observers the public pages and the reports to the PPC; signed-in citizens the public pages
    and their dossiers; anonymous visitors the public pages."""
    user = getattr(request, "user", None)
    mounted = get_resolver().namespace_dict
    available = [c for c in capabilities() if c.nav_url and c.label in mounted]
    role = visitor_role(user)
    if role == "staff":
        available = [c for c in available if c.opens_for(user)]
        return {"nav_capabilities": available, "nav_groups": _groups(request, available), "visitor_role": role}
    entries: list[Any] = [c for c in available if c.public]
    if role == "district" and "work" in mounted:
        entries.insert(0, Link("work:district_requests", _("My district's reports")))
    if role == "observer":
        entries.insert(0, Link("web:observer_reports", _("Reports to the PPC")))
    if role == "citizen" and "portal" in mounted:
        entries.append(Link("portal:mine", _("My dossiers")))
    if role != "anonymous":
        entries += [Link(name, label) for c in available for name, label in c.own_links(user)]
    return {"nav_capabilities": entries, "visitor_role": role}


def _groups(request: HttpRequest, available: list[Any]) -> list[dict[str, Any]]:
    """Staff see many capabilities: grouped as `NAV_GROUPS`, the group of the page being read marked current."""
    match = getattr(request, "resolver_match", None)
    here = match.namespace if match else ""
    groups = []
    for key, label in NAV_GROUPS.items():
        entries = [c for c in available if c.nav_group == key]
        if entries:
            current = any(c.label == here for c in entries)
            groups.append({"key": key, "label": label, "entries": entries, "current": current})
    return groups


def visitor_role(user: Any) -> str:
    """`staff`, `district`, `observer`, `citizen` or `anonymous`: which header and home the visitor gets."""
    if user is None or not getattr(user, "is_authenticated", False):
        return "anonymous"
    if is_department_staff(user):
        return "staff"
    if powers_of(user).is_district_officer:
        return "district"
    if powers_of(user).observed_agency_id is not None:
        return "observer"
    return "citizen"
