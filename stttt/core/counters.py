"""Atomic counters for abuse limits (throttles, sign-in ceilings), shared by every process.

With Redis (`REDIS_URL`/`CACHE_URL`) a counter is a Redis key incremented with INCR. Without it (the
embedded default) it is a row of `RateCounter` incremented with one UPDATE: the file cache's `incr` is a
read followed by a write, so two processes could both read 5 and both write 6, and concurrent requests
would get past a limit. `STTTT_COUNTER_STORE` ("cache" or "database") says which; settings choose
"cache" exactly when the default cache is Redis.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

MAX_KEY = 250  # RateCounter.key


def store() -> str:
    return str(getattr(settings, "STTTT_COUNTER_STORE", "database"))


def increment(key: str, ttl: int, delta: int = 1) -> int:
    """Add `delta` to the counter `key` (made at 0, kept `ttl` seconds) and return its new value."""
    if len(key) > MAX_KEY:  # a key carries what the client typed (a user name): keep it to the column
        key = key[: MAX_KEY - 65] + ":" + hashlib.sha256(key.encode()).hexdigest()
    if store() == "cache":
        cache.add(key, 0, timeout=ttl)
        try:
            return int(cache.incr(key, delta))
        except ValueError:  # expired between add and incr: start again
            cache.add(key, 0, timeout=ttl)
            return int(cache.incr(key, delta))
    return _increment_row(key, ttl, delta)


def _increment_row(key: str, ttl: int, delta: int) -> int:
    from stttt.core.models import RateCounter  # core.models -> audit -> throttle -> here

    now = timezone.now()
    with transaction.atomic():
        # The UPDATE takes the row's write lock until commit, so the value read next is this request's own.
        if not RateCounter.objects.filter(key=key, expires_at__gt=now).update(count=F("count") + delta):
            try:
                with transaction.atomic():
                    _sweep(now)  # expired counters, this key's included
                    RateCounter.objects.create(key=key, count=delta, expires_at=now + dt.timedelta(seconds=ttl))
                    return delta
            except IntegrityError:  # another request made it first: count on it
                RateCounter.objects.filter(key=key).update(count=F("count") + delta)
        return int(RateCounter.objects.values_list("count", flat=True).get(key=key))


def _sweep(now: dt.datetime) -> None:
    """Expired counters are removed when a new one is made (only expired ones: a live one may have just
    been made by a concurrent request)."""
    from stttt.core.models import RateCounter

    RateCounter.objects.filter(expires_at__lte=now).delete()
