"""The digital pages and API: staff see their agency's records, outsiders nothing; list pages cost the same
queries at any size."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from stttt.digital import services
from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db

LISTS = [
    "index",
    "programmes",
    "indicators",
    "collections",
    "dti",
    "online",
    "datasets",
    "sharings",
    "appraisals",
    "enterprises",
    "signatures",
]


def _client(d, user):
    client = Client(HTTP_HOST=d.agency.host_names.split(",")[0])
    client.force_login(user)
    return client


def test_pages_for_staff_and_outsiders(digital, other):
    d = digital.d
    staff = _client(d, d.director)
    for name in LISTS:
        assert staff.get(reverse(f"digital:{name}")).status_code == 200, name
    collection = staff.get(reverse("digital:collection", args=[digital.collection.pk]))
    assert collection.status_code == 200 and "Sở Nội vụ" in collection.content.decode()
    assert staff.get(reverse("digital:collection", args=[other.collection.pk])).status_code == 404
    # District officers fill their figures through the API (the staff-area gate keeps them off these pages).
    officer = _client(d, d.district_officer_a)
    mine = digital.submission(digital.district_entity)
    theirs = digital.submission(digital.other_district_entity)
    assert officer.get(f"/api/v1/digital/submissions/{theirs.pk}/").status_code == 404
    answer = officer.post(
        f"/api/v1/digital/submissions/{mine.pk}/figures/",
        {"raw": {"dvc__num": "2", "dvc__den": "4", "to-cns": "7"}, "submit": True},
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    mine.refresh_from_db()
    assert mine.status == "submitted"


def test_api_lists_and_dti(digital, other):
    d = digital.d
    services.enterprise_save(
        actor=d.head, agency=d.agency, name="Công ty A", tax_code="0101", field_of_activity="software"
    )
    services.enterprise_save(
        actor=other.d.head, agency=other.agency, name="Công ty B", tax_code="0202", field_of_activity="software"
    )
    client = _client(d, d.head)
    rows = client.get("/api/v1/digital/enterprises/").json()["results"]
    assert [r["tax_code"] for r in rows] == ["0101"]
    assert client.get("/api/v1/digital/dti/?year=2026").status_code == 200
    assert client.get("/api/v1/digital/dti/?year=abc").status_code == 400
    created = client.post(
        "/api/v1/digital/appraisals/",
        {
            "title": "Kho dữ liệu",
            "owner": "Sở",
            "funding": "investment",
            "stage": "economic_technical",
            "total": "12000000000",
            "received_on": dt.date(2026, 3, 2).isoformat(),
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["group"] == "C"


def _rows(department, n):
    """n records of each digital kind for the Department (bulk)."""
    from stttt.digital.models import Appraisal, Dataset, ITEnterprise, SharingRequest, SignatureRequest

    agency = department.agency
    day = dt.date(2026, 3, 2)
    ITEnterprise.objects.bulk_create(
        ITEnterprise(agency=agency, name=f"DN {i}", tax_code=f"{n}-{i}", field_of_activity="software") for i in range(n)
    )
    datasets = Dataset.objects.bulk_create(
        Dataset(
            agency=agency, code=f"ds-{n}-{i}", name=f"Dữ liệu {i}", owner="Sở", frequency="daily", access_level="shared"
        )
        for i in range(n)
    )
    SharingRequest.objects.bulk_create(
        SharingRequest(agency=agency, dataset=datasets[i], requester="Sở X", purpose="p", received_on=day, due_on=day)
        for i in range(n)
    )
    Appraisal.objects.bulk_create(
        Appraisal(
            agency=agency,
            title=f"Dự án {i}",
            owner="Sở",
            funding="investment",
            stage="feasibility",
            total=10**11,
            group="B",
            received_on=day,
            due_on=day,
        )
        for i in range(n)
    )
    SignatureRequest.objects.bulk_create(
        SignatureRequest(agency=agency, kind="individual", body="Sở", holder=f"Người {i}", received_on=day)
        for i in range(n)
    )


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.director, reverse(f"digital:{name}"))
            for name in ("datasets", "sharings", "appraisals", "enterprises", "signatures", "programmes", "collections")
        ],
        rows=_rows,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_staff_enter_an_agencys_figures_and_see_the_dashboard(browser_page):
    from stttt.digital.tests.conftest import Digital
    from stttt.testing.departments import PASSWORD

    digital = Digital()
    page = browser_page
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(digital.d.officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    sub = digital.submission(digital.department_entity)
    page.goto(reverse("digital:submission", args=[sub.pk]))
    page.fill("#value-dvc__num", "3")
    page.fill("#value-dvc__den", "4")
    page.click("button[value=submit]")
    page.wait_for_url(f"**{reverse('digital:submission', args=[sub.pk])}")
    sub.refresh_from_db()
    assert sub.status == "submitted"
    page.goto(reverse("digital:index"))
    assert page.get_by_test_id("chart-dti").count() == 1
