"""Every page and endpoint is closed to anonymous visitors unless it is listed here as public.

A URL added without thinking about who may see it fails this test (reliability.md, row 2).
Parametrised URLs are requested with a value that matches nothing, so a closed view must not
reveal whether the object exists: it asks for a login (302/401/403) or answers 404.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Prefixes anyone may open: the public portal and registers, the regulation, login, language switch,
# the API description and the public API, static verification pages.
PUBLIC = (
    "/cong-khai/",
    "/van-ban/",
    "/tai-khoan/dang-nhap/",
    "/i18n/",
    "/api/schema/",
    "/api/docs/",
    "/api/v1/auth/token/",
    "/api/v1/public/",
    "/api/v1/legal/",
    "/xac-minh/",
    "/admin/login/",
    "/tai-khoan/dang-ky/",
    "/chuyen-doi-so/du-lieu-mo.json",  # the province's open data catalogue (Decree 47/2020), public by design
)
CLOSED = {302, 401, 403, 404, 405}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _concrete(route: str) -> str:
    route = route.lstrip("^").rstrip("$")
    route = re.sub(r"<int:[^>]+>|<pk>|\(\?P<pk>[^)]*\)", "999999", route)
    route = re.sub(r"<[^>]+>|\(\?P<[^>]+>[^)]*\)", "khong-ton-tai", route)
    route = route.replace("\\.", ".").replace("\\", "")
    route = re.sub(r"\(\?P<format>[^)]*\)|\.\(\?P<format>[^)]*\)", "", route)
    return "/" + route


ROUTES = sorted(
    {
        _concrete(r)
        for r in _walk(get_resolver().url_patterns)
        if not r.startswith(("static/", "media/")) and "(?P<format>" not in r and "<drf_format_suffix" not in r
    }
)


@pytest.mark.parametrize("url", ROUTES)
def test_anonymous_visitors_are_kept_out_of_staff_urls(url):
    response = Client().get(url)
    assert response.status_code < 500, f"{url} -> {response.status_code}"
    if url.startswith(PUBLIC) or url == "/":
        return
    assert response.status_code in CLOSED, f"{url} is open to anonymous visitors ({response.status_code})"
    if response.status_code == 302:
        target = response["Location"]
        assert "/dang-nhap/" in target or "/admin/login/" in target or target == "/admin/", url
