"""Sector supervision: the organisations the Department supervises, what they hold and owe, the passive
telecom infrastructure and public postal network, disputes and complaints, emergency communications, the
grassroots information network and external information (regulation Art. 3.6-3.12, 3.17, 3.21).

Every record belongs to an agency, directly or through its parent. Statuses are in `choices.py`; the
machines that move them are the tables of `workflow.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.supervision.choices import (
    BroadcastStatus,
    CableKind,
    CaseKind,
    CaseStatus,
    Conformity,
    ExternalPlanStatus,
    Frequency,
    IncidentStatus,
    OperatorStatus,
    PlanStatus,
    PostalPointKind,
    Priority,
    ReportStatus,
    Sector,
    SiteKind,
    SiteStatus,
    StationKind,
    StationStatus,
)

AGENCY = "org.Agency"
DISTRICT = "org.District"


def _agency() -> models.ForeignKey:
    return models.ForeignKey(AGENCY, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))


def _district(related: str) -> models.ForeignKey:
    return models.ForeignKey(
        DISTRICT,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related,
        verbose_name=_("district"),
    )


# --- Operators and what they hold and owe ------------------------------------------------------------


class Operator(SearchableModel, TimeStampedModel):
    """An organisation the Department supervises (3.17): telecom and internet operators, postal enterprises,
    radio and TV stations, advertising operators on the network, game and social-network providers."""

    search_fields = ("name", "short_name", "tax_code", "address")

    agency = _agency()
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    tax_code = models.CharField(_("tax code"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    representative = models.CharField(_("representative in the province"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail for reports"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=OperatorStatus.choices, default=OperatorStatus.ACTIVE)
    owns_infrastructure = models.BooleanField(_("owns passive infrastructure"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ("sector", "name")
        verbose_name = _("supervised organisation")
        verbose_name_plural = _("supervised organisations")
        constraints = [models.UniqueConstraint(fields=("agency", "name"), name="supervision_operator_unique_name")]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("supervision:operator", args=[self.pk])


audit.track(Operator)


class Holding(TimeStampedModel):
    """A licence, notice or registration the organisation holds; `licence` links the Department's own."""

    operator = models.ForeignKey(
        Operator, on_delete=models.CASCADE, related_name="holdings", verbose_name=_("organisation")
    )
    title = models.CharField(_("licence or notice"), max_length=255)
    number = models.CharField(_("number"), max_length=80, blank=True)
    issued_by = models.CharField(_("issued by"), max_length=200)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence issued by the Department"),
    )

    class Meta:
        ordering = ("operator", "-issued_on")
        verbose_name = _("licence held")
        verbose_name_plural = _("licences held")

    def __str__(self) -> str:
        return f"{self.title} {self.number}".strip()


audit.track(Holding)


class ReportKind(TimeStampedModel):
    """A periodic report organisations of a sector owe the Department, with its period and its due day
    (`fact_key` names the legal fact that sets it)."""

    agency = _agency()
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=255)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    fact_key = models.CharField(_("legal fact"), max_length=80)
    fields = models.JSONField(_("figures asked"), default=list, blank=True)

    class Meta:
        ordering = ("sector", "name")
        verbose_name = _("report kind")
        verbose_name_plural = _("report kinds")
        constraints = [models.UniqueConstraint(fields=("agency", "code"), name="supervision_reportkind_unique_code")]

    def __str__(self) -> str:
        return self.name


