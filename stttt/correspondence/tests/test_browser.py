"""The main page flow in a browser: the Office registers a letter, the Director routes it with a task, the
officer drafts the reply, the Deputy in charge signs (KT.), the Office issues it with its number."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from stttt.correspondence.models import Incoming, Outgoing
from stttt.testing.departments import PASSWORD, SmallDepartment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user):
    page.context.clear_cookies()
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _submit(page, selector="form.form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_letter_routed_answered_signed_and_numbered(browser_page, live_server):
    dept = SmallDepartment()
    page = browser_page
    _login(page, dept.desk)
    page.goto("/van-thu/den/moi/")
    page.fill("input[name=issuer]", "Ủy ban nhân dân tỉnh Thử Nghiệm")
    page.fill("input[name=number_symbol]", "77/UBND-VX")
    page.fill("input[name=doc_date]", (timezone.localdate() - dt.timedelta(days=1)).isoformat())
    page.fill("textarea[name=summary]", "Về việc báo cáo công tác thông tin cơ sở")
    _submit(page)
    doc = Incoming.objects.get()
    assert "77/UBND-VX" in page.content()

    _login(page, dept.director)
    page.goto(f"/van-thu/den/{doc.pk}/")
    form = page.locator(f"form[action='/van-thu/den/{doc.pk}/route/']")
    form.locator("select[name=lead_unit]").select_option(str(dept.division.pk))
    form.locator("textarea[name=instruction]").fill("Giao Phòng TTBCXB chủ trì.")
    form.locator("input[name=deadline]").fill((timezone.localdate() + dt.timedelta(days=5)).isoformat())
    form.locator("input[name=create_task]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    doc.refresh_from_db()
    assert doc.status == "routed" and doc.task_id

    _login(page, dept.officer)
    page.goto(f"/van-thu/di/moi/?reply_to={doc.pk}")
    page.fill("textarea[name=summary]", "V/v báo cáo công tác thông tin cơ sở")
    page.fill("textarea[name=body]", "Sở báo cáo như sau.")
    _submit(page)
    reply = Outgoing.objects.get()
    with page.expect_navigation():
        page.locator("button[value=submit]").click()

    _login(page, dept.deputy)
    page.goto(f"/van-thu/di/{reply.pk}/")
    with page.expect_navigation():
        page.locator("button[value=sign]").click()
    assert "KT. GIÁM ĐỐC" in page.content()

    _login(page, dept.desk)
    page.goto(f"/van-thu/di/{reply.pk}/")
    with page.expect_navigation():
        page.locator("button[value=issue]").click()
    assert "01/STTTT-TTBCXB" in page.content()
