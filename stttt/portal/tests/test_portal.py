"""The public portal through its pages: filing, tracking, supplement, result, rating, registers, API."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.core.models import OutboundMessage
from stttt.licensing import services as licensing_services
from stttt.licensing.models import Licence
from stttt.portal.models import Submission
from stttt.procedures import selectors as procedure_selectors
from stttt.procedures import services as procedure_services
from stttt.procedures.models import Dossier, Rating

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 test document"
CODE = "STTTT.PTTH.01"


def _form(catalog, **extra):
    procedure = catalog[CODE]
    district = procedure.agency.districts.order_by("order").first()
    data = {
        "applicant_name": "Khách sạn Sao Mai",
        "applicant_id_number": "3800111222",
        "applicant_address": "1 Trần Hưng Đạo, Đồng Xoài",
        "applicant_phone": "0271 3888 999",
        "applicant_email": "saomai@example.vn",
        "holder_type": "organisation",
        "district": district.code,
        "subject_facility_address": "1 Trần Hưng Đạo, Đồng Xoài",
        "subject_channels": "CNN\nNHK World",
        "idempotency_key": "a" * 32,
    }
    for component in procedure.components.all():
        if component.required:
            data[f"file_{component.pk}"] = SimpleUploadedFile(f"giay-to-{component.pk}.pdf", PDF, "application/pdf")
    data.update(extra)
    return data


def _file(client, catalog, **extra):
    response = client.post(reverse("portal:submit", args=[CODE]), _form(catalog, **extra))
    assert response.status_code == 302, response.content.decode()[:3000]
    done = client.get(response["Location"])
    html = done.content.decode()
    reference = re.search(r'data-testid="reference">([^<]+)<', html).group(1)
    secret = re.search(r'data-testid="secret">([^<]+)<', html).group(1)
    return reference, secret


def test_anonymous_filing_gives_reference_secret_and_email(dept, catalog, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once the filing commits
        reference, secret = _file(client, catalog)
    submission = Submission.objects.get(reference=reference)
    dossier = submission.dossier
    assert (
        dossier.status == "submitted"
        and dossier.files.count() == catalog[CODE].components.filter(required=True).count()
    )
    assert dossier.application.subject["channels"] == ["CNN", "NHK World"]
    assert secret not in submission.secret_hash
    assert mail.outbox and secret in mail.outbox[0].body and reference in mail.outbox[0].body
    # the secret is not kept in clear: the outbox's copy is wiped once sent
    assert not OutboundMessage.objects.filter(body__contains=secret).exists()
    assert OutboundMessage.objects.filter(topic="portal.filed", status="sent").exists()
    # a double click (same form key) gives the same dossier
    again = client.post(reverse("portal:submit", args=[CODE]), _form(catalog))
    assert again.status_code == 302 and Dossier.objects.count() == 1


def test_bad_upload_is_refused_with_a_clear_message_and_nothing_is_created(dept, catalog):
    client = Client()
    component = catalog[CODE].components.filter(required=True).first()
    data = _form(catalog, **{f"file_{component.pk}": SimpleUploadedFile("virus.exe", b"MZ...", "application/x")})
    response = client.post(reverse("portal:submit", args=[CODE]), data)
    assert response.status_code == 200
    assert "virus.exe" in response.content.decode()
    assert not Dossier.objects.exists() and not Submission.objects.exists()
    missing = _form(catalog)
    missing.pop(f"file_{component.pk}")
    response = Client().post(reverse("portal:submit", args=[CODE]), missing)
    assert response.status_code == 200 and not Dossier.objects.exists()


def test_tracking_needs_the_secret_and_others_get_404(dept, catalog):
    reference, secret = _file(Client(), catalog)
    stranger = Client()
    status_url = reverse("portal:status", args=[reference])
    assert stranger.get(status_url).status_code == 404
    wrong = stranger.post(reverse("portal:track"), {"reference": reference, "secret": "nope"})
    assert wrong.status_code == 200 and stranger.get(status_url).status_code == 404
    # another applicant with their own dossier, guessing references, codes and ids
    other_reference, _secret = _file(stranger, catalog, idempotency_key="b" * 32)
    assert stranger.get(reverse("portal:status", args=[other_reference])).status_code == 200
    for guess in (reference, reference.lower(), str(Submission.objects.get(reference=reference).pk)):
        assert stranger.get(reverse("portal:status", args=[guess])).status_code == 404
        assert stranger.get(reverse("portal:result", args=[guess, "pdf"])).status_code == 404
    # signed-in account of someone else: still 404
    signed = Client()
    signed.force_login(dept.applicant)
    assert signed.get(status_url).status_code == 404
    # the right secret opens it
    right = Client()
    assert right.post(reverse("portal:track"), {"reference": reference, "secret": secret}).status_code == 302
    assert right.get(status_url).status_code == 200


def test_supplement_answered_online_and_result_downloaded_and_rated(dept, catalog):
    client = Client()
    reference, _secret = _file(client, catalog)
    dossier = Submission.objects.get(reference=reference).dossier
    step = lambda action, actor, **kw: procedure_services.dossier_transition(dossier.pk, action, actor=actor, **kw)  # noqa: E731
    step("receive", dept.desk)
    step("transfer", dept.desk)
    step("assign", dept.head, assignee=dept.officer)
    step("request_supplement", dept.officer, reasons="Thiếu hợp đồng thuê địa điểm")
    page = client.get(reverse("portal:status", args=[reference])).content.decode()
    assert "Thiếu hợp đồng thuê địa điểm" in page
    bad = client.post(
        reverse("portal:supplement", args=[reference]), {"file": SimpleUploadedFile("a.pdf", b"not a pdf")}
    )
    assert bad.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "awaiting_supplement"
    client.post(reverse("portal:supplement", args=[reference]), {"file": SimpleUploadedFile("hop-dong.pdf", PDF)})
    dossier.refresh_from_db()
    assert dossier.status == "in_appraisal"
    step("propose", dept.officer)
    step("approve", dept.deputy)
    licence = Licence.objects.get(dossier=dossier)
    pdf = client.get(reverse("portal:result", args=[reference, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    response = client.post(
        reverse("portal:rate", args=[reference]),
        {"contacts": "1", "agencies": "desk_only", "publicity": "both", "complaint": "no", "comment": "Tốt"},
    )
    assert response.status_code == 302
    rating = Rating.objects.get(dossier=dossier)
    assert (rating.indicator_3, rating.indicator_4, rating.indicator_6) == (1, 1, 2)
    assert rating.unit_code == "TTBCXB"
    summary = procedure_selectors.rating_summary(Rating.objects.all())
    assert summary[0]["count"] == 1 and summary[0]["indicator_3"] == 1.0
    assert licence.number in client.get(reverse("portal:status", args=[reference])).content.decode()


def test_applicant_account_sees_all_its_dossiers(dept, catalog):
    client = Client()
    response = client.post(
        reverse("portal:signup"),
        {
            "full_name": "Công ty Bình An",
            "email": "binhan@example.vn",
            "password": "Mat-khau-2026",
            "password2": "Mat-khau-2026",
        },
    )
    assert response.status_code == 302
    first, _s = _file(client, catalog)
    second, _s = _file(client, catalog, idempotency_key="c" * 32)
    page = client.get(reverse("portal:mine")).content.decode()
    assert first in page and second in page


def _licences(dept):
    today = timezone.localdate()
    common = {
        "issuer": "district",
        "issuer_name": "UBND huyện Lộc Ninh",
        "district": dept.district_a.code,
        "holder_type": "person",
        "holder_id_number": "070190000111",
        "holder_phone": "0909000111",
        "holder_address": "Nhà riêng ấp 5",
    }
    a = licensing_services.licence_record(
        "game_point",
        actor=dept.officer,
        data={**common, "holder_name": "Trần Thị Bình", "number": "01/GCN-UBND", "issued_on": today},
        subject={"point_name": "Điểm game Hòa Bình", "facility_address": "Ấp 1, Lộc Ninh", "machines": 20},
    )
    b = licensing_services.licence_record(
        "game_point",
        actor=dept.officer,
        data={
            **common,
            "holder_name": "Lê Văn Cường",
            "number": "02/GCN-UBND",
            "issued_on": today - dt.timedelta(days=400),
            "district": dept.district_b.code,
        },
        subject={"point_name": "Net Cường", "facility_address": "Đồng Xoài", "machines": 12},
    )
    licensing_services.licence_event_add(
        b.pk, "revoke", actor=dept.director, effective_on=today, legal_basis="Nghị định 72/2013 Điều 35"
    )
    return a, b


def test_register_search_filters_and_exports(dept, catalog):
    _a, b = _licences(dept)
    client = Client()
    url = reverse("portal:register", args=["danh-sach-3-8-c"])
    page = client.get(url, {"q": "hoa binh"}).content.decode()
    assert "Điểm game Hòa Bình" in page and "Net Cường" not in page
    revoked = client.get(url, {"status": "revoked"}).content.decode()
    assert "Net Cường" in revoked and "Hòa Bình" not in revoked
    assert "Net Cường" in client.get(url, {"district": dept.district_b.code}).content.decode()
    assert (
        "Net Cường" not in client.get(url, {"year": str(timezone.localdate().year)}).content.decode()
        or b.issued_on.year == timezone.localdate().year
    )
    single = client.get(reverse("portal:register", args=["diem-tro-choi-dien-tu"]))
    assert single.status_code == 200
    for fmt in ("csv", "json", "xlsx"):
        response = client.get(reverse("portal:register_export", args=["danh-sach-3-8-c", fmt]))
        assert response.status_code == 200
        body = response.getvalue()  # CSV and XLSX are streamed
        if fmt == "xlsx":
            import io
            import zipfile

            archive = zipfile.ZipFile(io.BytesIO(body))
            body = b"".join(archive.read(n) for n in archive.namelist())
        text = body.decode("utf-8", errors="ignore")
        assert "070190000111" not in text and "0909000111" not in text and "Nhà riêng" not in text
    data = json.loads(client.get(reverse("portal:register_export", args=["danh-sach-3-8-c", "json"])).content)
    assert {row["status"] for row in data["items"]} == {"valid", "revoked"}
    assert client.get(reverse("portal:register", args=["khong-co"])).status_code == 404


def test_verification_page_shows_status(dept):
    a, b = _licences(dept)
    client = Client()
    assert 'data-status="valid"' in client.get(reverse("licensing:verify", args=[a.token])).content.decode()
    assert 'data-status="revoked"' in client.get(reverse("licensing:verify", args=[b.token])).content.decode()
    assert client.get(reverse("licensing:verify", args=["zzzzzzzzzz"])).status_code == 404


def test_public_register_api_is_open_and_rate_limited(dept, monkeypatch, settings):
    from django.core.cache import cache

    settings.STTTT_COUNTER_STORE = "cache"  # so that clearing the cache starts the count again

    from stttt.licensing.api import RegisterThrottle

    _licences(dept)
    cache.clear()
    client = Client()
    response = client.get("/api/v1/registers/", {"kind": "game_point", "status": "valid"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and "holder_phone" not in json.dumps(body) and "070190000111" not in json.dumps(body)
    monkeypatch.setattr(RegisterThrottle, "rate", "2/min")
    cache.clear()
    codes = [client.get("/api/v1/registers/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
