"""Jobs of the core app: delivering the outbox."""

from __future__ import annotations

from stttt.core import outbox
from stttt.core.jobs import job


@job("core.deliver_message")
def deliver_message(message_id: int) -> bool:
    """Send one outbox message (idempotent: a message already sent is left alone)."""
    return outbox.deliver(message_id)


@job("core.outbox_sweep")
def outbox_sweep() -> int:
    """Enqueue again the messages still waiting (a broker down at commit, a failed in-process delivery)."""
    return outbox.sweep()
