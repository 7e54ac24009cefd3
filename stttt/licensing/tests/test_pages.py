"""Staff pages, CLI and API of the licensing app."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.licensing import services
from stttt.licensing.models import Licence, LicenceEvent

pytestmark = pytest.mark.django_db


def _point(dept, **extra):
    data = {
        "holder_type": "person",
        "holder_name": "Trần Thị Bình",
        "holder_id_number": "070190000111",
        "holder_phone": "0909000111",
        "issuer": "district",
        "issuer_name": "UBND huyện Lộc Ninh",
        "number": "01/GCN-UBND",
        "issued_on": timezone.localdate() - dt.timedelta(days=10),
        "district": dept.district_b.code,
        **extra,
    }
    return services.licence_record(
        "game_point",
        actor=dept.officer,
        data=data,
        subject={"point_name": "Điểm game Hòa Bình", "facility_address": "Ấp 1, Lộc Ninh", "machines": 20},
    )


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_pages_and_documents(dept):
    licence = _point(dept)
    officer = _client(dept.officer)
    page = officer.get(reverse("licensing:index"), {"q": "hoa binh"}).content.decode()
    assert licence.number in page
    detail = officer.get(reverse("licensing:licence", args=[licence.pk])).content.decode()
    assert "070190000111" in detail  # staff see the personal data
    assert 'value="revoke"' not in detail  # not a leader: no revocation offered
    docx = officer.get(reverse("licensing:document", args=[licence.pk, "docx"]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert officer.get(reverse("licensing:document", args=[licence.pk, "txt"])).status_code == 404
    record = officer.post(
        reverse("licensing:record", args=["online_game"]),
        {
            "holder_type": "organisation",
            "holder_name": "Công ty CP VNG",
            "issuer": "ministry",
            "issuer_name": "Bộ Thông tin và Truyền thông",
            "number": "312/QĐ-BTTTT",
            "issued_on": "2024-05-02",
            "subject_game_name": "Võ Lâm",
            "subject_publisher": "VNG",
        },
    )
    assert record.status_code == 302
    assert Licence.objects.filter(kind="online_game", number="312/QĐ-BTTTT").exists()
    bad = officer.post(
        reverse("licensing:record", args=["online_game"]),
        {
            "holder_type": "organisation",
            "holder_name": "X",
            "issuer": "ministry",
            "issuer_name": "",
            "issued_on": "2024-05-02",
            "subject_game_name": "Y",
            "subject_publisher": "Z",
        },
    )
    assert bad.status_code == 200 and Licence.objects.count() == 2


def test_an_officer_cannot_revoke_through_the_page_a_leader_can(dept):
    licence = _point(dept)
    today = timezone.localdate().isoformat()
    form = {"type": "revoke", "effective_on": today, "legal_basis": "Nghị định 72/2013 Điều 35"}
    _client(dept.officer).post(reverse("licensing:event", args=[licence.pk]), form)
    assert not LicenceEvent.objects.exists()
    _client(dept.director).post(reverse("licensing:event", args=[licence.pk]), form)
    event = LicenceEvent.objects.get()
    assert event.decided_by == dept.director and event.history.count() == 1  # audited


def test_pages_are_for_staff_only(dept):
    licence = _point(dept)
    assert Client().get(reverse("licensing:index")).status_code == 302
    applicant = _client(dept.applicant)
    # an applicant is sent to their home (the portal), whatever the staff page
    assert applicant.get(reverse("licensing:index"))["Location"] == "/"
    assert applicant.get(reverse("licensing:licence", args=[licence.pk]))["Location"] == "/"
    assert Client().get("/api/v1/licences/").status_code == 401
    staff = _client(dept.officer).get("/api/v1/licences/").json()
    assert staff["results"][0]["status"] == "valid"


def test_cli_register(dept):
    _point(dept)
    out = io.StringIO()
    call_command("licensing", "register", "3.8.c", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["count"] == 1 and "070190000111" not in out.getvalue() and "0909000111" not in out.getvalue()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as info:
        call_command("licensing", "register", "nothing")
    assert info.value.returncode == 2
