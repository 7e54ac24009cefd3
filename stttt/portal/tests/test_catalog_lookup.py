"""The public catalogue is looked up by field of state management, by online service level (fully or partly
online) and by text without diacritics (issue 11)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from stttt.legal.services import fields_ensure

pytestmark = pytest.mark.django_db


def _codes(html: str) -> set[str]:
    return set(re.findall(r'data-testid="procedure-([^"]+)"', html))


def test_lookup_by_field_level_and_text(dept, catalog):
    fields_ensure(["báo chí", "xuất bản, in, phát hành", "bưu chính"])
    client = Client()
    url = reverse("portal:catalog")
    everything = client.get(url).content.decode()
    assert _codes(everything) == set(catalog)
    # the field choices are named as in Article 2, not by their codes
    assert '<option value="bao-chi">Báo chí</option>' in everything
    assert "Toàn trình" in everything and "Một phần" in everything

    press = _codes(client.get(url, {"field": "bao-chi"}).content.decode())
    assert press == {"STTTT.BC.01", "STTTT.BC.02"}

    full = _codes(client.get(url, {"level": "full"}).content.decode())
    assert full and all(catalog[c].service_level == "full" for c in full)
    assert "1.003868" not in full  # a fee is due: partly online
    partial = _codes(client.get(url, {"level": "partial"}).content.decode())
    assert full | partial == set(catalog) and not full & partial

    text = _codes(client.get(url, {"q": "may photocopy mau"}).content.decode())
    assert text == {"STTTT.IN.02"}
    both = _codes(client.get(url, {"q": "giay phep", "field": "bao-chi", "level": "partial"}).content.decode())
    assert both == {"STTTT.BC.01"}

    # a level that does not exist is an error shown at its field, in Vietnamese
    wrong = client.get(url, {"level": "everything"}).content.decode()
    assert 'class="field has-error"' in wrong and "Hãy chọn" in wrong
