"""Pages, documents and API over a small Department with an Inspectorate: they answer, and a denouncer's name
appears nowhere but on the identity page of those allowed (pages, search, API)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.inspection import services
from stttt.inspection.models import IdentityAccess
from stttt.inspection.tests.conftest import bulletin

pytestmark = pytest.mark.django_db
SECRET = "Người Tố Cáo Bí Mật"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def data(dept):
    today = timezone.localdate()
    licence = bulletin(dept)
    record = services.violation_record(
        agency=dept.agency,
        actor=dept.inspector,
        provision_code="119-2020-10-2",
        offender_type="organisation",
        offender_name="Hội Nhà báo tỉnh",
        act="Sai tôn chỉ",
        place="Trụ sở",
        discovered_on=today - dt.timedelta(days=1),
        licence=licence,
    )
    services.violation_transition(record.pk, "decide", actor=dept.chief, fine=30_000_000, suspension_months=1)
    case = services.case_decide(
        agency=dept.agency,
        actor=dept.chief,
        subject_name="Công ty A",
        sector="post",
        content="Bưu chính",
        legal_basis="Luật Thanh tra 2022",
        head=dept.inspector,
    )
    letter = services.letter_receive(
        agency=dept.agency,
        actor=dept.inspector,
        kind="denunciation",
        channel="letter",
        summary="Nhũng nhiễu",
        subject="Cán bộ",
        sender_name=SECRET,
        denounced=dept.officer,
    )
    services.letter_transition(letter.pk, "assign", actor=dept.chief, assignee=dept.inspector2)
    return {"record": record, "case": case, "letter": letter}


def test_pages_and_documents_answer(dept, data):
    chief = _client(dept.chief)
    urls = [
        reverse("inspection:index"),
        reverse("inspection:referrals"),
        reverse("inspection:plans"),
        reverse("inspection:cases"),
        reverse("inspection:case", args=[data["case"].pk]),
        reverse("inspection:case_create"),
        reverse("inspection:violations"),
        reverse("inspection:violation", args=[data["record"].pk]),
        reverse("inspection:violation_create"),
        reverse("inspection:letters"),
        reverse("inspection:letter", args=[data["letter"].pk]),
        reverse("inspection:reception"),
        reverse("inspection:catalogue"),
    ]
    for url in urls:
        assert chief.get(url).status_code == 200, url
    for doc in ("quyet-dinh", "cong-bo", "bao-cao", "ket-luan"):
        response = chief.get(reverse("inspection:case_file", args=[data["case"].pk, doc, "docx"]))
        assert response.status_code == 200 and response.content[:2] == b"PK"
    response = chief.get(reverse("inspection:violation_file", args=[data["record"].pk, "quyet-dinh-xu-phat", "pdf"]))
    assert response.status_code == 200 and response.content[:4] == b"%PDF"


def test_a_step_posted_from_the_page(dept, data):
    director = _client(dept.director)
    url = reverse("inspection:violation_action", args=[data["record"].pk, "register_suspension"])
    assert director.post(url).status_code == 302
    data["record"].refresh_from_db()
    assert data["record"].decision.licence_event_id


def test_the_denouncer_appears_only_on_the_identity_page_of_those_allowed(dept, data):
    letter = data["letter"]
    for user in (dept.chief, dept.inspector2, dept.inspector, dept.director, dept.deputy):
        client = _client(user)
        for url in (
            reverse("inspection:letters"),
            reverse("inspection:letters") + "?q=bi+mat",
            reverse("inspection:letter", args=[letter.pk]),
            reverse("inspection-letter-list"),
            reverse("inspection-letter-detail", args=[letter.pk]),
            reverse("inspection:reception"),
            f"/lich-su/inspection/letter/{letter.pk}/",
        ):
            assert SECRET not in client.get(url).content.decode(), (user.username, url)
    assert (
        SECRET
        in _client(dept.inspector2).post(reverse("inspection:letter_identity", args=[letter.pk])).content.decode()
    )
    assert SECRET in _client(dept.chief).post(reverse("inspection:letter_identity", args=[letter.pk])).content.decode()
    for user in (dept.inspector, dept.director):
        assert _client(user).post(reverse("inspection:letter_identity", args=[letter.pk])).status_code == 403
    # the person denounced does not even see the letter
    assert _client(dept.officer).get(reverse("inspection:letter", args=[letter.pk])).status_code == 403
    assert IdentityAccess.objects.filter(letter=letter, allowed=False).count() == 2


def test_api_lists_and_refuses_a_sanction_beyond_competence(dept, data):
    inspector = _client(dept.inspector)
    response = inspector.get(reverse("inspection-violation-list"))
    assert response.status_code == 200
    created = inspector.post(
        reverse("inspection-violation-list"),
        {
            "provision_code": "15-2020-5-3",
            "offender_type": "individual",
            "offender_name": "Nguyễn Văn B",
            "act": "Cung ứng dịch vụ bưu chính không có giấy phép",
            "place": "Chợ",
            "discovered_on": str(timezone.localdate()),
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    refused = inspector.post(
        reverse("inspection-violation-act", args=[pk]),
        {"action": "decide", "fine": 20_000_000},
        content_type="application/json",
    )
    assert refused.status_code in (400, 403)
    assert _client(dept.officer).get(reverse("inspection-letter-list")).status_code == 403
