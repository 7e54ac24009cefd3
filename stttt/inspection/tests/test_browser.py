"""The main flow in a browser: an inspector records a violation through the form, the Chief Inspector decides
the sanction from the record's page, the dashboard shows its chart and the figure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from stttt.inspection.tests.conftest import InspectedDepartment
from stttt.testing.departments import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_record_a_violation_then_decide_the_sanction(browser_page, live_server):
    dept = InspectedDepartment()
    page = browser_page
    _login(page, dept.inspector.username)
    page.goto("/thanh-tra/vi-pham/moi/")
    page.select_option("select[name=provision_code]", "119-2020-18-2")
    page.select_option("select[name=offender_type]", "organisation")
    page.fill("input[name=offender_name]", "Hội Văn học Nghệ thuật tỉnh")
    page.fill("textarea[name=act]", "Nộp lưu chiểu bản tin chậm 12 ngày")
    page.fill("input[name=place]", "Trụ sở Sở")
    page.fill("input[name=discovered_on]", (timezone.localdate() - dt.timedelta(days=3)).isoformat())
    with page.expect_navigation():
        page.locator("form.form button[type=submit]").click()
    assert page.locator("[data-testid=status]").inner_text().strip() in ("Recorded", "Đã lập biên bản")
    record_url = page.url
    _login(page, dept.chief.username)
    page.goto(record_url)
    page.locator("details.action summary").first.click()
    page.fill("#decide-number", "12/QĐ-XPHC")
    page.fill("#decide-on", timezone.localdate().isoformat())
    page.fill("#decide-fine", "5000000")
    with page.expect_navigation():
        page.locator("form[action$='/decide/'] button[type=submit]").click()
    assert page.locator("[data-testid=status]").inner_text().strip() in ("Sanction decided", "Đã quyết định xử phạt")
    assert "5.000.000" in page.locator("[data-testid=decision]").inner_text()
    page.goto("/thanh-tra/")
    assert page.locator("svg").count() >= 2
    assert "5.000.000" in page.locator("[data-testid=sectors]").inner_text()
