"""A leader sets up two-step verification in a real browser, then signs in with a code and a recovery code."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from stttt.testing.departments import PASSWORD, SmallDepartment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def sign_in(page, username: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_test_id("login-submit").click()


def submit_code(page, value: str) -> None:
    """Each submission loads a new page: wait for it, or the next read races the old page."""
    page.get_by_label("Mã").fill(value)
    with page.expect_navigation():
        page.get_by_test_id("mfa-submit").click()


def test_leader_enrols_then_signs_in_with_a_code_and_with_a_recovery_code(browser_page, settings):
    settings.STTTT_MFA_ENFORCED = True
    dept = SmallDepartment()
    leader = dept.director
    page = browser_page

    sign_in(page, leader.username)
    page.wait_for_url("**/tai-khoan/xac-thuc-hai-buoc/dang-ky/**")
    assert page.locator("h1").inner_text() == "Thiết lập xác thực hai bước"
    assert page.get_by_test_id("mfa-qr").locator("svg").count() == 1
    device = TOTPDevice.objects.get(user=leader, confirmed=False)
    secret = page.get_by_test_id("mfa-secret").inner_text().replace(" ", "")
    assert len(secret) >= 32
    # Nothing else is reachable before enrolment.
    page.goto("/to-chuc/")
    page.wait_for_url("**/tai-khoan/xac-thuc-hai-buoc/dang-ky/**")

    submit_code(page, code(device))
    codes = [c.strip() for c in page.get_by_test_id("recovery-codes").locator("code").all_inner_texts()]
    assert len(codes) == 10
    page.get_by_test_id("mfa-continue").click()
    page.wait_for_url("**/to-chuc/")
    page.get_by_test_id("logout").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/")

    sign_in(page, leader.username)
    page.wait_for_url("**/tai-khoan/xac-thuc-hai-buoc/?**")
    submit_code(page, code(device, 1))  # the next step: the enrolment code cannot be reused
    assert "xac-thuc-hai-buoc" not in page.url
    assert page.get_by_test_id("user-name").count() == 1
    page.get_by_test_id("logout").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/")

    sign_in(page, leader.username)
    page.wait_for_url("**/tai-khoan/xac-thuc-hai-buoc/?**")
    submit_code(page, codes[0])
    assert "xac-thuc-hai-buoc" not in page.url
