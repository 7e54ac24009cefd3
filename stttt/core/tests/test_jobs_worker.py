"""Real Celery workers on Redis and PostgreSQL (issue 14): an e-mail job whose worker is killed with SIGKILL in
the middle of the delivery runs again on a new worker, and the e-mail is sent exactly once.

Runs when Redis answers (`STTTT_TEST_REDIS_URL`, default redis://127.0.0.1:6379/1) and the tests run on
PostgreSQL (a worker is another process: it must see the test database). CI has both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from stttt.core.models import OutboundMessage
from stttt.testing import cluster

REDIS_URL = os.environ.get("STTTT_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = [
    pytest.mark.skipif(not _redis_answers(), reason=f"Redis does not answer at {REDIS_URL}"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def installation(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs the test database on PostgreSQL")
    queue = f"stttt-test-{uuid.uuid4().hex[:10]}"
    env = cluster.production_env(
        database=cluster.database_url(connection.settings_dict),
        redis=REDIS_URL,
        data_dir=tmp_path / "data",
        STTTT_JOB_QUEUE=queue,
        STTTT_JOB_VISIBILITY_TIMEOUT="4",  # a dead worker's job goes back to the queue after 4 s
        EMAIL_BACKEND="stttt.testing.mail.GatedFileBackend",
        STTTT_TEST_MAIL_DIR=str(tmp_path / "mail"),
        STTTT_TEST_MAIL_GATE=str(tmp_path / "gate"),
    )
    (tmp_path / "data").mkdir()
    workers: list[subprocess.Popen[bytes]] = []
    yield env, tmp_path, workers
    for worker in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(10)
    import redis

    redis.Redis.from_url(REDIS_URL).delete(queue)


def _start_worker(env: dict[str, str], tmp_path: Path, name: str) -> subprocess.Popen[bytes]:
    """A worker in its own process group (main process and pool child), so that the group can be killed."""
    command = [
        str(cluster.BIN / "celery"),
        "-A",
        "stttt.config",
        "worker",
        "--loglevel=INFO",
        "--concurrency=1",
        f"--hostname={name}@%h",
        "--without-mingle",
        "--without-gossip",
    ]
    with (tmp_path / f"{name}.log").open("wb") as log:
        return subprocess.Popen(
            command, env=env, cwd=cluster.ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


ENQUEUE = """
from django.db import transaction
from stttt.core import outbox
with transaction.atomic():
    [message] = outbox.email("congdan@example.vn", subject="Hồ sơ đã được tiếp nhận", body="Kính gửi ...",
                              key="test-worker-kill")
