"""The owner bodies' pages (portal accounts) and the staff pages, API, CLI and documents."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from stttt.cyber import services
from stttt.cyber.models import Incident, LevelDossier
from stttt.cyber.tests.conftest import day

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    return client


def test_an_owner_account_sees_its_own_systems_submits_a_dossier_and_reports_an_incident(world):
    w = world
    client = _client(w.account)
    page = client.get(reverse("cyber:cyber_owner:home")).content.decode()
    assert w.mail.name in page and w.portal.name not in page
    assert client.get(reverse("cyber:cyber_owner:system", args=[w.portal.pk])).status_code == 404
    response = client.post(
        reverse("cyber:cyber_owner:system", args=[w.mail.pk]), {"proposed_level": "2", "explanation": "Điều 8"}
    )
    assert response.status_code == 302
    assert LevelDossier.objects.filter(system=w.mail, submitted_by=w.account).exists()
    response = client.post(
        reverse("cyber:cyber_owner:incident_new"),
        {
            "title": "Mã độc",
            "description": "Máy trạm nhiễm mã độc",
            "kind": "malware",
            "severity": "medium",
            "detected_on": day().isoformat(),
            "systems": [w.mail.pk],
        },
    )
    incident = Incident.objects.get(title="Mã độc")
    assert response.status_code == 302 and incident.owner == w.health
    assert client.get(reverse("cyber:cyber_owner:incident", args=[incident.pk])).status_code == 200
    assert _client(w.other_account).get(reverse("cyber:cyber_owner:incident", args=[incident.pk])).status_code == 404


def test_the_header_leads_an_owner_account_to_its_pages_and_no_one_else(world):
    w = world
    home = reverse("cyber:cyber_owner:home")
    assert f'href="{home}"' in _client(w.account).get(reverse("portal:mine")).content.decode()
    assert f'href="{home}"' not in _client(w.d.citizen).get(reverse("portal:mine")).content.decode()


def test_the_staff_area_sends_owner_accounts_home_and_the_owner_area_refuses_staff_and_citizens(world):
    w = world
    assert _client(w.account).get(reverse("cyber:systems")).status_code == 302
    assert _client(w.d.citizen).get(reverse("cyber:cyber_owner:home")).status_code == 403
    assert _client(w.staff).get(reverse("cyber:cyber_owner:home")).status_code == 403
    anonymous = Client().get(reverse("cyber:cyber_owner:home"))
    assert anonymous.status_code == 302 and "dang-nhap" in anonymous["Location"]


def test_an_owner_acknowledges_a_relayed_warning(world):
    w = world
    warning = services.warning_record(
        actor=w.security, source="NCSC", title="Exchange", product="Microsoft Exchange Server", received_on=day()
    )
    services.warning_transition(warning, "relay", actor=w.security)
    delivery = warning.deliveries.get(owner=w.health)
    client = _client(w.account)
    client.post(reverse("cyber:cyber_owner:delivery", args=[delivery.pk]), {"action": "acknowledge"})
    delivery.refresh_from_db()
    assert delivery.status == "acknowledged"
    other = warning.deliveries.get(owner=w.town)
    assert (
        client.post(reverse("cyber:cyber_owner:delivery", args=[other.pk]), {"action": "acknowledge"}).status_code
        == 404
    )


def test_staff_pages_render_with_charts_and_the_flag(world):
    w = world
    dossier = services.dossier_submit(w.centre, actor=w.director, proposed_level=2)
    client = _client(w.director)
    for name in ("index", "systems", "dossiers", "compliance", "incidents", "warnings", "contents", "owners"):
        assert client.get(reverse(f"cyber:{name}")).status_code == 200, name
    assert "<svg" in client.get(reverse("cyber:index")).content.decode()
    page = client.get(reverse("cyber:dossier", args=[dossier.pk])).content.decode()
    assert 'data-testid="flag"' in page and "Art. 9(3)" in page
    assert client.get(reverse("cyber:systems") + "?q=thu dien tu").content.decode().count(w.mail.name) == 1


def test_opinion_and_decision_documents(world):
    w = world
    dossier = services.dossier_submit(w.mail, actor=w.account, proposed_level=2)
    client = _client(w.director)
    url = reverse("cyber:dossier_document", args=[dossier.pk, "y-kien-tham-dinh", "docx"])
    assert client.get(url).status_code == 404  # not appraised yet
    services.dossier_transition(dossier, "receive", actor=w.security)
    services.dossier_transition(dossier, "appraise", actor=w.security, opinion="Đạt", opinion_number="5/STTTT")
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"PK")
    services.dossier_transition(dossier, "approve", actor=w.director, decision_number="9/QĐ-STTTT")
    response = client.get(reverse("cyber:dossier_document", args=[dossier.pk, "quyet-dinh", "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_api_lists_are_scoped_and_steps_go_through_act(two):
    a, b = two
    client = _client(a.security)
    systems = client.get("/api/v1/cyber/systems/").json()
    names = {s["name"] for s in systems["results"]}
    assert a.mail.name in names and b.mail.name not in names
    created = client.post(
        "/api/v1/cyber/dossiers/",
        {"system": "ttdl", "proposed_level": 2, "explanation": "x"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["lower_than_criteria"]["level"] == 3
    done = client.post(
        f"/api/v1/cyber/dossiers/{body['id']}/act/", {"action": "receive"}, content_type="application/json"
    )
    assert done.json()["status"] == "in_appraisal"
    bad = client.post(
        f"/api/v1/cyber/dossiers/{body['id']}/act/", {"action": "approve"}, content_type="application/json"
    )
    assert bad.status_code == 400
    other = LevelDossier.objects.create(
        agency=b.d.agency, system=b.mail, reference="X-1", proposed_level=2, submitted_on=day()
    )
    assert client.get(f"/api/v1/cyber/dossiers/{other.pk}/").status_code == 404
    owner_view = _client(a.account).get("/api/v1/cyber/systems/").json()
    assert {s["code"] for s in owner_view["results"]} == {"mail", "ttdl"}


def test_cli(world):
    w = world
    out = io.StringIO()
    call_command("cyber", "--agency", w.d.agency.code, "systems", stdout=out)
    assert w.mail.name in out.getvalue()
    out = io.StringIO()
    call_command("cyber", "--agency", w.d.agency.code, "compliance", stdout=out)
    assert "Sở Y tế" in out.getvalue()
    with pytest.raises(CommandError) as exc:
        call_command("cyber", "--agency", "NONE", "systems")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError):
        call_command("cyber", "--agency", w.d.agency.code, "figures", "--start", "2026-13-01", "--end", "2026-12-31")
