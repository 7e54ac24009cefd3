"""Probes, metrics, JSON logs and the read replica (docs/deployment.md)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
from django.test import Client, RequestFactory

from stttt.core import auditlog, jobstats
from stttt.core.requestid import RequestContext
from stttt.core.tasks import outbox_sweep

pytestmark = pytest.mark.django_db


def test_liveness_answers_any_host_and_is_never_throttled():
    client = Client(HTTP_HOST="10.0.0.7:8001")  # a probe uses the server's address, not a public host name
    answers = [client.get("/healthz") for _ in range(120)]
    assert {a.status_code for a in answers} == {200}
    assert answers[0].json() == {"status": "ok"} and answers[0]["Cache-Control"] == "no-store"


def test_readiness_checks_database_cache_and_migrations():
    response = Client(HTTP_HOST="10.0.0.7").get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {"database", "cache", "migrations"} <= set(body["checks"])
    assert all(check["ok"] and check["required"] for check in body["checks"].values())


def test_readiness_fails_with_503_and_no_secret_when_the_broker_is_down(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://:s3cret-password@127.0.0.1:1/0"  # nothing listens on port 1
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["worker"] == {**body["checks"]["worker"], "ok": False, "required": False}
    assert b"s3cret" not in response.content and b"127.0.0.1" not in response.content


def test_a_missing_worker_fails_readiness_only_when_required(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "memory://"
    assert Client().get("/readyz").status_code == 200  # reported, not required
    settings.STTTT_READY_REQUIRE_WORKER = True
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["worker"]["detail"] == "no worker heartbeat"
    jobstats.beat()
    assert Client().get("/readyz").status_code == 200


def test_metrics_are_for_the_allowed_networks_or_the_token(settings):
    settings.STTTT_METRICS_TOKEN = "t0ken-for-prometheus"
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 403
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    by_token = Client(REMOTE_ADDR="203.0.113.9").get("/metrics", HTTP_AUTHORIZATION="Bearer t0ken-for-prometheus")
    assert by_token.status_code == 200
    settings.STTTT_METRICS_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    assert Client(REMOTE_ADDR="10.20.3.4").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics").status_code == 403


def test_metrics_show_request_latency_by_view_and_job_runs(settings):
    Client().get("/api/v1/registers/")
    outbox_sweep.apply()  # a real job run in this process: Celery's task signals count it
    text = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    assert 'django_http_requests_latency_seconds_by_view_method_count{method="GET",view="registers-list"}' in text
    assert 'stttt_job_runs_total{job="core.outbox_sweep",outcome="success"} 1.0' in text
    assert 'stttt_job_runtime_seconds_count{job="core.outbox_sweep"} 1.0' in text
    assert 'stttt_job_runtime_seconds_bucket{job="core.outbox_sweep",le="+Inf"} 1.0' in text


def test_queue_length_is_read_from_the_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    text = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    assert "stttt_broker_up 0.0" in text  # the scrape still answers when the broker does not


SCRIPT = """
import json, logging, django
django.setup()
from django.db import connections
from stttt.accounts.models import User
from stttt.core import replica
from stttt.core.health import checks
logging.getLogger("stttt.probe").warning("hello %s", "world")
print(json.dumps({
    "alias": replica.reads(User.objects.all()).db,
    "default": User.objects.all().db,
    "migrate_on_replica": replica.Router().allow_migrate("replica", "accounts"),
    "checks": [name for name, _check, _required in checks()],
}))
"""


def test_json_logs_and_the_read_replica_in_a_production_process(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STTTT_"))},
        "DJANGO_SETTINGS_MODULE": "stttt.config.settings",
        "STTTT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{database}",
        "DATABASE_REPLICA_URL": f"sqlite:///{database}",
        "STTTT_LOG_FORMAT": "json",
    }
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "alias": "replica",
        "default": "default",
        "migrate_on_replica": False,
        "checks": ["database", "cache", "migrations", "replica"],
    }
    line = json.loads(next(x for x in done.stderr.splitlines() if "hello world" in x))
    assert line["message"] == "hello world" and line["level"] == "WARNING" and line["logger"] == "stttt.probe"
    assert line["request_id"] == "-" and "time" in line


def test_behind_the_proxy_audit_entries_and_log_lines_name_the_client_not_the_proxy(settings):
    settings.STTTT_TRUSTED_PROXIES = 1
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    entry = auditlog.append("probe", request=request, changes={})
    assert entry.address == "203.0.113.7"  # nginx's address would be useless; the forged one a lie
    auditlog.set_current_request(request)
    try:
        record = logging.LogRecord("stttt", logging.INFO, __file__, 1, "x", None, None)
        RequestContext().filter(record)
    finally:
        auditlog.set_current_request(None)
    assert record.client == "203.0.113.7"
