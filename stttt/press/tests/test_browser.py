"""The main page flow in a browser: the daily list, a deposit recorded at intake, its licence flag."""

from __future__ import annotations

import pytest

from stttt.press.tests.conftest import PressDepartment
from stttt.testing.departments import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_deposit_and_see_it_flagged(browser_page, live_server):
    dept = PressDepartment()
    page = browser_page
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", dept.officer.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/bao-chi/?day=2026-03-10")
    assert dept.newspaper.name in page.content()
    page.goto("/bao-chi/luu-chieu/tiep-nhan/")
    page.select_option("select[name=outlet]", str(dept.bulletin.pk))
    page.select_option("select[name=kind]", "bulletin")
    page.fill("input[name=title]", "Bản tin Công nghiệp")
    page.fill("input[name=release_date]", "2026-03-02")
    page.fill("input[name=received_at]", "2026-03-02T07:30")
    page.fill("input[name=copies]", "2")
    with page.expect_navigation():
        page.locator("form.form button[type=submit]").click()
    assert "Tên khác với giấy phép" in page.content()
    page.goto("/bao-chi/buc-tranh-bao-chi/?day=2026-03-02")
    assert page.locator("svg").count() >= 1
