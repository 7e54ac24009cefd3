"""Administrative violation records and sanction decisions (LHAV 2012 as amended 2020, sector decrees)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.inspection import catalogue
from stttt.inspection.choices import OffenderType, ViolationStatus


class ViolationRecord(SearchableModel, TimeStampedModel):
    """A record of an administrative violation (biên bản vi phạm hành chính, LHAV Art. 58), the provision
    violated picked from the catalogue with a copy of its fine range, the time to decide computed (Art. 66),
    the limitation checked (Art. 6); then its sanction decision, compliance and closing."""

    search_fields = ("number", "offender_name", "act")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    number = models.CharField(_("record number"), max_length=60)
    status = models.CharField(
        _("status"), max_length=20, choices=ViolationStatus.choices, default=ViolationStatus.RECORDED
    )
    recorded_on = models.DateField(_("recorded on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    place = models.CharField(_("place"), max_length=300)
    offender_type = models.CharField(_("offender is"), max_length=20, choices=OffenderType.choices)
    offender_name = models.CharField(_("offender"), max_length=300)
    offender_id_number = models.CharField(_("ID or enterprise code"), max_length=40, blank=True)
    offender_address = models.CharField(_("address"), max_length=400, blank=True)
    provision_code = models.CharField(_("provision violated"), max_length=40, choices=catalogue.provision_choices())
    sector = models.CharField(_("sector"), max_length=20, choices=list(catalogue.SECTORS.items()))
    citation = models.CharField(_("citation"), max_length=300)
    act = models.TextField(_("act"))
    min_fine = models.PositiveBigIntegerField(_("minimum fine"))
    max_fine = models.PositiveBigIntegerField(_("maximum fine"))
    ended_on = models.DateField(_("violation ended on"), null=True, blank=True, help_text=_("Empty: ongoing."))
    discovered_on = models.DateField(_("discovered on"))
    explanation = models.BooleanField(_("offender asked to explain"), default=False)
    transferred = models.BooleanField(_("sent to another person to decide"), default=False)
    extended = models.BooleanField(_("time to decide extended"), default=False)
    decide_by = models.DateField(_("decide by"))
    case = models.ForeignKey(
        "inspection.InspectionCase", on_delete=models.PROTECT, null=True, blank=True, related_name="violations"
    )
    referral = models.ForeignKey(
        "inspection.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="violations"
    )
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence"),
    )
    drop_reason = models.TextField(_("reason for no sanction"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-recorded_on", "-id"]
        verbose_name = _("violation record")
        verbose_name_plural = _("violation records")
        constraints = [models.UniqueConstraint(fields=["agency", "number"], name="inspection_violation_number_unique")]

    def __str__(self) -> str:
        return f"{self.number} — {self.offender_name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inspection:violation", args=[self.pk])


class SanctionDecision(TimeStampedModel):
    """The sanction decision on a record (LHAV Art. 67-68): fine within the provision's range and the
    decider's competence, additional sanctions (licence suspension), remedial measures; then compliance
    (Art. 73, 78) and, for a suspension, its entry in the licence register."""

    record = models.OneToOneField(ViolationRecord, on_delete=models.PROTECT, related_name="decision")
    number = models.CharField(_("decision number"), max_length=60)
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decider_title = models.CharField(_("competence applied"), max_length=40)
    fine = models.PositiveBigIntegerField(_("fine (VND)"))
    suspension_months = models.PositiveSmallIntegerField(_("licence suspended (months)"), default=0)
    remedial = models.TextField(_("remedial measures"), blank=True)
    received_on = models.DateField(_("received by the offender on"), null=True, blank=True)
    pay_by = models.DateField(_("pay by"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount = models.PositiveBigIntegerField(_("amount paid (VND)"), default=0)
    licence_event_id = models.PositiveIntegerField(_("licence event"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("sanction decision")
        verbose_name_plural = _("sanction decisions")

    def __str__(self) -> str:
        return self.number


audit.track(ViolationRecord, excluded_fields=["search_text"])
audit.track(SanctionDecision)
