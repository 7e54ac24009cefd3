"""Audit history, wired once: an app calls `audit.track(Model)` and gets who/when/what/from where.

Built on django-simple-history: every save through the ORM writes a history row in the same
transaction as the change (services run in `transaction.atomic`), with the acting user and the
client address taken from the request by HistoryRequestMiddleware.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords


class AuditFields(models.Model):
    """Extra columns on every history table: where the change came from."""

    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        abstract = True


ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def _client_address(request: Any) -> str | None:
    """The client's address, behind the installation's trusted proxies as the limits count it (not the
    reverse proxy's own address)."""
    if request is None:
        return None
    from stttt.core.throttle import client_ip  # not at the top: throttle's counters import core.models

    return client_ip(request) or None


def _fill_ip(sender: Any, **kwargs: Any) -> None:
    history_instance = kwargs["history_instance"]
    request = getattr(HistoricalRecords.context, "request", None)
    history_instance.ip_address = _client_address(request)


def track(model: type[models.Model], **options: Any) -> type[models.Model]:
    """Register a model for audit history. Use once per model, from its app's models.py."""
    register(model, bases=[AuditFields], **options)
    return model


def history_of(instance: models.Model) -> list[dict[str, Any]]:
    """The record's history, newest first, each entry with who, when, from where and the changes."""
    history = instance.history  # type: ignore[attr-defined]  # added by track()
    records = list(history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [{"field": _field_label(instance, c.field), "old": c.old, "new": c.new} for c in delta.changes]
        entries.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "action": ACTIONS.get(record.history_type, record.history_type),
                "ip_address": getattr(record, "ip_address", None),
                "reason": record.history_change_reason,
                "changes": changes,
            }
        )
    return entries


def _field_label(instance: models.Model, name: str) -> str:
    try:
        return str(getattr(instance._meta.get_field(name), "verbose_name", name))
    except FieldDoesNotExist:
        return name


def connect() -> None:
    from simple_history.signals import post_create_historical_record, pre_create_historical_record

    from stttt.core import auditlog

    pre_create_historical_record.connect(_fill_ip, dispatch_uid="stttt.core.audit.fill_ip")
    # Every history row also becomes an entry of the hash-chained audit log, in the same transaction.
    post_create_historical_record.connect(auditlog.on_history_record, dispatch_uid="stttt.core.audit.chain")
