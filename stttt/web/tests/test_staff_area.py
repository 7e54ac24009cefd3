"""Every staff page sends a signed-in citizen (and a district officer, outside their own reports) to their
home, never answering them 200 with a staff page (issue 11: `/thu-tuc/` answered a citizen 200)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from stttt.web.middleware import open_to, staff_namespaces
from stttt.web.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _staff_routes() -> list[tuple[str, str]]:
    """(view name, URL with values that match nothing) of every page of a staff capability, nested URLconfs
    included."""
    found = []

    def walk(patterns: list, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                kwargs = {
                    name: 999999 if isinstance(conv, IntConverter) else "x"
                    for name, conv in pattern.pattern.converters.items()
                }
                name = f"{namespace}:{pattern.name}"
                found.append((name, reverse(name, kwargs=kwargs)))

    for resolver in get_resolver().url_patterns:
        if isinstance(resolver, URLResolver) and resolver.namespace in staff_namespaces():
            walk(resolver.url_patterns, resolver.namespace)
    return found


ROUTES = _staff_routes()


def test_the_staff_capabilities_are_found():
    assert {"procedures", "work", "org", "licensing"} <= staff_namespaces()
    assert "portal" not in staff_namespaces() and "legal" not in staff_namespaces()
    assert len(ROUTES) > 30


@pytest.mark.parametrize("role", ["citizen", "district"])
def test_staff_pages_send_other_roles_home(world, role):
    client = client_for(world.roles()[role])
    opened = open_to()[role]
    for name, url in ROUTES:
        if name in opened:
            continue
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302 and response["Location"] == "/", (role, name, url, response.status_code)
    home = client.get("/")
    assert home.status_code == (302 if role == "citizen" else 200)
    if role == "citizen":
        assert home["Location"] == reverse("portal:mine")


def test_pages_nested_in_a_staff_capability_are_gated_with_it():
    nested = [name for name, _url in ROUTES if name.count(":") > 1]
    assert nested, "a capability with a nested URLconf (cyber's owner pages) is walked"
    assert all(name.split(":", 1)[0] in staff_namespaces() for name in nested)


def test_the_procedures_inbox_sends_a_citizen_to_the_portal(world):
    response = client_for(world.citizen).get(reverse("procedures:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("portal:mine")


def test_staff_still_reach_their_pages_and_district_officers_their_reports(world):
    assert client_for(world.desk).get(reverse("procedures:index")).status_code == 200
    district = client_for(world.district_officer_a)
    assert district.get(reverse("work:district_requests")).status_code == 200
    assert district.get(reverse("work:district_report", args=[world.report_a.pk])).status_code == 200
