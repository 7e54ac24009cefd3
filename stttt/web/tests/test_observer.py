"""The PPC observer: their own home (the Department's figures, reports to the PPC), read-only, no applicant's
personal data, no staff page and no write action."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from stttt.org.powers import agency_of, scope_to_agency
from stttt.procedures.models import Dossier
from stttt.web.context_processors import visitor_role
from stttt.web.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_observer_home_shows_figures_and_approved_reports_to_the_ppc_only(world):
    client = client_for(world.observer)
    assert visitor_role(world.observer) == "observer"
    home = client.get("/")
    html = home.content.decode()
    assert home.status_code == 200 and 'data-testid="observer-month"' in html and 'data-testid="observer-year"' in html
    assert world.ppc_report.report_type.name in html and "12/BC-STTTT" in html
    assert reverse("web:observer_report", args=[world.ppc_draft.pk]) not in html  # a draft stays inside
    assert world.dossier.applicant_name not in html  # counts only
    assert reverse("web:observer_reports") in html and reverse("work:index") not in html  # its own header

    page = client.get(reverse("web:observer_report", args=[world.ppc_report.pk])).content.decode()
    assert "Đã giải quyết đúng hạn các hồ sơ." in page and "<form" not in page.split("<main", 1)[-1]
    pdf = client.get(reverse("web:observer_report_file", args=[world.ppc_report.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("web:observer_report", args=[world.ppc_draft.pk])).status_code == 404
    assert client.get(reverse("web:observer_report_file", args=[world.ppc_report.pk, "exe"])).status_code == 404
    # the monthly briefing: the work situation reported to the PPC, as a document
    month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    briefing = client.get(reverse("web:observer_briefing_file", args=[month, "pdf"]))
    assert reverse("web:observer_briefing_file", args=[month, "pdf"]) in html
    assert briefing.status_code == 200 and briefing.content.startswith(b"%PDF")
    assert client.get(reverse("web:observer_briefing_file", args=["2026-13", "pdf"])).status_code == 404
    assert client_for(world.citizen).get(reverse("web:observer_briefing_file", args=[month, "pdf"])).status_code == 404


def test_the_observer_gets_no_staff_page_no_dossier_and_no_write(world):
    client = client_for(world.observer)
    for url in (
        reverse("procedures:index"),
        reverse("procedures:dossier", args=[world.dossier.pk]),
        reverse("work:report", args=[world.ppc_report.pk]),
        reverse("work:briefing"),
        reverse("org:plan"),
    ):
        assert client.get(url)["Location"] == "/", url
    response = client.post(reverse("work:report_action", args=[world.ppc_report.pk, "send"]), {"number": "x"})
    assert response["Location"] == "/"
    world.ppc_report.refresh_from_db()
    assert world.ppc_report.number == "12/BC-STTTT"
    # no agency for the lists scoped to an agency: nothing of the Department's records opens to them
    assert agency_of(world.observer) is None
    assert not scope_to_agency(Dossier.objects.all(), world.observer).exists()
    assert client.get("/api/v1/procedures/dossiers/").json().get("results", []) == []


def test_other_users_have_no_observer_pages(world):
    for user in (world.citizen, world.director):
        client = client_for(user)
        assert client.get(reverse("web:observer_reports")).status_code == 404
        assert client.get(reverse("web:observer_report", args=[world.ppc_report.pk])).status_code == 404
    assert client_for(None).get(reverse("web:observer_reports")).status_code == 302
