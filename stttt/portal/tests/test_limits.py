"""Abuse limits on the public portal (issue 12): tracking, sign-up, filing and register exports are counted
per client address in the shared cache and answered 429 past their rate."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _statuses(client, method, url, times, data=None):
    return [getattr(client, method)(url, data or {}).status_code for _ in range(times)]


def test_the_tracking_form_is_limited_per_address():
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = _statuses(client, "post", reverse("portal:track"), 21, {"reference": "HS-KHONG", "secret": "sai"})
    assert 429 not in statuses[:20] and statuses[20] == 429
    assert Client(REMOTE_ADDR="198.51.100.8").post(reverse("portal:track"), {}).status_code != 429


def test_register_exports_are_limited_and_rotating_forwarded_for_buys_nothing(settings):
    url = reverse("portal:register_export", args=["khong-co", "csv"])
    statuses = [
        Client(REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").get(url).status_code for n in range(11)
    ]
    assert 429 not in statuses[:10] and statuses[10] == 429


def test_sign_up_is_limited():
    client = Client(REMOTE_ADDR="198.51.100.10")
    statuses = _statuses(client, "post", reverse("portal:signup"), 6, {"email": "x"})
    assert 429 not in statuses[:5] and statuses[5] == 429
