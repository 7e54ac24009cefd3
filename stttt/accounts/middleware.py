"""Session cap and the second-factor gate (docs/security.md)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from stttt.accounts import mfa

SESSION_STARTED = "stttt_signed_in_at"
SESSION_RENEWED = "stttt_renewed_at"
#: The idle timeout is renewed at most this often (seconds): a session is written about once a minute of
#: activity, not on every request, so an active user's idle window is between 29 and 30 minutes, never more.
RENEW_EVERY = 60


def session_cap_seconds() -> int:
    return int(float(getattr(settings, "STTTT_SESSION_MAX_HOURS", 12)) * 3600)


class SessionCapMiddleware:
    """Renews a session's idle timeout and ends it `STTTT_SESSION_MAX_HOURS` after sign-in, however active
    (ASVS 4:3.3.2).

    The idle timeout is `SESSION_COOKIE_AGE` from the session's last save; a session in use is saved again
    once `RENEW_EVERY` seconds have passed since it was (rather than `SESSION_SAVE_EVERY_REQUEST`, which
    writes the session table on every request)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        now = int(time.time())
        in_use = session is not None and not session.is_empty() and bool(session.keys())
        if session is not None and in_use and now - int(session.get(SESSION_RENEWED) or 0) >= RENEW_EVERY:
            session[SESSION_RENEWED] = now  # marks the session modified: saved with a new expiry
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and session is not None:
            started = session.get(SESSION_STARTED)
            if started is None:
                session[SESSION_STARTED] = now
            elif now - int(started) > session_cap_seconds():
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"code": "session_expired", "message": _("The session has expired."), "errors": {}}, status=401
                    )
                return redirect(f"{reverse('accounts:login')}?next={request.path}")
        return self.get_response(request)


class MFAMiddleware:
    """A signed-in user who owes a second factor reaches only the MFA pages, sign-out and static files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._open(request.path) and mfa.must_verify(user):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"code": "mfa_required", "message": _("A second factor is required."), "errors": {}}, status=403
                )
            target = "accounts:mfa_enrol" if mfa.must_enrol(user) else "accounts:mfa_verify"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        open_paths = (
            reverse("accounts:mfa_enrol"),
            reverse("accounts:mfa_verify"),
            reverse("accounts:logout"),
            reverse("accounts:login"),
            settings.STATIC_URL,
            "/i18n/",
            "/api/v1/auth/token/",
        )
        return any(path.startswith(prefix) for prefix in open_paths)
