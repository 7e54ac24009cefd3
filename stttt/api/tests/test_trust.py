"""Abuse limits, request size, TRACE and the cached schema (docs/security.md)."""

from __future__ import annotations

import socket
import threading
import urllib.request
from typing import Any
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory

from stttt.api import views as api_views
from stttt.core import throttle
from stttt.core.limits import RequestLimitsMiddleware
from stttt.core.models import RateCounter

pytestmark = pytest.mark.django_db


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the body was read")

    readline = read


def test_a_300_mb_declared_upload_is_refused_without_reading_the_body():
    response = Client().generic(
        "POST",
        "/cong-khai/",
        **{
            "CONTENT_LENGTH": str(300 * 1024 * 1024),
            "CONTENT_TYPE": "multipart/form-data; boundary=x",
            "wsgi.input": Unreadable(),
        },
    )
    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()


def test_the_size_cap_is_a_setting(settings):
    settings.STTTT_MAX_REQUEST_BYTES = 1000
    middleware = RequestLimitsMiddleware(lambda request: HttpResponse("ok"))
    assert middleware(RequestFactory().post("/", data="x" * 999, content_type="text/plain")).status_code == 200
    assert middleware(RequestFactory().post("/", data="x" * 1001, content_type="text/plain")).status_code == 413


def test_a_real_server_answers_413_before_the_body_arrives(live_server):
    url = urlparse(live_server.url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(
            b"POST /cong-khai/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: 314572800\r\n\r\n" + b"x" * 1024
        )
        reply = sock.recv(4096).decode(errors="replace")
    assert reply.startswith("HTTP/1.1 413")


@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_is_refused(method):
    assert Client().generic(method, "/").status_code == 405


def test_rotating_x_forwarded_for_buys_no_new_allowance_on_the_public_api(settings):
    client = Client(REMOTE_ADDR="10.9.0.1")
    answers = [client.get("/api/v1/registers/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(65)]
    assert answers[:60] == [200] * 60
    assert set(answers[60:]) == {429}
    assert Client(REMOTE_ADDR="10.9.0.2").get("/api/v1/registers/").status_code == 200


def test_behind_one_trusted_proxy_the_client_is_the_rightmost_forwarded_address(settings):
    settings.STTTT_TRUSTED_PROXIES = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert throttle.client_ip(request) == "203.0.113.7"
    settings.STTTT_TRUSTED_PROXIES = 2
    assert throttle.client_ip(request) == "6.6.6.6"
    settings.STTTT_TRUSTED_PROXIES = 0
    assert throttle.client_ip(request) == "10.0.0.1"


def test_the_page_limit_ignores_forged_forwarded_addresses(settings):
    settings.STTTT_TRUSTED_PROXIES = 1

    @throttle.limit("test-page", "3/min")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    answers = [
        view(factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.7")).status_code
        for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]


def test_limits_live_in_the_shared_cache():
    @throttle.limit("shared", "1/min")
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5")
    assert view(request).status_code == 200
    # The embedded default counts in the database (stttt.core.counters), which every process shares.
    assert RateCounter.objects.filter(key__startswith="stttt:limit:shared:10.0.0.5:", count=1).exists()
    assert view(request).status_code == 429


def test_the_default_cache_is_shared_between_processes():
    from django.conf import settings as live

    import stttt.config.settings as production

    backend = production.CACHES["default"]["BACKEND"]
    assert backend in (
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.db.DatabaseCache",
    )
    assert "locmem" not in live.CACHES["default"]["BACKEND"]


def test_the_schema_is_built_once_and_served_from_the_cache():
    api_views._schemas.clear()
    first = Client().get("/api/schema/")
    assert first.status_code == 200
    built = api_views.generations
    api_views._schemas.clear()  # another process: only the shared cache is left
    second = Client().get("/api/schema/?format=json")
    assert second.status_code == 200 and second.json()["openapi"].startswith("3.")
    assert api_views.generations == built


def test_forty_concurrent_schema_requests_all_answer_200(live_server, settings):
    # The schema's build is under test, not the API limit (whose counter the in-memory test database
    # cannot take from 40 threads at once; an SQLite file or PostgreSQL can: test_counters.py).
    settings.STTTT_RATE_LIMITS_ENABLED = False
    api_views._schemas.clear()
    cache.clear()
    statuses: list[int] = []

    def fetch() -> None:
        try:
            with urllib.request.urlopen(f"{live_server.url}/api/schema/", timeout=120) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)

    threads = [threading.Thread(target=fetch) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 40
