"""Tables of the digital app: the provincial digital-transformation programme and its indicators (3.14.a-b),
the DTI, the data catalogue and sharing requests (3.14.đ), IT investment appraisals (3.14.c, 3.22), the
register of IT enterprises (3.13.b) and specialised digital-signature requests (3.14.h).

Every record belongs to an agency (`org.Agency`), directly or through its parent; pages, API and CLI show a
user only their agency's records."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.digital.choices import (
    AccessLevel,
    AppraisalStatus,
    CertificateKind,
    EnterpriseStatus,
    FieldOfActivity,
    Formula,
    Frequency,
    Funding,
    Outcome,
    Pillar,
    ProgrammeTaskStatus,
    ProjectGroup,
    PublishedIndex,
    ReporterKind,
    SharingStatus,
    SignatureStatus,
    Stage,
    SubmissionStatus,
)

USER = settings.AUTH_USER_MODEL


def _agency_field() -> Any:
    return models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", db_index=True, verbose_name=_("agency")
    )


# --- IT industry (3.13) ---------------------------------------------------------------------------------


class ITEnterprise(SearchableModel, TimeStampedModel):
    """An IT or digital-technology enterprise of the province (3.13.b: the database of IT enterprises and
    products kept for the periodic reports)."""

    search_fields = ("name", "tax_code", "address", "products", "representative")

    agency = _agency_field()
    name = models.CharField(_("name"), max_length=300)
    tax_code = models.CharField(_("tax code"), max_length=14)
    address = models.CharField(_("address"), max_length=400, blank=True)
    district = models.ForeignKey(
        "org.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("district")
    )
    field_of_activity = models.CharField(_("field of activity"), max_length=24, choices=FieldOfActivity.choices)
    products = models.TextField(_("products and services"), blank=True)
    representative = models.CharField(_("legal representative"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_on = models.DateField(_("registered on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=EnterpriseStatus.choices, default="active")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "tax_code"], name="digital_enterprise_tax_once")]
        verbose_name = _("IT enterprise")
        verbose_name_plural = _("IT enterprises")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("digital:enterprise", args=[self.pk])


class EnterpriseYear(models.Model):
    """One enterprise's figures for a year (staff, revenue), for the industry report (3.13.b-c)."""

    enterprise = models.ForeignKey(
        ITEnterprise, on_delete=models.CASCADE, related_name="years", verbose_name=_("enterprise")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    staff = models.PositiveIntegerField(_("staff"), null=True, blank=True)
    revenue = models.DecimalField(_("revenue (million VND)"), max_digits=16, decimal_places=1, null=True, blank=True)
    export_revenue = models.DecimalField(
        _("export revenue (million VND)"), max_digits=16, decimal_places=1, null=True, blank=True
    )

    class Meta:
        ordering = ["enterprise", "-year"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "year"], name="digital_enterprise_year_once")]
        verbose_name = _("enterprise's year")
        verbose_name_plural = _("enterprises' years")

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}"


# --- Programme, indicators, collection (3.14.a-b) ------------------------------------------------------


