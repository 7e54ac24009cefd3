"""Background jobs: the one way services hand work to the workers (docs/operations.md "Jobs").

A job is a Celery task declared with `@job("app.name")` in the app's `tasks.py`; a service enqueues it with
`enqueue(task, *args)`, which publishes it only once the service's transaction commits (a rolled-back
step enqueues nothing, and the worker never sees a row that is not there yet).

Every job is:
- acknowledged late, and rejected back to the queue when its worker dies: a job whose worker was killed
  runs again (so a job must be idempotent: it checks what is already done, e.g. an outbox row's status);
- retried with exponential backoff (with jitter, at most `retry_backoff_max` seconds apart) when it
  raises a transient error (network, SMTP, gateway, database connection).

With no broker configured (the embedded default) jobs run in-process after the commit; a failure is
logged and not retried there: the outbox sweep (`core.outbox_sweep`) sends what is left.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from celery import Task, current_app, shared_task
from django.db import InterfaceError, OperationalError, transaction

logger = logging.getLogger(__name__)


class TransientError(Exception):
    """A failure worth retrying later (a gateway that answered 5xx, a busy server)."""


class Job(Task):
    """Defaults of every stttt job (Celery's own names)."""

    acks_late = True
    reject_on_worker_lost = True
    # smtplib's errors are OSErrors; a lost or busy database is worth another try, a bug (IntegrityError…) is not
    autoretry_for = (OSError, OperationalError, InterfaceError, TransientError)
    retry_backoff = 2  # seconds: 2, 4, 8, ... with jitter
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 8

    def retry(self, *args: Any, **kwargs: Any) -> Any:
        # In-process (eager) there is no queue to wait in: retrying at once would only repeat the failure
        # inside the user's request. The error is logged; the outbox sweep or the next run picks it up.
        if self.request.is_eager:
            exc = kwargs.get("exc")
            raise exc if isinstance(exc, BaseException) else TransientError(str(exc))
        return super().retry(*args, **kwargs)


def job(name: str, **options: Any) -> Callable[[Callable[..., Any]], Any]:
    """Declare a job under a stable name (`"<app>.<verb>"`, the name the schedule and the CLI use)."""
    return shared_task(name=name, base=Job, **options)


def enqueue(task: Any, *args: Any, **kwargs: Any) -> None:
    """Run `task(*args, **kwargs)` in the background once the current transaction commits (at once
    outside a transaction). A broker that cannot be reached is logged, not raised: the commit stands
    and the outbox sweep enqueues what was left."""
    transaction.on_commit(functools.partial(_publish, task, args, kwargs), robust=True)


def _publish(task: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    task.apply_async(args=args, kwargs=kwargs)


def eager() -> bool:
    """True when jobs run in-process (no broker configured)."""
    return bool(current_app.conf.task_always_eager)


def registered() -> dict[str, Any]:
    """Every stttt job by name (the app's tasks modules imported)."""
    current_app.loader.import_default_modules()
    return {name: task for name, task in current_app.tasks.items() if isinstance(task, Job)}


def run_now(name: str, **kwargs: Any) -> Any:
    """Run the job `name` in this process and return its result (the CLI's `stttt jobs run`)."""
    task = registered().get(name)
    if task is None:
        raise KeyError(name)
    return task.run(**kwargs)


def schedule() -> dict[str, dict[str, Any]]:
    """The periodic jobs configured in code (stttt/config/celery.py)."""
    return dict(current_app.conf.beat_schedule or {})
