"""The applicant prints their slip from the portal: after filing (the "done" page) and from the tracking page
(issue 11)."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.test import Client
from django.urls import reverse

from stttt.portal.models import Submission
from stttt.portal.tests.test_portal import _file
from stttt.procedures import services

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_the_filing_receipt_then_the_appointment_slip_print_from_the_portal(dept, catalog):
    client = Client()
    reference, secret = _file(client, catalog)
    url = reverse("portal:receipt", args=[reference, "pdf"])
    done = client.get(reverse("portal:done", args=[reference])).content.decode()
    assert f'href="{url}"' in done

    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = _text(response.content)
    assert "Phiếu xác nhận nộp hồ sơ trực tuyến".upper() in text.upper() and reference in text
    assert secret not in text  # the secret is never printed
    assert Client().get(url).status_code == 404  # only who may see the dossier

    dossier = Submission.objects.get(reference=reference).dossier
    services.dossier_transition(dossier.pk, "receive", actor=dept.desk)
    dossier.refresh_from_db()
    status = client.get(reverse("portal:status", args=[reference])).content.decode()
    assert f'href="{url}"' in status and "giấy tiếp nhận" in status.lower()
    received = client.get(url)
    text = _text(received.content)
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".upper() in text.upper() and dossier.code in text
    assert re.search(r'filename="giay-tiep-nhan-', received["Content-Disposition"])
    assert client.get(reverse("portal:receipt", args=[reference, "docx"])).content.startswith(b"PK")
    assert client.get(reverse("portal:receipt", args=[reference, "exe"])).status_code == 404
