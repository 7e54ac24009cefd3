"""Liveness and readiness probes for load balancers and orchestrators (docs/deployment.md).

- `/healthz`: the process answers (touches nothing else): restart the process when it fails.
- `/readyz`: the process can serve: the database answers (and the replica, when configured), the shared
  cache stores and reads back, no migration of this code is left to apply, the broker answers when
  background jobs go through one, and a worker's heartbeat is recent when `STTTT_READY_REQUIRE_WORKER`
  is on (otherwise the worker is reported, not required: a stopped worker pool must not take the web
  site down with it). 200 when every required check passes, else 503.

`ProbeMiddleware`, first in MIDDLEWARE, answers these paths and `/metrics` before anything else runs: no
host check (probes come with the server's own address), no HTTPS redirect, no session, no throttle.
Answers name each check and its time; they carry no address, URL or error text (only an error's class).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse

from stttt.core import jobstats

CheckResult = dict[str, Any]


class ProbeFailed(Exception):
    """A check's own finding; its text holds no configuration and is shown."""


# Once this process has seen every one of its migrations applied, that stays true: a newer release
# migrating forward adds migrations this code does not know.
_migrated = False


def _database(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_database() -> None:
    _database("default")


def check_replica() -> None:
    _database("replica")


def check_cache() -> None:
    key = f"stttt:health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    try:
        if cache.get(key) != "1":
            raise ProbeFailed("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_migrations() -> None:
    global _migrated
    if _migrated:
        return
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise ProbeFailed(f"{len(pending)} migration(s) to apply")
    _migrated = True


def check_broker() -> None:
    from kombu import Connection

    with Connection(broker_url(), connect_timeout=2) as connection:
        connection.ensure_connection(max_retries=1, timeout=2)


def check_worker() -> None:
    age = jobstats.heartbeat_age()
    if age is None:
        raise ProbeFailed("no worker heartbeat")
    if age > worker_max_age():
        raise ProbeFailed(f"last worker heartbeat {age:.0f} s ago")


def broker_url() -> str:
    """The broker background jobs go through; empty when they run in the process (embedded default)."""
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return ""
    return str(getattr(settings, "CELERY_BROKER_URL", "") or "")


def worker_max_age() -> float:
    return float(getattr(settings, "STTTT_WORKER_HEARTBEAT_MAX_AGE", 60))


def checks() -> list[tuple[str, Callable[[], None], bool]]:
    """(name, check, required) for this installation's configuration."""
    listed: list[tuple[str, Callable[[], None], bool]] = [
        ("database", check_database, True),
        ("cache", check_cache, True),
        ("migrations", check_migrations, True),
    ]
    if "replica" in settings.DATABASES:
        listed.append(("replica", check_replica, True))
    if broker_url():
        listed.append(("broker", check_broker, True))
        listed.append(("worker", check_worker, bool(getattr(settings, "STTTT_READY_REQUIRE_WORKER", False))))
    return listed


def run_check(check: Callable[[], None]) -> CheckResult:
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # a probe reports every failure; the class only, never the text (secrets)
        outcome: CheckResult = {"ok": False, "error": type(exc).__name__}
        if isinstance(exc, ProbeFailed):
            outcome["detail"] = str(exc)
    else:
        outcome = {"ok": True}
    outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return outcome


def _json(body: dict[str, Any], status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def live(request: HttpRequest) -> HttpResponse:
    return _json({"status": "ok"}, 200)


def ready(request: HttpRequest) -> HttpResponse:
    results: dict[str, CheckResult] = {}
    ok = True
    for name, check, required in checks():
        results[name] = run_check(check)
        results[name]["required"] = required
        ok = ok and (results[name]["ok"] or not required)
    return _json({"status": "ok" if ok else "fail", "checks": results}, 200 if ok else 503)


def _metrics(request: HttpRequest) -> HttpResponse:
    from stttt.core import metrics

    return metrics.export(request)


PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/healthz": live,
    "/readyz": ready,
    "/metrics": _metrics,
}


class ProbeMiddleware:
    """Answers the probe paths to GET and HEAD before any other middleware (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
