"""Abuse-limit counters are atomic across processes: N processes each adding 1 M times leave exactly N×M,
and every increment saw a number of its own (docs/security.md). The file cache's incr (read, then write)
would lose some; the embedded default counts with one SQL UPDATE, production with Redis INCR."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from stttt.core import counters, throttle
from stttt.core.models import RateCounter

PROCESSES, EACH = 4, 60
REDIS = os.environ.get("STTTT_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")

CHILD = textwrap.dedent(
    f"""
    import sys
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    import django
    django.setup()
    from django.conf import settings
    from django.db import connection, connections
    from stttt.core import counters
    from stttt.core.models import RateCounter

    store = sys.argv[1]
    settings.STTTT_COUNTER_STORE = store
    if store == "database":
        with connection.schema_editor() as editor:
            editor.create_model(RateCounter)
    else:
        from django.core.cache import cache
        cache.delete("stttt:test:counter")
    connections.close_all()

    def work(_n):
        settings.STTTT_COUNTER_STORE = store
        seen = [counters.increment("stttt:test:counter", 60) for _ in range({EACH})]
        connections.close_all()
        return seen

    with ProcessPoolExecutor({PROCESSES}, mp_context=get_context("fork")) as pool:
        seen = [n for part in pool.map(work, range({PROCESSES})) for n in part]
    print(len(seen), len(set(seen)), max(seen), counters.increment("stttt:test:counter", 60, 0))
    """
)


def _run_child(tmp_path, store: str, extra: dict[str, str]) -> list[int]:
    environment = {
        **os.environ,
        "STTTT_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "stttt.config.settings",
        **extra,
    }
    for name in ("DATABASE_URL", "REDIS_URL", "CACHE_URL"):
        if name not in extra:
            environment.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, store], capture_output=True, text=True, env=environment, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [int(n) for n in result.stdout.split()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the in-process test covers other databases")
def test_the_database_counter_is_exact_across_processes_on_an_sqlite_file(tmp_path):
    total = PROCESSES * EACH
    # increments, distinct values seen, the highest, the final value
    assert _run_child(tmp_path, "database", {}) == [total, total, total, total]


def test_the_redis_counter_is_exact_across_processes(tmp_path):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS}")
    total = PROCESSES * EACH
    assert _run_child(tmp_path, "cache", {"REDIS_URL": REDIS}) == [total, total, total, total]


@pytest.mark.skipif(connection.vendor == "sqlite", reason="run in child processes on an SQLite file")
@pytest.mark.django_db(transaction=True)
def test_the_database_counter_is_exact_across_threads(settings):
    settings.STTTT_COUNTER_STORE = "database"

    def work(_n):
        try:
            return [counters.increment("stttt:test:threads", 60) for _ in range(EACH)]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(PROCESSES) as pool:
        seen = [n for part in pool.map(work, range(PROCESSES)) for n in part]
    assert sorted(seen) == list(range(1, PROCESSES * EACH + 1))


@pytest.mark.django_db
def test_an_expired_counter_starts_again_and_is_swept(settings):
    settings.STTTT_COUNTER_STORE = "database"
    assert counters.increment("k", 60) == 1 and counters.increment("k", 60) == 2
    RateCounter.objects.update(expires_at=RateCounter.objects.get().expires_at.replace(year=2000))
    assert counters.increment("k", 60) == 1
    assert RateCounter.objects.count() == 1


@pytest.mark.django_db
def test_a_long_key_is_shortened_to_the_column(settings):
    settings.STTTT_COUNTER_STORE = "database"
    key = "stttt:limit:login:" + "x" * 400
    assert counters.increment(key, 60) == 1 and counters.increment(key, 60) == 2
    assert len(RateCounter.objects.get().key) <= counters.MAX_KEY


@pytest.mark.django_db
def test_a_page_limit_counts_in_the_shared_counter(settings):
    settings.STTTT_COUNTER_STORE = "database"
    assert [throttle.hit("test", "10.0.0.1", "3/min") is None for _ in range(4)] == [True, True, True, False]
    assert RateCounter.objects.get().count == 4
