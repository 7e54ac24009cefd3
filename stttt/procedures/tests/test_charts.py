"""The statistics and ratings pages draw their figures as charts beside the tables (issue 11)."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from stttt.procedures import services
from stttt.procedures.tests.conftest import at, file_dossier


def _page(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    return client.get(url).content.decode()


def _figure(page: str, testid: str) -> str:
    found = re.search(rf'<figure class="chart-figure" data-testid="{testid}">(.*?)</figure>', page, re.S)
    assert found, f"no chart {testid}"
    return found.group(1)


def test_statistics_and_ratings_pages_show_charts_of_their_figures(dept, catalog):
    dossier = file_dossier(catalog["1.003868"], dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 7, 9))
    services.dossier_transition(dossier.pk, "receive", actor=dept.desk, now=at(2024, 10, 7, 10))
    services.dossier_transition(dossier.pk, "transfer", actor=dept.desk, now=at(2024, 10, 8, 9))
    services.dossier_transition(dossier.pk, "assign", actor=dept.head, assignee=dept.officer, now=at(2024, 10, 8, 9))
    refused = services.dossier_transition(
        dossier.pk, "refuse", actor=dept.director, reasons="Thiếu", now=at(2024, 10, 8, 10)
    )
    services.rating_save(refused, contacts=0, agencies="none", publicity="both", complaint=False)

    stats = _figure(_page(dept.director, reverse("procedures:statistics") + "?month=2024-10"), "stats-chart")
    assert "<svg" in stats and "Giải quyết đúng hạn" in stats and dossier.procedure.name[:20] in stats

    ratings = _figure(_page(dept.director, reverse("portal:ratings")), "ratings-chart")
    assert "<svg" in ratings and "2024-Q4" in ratings

    # a month without a dossier draws no empty chart
    assert 'data-testid="stats-chart"' not in _page(dept.director, reverse("procedures:statistics") + "?month=2020-01")
