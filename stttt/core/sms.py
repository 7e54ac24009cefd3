"""Text messages through a pluggable gateway (docs/configuration.md "SMS gateway").

`STTTT_SMS_BACKEND` names the backend class; each has `send(message) -> None` and raises on failure
(`OSError` for the network, `TransientError` for a gateway that asks to try later, `GatewayRefused` for
a message it will never take). Carriers' brand-name gateways in Viet Nam each have their own API, so the
production backend speaks a small JSON-over-HTTPS contract that an adapter at the gateway can meet:

    POST STTTT_SMS_URL   Authorization: Bearer STTTT_SMS_TOKEN   Idempotency-Key: <the message's key>
    {"to": "0912345678", "text": "...", "sender": "STTTT_SMS_SENDER", "reference": "<the message's key>"}
    -> any 2xx: accepted; 429 or 5xx: retried later; any other status: refused (not retried)
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from stttt.core.jobs import TransientError


@dataclass(frozen=True)
class TextMessage:
    to: str
    text: str
    reference: str  # the outbox row's idempotency key: the gateway can drop a repeat


class GatewayRefused(Exception):
    """The gateway will not take this message (bad number, bad credentials): retrying will not help."""


def backend() -> Any:
    return import_string(settings.STTTT_SMS_BACKEND)()


def send(message: TextMessage) -> None:
    backend().send(message)


class ConsoleBackend:
    """Development: the message is written to standard output."""

    def send(self, message: TextMessage) -> None:
        sys.stdout.write(f"SMS to {message.to} [{message.reference}]\n{message.text}\n{'-' * 40}\n")
        sys.stdout.flush()


class FileBackend:
    """Development and tests across processes: one file per message in STTTT_SMS_FILE_PATH."""

    def send(self, message: TextMessage) -> None:
        folder = Path(settings.STTTT_SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{threading.get_ident()}.json"
        (folder / name).write_text(json.dumps(message.__dict__, ensure_ascii=False), encoding="utf-8")


class MemoryBackend:
    """Tests in one process: messages are kept in `MemoryBackend.outbox`, like Django's locmem e-mail."""

    outbox: list[TextMessage] = []

    def send(self, message: TextMessage) -> None:
        MemoryBackend.outbox.append(message)


class HttpBackend:
    """Production: the JSON contract above, to STTTT_SMS_URL with STTTT_SMS_TOKEN."""

    timeout = 15

    def send(self, message: TextMessage) -> None:
        if not settings.STTTT_SMS_URL:
            raise GatewayRefused("STTTT_SMS_URL is not set")
        payload = {"to": message.to, "text": message.text, "sender": settings.STTTT_SMS_SENDER}
        payload["reference"] = message.reference
        request = urllib.request.Request(
            settings.STTTT_SMS_URL,
            data=json.dumps(payload, ensure_ascii=False).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {settings.STTTT_SMS_TOKEN}",
                "Idempotency-Key": message.reference,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode(errors="replace")
            if exc.code == 429 or exc.code >= 500:
                raise TransientError(f"SMS gateway answered {exc.code}: {detail}") from None
            raise GatewayRefused(f"SMS gateway answered {exc.code}: {detail}") from None
