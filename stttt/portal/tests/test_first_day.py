"""Issue 11, first day of real use: what staff see of a portal filing, the back button, the filing form."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stttt.portal.models import Submission
from stttt.portal.tests.test_portal import CODE, _file
from stttt.procedures.models import Dossier

pytestmark = pytest.mark.django_db


def test_staff_dossier_page_shows_what_the_applicant_filed(dept, catalog):
    reference, _secret = _file(Client(), catalog)
    dossier = Submission.objects.get(reference=reference).dossier
    staff = Client()
    staff.force_login(dept.desk)
    html = staff.get(reverse("procedures:dossier", args=[dossier.pk])).content.decode()
    for shown in (
        "3800111222",
        "0271 3888 999",
        "saomai@example.vn",
        "1 Trần Hưng Đạo, Đồng Xoài",
        reference,
        "NHK World",
        dept.district_a.name,
    ):
        assert shown in html, shown
    assert catalog[CODE].name[:40] in html.split("<title>")[1].split("</title>")[0]
    assert "Hồ sơ —" not in html and "Dossier —" not in html
    found = staff.get(reverse("procedures:dossiers"), {"q": reference.lower()}).content.decode()
    assert reverse("procedures:dossier", args=[dossier.pk]) in found
    nothing = staff.get(reverse("procedures:dossiers"), {"q": "HS-ZZZZZZZZ"}).content.decode()
    assert reverse("procedures:dossier", args=[dossier.pk]) not in nothing
    assert Dossier.objects.count() == 1


def _rendered_key(html: str) -> str:
    import re

    return re.search(r'name="idempotency_key" value="([0-9a-f]+)"', html).group(1)


def test_back_button_then_submit_does_not_file_a_second_dossier(dept, catalog):
    from stttt.portal.tests.test_portal import _form

    client = Client()
    url = reverse("portal:submit", args=[CODE])
    key = _rendered_key(client.get(url).content.decode())
    assert client.post(url, _form(catalog, idempotency_key=key)).status_code == 302
    # back: the browser fetches the form again; it carries the consumed key and says so
    again = client.get(url).content.decode()
    assert _rendered_key(again) == key and 'data-testid="already-filed"' in again
    response = client.post(url, _form(catalog, idempotency_key=key))
    assert response.status_code == 302 and Dossier.objects.count() == 1
    reference = Submission.objects.get().reference
    assert reference in client.get(response["Location"]).content.decode()
    # a new filing is asked for explicitly, and only once for that consumed key
    fresh = _rendered_key(client.get(url, {"new": key}).content.decode())
    assert fresh != key
    assert _rendered_key(client.get(url, {"new": key}).content.decode()) == fresh
    assert client.post(url, _form(catalog, idempotency_key=fresh)).status_code == 302
    assert Dossier.objects.count() == 2


def test_filing_form_refuses_bad_particulars_with_a_summary_and_keeps_the_documents(dept, catalog):
    from stttt.portal.models import PendingUpload
    from stttt.portal.tests.test_portal import _form

    client = Client()
    url = reverse("portal:submit", args=[CODE])
    bad = _form(catalog, applicant_name="x", applicant_id_number="không có", applicant_phone="gọi tôi đi")
    response = client.post(url, bad)
    html = response.content.decode()
    assert response.status_code == 200 and not Dossier.objects.exists()
    assert html.index('data-testid="error-summary"') < html.index('name="applicant_name"')
    for field in ("applicant_name", "applicant_id_number", "applicant_phone"):
        assert f'href="#id_{field}"' in html, field
    required = list(catalog[CODE].components.filter(required=True))
    assert PendingUpload.objects.filter(form_key="a" * 32).count() == len(required)
    assert 'data-testid="kept-files"' in html and f"giay-to-{required[0].pk}.pdf" in html
    # no contact at all
    html = client.post(url, _form(catalog, applicant_phone="", applicant_email="")).content.decode()
    assert 'href="#id_applicant_phone"' in html and not Dossier.objects.exists()
    # corrected, without choosing the documents again: filed with the kept documents
    fixed = _form(catalog)
    for component in required:
        fixed.pop(f"file_{component.pk}")
    response = client.post(url, fixed)
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier = Dossier.objects.get()
    assert sorted(f.original_name for f in dossier.files.all()) == sorted(f"giay-to-{c.pk}.pdf" for c in required)
    assert not PendingUpload.objects.exists()


def test_signed_in_citizen_finds_name_and_email_filled_in(dept, catalog):
    dept.citizen.email = "dan@example.vn"
    dept.citizen.save(update_fields=["email"])
    client = Client()
    client.force_login(dept.citizen)
    html = client.get(reverse("portal:submit", args=[CODE])).content.decode()
    assert 'value="Nguyễn Văn Dân"' in html and 'value="dan@example.vn"' in html


def test_public_figures_per_procedure_and_unit(dept, catalog):
    from django.utils import timezone

    from stttt.procedures.tests.conftest import file_dossier

    procedure = catalog[CODE]
    dossier = file_dossier(procedure, dept.applicant, {"applicant_name": "Khách sạn Sao Mai"})
    Dossier.objects.filter(pk=dossier.pk).update(status="returned", resolved_at=timezone.now(), closed_late=False)
    late = file_dossier(procedure, dept.applicant, {"applicant_name": "Khách sạn Sao Mai"}, key="late")
    Dossier.objects.filter(pk=late.pk).update(status="returned", resolved_at=timezone.now(), closed_late=True)
    html = Client().get(reverse("portal:figures")).content.decode()
    table = html.split('data-testid="by-procedure"')[1].split("</table>")[0]
    assert procedure.name in table and "50%" in table and "Khách sạn" not in html
    assert dept.division.name in html.split('data-testid="by-unit"')[1]
