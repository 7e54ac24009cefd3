"""Statuses and kinds of the inspection app (Thanh tra Sở)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    """A finding another app referred to the Inspectorate, in its inbox until it is acted on."""

    OPEN = "open", _("Open")
    CASE_OPENED = "case_opened", _("Inspection opened")
    RECORD_OPENED = "record_opened", _("Violation recorded")
    DISMISSED = "dismissed", _("Dismissed")


REFERRAL_OPEN = frozenset({ReferralStatus.OPEN})
