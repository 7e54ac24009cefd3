"""Second factor, tokens, session cap and lockouts (docs/security.md)."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from stttt.accounts import mfa
from stttt.accounts.middleware import RENEW_EVERY, SESSION_RENEWED, SESSION_STARTED
from stttt.accounts.models import RecoveryCode, RecoveryDevice, User
from stttt.core.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-dai-2026"


@pytest.fixture
def admin():
    return User.objects.create_user("quantri", password=PASSWORD, full_name="Quản trị", is_superuser=True)


@pytest.fixture
def enforced(settings):
    settings.STTTT_MFA_ENFORCED = True


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def sign_in(client: Client, username: str = "quantri") -> None:
    response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def enrol(client: Client, user: User) -> tuple[TOTPDevice, list[str]]:
    page = client.get("/tai-khoan/xac-thuc-hai-buoc/dang-ky/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/tai-khoan/xac-thuc-hai-buoc/dang-ky/", {"code": code_for(device)})
    assert response.status_code == 200
    codes = re.findall(r"<code>([0-9A-Z-]+)</code>", response.content.decode())
    assert len(codes) == 10 and RecoveryCode.objects.filter(device__user=user).count() == 10
    device.refresh_from_db()
    return device, codes


def test_a_required_user_reaches_only_enrolment_until_enrolled(admin, enforced):
    client = Client()
    sign_in(client)
    response = client.get("/to-chuc/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/dang-ky/")
    assert client.get("/api/v1/me/").status_code == 403
    page = client.get("/tai-khoan/xac-thuc-hai-buoc/dang-ky/").content.decode()
    assert "Thiết lập xác thực hai bước" in page
    device = TOTPDevice.objects.get(user=admin)
    assert mfa.secret_text(device).replace(" ", "") in page.replace(" ", "")
    enrol(client, admin)
    assert client.get("/api/v1/me/").status_code == 200
    assert AuditEntry.objects.filter(action="mfa_enrol").exists()


def test_after_enrolment_sign_in_needs_a_code_used_once_and_recovery_codes_work_once(admin, enforced):
    client = Client()
    sign_in(client)
    device, codes = enrol(client, admin)
    used = code_for(device)
    client.post("/tai-khoan/dang-xuat/")

    client = Client()
    sign_in(client)
    assert client.get("/").headers["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/?")
    assert client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": "000000"}).status_code == 200
    # The code that confirmed enrolment cannot be used again (ASVS 6.5.1).
    assert client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": used}).status_code == 200
    # Failures slow further tries down (django-otp throttling): wait it out, as a user would.
    for model in (TOTPDevice, RecoveryDevice):
        model.objects.filter(user=admin).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    response = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": code_for(device, 1)})
    assert response.status_code == 302
    assert client.get("/api/v1/me/").status_code == 200
    client.post("/tai-khoan/dang-xuat/")

    client = Client()
    sign_in(client)
    assert client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": codes[0]}).status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    client = Client()
    sign_in(client)
    assert client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": codes[0]}).status_code == 200  # used up
    assert client.get("/api/v1/me/").status_code == 403


def test_an_administrator_resets_another_users_devices(admin, enforced):
    user = User.objects.create_user("lanhdao", password=PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    assert mfa.has_device(user)
    client = Client()
    client.force_login(User.objects.create_user("khac", password=PASSWORD))
    assert client.post(f"/tai-khoan/xac-thuc-hai-buoc/dat-lai/{user.pk}/").status_code == 403
    client = Client()
    sign_in(client)
    enrol(client, admin)
    response = client.post(f"/tai-khoan/xac-thuc-hai-buoc/dat-lai/{user.pk}/")
    assert response.status_code == 302
    assert not mfa.has_device(user) and mfa.must_enrol(user)
    assert AuditEntry.objects.filter(action="mfa_reset").exists()


def test_the_token_endpoint_asks_for_a_code_when_mfa_is_on(admin, enforced):
    client = Client()
    assert client.post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD}).status_code == 403
    sign_in(client)
    device, _codes = enrol(client, admin)
    response = Client().post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 400 and "otp" in response.json()["errors"]
    response = Client().post(
        "/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD, "otp": code_for(device, 1)}
    )
    assert response.status_code == 200 and response.json()["token"]


def test_tokens_expire(admin, settings):
    settings.STTTT_TOKEN_TTL_HOURS = 12
    key = Client().post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD}).json()["token"]
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/me/").status_code == 200
    Token.objects.filter(key=key).update(created=timezone.now() - dt.timedelta(hours=13))
    assert api.get("/api/v1/me/").status_code == 401
    assert not Token.objects.filter(key=key).exists()
    fresh = Client().post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD}).json()["token"]
    assert fresh != key


def test_tokens_die_with_a_password_change_and_a_disabled_account(admin):
    key = Client().post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD}).json()["token"]
    admin.set_password("Mot-mat-khau-moi-2027")
    admin.save()
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/me/").status_code == 401
    key = (
        Client()
        .post("/api/v1/auth/token/", {"username": "quantri", "password": "Mot-mat-khau-moi-2027"})
        .json()["token"]
    )
    admin.is_active = False
    admin.save()
    assert not Token.objects.filter(user=admin).exists()
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/me/").status_code == 401


def test_a_session_ends_after_the_absolute_cap_however_active(admin, settings):
    settings.STTTT_SESSION_MAX_HOURS = 12
    client = Client()
    sign_in(client)
    assert client.get("/api/v1/me/").status_code == 200
    session = client.session
    assert abs(session[SESSION_STARTED] - time.time()) < 60
    session[SESSION_STARTED] = int(time.time()) - 12 * 3600 - 5
    session.save()
    response = client.get("/to-chuc/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")
    assert "_auth_user_id" not in client.session


def _expiry_after_a_request(client: Client, renewed_ago: int) -> dt.timedelta:
    """The session was last renewed `renewed_ago` seconds ago and has 10 minutes left: what it has after a request."""
    session = client.session
    session[SESSION_RENEWED] = int(time.time()) - renewed_ago
    session.save()
    Session.objects.filter(pk=session.session_key).update(expire_date=timezone.now() + dt.timedelta(minutes=10))
    assert client.get("/api/v1/me/").status_code == 200
    return Session.objects.get(pk=session.session_key).expire_date - timezone.now()


def test_an_active_session_is_renewed_once_a_minute_not_written_on_every_request(admin, settings):
    client = Client()
    sign_in(client)
    # Within the minute the request does not write the session: the idle window is left as it was.
    assert _expiry_after_a_request(client, renewed_ago=RENEW_EVERY - 5) < dt.timedelta(minutes=10)
    # Once the minute has passed, the request renews the full idle window.
    renewed = _expiry_after_a_request(client, renewed_ago=RENEW_EVERY)
    assert (
        dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
        < renewed
        <= dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    )


def test_a_visitor_without_a_session_is_not_given_one(db):
    client = Client()
    assert client.get("/cong-khai/").status_code == 200
    assert "sessionid" not in client.cookies and not Session.objects.exists()


def test_a_stale_session_cookie_is_not_renewed_into_a_new_session(db, settings):
    """A cookie naming a session that has ended (signed out, expired, cleared) holds no data: nothing is saved."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "k" * 32
    assert client.get("/cong-khai/").status_code == 200
    assert not Session.objects.exists()


