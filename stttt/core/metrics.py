"""Prometheus metrics at `/metrics`, for the monitoring server only (docs/deployment.md).

- Requests: django-prometheus's middleware (latency by view and method, status codes, sizes). Under
  gunicorn each worker process writes its numbers to files in `PROMETHEUS_MULTIPROC_DIR`
  (`stttt/config/gunicorn.py` clears it at start and drops dead workers), and this view sums them.
- Jobs: runtimes and outcomes per job (`stttt_job_*`), and the age of the last worker heartbeat, read
  from the shared cache (`stttt.core.jobstats`), so any app server shows the whole installation's jobs.
- Queue length per queue of the broker (`stttt_queue_length`), when jobs go through one.

Access: a request from an address in `STTTT_METRICS_ALLOWED_NETWORKS` (default: this machine only), or with
`Authorization: Bearer <STTTT_METRICS_TOKEN>`; anyone else gets 403. The address is the connection's own
(`REMOTE_ADDR`): Prometheus scrapes each app server directly, and the reverse proxy refuses `/metrics`.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from stttt.core import health, jobstats


def allowed(request: HttpRequest) -> bool:
    token = str(getattr(settings, "STTTT_METRICS_TOKEN", "") or "")
    offered = request.META.get("HTTP_AUTHORIZATION", "")
    if token and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(str(request.META.get("REMOTE_ADDR") or ""))
    except ValueError:
        return False
    networks = getattr(settings, "STTTT_METRICS_ALLOWED_NETWORKS", ["127.0.0.1/32", "::1/128"])
    return any(address in ipaddress.ip_network(network, strict=False) for network in networks)


class JobCollector(Collector):
    """Jobs' runs, failures and runtimes, from the shared cache."""

    def collect(self) -> Iterator[Metric]:
        runs = CounterMetricFamily("stttt_job_runs", "Background job runs by outcome.", labels=["job", "outcome"])
        runtime = HistogramMetricFamily("stttt_job_runtime_seconds", "Runtime of background jobs.", labels=["job"])
        for job in jobstats.snapshot():
            for outcome, count in job.runs.items():
                runs.add_metric([job.name, outcome], count)
            cumulative, total = [], 0
            for bound, count in zip(jobstats.BUCKETS, job.buckets, strict=True):
                total += count
                cumulative.append(("+Inf" if bound == float("inf") else str(bound), total))
            runtime.add_metric([job.name], cumulative, job.seconds)
        yield runs
        yield runtime
        age = jobstats.heartbeat_age()
        if age is not None:
            yield GaugeMetricFamily(
                "stttt_worker_heartbeat_age_seconds", "Seconds since a worker last sent a heartbeat.", value=age
            )


class QueueCollector(Collector):
    """Messages waiting in each queue of the broker, and whether the broker answered."""

    def collect(self) -> Iterator[Metric]:
        url = health.broker_url()
        if not url:
            return
        from kombu import Connection
        from kombu.exceptions import ChannelError

        gauge = GaugeMetricFamily("stttt_queue_length", "Jobs waiting in the broker's queue.", labels=["queue"])
        try:
            with Connection(url, connect_timeout=2) as connection:
                channel = connection.default_channel
                for queue in queue_names():
                    try:
                        waiting = channel.queue_declare(queue=queue, passive=True).message_count
                    except ChannelError:  # Redis drops an empty queue's key
                        waiting = 0
                    gauge.add_metric([queue], waiting)
        except Exception:  # the scrape still answers; the gauge below says the broker did not
            yield GaugeMetricFamily("stttt_broker_up", "1 when the broker answered this scrape.", value=0)
            return
        yield GaugeMetricFamily("stttt_broker_up", "1 when the broker answered this scrape.", value=1)
        yield gauge


def queue_names() -> list[str]:
    configured = getattr(settings, "CELERY_TASK_QUEUES", None) or []
    names = [getattr(queue, "name", str(queue)) for queue in configured]
    return names or [str(getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery"))]


def registry() -> Any:
    """The process's own metrics, or every gunicorn worker's when they share a multiprocess folder."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        combined = CollectorRegistry()
        MultiProcessCollector(combined)
    else:
        combined = CollectorRegistry()
        combined.register(_Default())
    combined.register(JobCollector())
    combined.register(QueueCollector())
    return combined


class _Default(Collector):
    """The process's default registry (django-prometheus's request metrics), as one collector."""

    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()


def export(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    response = HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
