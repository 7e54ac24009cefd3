"""The password check with an atomic ceiling on failures (docs/security.md, ASVS 4.0 2.2.1).

django-axes locks an account or an address after 10 failures, but it checks its count before the password
and records the failure after, so a burst of simultaneous guesses all pass its check. This backend counts
the attempt first, in the atomic shared counters (`stttt.core.counters`), for the account (whatever the
addresses) and for the address (whatever the accounts), and takes the count back when the password is
right: in-flight guesses are counted, so no burst gets past the ceiling. Over it, the request is marked
locked out and answered 429 like an axes lockout (its middleware on pages, the token view in the API).
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from stttt.core import counters
from stttt.core.throttle import client_ip

# Per clock hour, so at most twice this in any sixty minutes: 100, the most ASVS 2.2.1 allows.
CEILING_PER_HOUR = 50


def _keys(request: Any, username: str) -> list[str]:
    hour = int(time.time()) // 3600
    return [
        f"stttt:login-failures:account:{username.strip().casefold()}:{hour}",
        f"stttt:login-failures:address:{client_ip(request)}:{hour}",
    ]


class CeilingModelBackend(ModelBackend):
    def authenticate(self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any):
        if request is None or not username:
            return super().authenticate(request, username=username, password=password, **kwargs)
        keys = _keys(request, username)
        if max([counters.increment(key, 3600 + 60) for key in keys]) > CEILING_PER_HOUR:
            request.axes_locked_out = True
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:  # a success is not a failure: give the attempt back
            for key in keys:
                counters.increment(key, 3600 + 60, -1)
        return user