print(message.pk)
"""


def _wait(condition, timeout: float, what: str, logs: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    tails = "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(logs.glob("*.log")))
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def _enqueue_email(env: dict[str, str]) -> int:
    """An app process writes the message in its transaction; the job is published to Redis on commit."""
    produced = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{ENQUEUE}"],
        env=env,
        cwd=cluster.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert produced.returncode == 0, produced.stderr
    return int(produced.stdout.strip().splitlines()[-1])


def _sent_once(pk: int, mail_dir: Path) -> OutboundMessage:
    sent = list(mail_dir.glob("*"))
    assert len(sent) == 1
    text = sent[0].read_text()
    assert text.count("To: congdan@example.vn") == 1 and "Message-ID: <" in text
    return OutboundMessage.objects.get(pk=pk)


def test_a_killed_workers_email_job_runs_again_and_the_email_is_sent_once(installation):
    env, tmp, workers = installation
    gate, mail_dir = tmp / "gate", tmp / "mail"
    gate.touch()  # the first delivery will wait at the gate
    workers.append(_start_worker(env, tmp, "first"))
    pk = _enqueue_email(env)

    _wait(lambda: (tmp / "gate.started").exists(), 120, "the first worker to start the delivery", tmp)
    os.killpg(workers[0].pid, signal.SIGKILL)  # in the middle of the job: row locked, nothing sent
    workers[0].wait(10)
    message = OutboundMessage.objects.get(pk=pk)
    assert message.status == "pending" and not list(mail_dir.glob("*"))

    gate.unlink()
    workers.append(_start_worker(env, tmp, "second"))
    _wait(lambda: OutboundMessage.objects.get(pk=pk).status == "sent", 120, "the second worker's delivery", tmp)
    time.sleep(6)  # past the visibility timeout: any copy of the job still around would have run by now
    message = _sent_once(pk, mail_dir)
    # the killed attempt's transaction was rolled back with its connection: one attempt recorded, one send
    assert message.attempts == 1 and message.sent_at is not None


def test_a_killed_pool_process_puts_its_job_back_at_once_and_the_email_is_sent_once(installation):
    """Only the process running the job dies (out of memory, a crash): the worker rejects the job back to the
    queue (`reject_on_worker_lost`) and runs it again in a new pool process, without waiting."""
    env, tmp, workers = installation
    env = {**env, "STTTT_JOB_VISIBILITY_TIMEOUT": "600"}  # no restore by timeout can explain a quick rerun
    gate, started, mail_dir = tmp / "gate", tmp / "gate.started", tmp / "mail"
    gate.touch()
    workers.append(_start_worker(env, tmp, "pool"))
    pk = _enqueue_email(env)
    _wait(started.exists, 120, "the delivery to start", tmp)
    started.unlink()
    listed = subprocess.run(["ps", "-o", "pid=", "--ppid", str(workers[0].pid)], capture_output=True, text=True)
    children = [int(pid) for pid in listed.stdout.split()]
    assert len(children) == 1  # --concurrency=1: the one pool process, now in the middle of the job
    os.kill(children[0], signal.SIGKILL)
    _wait(started.exists, 60, "the job to run again", tmp)
    assert OutboundMessage.objects.get(pk=pk).status == "pending" and not list(mail_dir.glob("*"))
    gate.unlink()
    _wait(lambda: OutboundMessage.objects.get(pk=pk).status == "sent", 60, "the delivery", tmp)
    assert _sent_once(pk, mail_dir).attempts == 1


EXPIRY = """
from stttt.licensing.tasks import expiry_warnings
for _ in range(2):  # the scheduler's job, enqueued twice (a repeated tick, a second scheduler by mistake)
    expiry_warnings.delay(today={day!r})
"""


def test_the_expiry_job_run_twice_by_a_worker_sends_one_warning(installation):
    from stttt.licensing.models import KindDivision
    from stttt.licensing.tests.test_agencies import _point
    from stttt.procedures.tests.conftest import Department

    env, tmp, workers = installation
    dept = Department()
    KindDivision.objects.create(agency=dept.agency, kind="game_point", unit_code=dept.division.code)
    dept.head.email = "tp@example.vn"
    dept.head.save()
    licence = _point(dept)
    day = (licence.valid_until - dt.timedelta(days=5)).isoformat()
    workers.append(_start_worker(env, tmp, "expiry"))
    produced = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + EXPIRY.format(day=day)],
        env=env,
        cwd=cluster.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert produced.returncode == 0, produced.stderr
    log = tmp / "expiry.log"

    def results() -> list[str]:
        """What each finished run of the job returned, from the worker's log (JSON lines)."""
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        messages = [json.loads(line).get("message", "") for line in lines if line.startswith("{")]
        return [
            m.rsplit(": ", 1)[-1]
            for m in messages
            if m.startswith("Task licensing.expiry_warnings[") and " succeeded " in m
        ]

    _wait(lambda: len(results()) == 2, 120, "both runs of the expiry job", tmp)
    assert sorted(results()) == ["0", "1"]  # the first warned, the second found the warning already written
    _wait(lambda: not OutboundMessage.objects.exclude(status="sent").exists(), 60, "the warning's delivery", tmp)
    assert OutboundMessage.objects.filter(topic="licensing.expiry_warning").count() == 1
    assert len(list((tmp / "mail").glob("*"))) == 1
