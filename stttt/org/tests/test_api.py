"""The organisation API: reads for staff, writes for those allowed, errors in the shared format."""

import io

from rest_framework.test import APIClient

from stttt.accounts.models import User
from stttt.org.models import Assignment, Staff


def client_for(username=None):
    client = APIClient()
    if username:
        client.force_authenticate(User.objects.get(username=username))
    return client


def test_reads(demo_org):
    assert client_for().get("/api/v1/org/units/").status_code in (401, 403)
    api = client_for("chuyenvien_ttbcxb")
    units = api.get("/api/v1/org/units/").json()
    assert {u["code"] for u in units["results"]} >= {"BGD", "VP", "TTCNTT-KT"}
    unit = api.get("/api/v1/org/units/TTBCXB/?at=2025-08-05").json()
    assert unit["head_now"] == Assignment.objects.get(unit__code="TTBCXB", kind="acting").staff.code
    assert api.get("/api/v1/org/findings/").json() == [] or all(
        f["severity"] == "warning" for f in api.get("/api/v1/org/findings/").json()
    )
    assert api.get("/api/v1/org/findings/?at=nonsense").json()["code"] == "invalid"
    assert api.get("/api/v1/org/chart/").json()["units"]
    assert api.get("/api/v1/org/chart/?as=svg").content.startswith(b"<svg")
    assert api.get("/api/v1/org/plan/?year=2026").json()["rows"]
    who = api.get("/api/v1/org/duties/who/", {"q": "3.10.a"}).json()
    assert who[0]["lead_unit"] == "BCVTCNTT"
    assert all(r["covered"] for r in api.get("/api/v1/org/duties/coverage/").json())
    assert api.get("/api/v1/org/staff/?q=nguyen van an").json()["count"] >= 1
    me = api.get("/api/v1/org/powers/").json()
    assert me["unit_codes"] == ["TTBCXB"] and not me["is_director"]
    assert "STTTT-BP" in api.get("/api/v1/org/export/").content.decode()


def test_whatif_saves_nothing(demo_org):
    api = client_for("chuyenvien_ttbcxb")
    count = Assignment.objects.count()
    staff = Assignment.objects.filter(unit__code="TTBCXB", position="staff").first().staff.code
    result = api.post(
        "/api/v1/org/whatif/", {"staff": staff, "unit": "TTRA", "position": "deputy_head"}, format="json"
    ).json()
    assert any(f["provision"] == "4.2.a" for f in result["added"])
    assert Assignment.objects.count() == count
    assert (
        api.post(
            "/api/v1/org/whatif/", {"staff": "NOPE", "unit": "TTRA", "position": "staff"}, format="json"
        ).status_code
        == 400
    )


def test_acting_via_api(demo_org):
    deputy = Staff.objects.get(user__username="phogiamdoc2")
    body = {"staff": deputy.code, "unit": "BGD", "start_on": "2027-02-01", "end_on": "2027-02-05"}
    assert client_for("chuyenvien_ttbcxb").post("/api/v1/org/acting/", body, format="json").status_code == 403
    created = client_for("giamdoc").post("/api/v1/org/acting/", body, format="json")
    assert created.status_code == 201, created.json()
    clash = client_for("giamdoc").post("/api/v1/org/acting/", {**body, "staff": "CB002"}, format="json")
    assert clash.status_code == 400 and clash.json()["code"] == "invalid"
    ended = client_for("giamdoc").post(f"/api/v1/org/acting/{created.json()['id']}/end/")
    assert ended.status_code == 200


def test_import_via_api_is_all_or_nothing(demo_org):
    bad = io.BytesIO(b"staff: [{id: X1, name: X, category: soldier, unit: VP}]\n")
    bad.name = "org.yaml"
    assert client_for("chuyenvien_ttbcxb").post("/api/v1/org/import/", {"file": bad}).status_code == 403
    bad.seek(0)
    response = client_for("giamdoc").post("/api/v1/org/import/", {"file": bad})
    assert response.status_code == 400
    assert response.json()["problems"]
    assert not Staff.objects.filter(code="X1").exists()


def test_assignment_create_via_api(demo_org):
    api = client_for("giamdoc")
    staff = Assignment.objects.filter(unit__code="VP", position="staff", staff__category="civil_servant").first().staff
    response = api.post(
        "/api/v1/org/assignments/",
        {"staff": staff.code, "unit": "TTRA", "position": "staff", "kind": "concurrent", "start_on": "2027-01-01"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    refused = api.post(
        "/api/v1/org/assignments/",
        {"staff": staff.code, "unit": "TTRA", "position": "director", "start_on": "2027-01-01"},
        format="json",
    )
    assert refused.status_code == 400


def test_link_staff_to_account(demo_org):
    new = User.objects.create_user("moi", password="x-Secret-123")
    staff = Staff.objects.filter(user__isnull=True, agency__code="STTTT-BP").first()
    url = f"/api/v1/org/staff/{staff.code}/account/"
    assert client_for("chuyenvien_ttbcxb").post(url, {"username": "moi"}, format="json").status_code == 403
    assert client_for("giamdoc").post(url, {"username": "nobody"}, format="json").status_code == 400
    assert client_for("giamdoc").post(url, {"username": "moi"}, format="json").status_code == 200
    staff.refresh_from_db()
    assert staff.user == new
    assert client_for("moi").get("/api/v1/org/powers/").json()["staff"] == staff.code


def test_reorganisations_via_api(demo_org):
    api = client_for("giamdoc")
    assert client_for("chuyenvien_ttbcxb").post("/api/v1/org/reorganisations/", {}, format="json").status_code == 403
    renamed = api.post(
        "/api/v1/org/reorganisations/",
        {"kind": "rename", "units": ["TTRA"], "on": "2027-01-01", "name": "Thanh tra Sở Thông tin và Truyền thông"},
        format="json",
    )
    assert renamed.status_code == 201, renamed.json()
    body = {
        "kind": "establish",
        "code": "PCDS",
        "name": "Phòng Chuyển đổi số",
        "unit_kind": "division",
        "on": "2027-01-01",
    }
    created = api.post("/api/v1/org/reorganisations/", body, format="json")
    assert created.status_code == 201, created.json()
    refused = api.post(
        "/api/v1/org/reorganisations/", {"kind": "dissolve", "units": ["VP"], "on": "2027-01-01"}, format="json"
    )
    assert refused.status_code == 400 and refused.json()["code"] == "invalid"
    kinds = [e["kind"] for e in api.get("/api/v1/org/reorganisations/").json()]
    assert {"transfer_function", "rename", "establish"} <= set(kinds)
    assert api.get("/api/v1/org/units/TTRA/?at=2026-12-31").json()["name_at"] == "Thanh tra Sở"
