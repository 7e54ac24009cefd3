"""A person's first minutes with stttt, in a real browser: log in, home page, language, log out."""

import pytest

from stttt.core.demo import load_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_home_switch_language_logout(browser_page, demo_password):
    import io

    load_all(io.StringIO())
    page = browser_page
    page.goto("/")
    # Anonymous visitors land on the public portal, and log in from the header.
    assert "/cong-khai/" in page.url
    page.get_by_test_id("login").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/**")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    assert page.locator("html").get_attribute("lang") == "vi"

    page.get_by_label("Tên đăng nhập").fill("admin")
    page.get_by_label("Mật khẩu").fill("wrong-password")
    page.get_by_test_id("login-submit").click()
    assert "mật khẩu chính xác" in page.locator(".form-errors").inner_text()

    page.get_by_label("Mật khẩu").fill(demo_password)
    page.keyboard.press("Enter")  # forms work from the keyboard
    page.wait_for_url("**/")
    assert page.get_by_test_id("user-name").inner_text() == "Quản trị hệ thống"
    assert "Chào mừng" in page.locator("h1").inner_text()

    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Welcome" in page.locator("h1").inner_text()
    page.get_by_test_id("lang-vi").click()
    page.wait_for_load_state()
    assert "Chào mừng" in page.locator("h1").inner_text()

    page.get_by_test_id("logout").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/")
    page.goto("/")
    assert "/cong-khai/" in page.url


def test_pages_fit_a_phone(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/tai-khoan/dang-nhap/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
