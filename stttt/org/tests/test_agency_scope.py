"""Every org page and API call shows the user's own agency: another agency's units, staff and events are
404; citizens and district officers are refused the internal organisation (fail closed)."""

import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.org import demo, importing, selectors, services
from stttt.org.choices import AssignmentKind, Position
from stttt.org.models import Assignment, ReorgEvent
from stttt.testing.departments import SmallDepartment


@pytest.fixture
def two(db):
    return SmallDepartment("A"), SmallDepartment("B", code="STTTT-B", province="Hai")


def _acting(dept):
    return Assignment.objects.create(
        staff=dept.staff["CV1"],
        unit=dept.division,
        position=Position.HEAD,
        kind=AssignmentKind.ACTING,
        start_on=selectors.today(),
        end_on=selectors.today(),
    )


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_api_lists_hold_only_the_users_agency(two):
    a, _b = two
    client = api(a.officer)
    units = {u["code"] for u in client.get("/api/v1/org/units/").json()["results"]}
    assert units and all(code.startswith("A") for code in units)
    staff = {s["code"] for s in client.get("/api/v1/org/staff/").json()["results"]}
    assert staff and all(code.startswith("A") for code in staff)
    assignments = client.get("/api/v1/org/assignments/").json()["results"]
    assert assignments and all(x["unit"].startswith("A") for x in assignments)
    chart = client.get("/api/v1/org/chart/").json()
    assert chart["units"] and all(u["code"].startswith("A") for u in chart["units"])
    export = client.get("/api/v1/org/export/").content.decode()
    assert "STTTT-T" in export and "BSTTTT-B" not in export and "BGD" in export and "BTTBCXB" not in export


def test_records_of_another_agency_are_404(two):
    a, b = two
    other_unit, other_staff = b.division.code, b.staff["CV1"].code
    client = api(a.director)
    assert client.get(f"/api/v1/org/units/{other_unit}/").status_code == 404
    assert client.get(f"/api/v1/org/staff/{other_staff}/").status_code == 404
    other_post = Assignment.objects.filter(unit__agency=b.agency).first()
    assert client.get(f"/api/v1/org/assignments/{other_post.pk}/").status_code == 404
    acting = _acting(b)
    assert client.post(f"/api/v1/org/acting/{acting.pk}/end/").status_code == 404
    # A body naming the other agency's people or units is refused, not acted on.
    response = client.post(
        "/api/v1/org/assignments/",
        {"staff": other_staff, "unit": a.division.code, "position": Position.STAFF, "start_on": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400
    response = client.post(
        "/api/v1/org/acting/",
        {"staff": a.staff["CV1"].code, "unit": other_unit, "start_on": "2030-01-01", "end_on": "2030-01-02"},
        format="json",
    )
    assert response.status_code == 400
    services.unit_rename(b.other, name="Phòng mới", on=selectors.today())
    events = client.get("/api/v1/org/reorganisations/").json()
    assert ReorgEvent.objects.filter(agency=b.agency).exists()
    assert all(not code.startswith("B") for e in events for code in e["units"])


def test_pages_of_another_agency_are_404(client, two):
    a, b = two
    client.force_login(a.officer)
    assert client.get(reverse("org:unit", args=[b.division.code])).status_code == 404
    assert client.get(reverse("org:unit", args=[a.division.code])).status_code == 200
    acting = _acting(b)
    client.force_login(a.director)
    assert client.post(reverse("org:acting_cancel", args=[acting.pk])).status_code == 404
    page = client.get(reverse("org:index")).content.decode()
    assert a.division.code in page and b.division.code not in page


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/org/units/",
        "/api/v1/org/staff/",
        "/api/v1/org/assignments/",
        "/api/v1/org/export/",
        "/api/v1/org/plan/",
        "/api/v1/org/chart/",
        "/api/v1/org/findings/",
        "/api/v1/org/duties/",
        "/api/v1/org/acting/",
        "/api/v1/org/reorganisations/",
    ],
)
def test_citizens_and_district_officers_are_refused_the_internal_api(two, url):
    a, _b = two
    for outsider in (a.citizen, a.district_officer_a):
        assert api(outsider).get(url).status_code in (403, 404), (outsider, url)
    assert api(a.officer).get(url).status_code == 200


