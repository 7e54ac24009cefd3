"""Done when (issue 6): a new applicant files on the portal, the desk, the division and the leader process the
dossier in the staff pages, the applicant downloads the licence whose QR leads to a verification page showing
it valid; revoking it makes that page and the register show it revoked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from stttt.licensing.models import Licence
from stttt.portal.models import Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "x-Secret-123"
PDF = b"%PDF-1.4 scanned document"


def _login(page, username):
    if page.get_by_test_id("logout").count():
        with page.expect_navigation():
            page.get_by_test_id("logout").click()
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # forms work from the keyboard
    assert page.get_by_test_id("logout").count() == 1, page.content()[:2000]


def _act(page, dossier_id, action, **fields):
    page.goto(f"/thu-tuc/ho-so/{dossier_id}/")
    form = page.get_by_test_id(f"action-{action}")
    for name, value in fields.items():
        form.locator(f"[name={name}]").select_option(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_file_process_download_verify_revoke(browser_page, dept, catalog, live_server):

    # The test server's host serves the agency's portal (and the verification pages printed on licences).
    dept.agency.host_names = "localhost"
    dept.agency.save()
    page = browser_page
    page.goto("/cong-khai/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator("a[href='/cong-khai/thu-tuc/']").first.click()
    page.get_by_test_id("procedure-STTTT.PTTH.01").click()
    page.get_by_test_id("file-online").click()
    page.fill("#id_applicant_name", "Khách sạn Sao Mai")
    page.fill("#id_applicant_id_number", "3800111222")
    page.fill("#id_applicant_phone", "0271 3888 999")
    page.select_option("#id_district", dept.district_a.code)
    page.fill("#id_subject_facility_address", "1 Trần Hưng Đạo, Đồng Xoài")
    page.fill("#id_subject_channels", "CNN\nNHK World")
    inputs = page.locator("input[type=file]")
    for index in range(inputs.count()):
        inputs.nth(index).set_input_files(
            files=[{"name": f"giay-to-{index}.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
    with page.expect_navigation():
        page.get_by_test_id("submit").click()
    reference = page.get_by_test_id("reference").inner_text().strip()
    secret = page.get_by_test_id("secret").inner_text().strip()
    dossier_id = Submission.objects.get(reference=reference).dossier_id

    _login(page, dept.desk.username)
    _act(page, dossier_id, "receive")
    _act(page, dossier_id, "transfer")
    _login(page, dept.head.username)
    _act(page, dossier_id, "assign", assignee=str(dept.officer.pk))
    _login(page, dept.officer.username)
    _act(page, dossier_id, "propose")
    _login(page, dept.deputy.username)
    _act(page, dossier_id, "approve")
    assert page.get_by_test_id("status").inner_text() == "Đã có kết quả"
    licence = Licence.objects.get(dossier_id=dossier_id)
    with page.expect_navigation():
        page.get_by_test_id("logout").click()

    # The applicant, signed out, tracks the dossier with reference and secret and downloads the licence.
    page.goto("/cong-khai/tra-cuu/")
    page.fill("#id_reference", reference)
    page.fill("#id_secret", secret)
    with page.expect_navigation():
        page.get_by_test_id("track").click()
    assert page.get_by_test_id("dossier-status").get_attribute("data-status") == "approved"
    with page.expect_download() as info:
        page.get_by_test_id("result-pdf").click()
    pdf = Path(info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")
    verification = f"{live_server.url}/giay-phep/kt/{licence.token}/"
    assert verification in text  # the address printed under the QR code is the one it encodes
    from stttt.licensing.documents import licence_html

    assert f'data-qr="{verification}"' in licence_html(licence, verification)
    page.goto(verification)
    assert page.get_by_test_id("status").get_attribute("data-status") == "valid"
    assert page.get_by_test_id("licence-number").inner_text() == licence.number

    # The leader revokes it in the staff pages.
    _login(page, dept.deputy.username)
    page.goto(f"/giay-phep/{licence.pk}/")
    page.select_option("#id_type", "revoke")
    page.fill("#id_legal_basis", "Nghị định 06/2016/NĐ-CP Điều 30")
    page.fill("#id_decision_number", "25/QĐ-STTTT")
    with page.expect_navigation():
        page.get_by_test_id("event-submit").click()
    assert page.get_by_test_id("status").first.get_attribute("data-status") == "revoked"
    with page.expect_navigation():
        page.get_by_test_id("logout").click()
    page.goto(verification)
    assert page.get_by_test_id("status").get_attribute("data-status") == "revoked"
    page.goto("/cong-khai/so-dang-ky/thu-truyen-hinh-ve-tinh/?q=sao+mai")
    row = page.get_by_test_id(f"row-{licence.token}")
    assert row.get_by_test_id("status").get_attribute("data-status") == "revoked"