class Programme(TimeStampedModel):
    """The province's digital-transformation plan for a year (3.14.a-b)."""

    agency = _agency_field()
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-year", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="digital_programme_year_once")]
        verbose_name = _("digital transformation plan")
        verbose_name_plural = _("digital transformation plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("digital:programme", args=[self.pk])


class Indicator(ChoiceLabelsModel):
    """An indicator the province measures: definition, formula, DTI main index and points."""

    agency = _agency_field()
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    formula = models.CharField(_("formula"), max_length=10, choices=Formula.choices, default=Formula.SUM)
    numerator_label = models.CharField(_("numerator"), max_length=200, blank=True)
    denominator_label = models.CharField(_("denominator"), max_length=200, blank=True)
    pillar = models.CharField(_("DTI main index"), max_length=20, choices=Pillar.choices, blank=True)
    max_points = models.DecimalField(_("DTI points"), max_digits=6, decimal_places=2, default=0)
    benchmark = models.DecimalField(
        _("value that earns full points"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    reporters = models.CharField(
        _("who reports"), max_length=80, default="provincial_agency,district", help_text=_("Kinds of reporting entity.")
    )
    basis = models.CharField(_("source of the indicator"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="digital_indicator_code_once")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def reporter_kinds(self) -> list[str]:
        return [k for k in self.reporters.split(",") if k]


class Target(models.Model):
    """A target of the plan, with the national target it serves (Decision 749/QĐ-TTg 2020)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("target"), max_length=400)
    national_target = models.CharField(_("national target served"), max_length=60, blank=True)
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("measured by"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["programme", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="digital_target_code_once")]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ProgrammeTask(TimeStampedModel):
    """A task of the plan given to a provincial agency or district; the Department's own tasks are
    `work.Task` rows, linked here (3.14.a: the Department coordinates, the agencies carry out)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("plan"))
    target = models.ForeignKey(
        Target, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks", verbose_name=_("target")
    )
    title = models.CharField(_("task"), max_length=400)
    assignee = models.CharField(_("assigned to"), max_length=255)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeTaskStatus.choices, default=ProgrammeTaskStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    work_task = models.OneToOneField(
        "work.Task",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="digital_task",
        verbose_name=_("the Department's task"),
    )

    class Meta:
        ordering = ["programme", "deadline", "pk"]
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")

    def __str__(self) -> str:
        return self.title


class ReportingEntity(ChoiceLabelsModel):
    """A provincial agency, district or commune that reports indicator figures to the Department."""

    agency = _agency_field()
    kind = models.CharField(_("kind"), max_length=20, choices=ReporterKind.choices)
    name = models.CharField(_("name"), max_length=255)
    district = models.ForeignKey(
        "org.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district office that reports"),
    )
    email = models.EmailField(_("e-mail for reminders"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["kind", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="digital_entity_name_once")]
        verbose_name = _("reporting entity")
        verbose_name_plural = _("reporting entities")

    def __str__(self) -> str:
        return self.name


class Collection(TimeStampedModel):
    """A round of indicator collection for a year: every reporting entity fills its figures by the deadline."""

    agency = _agency_field()
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="collections", verbose_name=_("plan")
    )
    year = models.PositiveSmallIntegerField(_("year measured"))
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    deadline = models.DateField(_("deadline"))
    instructions = models.TextField(_("instructions"), blank=True)
    indicators = models.ManyToManyField(Indicator, related_name="collections", verbose_name=_("indicators"))
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["-year", "-deadline", "-pk"]
        verbose_name = _("indicator collection")
        verbose_name_plural = _("indicator collections")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("digital:collection", args=[self.pk])


class Submission(TimeStampedModel):
    """One reporting entity's figures for a collection: kept as typed while a draft, locked once submitted."""

    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("collection")
    )
    entity = models.ForeignKey(
        ReportingEntity, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("reporting entity")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.NOT_STARTED
    )
    raw = models.JSONField(_("values as typed"), default=dict, blank=True)
    values = models.JSONField(_("validated values"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("submitted by")
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    reminders = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        ordering = ["collection", "entity__kind", "entity__order", "entity__name"]
        constraints = [models.UniqueConstraint(fields=["collection", "entity"], name="digital_submission_once")]
        verbose_name = _("indicator submission")
        verbose_name_plural = _("indicator submissions")

    def __str__(self) -> str:
        return f"{self.collection} · {self.entity}"

    def get_absolute_url(self) -> str:
        return reverse("digital:submission", args=[self.pk])


class PublishedScore(ChoiceLabelsModel):
    """A figure of the national DTI ranking as the Ministry published it, entered as data."""

    agency = _agency_field()
    year = models.PositiveSmallIntegerField(_("year measured"))
    index = models.CharField(_("index"), max_length=12, choices=PublishedIndex.choices)
    value = models.DecimalField(_("published value (0-1)"), max_digits=6, decimal_places=4)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    of_provinces = models.PositiveSmallIntegerField(_("of provinces"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "index"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "index"], name="digital_published_once")]
        verbose_name = _("published DTI figure")
        verbose_name_plural = _("published DTI figures")

    def __str__(self) -> str:
        return f"{self.year} {self.get_index_display()}"


# --- Data catalogue and sharing (3.14.đ) ---------------------------------------------------------------


class Dataset(SearchableModel, TimeStampedModel):
    """A database or shared dataset of the province (Decree 47/2020/NĐ-CP; 3.14.đ: the catalogue of the
    province's databases)."""

    search_fields = ("code", "name", "owner", "content", "keywords")

    agency = _agency_field()
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=300)
    owner = models.CharField(_("owner"), max_length=255)
    content = models.TextField(_("content"), blank=True)
    fields = models.TextField(_("main fields"), blank=True)
    frequency = models.CharField(_("update frequency"), max_length=12, choices=Frequency.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=400, blank=True)
    personal_data = models.BooleanField(_("contains personal data"), default=False)
    access_level = models.CharField(_("access level"), max_length=12, choices=AccessLevel.choices)
    is_database = models.BooleanField(_("listed in the province's database catalogue"), default=True)
    system = models.CharField(_("information system that holds it"), max_length=255, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    licence = models.CharField(_("licence"), max_length=120, blank=True)
    access_url = models.URLField(_("access address"), blank=True)
    issued_on = models.DateField(_("first published on"), null=True, blank=True)
    modified_on = models.DateField(_("last updated on"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="digital_dataset_code_once")]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("digital:dataset", args=[self.pk])


class SharingRequest(SearchableModel, TimeStampedModel):
    """An agency's request for a dataset, answered within the legal time limit (Decree 47/2020/NĐ-CP)."""

    search_fields = ("requester", "purpose", "number")

    agency = _agency_field()
    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="requests", verbose_name=_("dataset"))
    requester = models.CharField(_("requesting agency"), max_length=255)
    number = models.CharField(_("request number"), max_length=100, blank=True)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.CharField(_("legal basis of the request"), max_length=400, blank=True)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer due"))
    status = models.CharField(_("status"), max_length=12, choices=SharingStatus.choices, default=SharingStatus.RECEIVED)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    terms = models.TextField(_("terms of the agreement"), blank=True)
    method = models.CharField(_("how the data is shared"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("data-sharing request")
        verbose_name_plural = _("data-sharing requests")

    def __str__(self) -> str:
        return f"{self.requester} · {self.dataset}"

    def get_absolute_url(self) -> str:
        return reverse("digital:sharing", args=[self.pk])


# --- IT investment appraisal (3.14.c, 3.22) ------------------------------------------------------------


class Appraisal(SearchableModel, TimeStampedModel):
    """An IT project or outlay funded by the state budget, sent to the Department for appraisal
    (Decree 73/2019/NĐ-CP as amended by Decree 82/2024/NĐ-CP)."""

    search_fields = ("title", "owner", "number")

    agency = _agency_field()
    title = models.CharField(_("project or outlay"), max_length=400)
    owner = models.CharField(_("investor or spending unit"), max_length=255)
    number = models.CharField(_("submission number"), max_length=100, blank=True)
    funding = models.CharField(_("funding"), max_length=12, choices=Funding.choices)
    stage = models.CharField(_("dossier"), max_length=24, choices=Stage.choices)
    total = models.DecimalField(_("total investment or estimate (VND)"), max_digits=18, decimal_places=0)
    group = models.CharField(_("project group"), max_length=10, choices=ProjectGroup.choices, blank=True)
    received_on = models.DateField(_("complete dossier received on"))
    due_on = models.DateField(_("appraisal due"))
    status = models.CharField(
        _("status"), max_length=12, choices=AppraisalStatus.choices, default=AppraisalStatus.RECEIVED
    )
    lead = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("appraiser")
    )
    opinion = models.TextField(_("appraisal opinion"), blank=True)
    opinion_number = models.CharField(_("number of the opinion"), max_length=100, blank=True)
    outcome = models.CharField(_("outcome"), max_length=14, choices=Outcome.choices, blank=True)
    appraised_on = models.DateField(_("appraised on"), null=True, blank=True)
    approved_total = models.DecimalField(
        _("budget after appraisal (VND)"), null=True, blank=True, max_digits=18, decimal_places=0
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("IT investment appraisal")
        verbose_name_plural = _("IT investment appraisals")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("digital:appraisal", args=[self.pk])


class Consultation(models.Model):
    """An agency consulted during an appraisal, and its answer."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("appraisal")
    )
    body = models.CharField(_("agency consulted"), max_length=255)
    sent_on = models.DateField(_("sent on"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["appraisal", "sent_on", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.body


# --- Digital signatures for agencies (3.14.h) ----------------------------------------------------------


class SignatureRequest(SearchableModel, TimeStampedModel):
    """A request for a specialised public-service digital-signature certificate, checked by the Department
    and forwarded to the issuing authority (3.14.h)."""

    search_fields = ("body", "holder", "serial")

    agency = _agency_field()
    kind = models.CharField(_("certificate for"), max_length=14, choices=CertificateKind.choices)
    body = models.CharField(_("requesting agency"), max_length=255)
    holder = models.CharField(_("holder"), max_length=255)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("holder's e-mail"), blank=True)
    received_on = models.DateField(_("received on"))
    status = models.CharField(
        _("status"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.RECEIVED
    )
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    forwarded_number = models.CharField(_("number of the forwarding letter"), max_length=100, blank=True)
    serial = models.CharField(_("certificate serial"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("digital-signature request")
        verbose_name_plural = _("digital-signature requests")

    def __str__(self) -> str:
        return f"{self.holder} · {self.body}"

    def get_absolute_url(self) -> str:
        return reverse("digital:signature", args=[self.pk])


for _model in (
    ITEnterprise,
    EnterpriseYear,
    Programme,
    Indicator,
    Target,
    ProgrammeTask,
    ReportingEntity,
    Collection,
    Submission,
    PublishedScore,
    Dataset,
    SharingRequest,
    Appraisal,
    Consultation,
    SignatureRequest,
):
    audit.track(_model)
