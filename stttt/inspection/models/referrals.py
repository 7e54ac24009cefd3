"""Referrals: a finding of another app (a deposit reading in `press`, an incident in `cyber`...) sent to the
Inspectorate. The referral keeps a generic link to its source (content type + id) with the source's label
and URL as they were when referred, so the Inspectorate's inbox reads without importing the source app,
and the source app lists the referrals of its record with `selectors.referrals_for(record)`."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.inspection.choices import ReferralStatus


class Referral(SearchableModel, TimeStampedModel):
    """A finding referred to the Inspectorate; it becomes an ad hoc inspection or a violation record, or is
    dismissed with reasons (workflow `inspection.referral`)."""

    search_fields = ("source_label", "summary", "provision")

    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="inspection_referrals", verbose_name=_("agency")
    )
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("source type")
    )
    source_id = models.CharField(_("source id"), max_length=64)
    source_app = models.CharField(_("source app"), max_length=40)
    source_label = models.CharField(_("source"), max_length=300)
    source_url = models.CharField(_("source address"), max_length=300, blank=True)
    summary = models.TextField(_("finding"))
    provision = models.CharField(
        _("provision believed violated"),
        max_length=200,
        blank=True,
        help_text=_("As the referring unit wrote it, e.g. Decree 119/2020 Art. 8(2)."),
    )
    status = models.CharField(_("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("referred by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acted on by"),
    )
    decided_at = models.DateTimeField(_("acted on at"), null=True, blank=True)
    dismissal_reason = models.TextField(_("reasons for dismissal"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [models.Index(fields=["source_type", "source_id"], name="inspection_referral_source")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=ReferralStatus.DISMISSED) | ~models.Q(dismissal_reason=""),
                name="inspection_referral_dismissal_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_label}: {self.summary[:60]}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inspection:referral", args=[self.pk])


audit.track(Referral, excluded_fields=["search_text"])
