"""The main flow in a browser: dashboard with its charts, the offline map (the `browser_page` fixture fails on
any request leaving the app), a site from the map, a case step."""

from __future__ import annotations

import pytest

from stttt.supervision.tests.conftest import build
from stttt.testing.departments import PASSWORD, SmallDepartment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_map_site_and_a_case_step(browser_page, live_server):
    sup = build(SmallDepartment())
    page = browser_page
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", sup.dept.other_head.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/quan-ly-nganh/")
    assert page.locator("[data-testid=chart-cases] svg").count() == 1
    page.goto("/quan-ly-nganh/ban-do/")
    assert page.locator("[data-testid=map] svg circle").count() >= 1
    with page.expect_navigation():
        page.locator("[data-testid=map] svg a").first.click()
    assert "T-001" in page.locator("h1").inner_text()
    page.goto(f"/quan-ly-nganh/vu-viec/{sup.case.pk}/")
    page.fill("textarea[name=note]", "Yêu cầu hai bên giải trình")
    with page.expect_navigation():
        page.locator("button[data-action=start]").click()
    assert page.locator("[data-testid=status]").inner_text().strip() in ("Being handled", "Đang xử lý")
