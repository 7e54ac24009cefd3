"""Pages of the organisation: each opens for a signed-in user; changes need the right post."""

import datetime

import pytest
from django.urls import reverse

from stttt.accounts.models import User
from stttt.org.models import Assignment


def login(client, username):
    client.force_login(User.objects.get(username=username))


@pytest.mark.parametrize("name", ["index", "findings", "plan", "duties", "acting", "chart_svg", "chart_json"])
def test_pages_open_for_staff_and_not_for_anonymous(client, demo_org, name):
    assert client.get(reverse(f"org:{name}")).status_code == 302
    login(client, "chuyenvien_ttbcxb")
    response = client.get(reverse(f"org:{name}"))
    assert response.status_code == 200


def test_unit_page_shows_people_and_head(client, demo_org):
    login(client, "chuyenvien_ttbcxb")
    response = client.get(reverse("org:unit", args=["TTBCXB"]) + "?at=2025-08-05")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Phòng Thông tin - Báo chí - Xuất bản" in body
    acting = Assignment.objects.get(unit__code="TTBCXB", kind="acting")
    assert str(acting.staff) in body.split('data-testid="head-now">')[1][:80]


def test_plan_files(client, demo_org):
    login(client, "giamdoc")
    xlsx = client.get(reverse("org:plan_file", args=["xlsx"]) + "?year=2026")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    docx = client.get(reverse("org:plan_file", args=["docx"]) + "?year=2026")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get(reverse("org:plan_file", args=["pdf"])).status_code == 404


def test_reassign_shows_findings_before_saving(client, demo_org):
    login(client, "chuyenvien_ttbcxb")
    assert client.get(reverse("org:reassign")).status_code == 403
    login(client, "giamdoc")
    staff = Assignment.objects.filter(unit__code="TTBCXB", position="staff").first().staff
    target = Assignment.objects.filter(unit__code="VP").first().unit
    count = Assignment.objects.count()
    data = {"staff": staff.pk, "unit": target.pk, "position": "deputy_head", "on": "2026-12-01", "preview": "1"}
    response = client.post(reverse("org:reassign"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="whatif"' in body and "4.2.a" in body
    assert Assignment.objects.count() == count
    data.pop("preview")
    data["save"] = "1"
    response = client.post(reverse("org:reassign"), data)
    assert response.status_code == 302
    assert Assignment.objects.get(staff=staff, start_on=datetime.date(2026, 12, 1)).unit == target


def test_acting_form_for_director_and_head_only(client, demo_org):
    login(client, "chuyenvien_ttbcxb")
    assert b'<form method="post" class="form' not in client.get(reverse("org:acting")).content
    login(client, "truongphong_ttbcxb")
    deputy = Assignment.objects.get(unit__code="TTBCXB", position="deputy_head").staff
    unit = deputy.assignments.first().unit
    response = client.post(
        reverse("org:acting"), {"unit": unit.pk, "staff": deputy.pk, "start_on": "2027-01-04", "end_on": "2027-01-08"}
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(kind="acting", staff=deputy, start_on=datetime.date(2027, 1, 4)).exists()


def test_duty_without_owner_is_flagged(client, demo_org):
    from stttt.org.models import Duty

    Duty.objects.filter(citation="3.30").update(lead_unit=None)
    login(client, "chuyenvien_ttbcxb")
    body = client.get(reverse("org:duties")).content.decode()
    assert 'class="uncovered"' in body
    assert "1 nhiệm vụ chưa có đơn vị chủ trì" in body
    answer = client.get(reverse("org:duties"), {"q": "3.8.a"}).content.decode()
    assert 'data-testid="who"' in answer and "Phòng Thông tin - Báo chí - Xuất bản" in answer