@pytest.mark.parametrize("name", ["index", "findings", "plan", "duties", "acting", "chart_svg", "chart_json"])
def test_citizens_and_district_officers_are_refused_the_org_pages(client, two, name):
    a, _b = two
    for outsider in (a.citizen, a.district_officer_a):
        client.force_login(outsider)
        assert client.get(reverse(f"org:{name}"))["Location"] == "/"  # sent to their own home
    client.force_login(a.officer)
    assert client.get(reverse(f"org:{name}")).status_code == 200


def test_staffing_plan_file_is_of_the_users_agency(client, two):
    a, b = two
    client.force_login(b.officer)
    response = client.get(reverse("org:plan_file", args=["xlsx"]))
    assert response.status_code == 200
    client.force_login(a.citizen)
    assert client.get(reverse("org:plan_file", args=["xlsx"]))["Location"] == "/"  # sent to their own home


def test_a_director_manages_only_their_own_agency(two):
    from stttt.org import permissions

    a, b = two
    assert permissions.can_manage(a.director, a.agency)
    assert not permissions.can_manage(a.director, b.agency)
    assert not permissions.can_appoint_acting(a.director, b.division)
    assert permissions.can_appoint_acting(a.head, a.division) and not permissions.can_manage(a.head)


def test_import_through_the_api_is_into_the_users_agency_only(two):
    a, b = two
    text = importing.export_yaml(b.agency)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("to-chuc.yaml", text.encode(), content_type="application/yaml")
    response = api(a.director).post("/api/v1/org/import/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert any(p["column"] == "code" for p in response.json()["problems"])


def test_second_demo_agency_loads_clean_and_is_idempotent(db):
    demo.load(io.StringIO())
    second = selectors.agency_get("STTTT-BD")
    assert selectors.findings_at(second) == []
    assert second.districts.count() == 9 and second.one_stop_unit_code == "BD-VP"
    assert "stttt.binhduong.gov.vn" in second.organisation_source
    assert selectors.director_at(second).user.username == "bd.giamdoc"
    count = Assignment.objects.count(), second.history.count()
    out = io.StringIO()
    demo.load(out)
    assert (Assignment.objects.count(), second.history.count()) == count
    assert out.getvalue().count("'created': {}, 'updated': {}") == 2


def test_a_provision_lists_only_the_duties_of_the_users_agency(two):
    a, b = two
    from stttt.org.models import Duty
    from stttt.org.selectors import visible_to_department_staff

    services.duty_save(a.agency, citation="3.1", title="Một", lead_unit=a.division)
    services.duty_save(b.agency, citation="3.1", title="Một", lead_unit=b.division)
    mine = visible_to_department_staff(a.officer, Duty.objects.all())
    assert [d.agency_id for d in mine] == [a.agency.pk]
    assert not visible_to_department_staff(a.citizen, Duty.objects.all()).exists()
    assert not visible_to_department_staff(a.district_officer_a, Duty.objects.all()).exists()


def test_the_org_page_shows_the_agencys_identity_and_regulation(client, db):
    from stttt.legal.models import Document

    dept = SmallDepartment()
    dept.agency.regulation = Document.objects.create(
        work_uri="/vd/qd/2024/1",
        version_date="2024-01-05",
        doc_type="Quyết định",
        number="01/2024/QĐ-UBND",
        title="Quy định",
        issuer="Ủy ban nhân dân tỉnh Thử Nghiệm",
        signing_date="2024-01-05",
    )
    dept.agency.organisation_source = "Nguồn thử nghiệm"
    dept.agency.save()
    client.force_login(dept.officer)
    html = client.get(reverse("org:index"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Căn cứ Quyết định số 01/2024/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh Thử Nghiệm" in html
    assert "Nguồn thử nghiệm" in html and "Ủy ban nhân dân tỉnh Thử Nghiệm" in html
