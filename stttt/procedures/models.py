"""Administrative procedures: the catalogue (what can be filed) and dossiers (what was filed)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.procedures.choices import (
    Channel,
    CopyKind,
    Handling,
    ResultKind,
    ServiceLevel,
    Stage,
    Status,
    TimeUnit,
    VersionStatus,
)

# --- catalogue ----------------------------------------------------------------------------------------


class Procedure(SearchableModel, TimeStampedModel):
    """An administrative procedure (thủ tục hành chính) the Department handles, with its legal facts."""

    search_fields = ("code", "name", "empowering_citation", "legal_basis")

    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        related_name="procedures",
        verbose_name=_("agency"),
        help_text=_("The agency whose catalogue lists it."),
    )
    code = models.CharField(
        _("code"), max_length=40, help_text=_("Code in the national procedure database where known, else a local code.")
    )
    name = models.CharField(_("name"), max_length=300)
    field_code = models.SlugField(
        _("field"), max_length=60, help_text=_("Field of state management (Article 2 taxonomy), e.g. bao-chi.")
    )
    empowering_citation = models.CharField(
        _("empowering provision"),
        max_length=40,
        help_text=_("The provision of the regulation that empowers the Department, e.g. 3.4.b."),
    )
    provision = models.ForeignKey(
        "legal.Provision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procedures",
        verbose_name=_("provision"),
        help_text=_("Linked from the citation when the regulation is loaded."),
    )
    legal_basis = models.TextField(_("governing law"), help_text=_("Laws, decrees, circulars and articles."))
    time_limit = models.PositiveSmallIntegerField(_("statutory time limit"))
    time_unit = models.CharField(_("unit of the time limit"), max_length=10, choices=TimeUnit.choices)
    time_limit_basis = models.CharField(
        _("basis of the time limit"), max_length=300, help_text=_("The article that sets the time limit.")
    )
    local_time_limit = models.PositiveSmallIntegerField(
        _("published shorter time (working days)"),
        null=True,
        blank=True,
        help_text=_("The province's published shorter time, if any; it then applies instead."),
    )
    desk_days = models.PositiveSmallIntegerField(_("desk (working days)"), default=0)
    division_days = models.PositiveSmallIntegerField(_("division appraisal (working days)"), default=0)
    leader_days = models.PositiveSmallIntegerField(_("leadership approval (working days)"), default=0)
    fee = models.CharField(_("fees"), max_length=300, blank=True)
    result_kind = models.CharField(_("result"), max_length=20, choices=ResultKind.choices)
    result_name = models.CharField(_("name of the result"), max_length=300)
    handling = models.CharField(
        _("role of the Department"), max_length=10, choices=Handling.choices, default=Handling.DECIDE
    )
    handling_note = models.CharField(_("where the Department's part ends"), max_length=300, blank=True)
    division_code = models.CharField(
        _("processing division"), max_length=30, help_text=_("Code of the unit in the organisation that processes it.")
    )
    online = models.BooleanField(_("can be filed online"), default=True)
    service_level = models.CharField(
        _("online service level"),
        max_length=10,
        choices=ServiceLevel.choices,
        default=ServiceLevel.PARTIAL,
        help_text=_("Fully online (toàn trình) or partly online (một phần), Decree 42/2022/NĐ-CP Art. 11."),
    )
    active = models.BooleanField(pgettext_lazy("in force", "active"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        constraints = [
            models.CheckConstraint(condition=Q(time_limit__gte=0), name="procedures_time_limit_gte_0"),
            models.UniqueConstraint(fields=["agency", "code"], name="procedures_procedure_code_per_agency"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def applicable_limit(self) -> tuple[int, str]:
        """(days, unit) that bind the Department: the published shorter time when there is one."""
        if self.local_time_limit is not None:
            return self.local_time_limit, TimeUnit.WORKING.value
        return self.time_limit, self.time_unit


class Component(ChoiceLabelsModel):
    """A document the dossier must contain."""

    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, related_name="components", verbose_name=_("procedure")
    )
    name = models.CharField(_("name"), max_length=400)
    copy_kind = models.CharField(
        _("original or copy"), max_length=30, choices=CopyKind.choices, default=CopyKind.ORIGINAL
    )
    copies = models.PositiveSmallIntegerField(_("number of copies"), default=1)
    form = models.CharField(_("form"), max_length=120, blank=True)
    required = models.BooleanField(_("required"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["procedure", "order", "id"]
        verbose_name = _("dossier component")
        verbose_name_plural = _("dossier components")

    def __str__(self) -> str:
        return self.name


class ProcedureVersion(TimeStampedModel):
    """One version of a procedure's legal facts, valid over a period, as announced by its decision(s).

    A draft is edited freely; `services.version_publish` checks it (`rules.version_problems`,
    `rules.validity_overlaps`) and publishes it. A published version never changes: the service refuses and
    a database trigger (migration 0009) refuses any update but closing its open validity once, and any
    delete. A dossier keeps the version it was filed under (`Dossier.procedure_version`).
    """

    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="versions", verbose_name=_("procedure")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, help_text=_("Empty only for the version in force before records.")
    )
    valid_to = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Last day; empty: open."))
    announcements = models.JSONField(
        _("announcing decisions"),
        default=list,
        blank=True,
        help_text=_("Each: document (number, date, issuer), row (article or annex row), demo (fictional)."),
    )
    national_code = models.CharField(_("national code"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    field_code = models.SlugField(_("field"), max_length=60)
    legal_basis = models.TextField(_("governing law"))
    time_limit = models.PositiveSmallIntegerField(_("statutory time limit"))
    time_unit = models.CharField(_("unit of the time limit"), max_length=10, choices=TimeUnit.choices)
    time_limit_basis = models.CharField(_("basis of the time limit"), max_length=300)
    local_time_limit = models.PositiveSmallIntegerField(
        _("published shorter time (working days)"), null=True, blank=True
    )
    local_time_limit_basis = models.CharField(_("basis of the shorter time"), max_length=300, blank=True)
    steps = models.JSONField(_("steps"), default=list, blank=True, help_text=_("Each: stage, days, unit, basis."))
    components = models.JSONField(
        _("dossier components"), default=list, blank=True, help_text=_("Each: name, copy_kind, copies, form, required.")
    )
    fee = models.CharField(_("fees"), max_length=300, blank=True)
    result_kind = models.CharField(_("result"), max_length=20, choices=ResultKind.choices)
    result_name = models.CharField(_("name of the result"), max_length=300)
    handling = models.CharField(
        _("role of the Department"), max_length=10, choices=Handling.choices, default=Handling.DECIDE
    )
    division_code = models.CharField(_("processing division"), max_length=30, blank=True)  # checked when published
    online = models.BooleanField(_("can be filed online"), default=True)
    service_level = models.CharField(
        _("online service level"), max_length=10, choices=ServiceLevel.choices, default=ServiceLevel.PARTIAL
    )
    change_note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["procedure", "number"]
        verbose_name = _("procedure version")
        verbose_name_plural = _("procedure versions")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"], name="procedures_version_number_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="procedures_version_valid_to_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.national_code} v{self.number}"

    @property
    def published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED

    @property
    def applicable_limit(self) -> tuple[int, str]:
        """(days, unit) that bind the Department under this version: its published shorter time if any."""
        if self.local_time_limit is not None:
            return self.local_time_limit, TimeUnit.WORKING.value
        return self.time_limit, self.time_unit

    @property
    def limit_basis(self) -> str:
        """The provision that sets the applicable limit (the announcing decision's row for a shorter time)."""
        if self.local_time_limit is not None and self.local_time_limit_basis:
            return self.local_time_limit_basis
        return self.time_limit_basis

    def stage_days(self, stage: str) -> int:
        return next((int(step.get("days") or 0) for step in self.steps if step.get("stage") == stage), 0)

    @property
    def desk_days(self) -> int:
        return self.stage_days(Stage.DESK)

    @property
    def division_days(self) -> int:
        return self.stage_days(Stage.DIVISION)

    @property
    def leader_days(self) -> int:
        return self.stage_days(Stage.LEADER)


@receiver(pre_delete, sender=ProcedureVersion)
def _published_version_stays(sender: type[ProcedureVersion], instance: ProcedureVersion, **kwargs: object) -> None:
    """A published version is never deleted (the ORM and the admin; PostgreSQL's trigger refuses too)."""
    if instance.published:
        raise models.ProtectedError(str(_("A published procedure version is never deleted.")), {instance})


audit.track(Procedure)
audit.track(Component)
audit.track(ProcedureVersion)

# --- dossiers -----------------------------------------------------------------------------------------


class Dossier(SearchableModel, TimeStampedModel):
    """One application (hồ sơ) for a procedure, from submission to the returned result.

    Status, dates and deadlines are written only by `services.dossier_transition`; deadlines are computed
    from the working-day calendar, never typed.
    """

    search_fields = ("code", "applicant_name", "subject")

    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("agency"),
        db_index=True,
        help_text=_("The agency of the procedure; every list and figure is scoped by it."),
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("procedure")
    )
    procedure_version = models.ForeignKey(
        ProcedureVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("procedure version"),
        help_text=_("The version in force when the dossier was filed: its time limits and components apply."),
    )
    code = models.CharField(_("dossier code"), max_length=40, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    version = models.PositiveIntegerField(_("version"), default=0)
    channel = models.CharField(
        pgettext_lazy("submission", "channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    applicant_name = models.CharField(_("applicant"), max_length=300)
    applicant_id_number = models.CharField(_("ID or registration number"), max_length=40, blank=True)
    applicant_address = models.CharField(_("address"), max_length=400, blank=True)
    applicant_phone = models.CharField(_("phone"), max_length=30, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    subject = models.CharField(
        _("subject"), max_length=400, blank=True, help_text=_("What is applied for, e.g. the bulletin's name.")
    )
    paper_components = models.JSONField(
        _("components seen on paper"),
        default=list,
        blank=True,
        help_text=_("Ids of the components the desk saw on paper when receiving the dossier (no scan)."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_dossiers",
        verbose_name=_("submitted by"),
    )
    idempotency_key = models.CharField(_("idempotency key"), max_length=80, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_dossiers",
        verbose_name=_("received by"),
    )
    counting_start = models.DateField(_("period counted from"), null=True, blank=True)
    statutory_due_date = models.DateField(_("statutory due date"), null=True, blank=True)
    due_date = models.DateField(_("appointment date"), null=True, blank=True)
    stage_due_date = models.DateField(_("current step due"), null=True, blank=True)
    stage_started_at = models.DateTimeField(_("current step started"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_dossiers",
        verbose_name=_("officer"),
    )
    supplement_requested_at = models.DateTimeField(_("supplement requested at"), null=True, blank=True)
    supplement_reasons = models.TextField(_("supplement requested"), blank=True)
    apology_at = models.DateTimeField(_("apology sent at"), null=True, blank=True)
    apology_reason = models.TextField(_("reason for the delay"), blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    refusal_reasons = models.TextField(_("reasons for refusal"), blank=True)
    result_number = models.CharField(_("result number"), max_length=60, blank=True)
    closed_late = models.BooleanField(_("resolved late"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        constraints = [
            models.UniqueConstraint(
                fields=["submitted_by", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="procedures_dossier_idempotency_unique",
            ),
            # A paper dossier has no applicant account: the desk that received it keys its retries.
            models.UniqueConstraint(
                fields=["received_by", "idempotency_key"],
                condition=Q(submitted_by__isnull=True, idempotency_key__isnull=False),
                name="procedures_dossier_desk_idempotency_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            # The staff inboxes: a procedure's dossiers in a status, earliest due first.
            models.Index(fields=["procedure", "status", "due_date"], name="procedures_dossier_inbox"),
            # The dossier list of an agency, newest filed first (its default sort).
            models.Index(fields=["agency", "-submitted_at", "-id"], name="procedures_dossier_list"),
            # The counts of an agency's inboxes (`selectors.inbox_summary`: its open dossiers). Without it SQLite,
            # which cannot know that open statuses are rare, read the agency's every dossier of ten years.
            models.Index(fields=["agency", "status"], name="procedures_dossier_open"),
            # The monthly statistics (`selectors.statistics`) count the dossiers not resolved, or resolved since
            # the month's first day: a few thousand of an agency's sixty thousand, of every agency's two million,
            # read from these indexes (SQLite read the agency's every dossier, 67 ms, or every agency's, 1.3 s).
            models.Index(fields=["agency", "resolved_at"], name="procedures_dossier_in_month"),
            models.Index(fields=["resolved_at"], name="procedures_dossier_resolved"),
        ]
        permissions = [("view_all_dossiers", _("Can view all dossiers"))]

    def __str__(self) -> str:
        return self.code or f"#{self.pk}"

    @property
    def terms(self) -> ProcedureVersion | Procedure:
        """The facts the dossier is handled under: the version it was filed under (the procedure's own row
        only for a dossier filed before versions existed and not yet bound)."""
        return self.procedure_version or self.procedure

    @property
    def portal_status_code(self) -> int:
        from stttt.procedures.choices import PORTAL_CODES

        return PORTAL_CODES[self.status]


class DossierStep(ChoiceLabelsModel):
    """A row of the processing control sheet (Circular 01/2018/TT-VPCP form 05): who did what, when, by when."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps", verbose_name=_("dossier"))
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"))
    started_at = models.DateTimeField(_("step started"), null=True, blank=True)
    due_date = models.DateField(_("step due"), null=True, blank=True)
    on_time = models.BooleanField(_("on time"), null=True)
    note = models.TextField(_("note"), blank=True)
    basis = models.CharField(_("legal basis"), max_length=200, blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]
        verbose_name = _("processing step")
        verbose_name_plural = _("processing steps")

    def __str__(self) -> str:
        return f"{self.dossier} {self.action}"


def _upload_path(instance: DossierFile, filename: str) -> str:
    # Never the client's name on disk: a random name under the dossier's folder.
    return f"procedures/{instance.dossier_id}/{uuid.uuid4().hex}"


class DossierFile(models.Model):
    """A document uploaded with a dossier: type and size checked, checksum kept, served only as download."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="files", verbose_name=_("dossier"))
    component = models.ForeignKey(
        Component, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("component")
    )
    file = models.FileField(_("file"), upload_to=_upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["dossier", "id"]
        verbose_name = _("dossier file")
        verbose_name_plural = _("dossier files")

    def __str__(self) -> str:
        return self.original_name


class DailySequence(models.Model):
    """The last dossier number an agency gave on a day (Circular 01/2018/TT-VPCP Art. 19: NNNN restarts
    each day)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="procedures_sequence_per_agency_day")]

    def __str__(self) -> str:
        return f"{self.day}: {self.last}"


class Rating(models.Model):
    """The applicant's assessment after the result, on the indicators of Circular 01/2018/TT-VPCP Art. 13
    that the citizen can judge (3, 4, 6, 7), each scored 0, 1 or 2; indicators 1 and 2 are computed from the
    dossier's own dates when it is rated (`rules.rating_scores`)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="rating", verbose_name=_("dossier"))
    unit_code = models.CharField(_("unit"), max_length=30)
    quarter = models.CharField(_("quarter"), max_length=7)  # YYYY-Qn of the result
    indicator_1 = models.PositiveSmallIntegerField(_("1. total time against the rule"))
    indicator_2 = models.PositiveSmallIntegerField(_("2. time of each step against its rule"))
    indicator_3 = models.PositiveSmallIntegerField(_("3. contacts needed to complete the dossier"))
    indicator_4 = models.PositiveSmallIntegerField(_("4. agencies contacted"))
    indicator_6 = models.PositiveSmallIntegerField(_("6. public disclosure of the procedure"))
    indicator_7 = models.PositiveSmallIntegerField(_("7. attitude of the staff"))
    comment = models.TextField(_("comment"), blank=True)
    rated_at = models.DateTimeField(_("rated at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-rated_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    indicator_1__lte=2,
                    indicator_2__lte=2,
                    indicator_3__lte=2,
                    indicator_4__lte=2,
                    indicator_6__lte=2,
                    indicator_7__lte=2,
                ),
                name="procedures_rating_scores_0_to_2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier}: {self.total}"

    @property
    def total(self) -> int:
        return (
            self.indicator_1
            + self.indicator_2
            + self.indicator_3
            + self.indicator_4
            + self.indicator_6
            + self.indicator_7
        )


audit.track(Dossier, excluded_fields=["search_text"])
audit.track(Rating)
