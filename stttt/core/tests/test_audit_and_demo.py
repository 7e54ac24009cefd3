"""Audit history is kept for tracked models and shown on the record's history page; demo data is idempotent."""

import io

import pytest
from django.apps import apps
from django.test import Client

from stttt.accounts.models import User
from stttt.core.demo import load_all

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin"}
    }


def test_demo_twice_changes_nothing_the_second_time():
    logins = load_all(io.StringIO())
    assert "admin" in {login.username for login in logins}
    first = _row_counts()
    load_all(io.StringIO())
    assert _row_counts() == first


def test_a_change_is_recorded_with_who_when_and_from_where():
    admin = User.objects.create_superuser("quantri", password="Mat-khau-dai-2026")
    target = User.objects.create_user("canbo", password="Mat-khau-dai-2026", full_name="Trần Văn Cũ")
    client = Client(REMOTE_ADDR="10.1.2.3")
    client.force_login(admin)
    response = client.post(
        f"/admin/accounts/user/{target.pk}/change/",
        {
            "username": "canbo",
            "full_name": "Trần Văn Mới",
            "email": "",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "08:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = target.history.latest()
    assert latest.history_user == admin
    assert latest.ip_address == "10.1.2.3"

    page = client.get(f"/lich-su/accounts/user/{target.pk}/", HTTP_ACCEPT_LANGUAGE="vi")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Lịch sử thay đổi" in html
    assert "Trần Văn Cũ" in html and "Trần Văn Mới" in html and "10.1.2.3" in html


def test_history_page_is_hidden_from_users_who_cannot_see_the_record():
    plain = User.objects.create_user("nguoidung", password="Mat-khau-dai-2026")
    other = User.objects.create_user("nguoikhac", password="Mat-khau-dai-2026")
    client = Client()
    client.force_login(plain)
    assert client.get(f"/lich-su/accounts/user/{plain.pk}/").status_code == 200  # one's own account
    assert client.get(f"/lich-su/accounts/user/{other.pk}/").status_code == 404
    assert client.get("/lich-su/khong/co/1/").status_code == 404


def test_history_page_requires_login():
    response = Client().get("/lich-su/accounts/user/1/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_ensure_writes_only_what_differs():
    from stttt.core.demo import ensure

    first = ensure(User, {"username": "demo_x"}, {"full_name": "Võ Thị Sáu"})
    assert first.history.count() == 1
    again = ensure(User, {"username": "demo_x"}, {"full_name": "Võ Thị Sáu"})
    assert again.pk == first.pk and again.history.count() == 1
    changed = ensure(User, {"username": "demo_x"}, {"full_name": "Võ Thị Sáu (sửa)"})
    assert changed.full_name == "Võ Thị Sáu (sửa)" and changed.history.count() == 2
