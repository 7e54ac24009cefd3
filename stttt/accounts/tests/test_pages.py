"""Login, logout and password change pages, in Vietnamese by default."""

import pytest
from django.test import Client

from stttt.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-dai-2026"


@pytest.fixture
def user():
    """An administrator: the home page greets staff (a user without a post is sent to the portal)."""
    return User.objects.create_user("chuyenvien", password=PASSWORD, full_name="Phạm Thị Hoa", is_superuser=True)


def test_staff_pages_send_anonymous_visitors_to_the_vietnamese_login_page():
    client = Client()
    response = client.get("/to-chuc/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/tai-khoan/dang-nhap/")
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html and "Tên đăng nhập" in html and "Mật khẩu" in html


def test_login_then_home_then_logout(user):
    client = Client()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "chuyenvien", "password": PASSWORD}, follow=True)
    html = response.content.decode()
    assert "Chào mừng, Phạm Thị Hoa" in html
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]
    response = client.post("/tai-khoan/dang-xuat/", follow=True)
    assert response.redirect_chain[-1][0] == "/tai-khoan/dang-nhap/"
    assert client.get("/").status_code == 302


def test_logout_by_get_is_refused(user):
    client = Client()
    client.force_login(user)
    assert client.get("/tai-khoan/dang-xuat/").status_code == 405


def test_wrong_password_is_refused_in_vietnamese(user):
    response = Client().post("/tai-khoan/dang-nhap/", {"username": "chuyenvien", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


def test_password_change(user):
    client = Client()
    client.force_login(user)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": PASSWORD,
            "new_password1": "Mot-mat-khau-moi-2027",
            "new_password2": "Mot-mat-khau-moi-2027",
        },
        follow=True,
    )
    assert "Đã đổi mật khẩu" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("Mot-mat-khau-moi-2027")


def test_weak_new_password_is_refused_and_nothing_changes(user):
    client = Client()
    client.force_login(user)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": PASSWORD,
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "quá phổ biến" in response.content.decode() or "toàn bộ là số" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_english_is_a_full_translation(user):
    client = Client()
    client.cookies["stttt_language"] = "en"
    client.force_login(user)
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html and "Welcome, Phạm Thị Hoa" in html and "Log out" in html


def test_security_headers_on_pages():
    response = Client().get("/tai-khoan/dang-nhap/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_browser_in_english_still_gets_vietnamese_until_the_switch_is_used():
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in client.get("/tai-khoan/dang-nhap/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/tai-khoan/dang-nhap/"})
    assert '<html lang="en">' in client.get("/tai-khoan/dang-nhap/").content.decode()


@pytest.mark.django_db
def test_ten_failed_logins_lock_the_account_even_against_the_right_password(user, settings):
    settings.AXES_ENABLED = True
    client = Client(REMOTE_ADDR="10.0.0.9")
    for _ in range(10):
        client.post("/tai-khoan/dang-nhap/", {"username": "chuyenvien", "password": "sai-mat-khau"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "chuyenvien", "password": PASSWORD})
    assert response.status_code == 429
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The account is locked whatever the address (per-account cap, docs/security.md).
    other = Client(REMOTE_ADDR="10.0.0.10")
    assert other.post("/tai-khoan/dang-nhap/", {"username": "chuyenvien", "password": PASSWORD}).status_code == 429
