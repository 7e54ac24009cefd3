"""The province's information systems and their security (Regulation Art. 3.15; Law on Network Information
Security 2015; Decree 85/2016/NĐ-CP; Circular 12/2022/TT-BTTTT; Decision 05/2017/QĐ-TTg; Circular
20/2017/TT-BTTTT).

Every record belongs to the Department's agency (`agency`), directly or through its parent. The provincial
bodies that own systems (`Owner`) are records of the Department, not units of it; their staff sign in with
portal accounts linked by `OwnerAccount`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.cyber import choices as c
from stttt.cyber import rules
from stttt.org.models import Agency

LEVELS = [(n, str(n)) for n in range(1, 6)]


class Owner(SearchableModel, TimeStampedModel):
    """A provincial body that owns (chủ quản) or operates information systems (Decree 85/2016 Art. 3(1))."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=c.OwnerKind.choices, default=c.OwnerKind.DEPARTMENT)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    focal_point = models.CharField(_("security focal point"), max_length=255, blank=True)

    search_fields = ("name", "code", "focal_point")

    class Meta:
        verbose_name = _("owner body")
        verbose_name_plural = _("owner bodies")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="cyber_owner_code_unique")]

    def __str__(self) -> str:
        return self.name


audit.track(Owner)


class OwnerAccount(TimeStampedModel):
    """A portal account that speaks for an owner body: it sees that body's systems, incidents and warnings,
    submits its level dossiers and reports its incidents."""

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("owner body"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cyber_owner", verbose_name=_("user")
    )

    class Meta:
        verbose_name = _("owner account")
        verbose_name_plural = _("owner accounts")


audit.track(OwnerAccount)


