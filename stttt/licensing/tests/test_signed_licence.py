"""Licences are signed as PAdES with the Department's certificate, and the public verification page checks
the signature of an uploaded copy (issue 12: signed documents)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.core import signing
from stttt.licensing import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def signing_pki(settings, tmp_path):
    files = signing.init_pki(tmp_path / "pki", organisation="Sở Thông tin và Truyền thông", key_size=2048)
    for name, value in files.settings().items():
        setattr(settings, name, value)
    return files


def _licence(dept):
    return services.licence_record(
        "satellite_tv",
        actor=dept.officer,
        data={
            "holder_name": "Khách sạn Sao Mai",
            "holder_id_number": "3800111222",
            "issued_on": timezone.localdate(),
            "district": dept.district_a.code,
        },
        subject={"facility_address": "Đường 1", "channels": ["CNN"]},
    )


def _download(dept, licence):
    client = Client()
    client.force_login(dept.officer)
    response = client.get(reverse("licensing:document", args=[licence.pk, "pdf"]))
    assert response.status_code == 200
    return response.content


def _check(dept, licence, content, name="ban-sao.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    host = dept.agency.host_names.split(",")[0]
    return Client(HTTP_HOST=host).post(
        reverse("licensing:verify", args=[licence.token]),
        {"file": SimpleUploadedFile(name, content, "application/pdf")},
    )


def test_the_licence_pdf_is_signed_and_verifies(dept, signing_pki):
    licence = _licence(dept)
    pdf = _download(dept, licence)
    reports = signing.verify_pdf(pdf)
    assert signing.document_status(reports) == signing.SignatureStatus.VALID
    assert reports[0].signer_name


def test_the_verification_page_reports_valid_then_altered(dept, signing_pki):
    licence = _licence(dept)
    pdf = _download(dept, licence)
    page = _check(dept, licence, pdf)
    assert page.status_code == 200
    assert str(signing.SignatureStatus.VALID.label) in page.content.decode()
    tampered = bytearray(pdf)
    index = pdf.index(b"/Contents") - 200  # a byte inside the signed range, before the signature
    tampered[index] = ord("X") if tampered[index] != ord("X") else ord("Y")
    page = _check(dept, licence, bytes(tampered))
    verdict = page.content.decode().split('data-testid="signature-status">')[1].split("<")[0]
    assert verdict == str(signing.SignatureStatus.ALTERED.label)


def test_an_unsigned_or_wrong_upload_is_reported_not_accepted(dept, signing_pki, settings):
    licence = _licence(dept)
    settings.STTTT_SIGNING_ENABLED = False
    unsigned = _download(dept, licence)
    assert str(signing.SignatureStatus.UNSIGNED.label) in _check(dept, licence, unsigned).content.decode()
    page = _check(dept, licence, b"MZ not a pdf", name="virus.exe")
    assert page.status_code == 200 and 'id="signed-file-error"' in page.content.decode()