def test_six_addresses_cannot_share_out_the_guesses_against_one_account(admin, settings):
    settings.AXES_ENABLED = True
    settings.STTTT_RATE_LIMITS = {"login": "1000/min"}
    locked = 0
    for attempt in range(60):
        client = Client(REMOTE_ADDR=f"10.1.0.{attempt % 6 + 1}")
        response = client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": f"sai-{attempt}"})
        locked += response.status_code == 429
    assert locked >= 50
    response = Client(REMOTE_ADDR="10.1.0.99").post(
        "/tai-khoan/dang-nhap/", {"username": "quantri", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_one_address_cannot_try_many_accounts(admin, settings):
    settings.AXES_ENABLED = True
    client = Client(REMOTE_ADDR="10.2.0.1")
    for n in range(10):
        client.post("/tai-khoan/dang-nhap/", {"username": f"nguoi{n}", "password": "sai"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 429
    assert (
        Client(REMOTE_ADDR="10.2.0.2")
        .post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": PASSWORD})
        .status_code
        == 302
    )


def test_the_token_endpoint_answers_429_when_locked(admin, settings):
    settings.AXES_ENABLED = True
    for n in range(10):
        Client(REMOTE_ADDR=f"10.3.0.{n}").post("/api/v1/auth/token/", {"username": "quantri", "password": "sai"})
    response = Client(REMOTE_ADDR="10.3.1.1").post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out" and response["Retry-After"]


def test_the_login_page_is_rate_limited_per_address_with_a_vietnamese_page(admin, settings):
    settings.STTTT_RATE_LIMITS = {"login": "5/min"}
    client = Client(REMOTE_ADDR="10.4.0.1")
    for _ in range(5):
        assert client.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"}).status_code == 200
    response = client.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Quá nhiều yêu cầu" in response.content.decode()
    assert client.get("/tai-khoan/dang-nhap/").status_code == 200  # reading the page is not counted
    assert (
        Client(REMOTE_ADDR="10.4.0.2").post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"}).status_code
        == 200
    )


def test_disabling_an_account_ends_its_sessions(admin):
    client = Client()
    sign_in(client)
    assert client.get("/api/v1/me/").status_code == 200
    admin.is_active = False
    admin.save()
    assert client.get("/api/v1/me/").status_code in (401, 403)
    assert client.get("/to-chuc/").status_code == 302


def test_failures_against_one_account_stop_at_the_atomic_ceiling_whatever_the_addresses(admin, settings):
    from stttt.accounts.backends import CEILING_PER_HOUR

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 10_000  # the ceiling alone: axes's own lockout is tested above
    settings.STTTT_RATE_LIMITS = {"login": "10000/min"}
    answers = [
        Client(REMOTE_ADDR=f"10.5.{n // 200}.{n % 200}")
        .post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": f"sai-{n}"})
        .status_code
        for n in range(CEILING_PER_HOUR + 5)
    ]
    assert answers == [200] * CEILING_PER_HOUR + [429] * 5
    right = Client(REMOTE_ADDR="10.5.9.9").post("/tai-khoan/dang-nhap/", {"username": "QUANTRI ", "password": PASSWORD})
    assert right.status_code == 429
    token = Client(REMOTE_ADDR="10.5.9.8").post("/api/v1/auth/token/", {"username": "quantri", "password": PASSWORD})
    assert token.status_code == 429 and token.json()["code"] == "locked_out"


def test_successes_are_not_counted_and_one_address_has_its_own_ceiling(admin, settings):
    from stttt.accounts.backends import CEILING_PER_HOUR

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 10_000
    settings.STTTT_RATE_LIMITS = {"login": "10000/min"}
    for _ in range(CEILING_PER_HOUR + 5):
        client = Client(REMOTE_ADDR="10.6.0.1")
        assert client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": PASSWORD}).status_code == 302
    client = Client(REMOTE_ADDR="10.6.0.2")
    answers = [
        client.post("/tai-khoan/dang-nhap/", {"username": f"nguoi{n}", "password": "sai"}).status_code
        for n in range(CEILING_PER_HOUR + 1)
    ]
    assert answers[-1] == 429 and set(answers[:-1]) == {200}
