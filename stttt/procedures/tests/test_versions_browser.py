"""Done when (issue 22): an officer of the processing division imports a changed national export, the page
shows the draft with its readable diff, the Director publishes it from the page, and a dossier filed after
that gets the new due date, citing the new version."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.procedures import rules, versions
from stttt.procedures.models import Dossier, ProcedureVersion
from stttt.procedures.tests.conftest import file_dossier

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "x-Secret-123"
CODE = "STTTT.BC.01"  # 20 days in the data file


def _login(page, username):
    if page.get_by_test_id("logout").count():
        with page.expect_navigation():
            page.get_by_test_id("logout").click()
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_test_id("logout").count() == 1, page.content()[:2000]


def test_an_officer_imports_the_director_publishes_a_new_dossier_gets_the_new_due_date(
    browser_page, dept, catalog, tmp_path
):
    page = browser_page
    export = {
        "MaTTHC": CODE,
        "TenTTHC": catalog[CODE].name,
        "ThoiHanGiaiQuyet": 12,
        "DonViThoiGian": "Ngày làm việc",
        "PhiLePhi": "Không",
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")

    # The officer of the processing division imports the national export: a draft, its diff on the page.
    _login(page, dept.officer.username)
    page.goto(f"/thu-tuc/danh-muc/{CODE}/")
    assert page.get_by_test_id("version-publish").count() == 0  # an officer drafts, never publishes
    form = page.get_by_test_id("version-import")
    form.locator("input[type=file]").set_input_files(str(path))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    diff = page.get_by_test_id("version-diff").inner_text()
    assert "20 → 12" in diff  # the statutory time limit, and its unit below it
    draft = ProcedureVersion.objects.get(procedure=catalog[CODE], number=2)
    assert not draft.published

    # The Director publishes it from today.
    _login(page, dept.director.username)
    page.goto(f"/thu-tuc/danh-muc/{CODE}/")
    publish = page.get_by_test_id("version-publish")
    publish.locator("input[name=valid_from]").fill(timezone.localdate().isoformat())
    with page.expect_navigation():
        publish.locator("button[type=submit]").click()
    assert page.get_by_test_id("versions").locator("tr.current").inner_text().startswith("2")
    assert versions.version_in_force(catalog[CODE]).number == 2

    # A dossier filed now is handled under version 2: 12 working days, not 20 days.
    dossier = file_dossier(catalog[CODE], dept.applicant, {"applicant_name": "Công ty Bản Tin (demo)"})
    _login(page, dept.desk.username)
    page.goto(f"/thu-tuc/ho-so/{dossier.pk}/")
    form = page.get_by_test_id("action-receive")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.procedure_version.number == 2
    expected = rules.due_date(calendar(), dossier.counting_start, 12, "working")
    assert dossier.statutory_due_date == expected
    assert expected.strftime("%d/%m/%Y") in page.get_by_test_id("due-date").inner_text()
    assert "12" in page.get_by_test_id("due-explanation").inner_text()  # counted in 12 working days