class InfoSystem(SearchableModel, TimeStampedModel):
    """An information system of the province, with the facts that decide its level (Decree 85/2016 Art. 6-11)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT, related_name="systems", verbose_name=_("owner"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=255)
    operator = models.CharField(_("operator"), max_length=255, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    users = models.CharField(_("users"), max_length=255, blank=True)
    system_type = models.CharField(
        _("type"), max_length=30, choices=c.SystemType.choices, default=c.SystemType.INTERNAL
    )
    private_or_personal = models.BooleanField(_("processes private or personal information"), default=False)
    personal_data_users = models.PositiveIntegerField(_("users whose personal data it processes"), default=0)
    secret_level = models.CharField(_("state secrets"), max_length=20, choices=c.SecretLevel.choices, default="none")
    online_service = models.CharField(
        _("online public services"), max_length=20, choices=c.OnlineService.choices, default="none"
    )
    conditional_business = models.BooleanField(_("online service of a conditional business"), default=False)
    infra_scope = models.CharField(
        _("infrastructure serves"), max_length=20, choices=c.InfraScope.choices, default="none"
    )
    national_critical = models.BooleanField(_("national critical information system"), default=False)
    hosting = models.CharField(_("hosting"), max_length=20, choices=c.Hosting.choices, default=c.Hosting.DATA_CENTRE)
    hosting_detail = models.CharField(_("hosting details"), max_length=255, blank=True)
    interconnections = models.TextField(_("interconnections"), blank=True, help_text=_("One system a line."))
    products = models.TextField(
        _("products and versions"), blank=True, help_text=_("One product and version a line, e.g. 'Apache Tomcat 9.0'.")
    )
    approval_status = models.CharField(
        _("approval status"), max_length=20, choices=c.ApprovalStatus.choices, default=c.ApprovalStatus.NOT_CLASSIFIED
    )
    approved_level = models.PositiveSmallIntegerField(_("approved level"), choices=LEVELS, null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approval_decision = models.CharField(_("approval decision"), max_length=120, blank=True)
    last_assessment_on = models.DateField(_("last periodic assessment"), null=True, blank=True)

    search_fields = ("name", "code", "operator", "purpose", "products")

    class Meta:
        verbose_name = _("information system")
        verbose_name_plural = _("information systems")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="cyber_system_code_unique"),
            models.CheckConstraint(
                condition=models.Q(approved_level__isnull=True)
                | models.Q(approved_level__gte=1, approved_level__lte=5),
                name="cyber_system_level_range",
            ),
        ]
        indexes = [models.Index(fields=["agency", "approval_status"])]

    def __str__(self) -> str:
        return self.name

    def level_facts(self) -> rules.SystemFacts:
        return rules.SystemFacts(
            system_type=self.system_type,
            private_or_personal=self.private_or_personal,
            secret_level=self.secret_level,
            online_service=self.online_service,
            conditional_business=self.conditional_business,
            personal_data_users=self.personal_data_users,
            infra_scope=self.infra_scope,
            national_critical=self.national_critical,
        )

    @property
    def implied_level(self) -> int:
        return rules.implied_level(self.level_facts())

    @property
    def criteria(self) -> list[rules.Criterion]:
        return rules.criteria_met(self.level_facts())

    @property
    def next_assessment_due(self):
        return rules.next_assessment_due(self.approved_level, self.approved_on, self.last_assessment_on)


audit.track(InfoSystem)


class LevelDossier(TimeStampedModel):
    """A dossier proposing a system's security level (Decree 85/2016 Art. 14-15), appraised by the Department
    and approved by whoever Art. 12 names."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    system = models.ForeignKey(InfoSystem, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("system"))
    reference = models.CharField(_("reference"), max_length=40)
    proposed_level = models.PositiveSmallIntegerField(_("proposed level"), choices=LEVELS)
    explanation = models.TextField(_("explanation of the proposed level"), blank=True)
    security_plan = models.TextField(_("security plan"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=c.DossierStatus.choices, default="submitted")
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    received_on = models.DateField(_("complete dossier received on"), null=True, blank=True)
    appraisal_due = models.DateField(_("appraisal due"), null=True, blank=True)
    appraised_on = models.DateField(_("appraised on"), null=True, blank=True)
    opinion = models.TextField(_("appraisal opinion"), blank=True)
    opinion_number = models.CharField(_("opinion number"), max_length=60, blank=True)
    approval_due = models.DateField(_("approval due"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_level = models.PositiveSmallIntegerField(_("approved level"), choices=LEVELS, null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    return_reason = models.TextField(_("reason for return or refusal"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("level dossier")
        verbose_name_plural = _("level dossiers")
        ordering = ["-submitted_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "reference"], name="cyber_dossier_reference_unique")]
        indexes = [models.Index(fields=["agency", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} · {self.system}"

    @property
    def under_classified(self) -> rules.Criterion | None:
        return rules.under_classified(self.proposed_level, self.system.level_facts())

    @property
    def approver(self) -> str:
        return rules.approver(self.proposed_level)


audit.track(LevelDossier)


class ChecklistItem(ChoiceLabelsModel):
    """One TCVN 11930 requirement for the dossier's level and what the dossier shows for it."""

    dossier = models.ForeignKey(
        LevelDossier, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("dossier")
    )
    code = models.CharField(_("code"), max_length=10)
    group = models.CharField(_("group"), max_length=20)
    title = models.CharField(_("requirement"), max_length=255)
    shown = models.CharField(_("the dossier shows"), max_length=20, choices=c.Shown.choices, default="unchecked")
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["dossier", "code"], name="cyber_checklist_unique")]

    def __str__(self) -> str:
        return f"{self.code} · {self.title}"


audit.track(ChecklistItem)


class Assessment(TimeStampedModel):
    """A check and assessment of a system's security (Circular 12/2022; Directive 14/CT-TTg)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    system = models.ForeignKey(
        InfoSystem, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("system")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=c.AssessmentKind.choices, default="periodic")
    done_on = models.DateField(_("done on"))
    assessor = models.CharField(_("assessed by"), max_length=255)
    result = models.CharField(_("result"), max_length=20, choices=c.AssessmentResult.choices)
    findings = models.TextField(_("findings"), blank=True)
    referred = models.BooleanField(_("referred to the Inspectorate"), default=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-done_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.system} · {self.done_on:%d/%m/%Y}"


audit.track(Assessment)


class Incident(SearchableModel, TimeStampedModel):
    """An information-security incident reported by an agency (Circular 20/2017; Decision 05/2017)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    owner = models.ForeignKey(
        Owner, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("reporting body")
    )
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("what happened"))
    kind = models.CharField(_("kind"), max_length=20, choices=c.IncidentKind.choices, default="other")
    severity = models.CharField(_("severity"), max_length=20, choices=c.Severity.choices, default="medium")
    systems = models.ManyToManyField(
        InfoSystem, blank=True, related_name="incidents", verbose_name=_("systems affected")
    )
    detected_on = models.DateField(_("detected on"))
    received_on = models.DateField(_("report received on"))
    status = models.CharField(_("status"), max_length=20, choices=c.IncidentStatus.choices, default="reported")
    national_notified_on = models.DateField(_("national centre notified on"), null=True, blank=True)
    team_notified_on = models.DateField(_("provincial response team notified on"), null=True, blank=True)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_report = models.TextField(_("closing report"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    search_fields = ("reference", "title", "description")

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-detected_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "reference"], name="cyber_incident_reference_unique")]
        indexes = [models.Index(fields=["agency", "detected_on"])]

    def __str__(self) -> str:
        return f"{self.reference} · {self.title}"


audit.track(Incident, m2m_fields=["systems"])


class IncidentEvent(models.Model):
    """One entry of an incident's timeline: a step taken, a notification, a note."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events", verbose_name=_("incident"))
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=40)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("incident event")
        verbose_name_plural = _("incident events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} · {self.action}"


class SecurityWarning(SearchableModel, TimeStampedModel):
    """A warning received from the national centre (vulnerability, campaign, indicators of compromise)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    reference = models.CharField(_("reference"), max_length=60)
    source = models.CharField(_("source"), max_length=255)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=c.WarningKind.choices, default="vulnerability")
    severity = models.CharField(_("severity"), max_length=20, choices=c.Severity.choices, default="high")
    product = models.CharField(_("product affected"), max_length=255, blank=True)
    versions = models.CharField(_("versions affected"), max_length=255, blank=True, help_text=_("Comma separated."))
    received_on = models.DateField(_("received on"))
    remediation_days = models.PositiveSmallIntegerField(_("days to remedy"), null=True, blank=True)
    relayed_on = models.DateField(_("relayed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=c.WarningStatus.choices, default="received")
    version = models.PositiveIntegerField(default=1, editable=False)

    search_fields = ("reference", "title", "product", "description")

    class Meta:
        verbose_name = _("security warning")
        verbose_name_plural = _("security warnings")
        ordering = ["-received_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "reference"], name="cyber_warning_reference_unique")]

    def __str__(self) -> str:
        return f"{self.reference} · {self.title}"


audit.track(SecurityWarning)


class WarningDelivery(TimeStampedModel):
    """A warning relayed to one owner body, with its acknowledgement and remediation."""

    warning = models.ForeignKey(
        SecurityWarning, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("warning")
    )
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("owner body"))
    matched = models.TextField(_("systems and products matched"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=c.DeliveryStatus.choices, default="sent")
    ack_due = models.DateField(_("acknowledgement due"))
    remediation_due = models.DateField(_("remediation due"))
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    remediated_on = models.DateField(_("remedied on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("warning delivery")
        verbose_name_plural = _("warning deliveries")
        ordering = ["warning", "owner__name"]
        constraints = [models.UniqueConstraint(fields=["warning", "owner"], name="cyber_delivery_unique")]


audit.track(WarningDelivery)


class ContentReport(SearchableModel, TimeStampedModel):
    """A report of illegal content or false information online, handled by the Department (3.15.đ)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    reference = models.CharField(_("reference"), max_length=40)
    received_on = models.DateField(_("received on"))
    reporter = models.CharField(_("reported by"), max_length=255)
    url = models.URLField(_("address"), max_length=500, blank=True)
    platform = models.CharField(_("platform"), max_length=120, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=c.ContentCategory.choices)
    summary = models.TextField(_("summary"))
    assessment = models.TextField(_("assessment"), blank=True)
    referred_to = models.CharField(_("referred to"), max_length=255, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=c.ContentStatus.choices, default="received")
    version = models.PositiveIntegerField(default=1, editable=False)

    search_fields = ("reference", "summary", "platform", "url")

    class Meta:
        verbose_name = _("content report")
        verbose_name_plural = _("content reports")
        ordering = ["-received_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "reference"], name="cyber_content_reference_unique")]

    def __str__(self) -> str:
        return self.reference


audit.track(ContentReport)
