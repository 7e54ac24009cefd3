"""Background jobs' runtimes, outcomes and worker heartbeats, counted in the shared cache.

Workers run on other machines than the app servers and serve no HTTP, so what they measure is written to
the shared cache (Redis in production; the file cache of the embedded default, where jobs run in the app's
own process): every app server's `/metrics` then shows the whole installation's jobs (`stttt.core.metrics`).
`connect()` hooks Celery's task and heartbeat signals; it is called where the Celery app is made.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache

PREFIX = "stttt:jobstats"
NAMES_KEY = f"{PREFIX}:names"
HEARTBEAT_KEY = f"{PREFIX}:heartbeat"
OUTCOMES = ("success", "failure", "retry")
# Upper bounds (seconds) of the runtime histogram: e-mails take milliseconds, exports minutes.
BUCKETS = (0.05, 0.25, 1.0, 5.0, 30.0, 120.0, 600.0, float("inf"))


@dataclass
class JobStats:
    name: str
    runs: dict[str, int] = field(default_factory=dict)  # outcome -> count
    seconds: float = 0.0
    buckets: list[int] = field(default_factory=list)  # count per bucket, not cumulative


def _bump(key: str, by: int = 1) -> None:
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key, by)
    except ValueError:  # evicted between add and incr
        cache.set(key, by, timeout=None)


def _remember(name: str) -> None:
    names = cache.get(NAMES_KEY) or []
    if name not in names:  # rare: the first run of a job of this name
        cache.set(NAMES_KEY, sorted({*names, name}), timeout=None)


def record(name: str, seconds: float, outcome: str) -> None:
    """Count one run of job `name` that took `seconds` and ended in `outcome` (one of OUTCOMES)."""
    _remember(name)
    _bump(f"{PREFIX}:{name}:runs:{outcome}")
    _bump(f"{PREFIX}:{name}:ms", round(seconds * 1000))
    bucket = next(i for i, bound in enumerate(BUCKETS) if seconds <= bound)
    _bump(f"{PREFIX}:{name}:bucket:{bucket}")


def snapshot() -> list[JobStats]:
    """Every job's counters, read in one round trip."""
    names = cache.get(NAMES_KEY) or []
    keys = [
        key
        for name in names
        for key in (
            *(f"{PREFIX}:{name}:runs:{outcome}" for outcome in OUTCOMES),
            f"{PREFIX}:{name}:ms",
            *(f"{PREFIX}:{name}:bucket:{i}" for i in range(len(BUCKETS))),
        )
    ]
    values = cache.get_many(keys)
    stats = []
    for name in names:
        stats.append(
            JobStats(
                name=name,
                runs={outcome: int(values.get(f"{PREFIX}:{name}:runs:{outcome}", 0)) for outcome in OUTCOMES},
                seconds=int(values.get(f"{PREFIX}:{name}:ms", 0)) / 1000,
                buckets=[int(values.get(f"{PREFIX}:{name}:bucket:{i}", 0)) for i in range(len(BUCKETS))],
            )
        )
    return stats


def beat() -> None:
    """A worker is alive now."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)


def heartbeat_age() -> float | None:
    """Seconds since a worker last said it was alive; None if none ever did."""
    last = cache.get(HEARTBEAT_KEY)
    return None if last is None else max(time.time() - float(last), 0.0)


# --- Celery signals --------------------------------------------------------------------------------

_started: dict[str, float] = {}


def _task_started(task_id: str | None = None, **kwargs: Any) -> None:
    if task_id:
        _started[task_id] = time.perf_counter()


def _task_finished(task_id: str | None = None, task: Any = None, state: str | None = None, **kwargs: Any) -> None:
    began = _started.pop(task_id or "", None)
    if began is None or task is None:
        return
    outcome = {"SUCCESS": "success", "RETRY": "retry"}.get(state or "", "failure")
    record(task.name, time.perf_counter() - began, outcome)


def _heartbeat(**kwargs: Any) -> None:
    beat()


def _worker_ready(**kwargs: Any) -> None:
    beat()


def connect() -> None:
    """Count every task run (eager ones too) and keep the workers' heartbeat (every 2 s by default)."""
    from celery import signals

    signals.task_prerun.connect(_task_started, weak=False, dispatch_uid="stttt.jobstats.prerun")
    signals.task_postrun.connect(_task_finished, weak=False, dispatch_uid="stttt.jobstats.postrun")
    signals.heartbeat_sent.connect(_heartbeat, weak=False, dispatch_uid="stttt.jobstats.heartbeat")
    signals.worker_ready.connect(_worker_ready, weak=False, dispatch_uid="stttt.jobstats.ready")
