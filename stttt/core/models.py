"""Base models that every app builds on (no domain here)."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.text import fold


@functools.cache
def _choice_labels(field: models.Field) -> dict[Any, Any]:
    return dict(make_hashable(field.flatchoices))


class ChoiceLabelsModel(models.Model):
    """`get_FOO_display()` from each field's labels built once. Django builds that dict again on every call
    (about 50 µs for a status of 13 choices): the largest part of a list's status column."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field) -> Any:
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


class TimeStampedModel(ChoiceLabelsModel):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SearchableModel(ChoiceLabelsModel):
    """Keeps `search_text`, the folded text of `search_fields`, so searches ignore diacritics in SQL."""

    search_fields: ClassVar[tuple[str, ...]] = ()
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold(" ".join(str(getattr(self, name) or "") for name in self.search_fields))


class CalendarDay(ChoiceLabelsModel):
    """One day whose status differs from the statutory calendar: an extra day off or a swapped working day.

    The Prime Minister fixes each year's Tết and National Day days off and any day swaps (Labour Code
    2019 Art. 112(3)); administrators enter them here. Read through `stttt.core.calendar.calendar()`.
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off")
        WORKING_DAY = "working_day", _("Working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("reason"), max_length=200)
    source = models.CharField(
        pgettext_lazy("legal basis", "source"),
        max_length=300,
        blank=True,
        help_text=_("The announcement that decided it, e.g. its number and date."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}: {self.name}"


audit.track(CalendarDay)


class AuditEntry(models.Model):
    """One link of the append-only audit log (docs/audit.md).

    Each entry's `hash` is the SHA-256 of its canonical JSON together with `previous_hash`, so changing,
    removing or inserting a row breaks the chain at that row (`stttt audit verify`). The database refuses
    UPDATE and DELETE on this table (triggers installed by `stttt.core.auditlog`).
    """

    sequence = models.BigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("at"))
    actor_id = models.BigIntegerField(_("actor id"), null=True, blank=True)
    actor = models.CharField(_("actor"), max_length=200, blank=True)
    address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=32)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    previous_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The chain's head (one row): locked while an entry is appended, so the chain never forks."""

    sequence = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="")

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.hash}"


class OutboundMessage(ChoiceLabelsModel):
    """One e-mail or text message to one recipient, written by a service in its own transaction and
    delivered by a job (`stttt.core.outbox`): nothing is sent for a step that was rolled back, and a
    delivery run twice sends once (the row is locked and its status checked before sending).

    `idempotency_key` names what the message is about (e.g. a dossier's step, a licence's warning for one
    expiry date, a reminder for one day) with the channel and the recipient: writing the same message
    again finds the row already there. Bodies marked `sensitive` (a tracking secret) are wiped once sent;
    the history keeps every change of status but never the body.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(pgettext_lazy("message", "subject"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    topic = models.CharField(
        _("topic"), max_length=100, blank=True, help_text=_("What sent it, e.g. procedures.received.")
    )
    idempotency_key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    sensitive = models.BooleanField(_("wiped once sent"), default=False)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject or self.body[:40]}"


audit.track(OutboundMessage, excluded_fields=["body"])


class RateCounter(models.Model):
    """One counter of an abuse limit for one time window (`stttt.core.counters`), in the embedded default
    where no Redis is configured. Incremented with one `UPDATE ... SET count = count + 1`, so concurrent
    requests of every process each see their own number."""

    key = models.CharField(_("key"), max_length=250, primary_key=True)
    count = models.BigIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self) -> str:
        return f"{self.key}={self.count}"
