"""The facts of law the capabilities apply, listed with their provisions (page, API, CLI), and the checks every
app's `facts.py` must pass."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from stttt.core.apps import capabilities
from stttt.core.legalfacts import all_facts, fact
from stttt.procedures import rules
from stttt.procedures.facts import SUPPLEMENT_WINDOW

# A provision names a document and an article, clause, appendix or section of it.
PROVISION = re.compile(
    r"(Art\.|Article|Appendix|Annex|Section|Point|cl\.|clause|Part|Item|Chapter|Điều|Phụ lục|Mục|§)\s*\S+",
    re.IGNORECASE,
)


def test_every_app_fact_names_its_app_its_provision_and_why_it_is_unsure():
    labels = {config.label for config in capabilities()}
    facts = all_facts()
    assert facts, "the capabilities declare facts"
    for item in facts:
        app = item.key.split(".", 1)[0]
        assert app in labels, f"{item.key}: the key starts with the app that declares it"
        assert PROVISION.search(item.basis) or item.unsure, (
            f"{item.key}: '{item.basis}' names no article of the document: cite it, or mark the fact unsure"
        )
        assert item.unit, f"{item.key}: no unit"
        if item.unsure:
            assert str(item.note).strip(), f"{item.key}: unsure without saying what is unsure"
        assert fact(item.key) is item


def test_labels_and_notes_read_in_the_users_language():
    """The list of facts is a Vietnamese page first: a label or note written as a plain English string would
    show through untranslated (every one is a lazy translation, and Vietnamese has it)."""
    plain, untranslated = [], []
    for item in all_facts():
        for part, text in (("label", item.label), ("note", item.note)):
            if not text:
                continue
            if isinstance(text, str):
                plain.append(f"{item.key} {part}")
                continue
            with translation.override("en"):
                english = str(text)
            with translation.override("vi"):
                if str(text) == english:
                    untranslated.append(f"{item.key} {part}")
    assert plain == [], "wrap these in gettext_lazy"
    assert untranslated == [], "translate these in the app's catalogue"


def test_a_rule_reads_its_figure_from_the_fact():
    assert rules.SUPPLEMENT_WINDOW_WORKING_DAYS == SUPPLEMENT_WINDOW.value == 3


@pytest.mark.django_db
def test_page_lists_facts_unsure_first_filters_and_searches(client):
    with translation.override("vi"):
        html = client.get(reverse("legal:facts")).content.decode()
    assert "procedures.supplement_window" in html and "Decree 61/2018/NĐ-CP Art. 19" in html
    assert html.index("procedures.supplement_window") < html.index("procedures.receipt_day_not_counted")
    only_unsure = client.get(reverse("legal:facts"), {"unsure": "1"}).content.decode()
    assert "procedures.supplement_window" in only_unsure
    assert "procedures.receipt_day_not_counted" not in only_unsure
    found = client.get(reverse("legal:facts"), {"q": "civil 147"}).content.decode()
    assert "procedures.receipt_day_not_counted" in found and "procedures.supplement_window" not in found


@pytest.mark.django_db
def test_api_lists_facts_for_signed_in_users():
    api = APIClient()
    assert api.get("/api/v1/legal/facts/").status_code in (401, 403)
    api.force_authenticate(get_user_model().objects.create_user("reader", password="x-12345678"))
    rows = api.get("/api/v1/legal/facts/", {"unsure": "true"}).json()
    assert {"procedures.supplement_window"} <= {r["key"] for r in rows}
    assert all(r["unsure"] for r in rows)
    row = next(r for r in rows if r["key"] == "procedures.supplement_window")
    assert row["value"] == 3 and row["unit"] == "working_days" and row["note"]


def test_cli_lists_facts_as_text_and_json():
    out = io.StringIO()
    call_command("legal", "facts", "--unsure", stdout=out)
    assert "procedures.supplement_window" in out.getvalue()
    out = io.StringIO()
    call_command("legal", "facts", "--format", "json", "147", stdout=out)
    rows = json.loads(out.getvalue())
    assert [r["key"] for r in rows] == ["procedures.receipt_day_not_counted"]
