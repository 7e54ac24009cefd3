"""Gunicorn settings of one app server: `gunicorn -c python:stttt.config.gunicorn stttt.config.wsgi`.

Read from the environment (docs/deployment.md): `STTTT_BIND` (default 127.0.0.1:8000), `WEB_CONCURRENCY`
(worker processes, default 2 per core + 1), `STTTT_WORKER_TIMEOUT` (seconds, default 30),
`STTTT_TRUSTED_PROXIES` hosts in `FORWARDED_ALLOW_IPS` (default 127.0.0.1), `STTTT_LOG_FORMAT=json`.

Metrics: the worker processes share `PROMETHEUS_MULTIPROC_DIR` (one folder per app server), emptied when
the server starts; a dead worker's numbers are folded in and its live gauges dropped.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

bind = [os.environ.get("STTTT_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY") or (2 * (os.cpu_count() or 1) + 1))
timeout = int(os.environ.get("STTTT_WORKER_TIMEOUT") or 30)
graceful_timeout = timeout
keepalive = 5
# A worker is replaced after this many requests (with jitter, so they do not all restart at once).
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# The request id (stttt.core.requestid) ties an access line to the application's log lines.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'

# Must be set before prometheus_client is imported anywhere in this process or its workers.
_metrics_dir = os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR",
    str(Path(tempfile.gettempdir()) / f"stttt-metrics-{re.sub(r'[^A-Za-z0-9]+', '-', bind[0]).strip('-')}"),
)

if os.environ.get("STTTT_LOG_FORMAT", "plain").lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s %(process)d",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
                "json_ensure_ascii": False,
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


def on_starting(server: Any) -> None:
    """Empty the metrics folder: files of a previous run would be counted again (only prometheus_client's
    own files are removed, whatever folder the operator named)."""
    folder = Path(_metrics_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink(missing_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
