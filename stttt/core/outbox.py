"""The outbox of e-mails and text messages (docs/operations.md "Outbox").

A service writes its messages with `email(...)` / `sms(...)` inside its own transaction: the rows commit
or roll back with the step, and their delivery job is enqueued on commit (`stttt.core.jobs`). `deliver`
locks the row, sends only a message still waiting, and records the result: a delivery run twice, by two
workers or after a killed worker's job came back, sends once. Delivery is at least once only in the
narrow window between the server accepting the message and the row being marked sent (a crash there);
e-mails carry a Message-ID derived from the key so that receiving systems can drop such a repeat, and
the SMS gateway gets the key as its Idempotency-Key.

`sweep` enqueues again what is still waiting (a broker that was down at commit, an in-process delivery
that failed); the scheduler runs it every five minutes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from stttt.core import sms
from stttt.core.jobs import TransientError, enqueue
from stttt.core.models import OutboundMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10  # then the message is marked failed and shown to administrators
SWEEP_AFTER = dt.timedelta(minutes=2)  # a waiting message younger than this still has its own job coming
SWEEP_BATCH = 500

Channel, Status = OutboundMessage.Channel, OutboundMessage.Status
_PHONE = re.compile(r"^\+?\d{8,15}$")


def email(
    to: str | Iterable[str], *, subject: str, body: str, key: str, topic: str = "", sensitive: bool = False
) -> list[OutboundMessage]:
    """Write one e-mail per address (blank and malformed addresses skipped); `key` names what it is about.
    Each message returned has `is_new`: False when the same key had already written it (nothing new)."""
    return [_write(Channel.EMAIL, address, subject, body, key, topic, sensitive) for address in _emails(to)]


def sms_message(
    to: str | Iterable[str], *, body: str, key: str, topic: str = "", sensitive: bool = False
) -> list[OutboundMessage]:
    """Write one text message per phone number (spaces, dots and dashes ignored; others skipped)."""
    return [_write(Channel.SMS, number, "", body, key, topic, sensitive) for number in _phones(to)]


def count_new(messages: Iterable[OutboundMessage]) -> int:
    """How many of `messages` this call wrote (a repeated key writes nothing new)."""
    return sum(1 for message in messages if getattr(message, "is_new", False))


def _listed(to: str | Iterable[str]) -> list[str]:
    return [to] if isinstance(to, str) else list(to)


def _emails(to: str | Iterable[str]) -> list[str]:
    found = []
    for address in _listed(to):
        address = (address or "").strip()
        try:
            validate_email(address)
        except ValidationError:
            if address:
                logger.warning("outbox: e-mail address skipped: %r", address)
            continue
        found.append(address)
    return list(dict.fromkeys(found))


def _phones(to: str | Iterable[str]) -> list[str]:
    found = []
    for raw in _listed(to):
        number = re.sub(r"[\s.\-()]", "", raw or "")
        if not _PHONE.match(number):
            if number:
                logger.warning("outbox: phone number skipped: %r", raw)
            continue
        found.append(number)
    return list(dict.fromkeys(found))


def row_key(key: str, channel: str, recipient: str) -> str:
    """The unique key of one message: what it is about, how, to whom (hashed when too long)."""
    full = f"{key}|{channel}|{recipient.lower()}"
    if len(full) <= 255:
        return full
    return f"{full[:190]}#{hashlib.sha256(full.encode()).hexdigest()}"


def _write(
    channel: str, recipient: str, subject: str, body: str, key: str, topic: str, sensitive: bool
) -> OutboundMessage:
    message, created = OutboundMessage.objects.get_or_create(
        idempotency_key=row_key(key, channel, recipient),
        defaults={
            "channel": channel,
            "recipient": recipient,
            "subject": subject[:300],
            "body": body,
            "topic": topic[:100],
            "sensitive": sensitive,
        },
    )
    message.is_new = created  # type: ignore[attr-defined]  # False: written before, by this key
    if created:
        from stttt.core.tasks import deliver_message  # the job module imports this one

        enqueue(deliver_message, message.pk)
    return message


# --- delivery -------------------------------------------------------------------------------------------


def message_id(message: OutboundMessage) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "stttt.localhost"
    return f"<{hashlib.sha256(message.idempotency_key.encode()).hexdigest()[:40]}@{domain}>"


def _send(message: OutboundMessage) -> None:
    if message.channel == Channel.EMAIL:
        mail = EmailMessage(
            subject=message.subject,
            body=message.body,
            to=[message.recipient],
            headers={"Message-ID": message_id(message)},
        )
        mail.send(fail_silently=False)
    else:
        sms.send(sms.TextMessage(to=message.recipient, text=message.body, reference=message.idempotency_key))


def deliver(pk: int) -> bool:
    """Send the message `pk` if it is still waiting; True when this call sent it.

    The row stays locked while sending, so a second delivery of the same message waits and then finds
    it sent. A transient failure (network, SMTP, a busy gateway) is recorded and raised for the job to
    retry; a refusal (bad address, bad credentials) or the last attempt marks the message failed."""
    failure: Exception | None = None
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None or message.status != Status.PENDING:
            return False
        message.attempts += 1
        try:
            _send(message)
        except (sms.GatewayRefused, ValueError) as exc:
            message.status, message.last_error = Status.FAILED, _error(exc)
            logger.error("outbox: message %s refused: %s", pk, message.last_error)
        except (OSError, TransientError) as exc:
            message.last_error = _error(exc)
            if message.attempts >= MAX_ATTEMPTS:
                message.status = Status.FAILED
                logger.error("outbox: message %s failed after %s attempts", pk, message.attempts)
            else:
                failure = exc
        else:
            message.status, message.sent_at, message.last_error = Status.SENT, timezone.now(), ""
            if message.sensitive:
                message.body = ""
        message._change_reason = f"delivery attempt {message.attempts}"  # type: ignore[attr-defined]
        message.save()
    if failure is not None:
        raise failure
    return message.status == Status.SENT


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def sweep(now: dt.datetime | None = None) -> int:
    """Enqueue a delivery for every message still waiting after `SWEEP_AFTER`; returns how many."""
    from stttt.core.tasks import deliver_message

    cutoff = (now or timezone.now()) - SWEEP_AFTER
    waiting = list(
        OutboundMessage.objects.filter(status=Status.PENDING, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    for pk in waiting:
        enqueue(deliver_message, pk)
    return len(waiting)


def send_again(messages: Iterable[OutboundMessage]) -> int:
    """An administrator sends failed messages again (after fixing the address or the gateway)."""
    from stttt.core.tasks import deliver_message

    count = 0
    for message in messages:
        if message.status == Status.FAILED:
            message.status, message.attempts = Status.PENDING, 0
            message._change_reason = "sent again by an administrator"  # type: ignore[attr-defined]
            message.save()
            enqueue(deliver_message, message.pk)
            count += 1
    return count
