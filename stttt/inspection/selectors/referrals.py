"""Reads of referrals: the source app's list, the Inspectorate's inbox."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from stttt.inspection.models import Referral
from stttt.org.selectors import visible_to_department_staff


def referrals_for(source: models.Model) -> QuerySet[Referral]:
    """The referrals opened from `source` (any model instance), newest first."""
    if getattr(source, "pk", None) is None:
        return Referral.objects.none()
    content_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    return Referral.objects.filter(source_type=content_type, source_id=str(source.pk)).order_by("-created_at", "-id")


def referrals_visible_to(user: Any) -> QuerySet[Referral]:
    """Referrals of the user's agency (the Inspectorate's inbox; other staff see them read-only)."""
    qs = Referral.objects.select_related("opened_by", "source_type")
    return visible_to_department_staff(user, qs)
