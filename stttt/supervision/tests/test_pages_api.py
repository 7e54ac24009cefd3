"""Pages and API: each page renders for the staff, another agency's record answers 404, steps from forms."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from stttt.supervision.models import Case, Operator
from stttt.supervision.tests.conftest import build
from stttt.testing.departments import SmallDepartment

PAGES = [
    "index",
    "operators",
    "operator_create",
    "reports",
    "totals",
    "sites",
    "site_create",
    "map",
    "network",
    "postal",
    "cases",
    "case_create",
    "emergency",
    "incident_create",
    "grassroots",
    "broadcast_create",
    "external",
]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_page_renders_for_the_director(sup):
    client = client_for(sup.dept.director)
    for name in PAGES:
        assert client.get(reverse(f"supervision:{name}")).status_code == 200, name
    for name, record in [
        ("operator", sup.vnpt),
        ("report", sup.report),
        ("site", sup.site),
        ("case", sup.case),
        ("incident", sup.incident),
        ("broadcast", sup.broadcast),
        ("external_plan", sup.plan),
    ]:
        response = client.get(reverse(f"supervision:{name}", args=[record.pk]))
        assert response.status_code == 200, name


def test_outsiders_are_sent_away_and_another_agencys_record_is_404(sup):
    other = build(SmallDepartment(prefix="B"))
    client = client_for(other.dept.director)
    assert client.get(reverse("supervision:case", args=[sup.case.pk])).status_code == 404
    assert client.get(reverse("supervision:site", args=[sup.site.pk])).status_code == 404
    sites = client.get(reverse("supervision:sites")).content.decode()
    assert reverse("supervision:site", args=[sup.site.pk]) not in sites
    operators = client.get(reverse("supervision:operators")).content.decode()
    assert reverse("supervision:operator", args=[sup.vnpt.pk]) not in operators
    assert reverse("supervision:operator", args=[other.vnpt.pk]) in operators
    assert client_for(sup.dept.citizen).get(reverse("supervision:index")).status_code == 302


def test_the_map_is_an_inline_svg_without_any_external_address(sup):
    body = client_for(sup.dept.director).get(reverse("supervision:map")).content.decode()
    assert "<svg" in body and "T-001" in body
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "") and "https://" not in svg


def test_map_filters_by_operator_commune_and_status(sup):
    client = client_for(sup.dept.director)
    assert "T-001" in client.get(reverse("supervision:map"), {"operator": sup.vnpt.pk}).content.decode()
    assert "T-001" in client.get(reverse("supervision:map"), {"operator": sup.viettel.pk}).content.decode()  # sharer
    assert "T-001" not in client.get(reverse("supervision:map"), {"commune": "Xã Khác"}).content.decode()
    assert "T-001" not in client.get(reverse("supervision:map"), {"status": "down"}).content.decode()


def test_a_step_from_the_page(sup):
    client = client_for(sup.dept.other_head)
    url = reverse("supervision:case_act", args=[sup.case.pk, "start"])
    response = client.post(url, {"note": "Yêu cầu giải trình", "version": "1"})
    assert response.status_code == 302
    assert Case.objects.get(pk=sup.case.pk).status == "handling"
    # The press division's head sees the case but the step is refused (message on the page).
    client = client_for(sup.dept.head)
    client.post(reverse("supervision:case_act", args=[sup.case.pk, "mediate"]), {"note": "x"})
    assert Case.objects.get(pk=sup.case.pk).status == "handling"


def test_forms_create_records(sup):
    client = client_for(sup.dept.other_head)
    response = client.post(
        reverse("supervision:operator_create"), {"name": "MobiFone Thử Nghiệm", "sector": "telecom", "status": "active"}
    )
    assert response.status_code == 302
    assert Operator.objects.filter(agency=sup.agency, name="MobiFone Thử Nghiệm").exists()
    response = client.post(
        reverse("supervision:case_create"),
        {
            "kind": "complaint",
            "title": "Sóng yếu",
            "claimant": "Xã Một",
            "respondent": sup.vnpt.pk,
            "received_on": "2026-11-30",
            "description": "Mất sóng giờ cao điểm",
        },
    )
    assert response.status_code == 302
    assert Case.objects.filter(agency=sup.agency, title="Sóng yếu").exists()


def test_api_lists_and_steps(sup):
    client = client_for(sup.dept.other_head)
    data = client.get("/api/v1/supervision/sites/").json()
    assert data["count"] == 1 and data["results"][0]["code"] == "T-001"
    url = f"/api/v1/supervision/reports/{sup.report.pk}/act/"
    bad = client.post(
        url,
        json.dumps(
            {
                "action": "receive",
                "submitted_on": "2026-10-01",
                "figures": {"mobile_subscribers": 5, "subscribers_4g_5g": 9},
            }
        ),
        content_type="application/json",
    )
    assert bad.status_code == 400
    ok = client.post(
        url,
        json.dumps(
            {
                "action": "receive",
                "submitted_on": "2026-10-01",
                "figures": {"mobile_subscribers": 9, "subscribers_4g_5g": 5},
            }
        ),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["status"] == "submitted"
    stale = client.post(url, json.dumps({"action": "accept", "version": 1}), content_type="application/json")
    assert stale.status_code == 409
    denied = client_for(sup.dept.head).post(url, json.dumps({"action": "accept"}), content_type="application/json")
    assert denied.status_code == 403
    assert client_for(sup.dept.citizen).get("/api/v1/supervision/sites/").status_code == 403


@pytest.mark.parametrize(
    "verb", [["late"], ["sites", "--json"], ["remind"], ["totals", "--kind", "tq", "--period", "2026-09-30"]]
)
def test_cli(sup, verb, settings, capsys):
    from django.core.management import call_command

    call_command("supervision", "--agency", sup.agency.code, *verb)


def test_cli_refuses_bad_input_with_status_2(sup):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError) as caught:
        call_command("supervision", "--agency", sup.agency.code, "totals", "--kind", "nope", "--period", "2026-09-30")
    assert caught.value.returncode == 2
    with pytest.raises(CommandError) as caught:
        call_command("supervision", "--agency", sup.agency.code, "late", "--on", "hôm qua")
    assert caught.value.returncode == 2
