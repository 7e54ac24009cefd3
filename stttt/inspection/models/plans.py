"""Annual inspection plans and inspection cases with their follow-up (Law on Inspection 2022)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.inspection.choices import CaseKind, CaseStatus, PlanStatus


class InspectionPlan(TimeStampedModel):
    """The Department's inspection plan for a year: drafted by the Inspectorate, approved by the Director by
    its deadline (Art. 45), sent to the inspected (Art. 45(7)); the check for overlap with other agencies'
    plans is recorded (Art. 45(2))."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("number and symbol"), max_length=60, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    overlap_check = models.TextField(
        _("overlap check"),
        blank=True,
        help_text=_("Which plans (provincial inspectorate, Ministry, State Audit) were compared, and the result."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    published_on = models.DateField(_("sent to the inspected on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="inspection_plan_one_per_year")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inspection:plan", args=[self.pk])


class PlanTarget(models.Model):
    """One planned inspection: whom (a licence holder from `licensing`, or a referral), on what, when."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="targets")
    subject_name = models.CharField(_("inspected"), max_length=300)
    content = models.TextField(_("content"))
    sector = models.CharField(_("sector"), max_length=20)
    quarter = models.PositiveSmallIntegerField(_("quarter"), default=1)
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence"),
    )
    referral = models.ForeignKey(
        "inspection.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["plan", "quarter", "id"]
        verbose_name = _("planned inspection")
        verbose_name_plural = _("planned inspections")

    def __str__(self) -> str:
        return self.subject_name


class InspectionCase(SearchableModel, TimeStampedModel):
    """An inspection (cuộc thanh tra): decision with its legal basis, team and head, announcement, on-site
    period (computed, extension recorded), report, conclusion by its deadline, follow-up until closed."""

    search_fields = ("decision_number", "subject_name", "content")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices, default=CaseKind.SCHEDULED)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.DECIDED)
    plan_target = models.OneToOneField(PlanTarget, on_delete=models.PROTECT, null=True, blank=True, related_name="case")
    referral = models.ForeignKey(
        "inspection.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence"),
    )
    subject_name = models.CharField(_("inspected"), max_length=300)
    subject_address = models.CharField(_("address"), max_length=400, blank=True)
    sector = models.CharField(_("sector"), max_length=20)
    content = models.TextField(_("content of the inspection"))
    legal_basis = models.TextField(_("legal basis"))
    decision_number = models.CharField(_("decision number"), max_length=60)
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("head of the team")
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("team"))
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("extension (days)"), default=0)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    onsite_ended_on = models.DateField(_("on-site work ended on"), null=True, blank=True)
    reported_on = models.DateField(_("report submitted on"), null=True, blank=True)
    findings = models.TextField(_("findings (report)"), blank=True)
    conclusion_number = models.CharField(_("conclusion number"), max_length=60, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    published_on = models.DateField(_("conclusion published on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    due_on = models.DateField(
        _("next deadline"), null=True, blank=True, help_text=_("The deadline of the current stage, for lists.")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        constraints = [
            models.UniqueConstraint(fields=["agency", "decision_number"], name="inspection_case_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} — {self.subject_name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inspection:case", args=[self.pk])


class FollowUp(models.Model):
    """A request of the conclusion, followed until done (Law on Inspection 2022 Art. 80-81)."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="follow_ups")
    request = models.TextField(_("request"))
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("result"), blank=True)

    class Meta:
        ordering = ["case", "due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.request[:80]


audit.track(InspectionPlan)
audit.track(PlanTarget)
audit.track(InspectionCase, excluded_fields=["search_text"])
audit.track(FollowUp)
