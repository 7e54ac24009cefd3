"""Statuses and kinds of the licensing app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HolderType(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("individual")


class Issuer(models.TextChoices):
    DEPARTMENT = "department", _("the Department")
    PROVINCE = "province", _("the Provincial People's Committee")
    DISTRICT = "district", _("a district People's Committee (delegated)")
    MINISTRY = "ministry", _("the Ministry of Information and Communications")


class EventType(models.TextChoices):
    AMEND = "amend", _("Amended or supplemented")
    EXTEND = "extend", _("Extended")
    SUSPEND = "suspend", _("Suspended")
    REVOKE = "revoke", _("Revoked")
    EXPIRE = "expire", _("Ended")


class Status(models.TextChoices):
    """Computed from events and dates (rules.status_on), never stored."""

    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


# Events that only a leader may decide (Art. 5.2 of the regulation: the leader in charge decides).
LEADER_EVENTS = frozenset({EventType.SUSPEND, EventType.REVOKE})
