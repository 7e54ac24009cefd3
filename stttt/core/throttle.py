"""Abuse limits on the shared cache: the client's address and a rate limit for pages (docs/security.md).

The address is `REMOTE_ADDR`, unless the installation sits behind `STTTT_TRUSTED_PROXIES` reverse proxies:
then it is the Nth address from the right of X-Forwarded-For, the one the outermost trusted proxy saw. The
addresses to its left are written by the client and never trusted, so rotating them buys no new allowance.

Counters are atomic and shared by every process (`stttt.core.counters`: Redis INCR, or one SQL UPDATE in
the embedded default), so a limit holds across workers and app servers, even under concurrent requests.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from rest_framework.throttling import SimpleRateThrottle

from stttt.core import counters

UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}


def trusted_proxies() -> int:
    return max(int(getattr(settings, "STTTT_TRUSTED_PROXIES", 0) or 0), 0)


def client_ip(request: Any) -> str:
    """The address a limit counts against: see the module docstring."""
    meta = request.META
    remote = str(meta.get("REMOTE_ADDR") or "")
    proxies = trusted_proxies()
    if proxies == 0:
        return remote
    forwarded = [part.strip() for part in str(meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if part.strip()]
    if not forwarded:
        return remote
    return forwarded[-min(proxies, len(forwarded))]


def parse_rate(rate: str) -> tuple[int, int]:
    """`"10/min"` -> (10, 60); `"100/h"`, `"5/15min"` are understood too."""
    count, _slash, period = rate.partition("/")
    digits = "".join(ch for ch in period if ch.isdigit())
    unit = period[len(digits) :].strip().lower()
    if unit not in UNITS or not count.strip().isdigit():
        raise ValueError(f"Rate {rate!r} is not of the form '<count>/<period>' (e.g. '10/min').")
    return int(count), int(digits or 1) * UNITS[unit]


def rate_for(scope: str, default: str) -> str:
    """The rate of `scope`: `STTTT_RATE_LIMITS[scope]` when the operator set one, else the code's default."""
    return str(getattr(settings, "STTTT_RATE_LIMITS", {}).get(scope, default))


#: The time the windows are counted in (the suite holds it still, so that no test's requests straddle two windows).
clock: Callable[[], float] = time.time


def hit(scope: str, ident: str, rate: str) -> int | None:
    """Count one request of `ident` in `scope`; None when allowed, else the seconds until the window ends."""
    allowed, window = parse_rate(rate)
    now = int(clock())
    start = now - now % window
    count = counters.increment(f"stttt:limit:{scope}:{ident}:{start}", window + 5)
    if count > allowed:
        return max(start + window - now, 1)
    return None


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 page, in the user's language, with Retry-After."""
    html = render_to_string("core/too_many_requests.html", {"retry_after": retry_after}, request=request)
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def limit(scope: str, rate: str, *, methods: tuple[str, ...] | None = None) -> Callable[[Any], Any]:
    """Limit a page view to `rate` requests per client address (`STTTT_RATE_LIMITS[scope]` overrides it).

    `methods` restricts the count to those methods (e.g. `("POST",)` for a form); by default every request
    counts. Over the limit the view is not called and the visitor gets a 429 page."""
    parse_rate(rate)  # a wrong rate fails at import, not at the first request

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if getattr(settings, "STTTT_RATE_LIMITS_ENABLED", True) and (methods is None or request.method in methods):
                wait = hit(scope, client_ip(request), rate_for(scope, rate))
                if wait is not None:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class SharedRateThrottle(SimpleRateThrottle):
    """A DRF throttle counting with `hit` (atomic, shared, fixed windows) instead of DRF's list of request
    times in the cache, which concurrent requests read and write over one another."""

    def allow_request(self, request: Any, view: Any) -> bool:
        self.retry_after: int | None = None
        if self.rate is None or not getattr(settings, "STTTT_RATE_LIMITS_ENABLED", True):
            return True
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        self.retry_after = hit(f"api-{self.scope}", ident, str(self.rate))
        return self.retry_after is None

    def wait(self) -> float | None:
        return self.retry_after

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        raise NotImplementedError


class AnonThrottle(SharedRateThrottle):
    """Anonymous API requests, per client address (`client_ip`, the proxy count honoured)."""

    scope = "anon"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        return None if request.user and request.user.is_authenticated else client_ip(request)


class UserThrottle(SharedRateThrottle):
    """Signed-in API requests per user; anonymous ones per address."""

    scope = "user"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if request.user and request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return client_ip(request)
