"""One set of checks of the applicant on every filing form: the portal's, the desk's receiving form and the
API refuse the same bad details with the same message at the same field, and file nothing (issue 11)."""

from __future__ import annotations

import base64

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.procedures.models import Dossier
from stttt.procedures.tests.conftest import PDF

CODE = "1.003868"
BAD = {
    "applicant_name": "x",
    "applicant_id_number": "không có",
    "applicant_phone": "gọi tôi đi",
    "applicant_email": "",
}
EXPECTED = {
    "applicant_name": "Nhập đầy đủ họ tên cá nhân hoặc tên tổ chức.",
    "applicant_phone": "Nhập số điện thoại Việt Nam",
}


def _page_errors(html: str) -> str:
    return html.replace("&#x27;", "'")


def test_portal_desk_and_api_refuse_the_same_applicant_details(dept, catalog):
    procedure = catalog[CODE]
    components = [c for c in procedure.components.all() if c.required]
    files = {f"file_{c.pk}": SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf") for c in components}

    portal = Client()
    response = portal.post(reverse("portal:submit", args=[CODE]), {**BAD, "idempotency_key": "a" * 32, **files})
    portal_html = _page_errors(response.content.decode())

    desk = Client()
    desk.force_login(dept.desk)
    files = {f"file_{c.pk}": SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf") for c in components}
    response = desk.post(
        reverse("procedures:desk_receive"),
        {**BAD, "procedure": procedure.pk, "channel": "desk", "idempotency_key": "c" * 32, **files},
    )
    desk_html = _page_errors(response.content.decode())
    assert response.status_code == 200

    api = APIClient()
    api.force_authenticate(dept.applicant)
    encoded = [{"component": c.pk, "name": "c.pdf", "content": base64.b64encode(PDF).decode()} for c in components]
    response = api.post("/api/v1/procedures/dossiers/", {"procedure": CODE, **BAD, "files": encoded}, format="json")
    assert response.status_code == 400
    api_errors = response.json()["errors"]

    for field, message in EXPECTED.items():
        assert message in portal_html, ("portal", field)
        assert message in desk_html, ("desk", field)
        assert any(message in text for text in api_errors[field]), ("api", field, api_errors)
    for where in (portal_html, desk_html, str(api_errors)):
        assert "9 hoặc 12 chữ số" in where or "10 hoặc 13 chữ số" in where  # the ID number
    assert not Dossier.objects.exists()

    # no way to reach the applicant: refused at the desk as on the portal
    no_contact = {**BAD, "applicant_name": "Nguyễn Văn An", "applicant_id_number": "", "applicant_phone": ""}
    response = desk.post(
        reverse("procedures:desk_receive"),
        {**no_contact, "procedure": procedure.pk, "channel": "desk", "idempotency_key": "d" * 32},
    )
    assert "Cho biết số điện thoại hoặc địa chỉ thư điện tử" in _page_errors(response.content.decode())
    assert not Dossier.objects.exists()
