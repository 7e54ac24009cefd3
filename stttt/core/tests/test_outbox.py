"""The outbox (issue 14): written in the caller's transaction, sent once it commits, once only; transient
failures kept for a retry, refusals marked failed; the SMS gateway spoken to over real HTTP."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from stttt.core import datarevision, jobs, outbox
from stttt.core.models import OutboundMessage

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket is closed


def test_a_message_is_sent_once_its_transaction_commits_and_only_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        [message] = outbox.email(
            ["congdan@example.vn", "không phải địa chỉ", ""], subject="Chủ đề", body="Nội dung", key="k1"
        )
        assert not mail.outbox  # not before the commit
    sending = [callback for callback in callbacks if callback is not datarevision.renew]  # not the pages' revision
    assert len(sending) == 1 and len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["congdan@example.vn"] and sent.extra_headers["Message-ID"] == outbox.message_id(message)
    assert outbox.deliver(message.pk) is False  # run twice: sends once
    message.refresh_from_db()
    assert len(mail.outbox) == 1 and message.status == "sent" and message.attempts == 1
    # the same key writes nothing new
    again = outbox.email("congdan@example.vn", subject="Chủ đề", body="Nội dung", key="k1")
    assert [m.pk for m in again] == [message.pk] and outbox.count_new(again) == 0


def test_a_rolled_back_step_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        outbox.email("congdan@example.vn", subject="S", body="B", key="k2")
        raise RuntimeError("the step fails")
    assert not OutboundMessage.objects.exists() and not mail.outbox


def test_an_unreachable_mail_server_is_retried_later_by_the_sweep(django_capture_on_commit_callbacks):
    smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_PORT": _closed_port()}
    with override_settings(**smtp), django_capture_on_commit_callbacks(execute=True):
        [message] = outbox.email("congdan@example.vn", subject="S", body="B", key="k3")
    message.refresh_from_db()
    # in-process there is no queue to wait in: the failure is recorded, the request is not disturbed
    assert message.status == "pending" and message.attempts == 1 and "Connection" in message.last_error
    assert outbox.sweep() == 0  # too young: its own job may still come
    later = timezone.now() + outbox.SWEEP_AFTER + dt.timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.sweep(later) == 1
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2 and message.last_error == ""
    assert len(mail.outbox) == 1


def test_the_last_attempt_marks_the_message_failed_and_an_administrator_can_send_it_again():
    message = OutboundMessage.objects.create(
        channel="email", recipient="a@example.vn", body="B", idempotency_key="k4", attempts=outbox.MAX_ATTEMPTS - 1
    )
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_PORT=_closed_port()):
        assert outbox.deliver(message.pk) is False
    message.refresh_from_db()
    assert message.status == "failed"
    assert outbox.send_again([message]) == 1
    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 0


def test_a_sensitive_text_is_wiped_once_sent_and_never_kept_in_the_history(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [message] = outbox.email("a@example.vn", subject="S", body="Mã bí mật: XYZ", key="k5", sensitive=True)
    message.refresh_from_db()
    assert message.body == "" and "XYZ" in mail.outbox[0].body
    assert not any("body" in vars(h) for h in message.history.all())


class _Gateway(BaseHTTPRequestHandler):
    answers: list[int] = []
    received: list[tuple[dict, dict]] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Gateway.received.append((dict(self.headers), body))
        status = _Gateway.answers.pop(0)
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Gateway.received.clear()
    with override_settings(
        STTTT_SMS_BACKEND="stttt.core.sms.HttpBackend",
        STTTT_SMS_URL=f"http://127.0.0.1:{server.server_port}/sms",
        STTTT_SMS_TOKEN="bi-mat",
        STTTT_SMS_SENDER="STTTT",
    ):
        yield _Gateway
    server.shutdown()
    server.server_close()


def test_the_http_gateway_gets_the_message_with_its_key_and_a_busy_gateway_is_retried(gateway):
    gateway.answers[:] = [503, 200]
    [message] = outbox.sms_message("0912.345.678", body="Hồ sơ đã có kết quả", key="k6")
    with pytest.raises(jobs.TransientError):
        outbox.deliver(message.pk)
    assert outbox.deliver(message.pk) is True
    headers, body = gateway.received[-1]
    assert body == {
        "to": "0912345678",
        "text": "Hồ sơ đã có kết quả",
        "sender": "STTTT",
        "reference": "k6|sms|0912345678",
    }
    assert headers["Authorization"] == "Bearer bi-mat" and headers["Idempotency-Key"] == body["reference"]
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2


def test_a_refusing_gateway_marks_the_message_failed_at_once(gateway):
    gateway.answers[:] = [400]
    [message] = outbox.sms_message("0912345678", body="x", key="k7")
    assert outbox.deliver(message.pk) is False
    message.refresh_from_db()
    assert message.status == "failed" and "400" in message.last_error and message.attempts == 1


def test_phone_numbers_are_normalised_and_junk_is_skipped():
    messages = outbox.sms_message(["+84 912-345-678", "gọi tôi đi", "", "(0271) 3879 123"], body="x", key="k8")
    assert [m.recipient for m in messages] == ["+84912345678", "02713879123"]


# Jobs started by a step rather than by the clock.
ON_DEMAND = {"core.deliver_message"}


def test_every_periodic_job_is_on_the_schedule():
    scheduled = {e["task"] for e in jobs.schedule().values()}
    assert set(jobs.registered()) - ON_DEMAND - scheduled == set(), "add the job to stttt/config/celery.py"


def test_every_job_acknowledges_late_and_retries_with_backoff():
    registered = jobs.registered()
    assert {"core.deliver_message", "core.outbox_sweep", "licensing.expiry_warnings"} <= set(registered)
    assert {e["task"] for e in jobs.schedule().values()} <= set(registered)  # the scheduler names real jobs
    for task in registered.values():
        assert task.acks_late and task.reject_on_worker_lost and task.retry_backoff and task.max_retries
