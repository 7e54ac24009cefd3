"""Real app servers (gunicorn) and workers (Celery) started as subprocesses on one shared PostgreSQL database
and Redis, with production settings: the scale-out test (`stttt/api/tests/test_scaleout.py`) and the load
test (`bench/scaleout.py`) use them (docs/deployment.md).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url(settings_dict: Mapping[str, Any]) -> str:
    """A DATABASE_URL for the database Django is connected to (e.g. pytest-django's test database)."""
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def production_env(*, database: str, redis: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a production installation, on loopback behind one (simulated) reverse proxy."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "STTTT_", "CELERY_", "PYTEST", "PROMETHEUS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="stttt.config.settings",
        STTTT_PRODUCTION="1",
        SECRET_KEY="scale-out-test-" + "k" * 40,
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database,
        REDIS_URL=redis,
        STTTT_DATA_DIR=str(data_dir),
        STTTT_MEDIA_ROOT=str(data_dir / "media"),
        STTTT_TRUSTED_PROXIES="1",
        STTTT_LOG_FORMAT="json",
        STTTT_MFA_ENFORCED="0",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout)

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:]) if self.log.exists() else ""


def _spawn(name: str, command: list[str], env: dict[str, str], logs: Path) -> Process:
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    return Process(name, popen, log)


def start_app_server(name: str, env: dict[str, str], logs: Path, *, workers: int = 2, port: int = 0) -> Process:
    port = port or free_port()
    env = {**env, "STTTT_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    env["PROMETHEUS_MULTIPROC_DIR"] = str(logs / f"{name}-metrics")
    command = [str(BIN / "gunicorn"), "-c", "python:stttt.config.gunicorn", "stttt.config.wsgi"]
    process = _spawn(name, command, env, logs)
    process.url = f"http://127.0.0.1:{port}"
    return process


def start_worker(name: str, env: dict[str, str], logs: Path, *, concurrency: int = 1) -> Process:
    command = [
        str(BIN / "celery"),
        "-A",
        "stttt.config",
        "worker",
        "--loglevel=INFO",
        f"--concurrency={concurrency}",
        f"--hostname={name}@%h",
        "--without-mingle",
        "--without-gossip",
    ]
    return _spawn(name, command, env, logs)


def wait_ready(process: Process, timeout: float = 90) -> dict[str, Any]:
    """Poll `/readyz` until it answers 200; the server's log is in the error when it never does."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError(f"{process.name} exited ({process.popen.returncode}):\n{process.tail()}")
        try:
            with urllib.request.urlopen(f"{process.url}/readyz", timeout=5) as response:
                return dict(json.load(response))
        except urllib.error.HTTPError as exc:
            last = exc.read().decode(errors="replace")
        except OSError as exc:
            last = str(exc)
        time.sleep(0.3)
    raise RuntimeError(f"{process.name} not ready after {timeout} s: {last}\n{process.tail()}")


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    base: str,
    path: str,
    *,
    method: str = "GET",
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    forwarded_for: str = "203.0.113.7",
) -> Answer:
    """One request as the reverse proxy would pass it on: HTTPS, and the client's address appended to
    X-Forwarded-For (whatever the client itself wrote to the left of it)."""
    data = json.dumps(body).encode() if body is not None else None
    sent = {"X-Forwarded-Proto": "https", "X-Forwarded-For": forwarded_for, "Host": "127.0.0.1"}
    if data is not None:
        sent["Content-Type"] = "application/json"
    sent.update(headers or {})
    request = urllib.request.Request(base + path, data=data, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.read(), dict(response.headers))
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.read(), dict(exc.headers))