class OperatorReport(TimeStampedModel):
    """One report an organisation owes for one period: awaited, received, accepted or returned."""

    operator = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="reports", verbose_name=_("organisation")
    )
    kind = models.ForeignKey(ReportKind, on_delete=models.PROTECT, related_name="reports", verbose_name=_("report"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DUE)
    submitted_on = models.DateField(_("received on"), null=True, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    return_reason = models.TextField(_("reason for the return"), blank=True)
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-period_end", "operator")
        verbose_name = _("organisation's report")
        verbose_name_plural = _("organisations' reports")
        constraints = [
            models.UniqueConstraint(fields=("operator", "kind", "period_end"), name="supervision_report_unique_period")
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.operator} · {self.period_end:%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:report", args=[self.pk])


audit.track(OperatorReport)


# --- Passive infrastructure and the postal network ---------------------------------------------------


class InfrastructurePlan(TimeStampedModel):
    """The province's plan for passive telecom infrastructure, against which each site's conformity is read."""

    agency = _agency()
    title = models.CharField(_("title"), max_length=300)
    decision = models.CharField(_("decision approving it"), max_length=120, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    valid_until = models.PositiveSmallIntegerField(_("until the year"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.IN_FORCE)

    class Meta:
        ordering = ("-approved_on",)
        verbose_name = _("infrastructure plan")
        verbose_name_plural = _("infrastructure plans")

    def __str__(self) -> str:
        return self.title


audit.track(InfrastructurePlan)


class Site(SearchableModel, TimeStampedModel):
    """A BTS site or tower: where (coordinates, commune), whose, who shares it, its permit and conformity."""

    search_fields = ("code", "name", "commune", "address")

    agency = _agency()
    code = models.CharField(_("site code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SiteKind.choices, default=SiteKind.GROUND_TOWER)
    owner = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="sites", verbose_name=_("owner"))
    sharers = models.ManyToManyField(Operator, blank=True, related_name="shared_sites", verbose_name=_("shared with"))
    district = _district("supervision_sites")
    commune = models.CharField(_("commune"), max_length=120)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    height_m = models.DecimalField(_("height (m)"), max_digits=6, decimal_places=1, null=True, blank=True)
    technologies = models.CharField(_("technologies"), max_length=60, blank=True, help_text=_("e.g. 4G, 5G"))
    permit_number = models.CharField(_("construction permit"), max_length=80, blank=True)
    permit_date = models.DateField(_("permit date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SiteStatus.choices, default=SiteStatus.OPERATING)
    conformity = models.CharField(
        _("conformity with the plan"), max_length=20, choices=Conformity.choices, default=Conformity.UNREVIEWED
    )
    plan = models.ForeignKey(
        InfrastructurePlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sites",
        verbose_name=_("plan"),
    )
    conformity_note = models.CharField(_("conformity note"), max_length=300, blank=True)

    class Meta:
        ordering = ("code",)
        verbose_name = _("BTS site or tower")
        verbose_name_plural = _("BTS sites and towers")
        constraints = [models.UniqueConstraint(fields=("agency", "code"), name="supervision_site_unique_code")]
        indexes = [models.Index(fields=("agency", "commune"))]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:site", args=[self.pk])


audit.track(Site)


class CableRoute(TimeStampedModel):
    """A cable route (underground duct or overhead line) and its owner."""

    agency = _agency()
    name = models.CharField(_("name"), max_length=200)
    owner = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="cable_routes", verbose_name=_("owner"))
    kind = models.CharField(_("kind"), max_length=20, choices=CableKind.choices)
    length_km = models.DecimalField(_("length (km)"), max_digits=8, decimal_places=2)
    communes = models.CharField(_("communes crossed"), max_length=500, blank=True)
    conformity = models.CharField(
        _("conformity with the plan"), max_length=20, choices=Conformity.choices, default=Conformity.UNREVIEWED
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("cable route")
        verbose_name_plural = _("cable routes")

    def __str__(self) -> str:
        return self.name


audit.track(CableRoute)


class PostalPoint(TimeStampedModel):
    """A service point of the public postal network (post office, commune cultural post office, agent)."""

    agency = _agency()
    operator = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="postal_points", verbose_name=_("operator")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PostalPointKind.choices)
    district = _district("supervision_postal_points")
    commune = models.CharField(_("commune"), max_length=120)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    public_network = models.BooleanField(_("part of the public postal network"), default=True)
    active = models.BooleanField(_("open"), default=True)

    class Meta:
        ordering = ("commune", "name")
        verbose_name = _("postal service point")
        verbose_name_plural = _("postal service points")

    def __str__(self) -> str:
        return self.name


audit.track(PostalPoint)


class QualityFigure(TimeStampedModel):
    """A service-quality figure measured or declared for an operator and a period, with its target."""

    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="quality", verbose_name=_("operator"))
    indicator = models.CharField(_("indicator"), max_length=200)
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2026-Q3"))
    value = models.DecimalField(_("measured"), max_digits=10, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=2)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    unit = models.CharField(pgettext_lazy("measure", "unit"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ("-period", "operator", "indicator")
        verbose_name = _("quality figure")
        verbose_name_plural = _("quality figures")

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}"


# --- Disputes, complaints, advertising checks --------------------------------------------------------


class Case(SearchableModel, TimeStampedModel):
    """A dispute on shared infrastructure, a complaint about service quality, or advertising on the network to
    check, with its handling steps (`CaseStep`) and its time limit."""

    search_fields = ("reference", "title", "claimant", "description")

    agency = _agency()
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("subject"), max_length=300)
    claimant = models.CharField(_("brought by"), max_length=255)
    respondent = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="cases", verbose_name=_("organisation concerned")
    )
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases", verbose_name=_("site")
    )
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("handle by"))
    description = models.TextField(_("description"))
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-received_on", "-pk")
        verbose_name = _("dispute or complaint")
        verbose_name_plural = _("disputes and complaints")
        constraints = [models.UniqueConstraint(fields=("agency", "reference"), name="supervision_case_unique_ref")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:case", args=[self.pk])


audit.track(Case)


class CaseStep(models.Model):
    """One handling step of a case, as taken (the case's timeline)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps", verbose_name=_("case"))
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
    at = models.DateTimeField(_("at"))

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("handling step")
        verbose_name_plural = _("handling steps")

    def __str__(self) -> str:
        return f"{self.action} {self.at:%d/%m/%Y %H:%M}"


# --- Emergency communications (3.21) ----------------------------------------------------------------


class EmergencyPlan(TimeStampedModel):
    """The plan for communications in natural disasters and emergencies (3.21)."""

    agency = _agency()
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    decision = models.CharField(_("decision"), max_length=120, blank=True)
    hazards = models.CharField(_("hazards covered"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.IN_FORCE)
    summary = models.TextField(_("measures"), blank=True)

    class Meta:
        ordering = ("-year",)
        verbose_name = _("emergency communications plan")
        verbose_name_plural = _("emergency communications plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supervision:plan", args=[self.pk])


audit.track(EmergencyPlan)


class EmergencyContact(TimeStampedModel):
    """Who to call at an operator when the plan is activated (the roster)."""

    plan = models.ForeignKey(EmergencyPlan, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("plan"))
    operator = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("operator")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)
    on_duty_24h = models.BooleanField(_("on duty day and night"), default=True)

    class Meta:
        ordering = ("operator", "name")
        verbose_name = _("emergency contact")
        verbose_name_plural = _("emergency contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.operator})"


audit.track(EmergencyContact)


class Incident(SearchableModel, TimeStampedModel):
    """An activation of the plan: an outage or disaster, the sites down and the restoration timeline."""

    search_fields = ("title", "communes", "description")

    agency = _agency()
    plan = models.ForeignKey(
        EmergencyPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="incidents", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=300)
    cause = models.CharField(_("cause"), max_length=200)
    started_at = models.DateTimeField(_("started at"))
    communes = models.CharField(_("communes affected"), max_length=500, blank=True)
    operators = models.ManyToManyField(
        Operator, blank=True, related_name="incidents", verbose_name=_("operators affected")
    )
    sites_down = models.PositiveIntegerField(_("sites down"), default=0)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.OPEN)
    restored_at = models.DateTimeField(_("restored at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-started_at",)
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supervision:incident", args=[self.pk])


audit.track(Incident)


class IncidentUpdate(models.Model):
    """One entry of an incident's restoration timeline."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="updates", verbose_name=_("incident"))
    action = models.CharField(_("action"), max_length=40)
    note = models.TextField(_("note"))
    sites_down = models.PositiveIntegerField(_("sites still down"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"))

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("incident update")
        verbose_name_plural = _("incident updates")

    def __str__(self) -> str:
        return f"{self.action} {self.at:%d/%m/%Y %H:%M}"


# --- Grassroots information (3.7) --------------------------------------------------------------------


class RadioStation(SearchableModel, TimeStampedModel):
    """A commune radio station (wired, FM or IP) or information board of the grassroots network."""

    search_fields = ("name", "commune")

    agency = _agency()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=StationKind.choices)
    district = _district("supervision_stations")
    commune = models.CharField(_("commune"), max_length=120)
    loudspeaker_clusters = models.PositiveIntegerField(_("loudspeaker clusters"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=StationStatus.choices, default=StationStatus.WORKING)
    connected_to_source = models.BooleanField(_("connected to the source-information system"), default=False)
    upgrade_year = models.PositiveSmallIntegerField(_("upgrade planned in"), null=True, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ("district__order", "commune", "name")
        verbose_name = _("commune radio station")
        verbose_name_plural = _("commune radio stations")

    def __str__(self) -> str:
        return self.name


audit.track(RadioStation)


class BroadcastRequest(SearchableModel, TimeStampedModel):
    """A message the province asks commune stations to broadcast, and which stations confirmed it."""

    search_fields = ("title", "content")

    agency = _agency()
    title = models.CharField(_("title"), max_length=300)
    content = models.TextField(_("text to broadcast"))
    priority = models.CharField(_("priority"), max_length=20, choices=Priority.choices, default=Priority.NORMAL)
    broadcast_from = models.DateField(_("broadcast from"))
    broadcast_until = models.DateField(_("broadcast until"))
    times_per_day = models.PositiveSmallIntegerField(_("times a day"), default=2)
    stations = models.ManyToManyField(RadioStation, blank=True, related_name="requests", verbose_name=_("stations"))
    status = models.CharField(
        _("status"), max_length=20, choices=BroadcastStatus.choices, default=BroadcastStatus.DRAFT
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-broadcast_from", "-pk")
        verbose_name = _("broadcast request")
        verbose_name_plural = _("broadcast requests")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supervision:broadcast", args=[self.pk])


audit.track(BroadcastRequest)


class BroadcastConfirmation(models.Model):
    """A station's confirmation that it broadcast the request."""

    request = models.ForeignKey(
        BroadcastRequest, on_delete=models.CASCADE, related_name="confirmations", verbose_name=_("request")
    )
    station = models.ForeignKey(
        RadioStation, on_delete=models.PROTECT, related_name="confirmations", verbose_name=_("station")
    )
    confirmed_on = models.DateField(_("confirmed on"))
    times_broadcast = models.PositiveSmallIntegerField(_("times broadcast"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ("station__commune",)
        verbose_name = _("broadcast confirmation")
        verbose_name_plural = _("broadcast confirmations")
        constraints = [models.UniqueConstraint(fields=("request", "station"), name="supervision_confirmation_once")]

    def __str__(self) -> str:
        return f"{self.station} {self.confirmed_on:%d/%m/%Y}"


audit.track(BroadcastConfirmation)


# --- External information (3.6) ---------------------------------------------------------------------


class ExternalPlan(SearchableModel, TimeStampedModel):
    """An agency's or district's yearly external-information plan sent to the Department for appraisal (3.6.c)."""

    search_fields = ("title", "submitted_by")

    agency = _agency()
    submitted_by = models.CharField(_("submitted by"), max_length=255)
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("appraise by"))
    status = models.CharField(
        _("status"), max_length=20, choices=ExternalPlanStatus.choices, default=ExternalPlanStatus.RECEIVED
    )
    opinion = models.TextField(_("appraisal opinion"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-year", "-received_on")
        verbose_name = _("external-information plan")
        verbose_name_plural = _("external-information plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supervision:external_plan", args=[self.pk])


audit.track(ExternalPlan)


class ExternalActivity(TimeStampedModel):
    """An external-information event or product of the year (press briefing, publication, exhibition)."""

    agency = _agency()
    plan = models.ForeignKey(
        ExternalPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("plan"),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=100)
    held_on = models.DateField(_("date"))
    organiser = models.CharField(_("organiser"), max_length=255)
    audience = models.PositiveIntegerField(_("audience or copies"), null=True, blank=True)

    class Meta:
        ordering = ("-held_on",)
        verbose_name = _("external-information activity")
        verbose_name_plural = _("external-information activities")

    def __str__(self) -> str:
        return self.title


audit.track(ExternalActivity)
