"""A failure under /api/ is answered 500 in the API's one error format, with the request id, and logged."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("stttt.api.tests.boom_urls")]


@pytest.mark.parametrize("path", ["/api/test-boom/drf/", "/api/test-boom/plain/"])
def test_a_bug_under_api_is_json_with_the_request_id_and_logged(path, caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR):
        response = client.get(path, HTTP_X_REQUEST_ID="req-12345678", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"code", "message", "errors", "request_id"}
    assert body["code"] == "server_error"
    assert body["errors"] == {}
    assert body["request_id"] == "req-12345678" == response["X-Request-ID"]
    assert "mã yêu cầu" in body["message"]
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)


def test_a_bug_on_a_page_keeps_the_html_page():
    response = Client(raise_request_exception=False).get("/test-boom/page/")
    assert response.status_code == 500
    assert "text/html" in response["Content-Type"]


def test_an_address_no_route_matches_under_api_is_json():
    response = Client().get("/api/v1/org/acting/not-a-number/end/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
