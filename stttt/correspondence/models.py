"""Tables of the correspondence app: registers' number series, incoming documents and their routing,
outgoing documents with versions, comments and dispatch, delegations of signature, and drafting dossiers
for the Province (Decree 30/2020/NĐ-CP; regulation 3.1-3.3).

Every record belongs to an agency (`org.Agency`), directly or through its document."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.correspondence.choices import (
    Channel,
    DocType,
    DossierFor,
    DossierKind,
    DossierStage,
    IncomingStatus,
    OutgoingStatus,
    Register,
    Secrecy,
    SigningCapacity,
    Urgency,
)

USER = settings.AUTH_USER_MODEL


def _agency() -> Any:
    return models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))


class NumberSeries(ChoiceLabelsModel):
    """The last number given in one register of one agency in one calendar year (Art. 15(1), 22(2)).

    Numbers are taken with the row locked (`services.next_number`), inside the transaction that records the
    document: two clerks get consecutive numbers, and a number is never skipped or given twice."""

    agency = _agency()
    register = models.CharField(_("register"), max_length=20, choices=Register.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "register", "year"], name="corr_series_unique"),
        ]
        verbose_name = _("number series")
        verbose_name_plural = _("number series")

    def __str__(self) -> str:
        return f"{self.register} {self.year}: {self.last}"


class Incoming(SearchableModel, TimeStampedModel):
    """An incoming document (văn bản đến) registered at the clerical office (Art. 20-24)."""

    search_fields = ("summary", "issuer", "number_symbol", "instruction", "full_text")

    agency = _agency()
    register = models.CharField(_("register"), max_length=20, choices=Register.choices, default=Register.INCOMING)
    arrival_year = models.PositiveSmallIntegerField(_("year"))
    arrival_number = models.PositiveIntegerField(_("arrival number"))
    received_at = models.DateTimeField(_("arrival date and time"))
    channel = models.CharField(
        pgettext_lazy("channel", "received by"), max_length=20, choices=Channel.choices, default=Channel.POST
    )
    issuer = models.CharField(_("issuing body"), max_length=255)
    number_symbol = models.CharField(_("number and symbol"), max_length=100)
    doc_date = models.DateField(_("document date"))
    doc_type = models.CharField(_("type"), max_length=8, choices=DocType.choices, default=DocType.CONG_VAN)
    summary = models.TextField(pgettext_lazy("document", "summary"))
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, blank=True, default="")
    secrecy = models.CharField(_("confidentiality"), max_length=20, choices=Secrecy.choices, blank=True, default="")
    pages = models.PositiveSmallIntegerField(_("pages"), default=1)
    duplicate_key = models.CharField(_("duplicate key"), max_length=400, db_index=True, editable=False)
    full_text = models.TextField(_("text of the attachments"), blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=IncomingStatus.choices, default=IncomingStatus.REGISTERED
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    registered_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("registered by")
    )
    # The Office's proposal (Art. 23: presented to the person who directs the handling).
    proposed_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("proposed unit")
    )
    proposal = models.TextField(_("proposal of the Office"), blank=True)
    # The leader's routing (bút phê).
    lead_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corr_incoming",
        verbose_name=_("lead unit"),
    )
    coordinating_units = models.ManyToManyField(
        "org.Unit", blank=True, related_name="corr_incoming_coordinated", verbose_name=_("coordinating units")
    )
    instruction = models.TextField(_("instruction"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    routed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("routed by")
    )
    routed_at = models.DateTimeField(_("routed at"), null=True, blank=True)
    officer = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="corr_incoming_assigned",
        null=True,
        blank=True,
        verbose_name=_("officer"),
    )
    task = models.ForeignKey(
        "work.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("task")
    )
    result = models.TextField(_("result"), blank=True)
    done_on = models.DateField(_("handled on"), null=True, blank=True)

    class Meta:
        ordering = ["-arrival_year", "-arrival_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "register", "arrival_year", "arrival_number"], name="corr_incoming_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "deadline"], name="corr_incoming_board"),
            models.Index(fields=["agency", "received_at"], name="corr_incoming_month"),
        ]
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")

    def __str__(self) -> str:
        return f"{self.arrival_number:02d}/{self.arrival_year} — {self.number_symbol}"

    def get_absolute_url(self) -> str:
        return reverse("correspondence:incoming", args=[self.pk])


audit.track(Incoming)


def _incoming_path(instance: Any, filename: str) -> str:
    return f"correspondence/incoming/{instance.document.agency_id}/{filename}"


class IncomingFile(models.Model):
    """A file of an incoming document, checked by the upload policy, with its extracted text."""

    document = models.ForeignKey(Incoming, on_delete=models.CASCADE, related_name="files", verbose_name=_("document"))
    file = models.FileField(_("file"), upload_to=_incoming_path)
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.name


class Delegation(TimeStampedModel):
    """A written delegation of signature to a unit head: by order (TL., Art. 13(4)) or by authorisation
    (TUQ., Art. 13(3)), for some document types, in a date range."""

    agency = _agency()
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    kind = models.CharField(
        _("kind"),
        max_length=8,
        choices=[(SigningCapacity.BY_ORDER.value, "TL."), (SigningCapacity.BY_AUTHORISATION.value, "TUQ.")],
    )
    doc_types = models.JSONField(_("document types"), default=list)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    basis = models.CharField(_("written basis"), max_length=255)

    class Meta:
        ordering = ["unit", "start_on"]
        verbose_name = _("delegation of signature")
        verbose_name_plural = _("delegations of signature")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit}"


audit.track(Delegation)


class Outgoing(SearchableModel, TimeStampedModel):
    """An outgoing document (văn bản đi) from draft to issue (Art. 14-19)."""

    search_fields = ("summary", "body", "number_symbol", "recipients_text")

    agency = _agency()
    doc_type = models.CharField(_("type"), max_length=8, choices=DocType.choices, default=DocType.CONG_VAN)
    summary = models.TextField(pgettext_lazy("document", "summary"))
    body = models.TextField(pgettext_lazy("text", "body"), blank=True)
    drafting_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="corr_outgoing", verbose_name=_("drafting unit")
    )
    drafter = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="corr_drafts", verbose_name=_("drafter"))
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, blank=True, default="")
    secrecy = models.CharField(_("confidentiality"), max_length=20, choices=Secrecy.choices, blank=True, default="")
    recipients_text = models.TextField(
        pgettext_lazy("receiving body", "recipients"), blank=True, help_text=_("One recipient per line.")
    )
    reply_to = models.ForeignKey(
        Incoming, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies", verbose_name=_("answers")
    )
    status = models.CharField(_("status"), max_length=20, choices=OutgoingStatus.choices, default=OutgoingStatus.DRAFT)
    version = models.PositiveIntegerField(default=1, editable=False)
    reviewed_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("document", "reviewed by"),
    )
    signed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("signed by")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    capacity = models.CharField(_("signed as"), max_length=8, choices=SigningCapacity.choices, blank=True)
    authority_line = models.CharField(_("authority"), max_length=100, blank=True)
    title_line = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=200, blank=True)
    register = models.CharField(_("register"), max_length=20, choices=Register.choices, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    number_symbol = models.CharField(_("number and symbol"), max_length=100, blank=True)
    issued_on = models.DateField(pgettext_lazy("document", "issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("document", "issued by"),
    )

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "register", "year", "number"],
                condition=models.Q(number__isnull=False),
                name="corr_outgoing_number_unique",
            ),
        ]
        indexes = [models.Index(fields=["agency", "status", "issued_on"], name="corr_outgoing_board")]
        verbose_name = _("outgoing document")
        verbose_name_plural = _("outgoing documents")

    def __str__(self) -> str:
        return self.number_symbol or f"{_('Draft')} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("correspondence:outgoing", args=[self.pk])

    @property
    def recipients(self) -> list[str]:
        return [line.strip() for line in self.recipients_text.splitlines() if line.strip()]


audit.track(Outgoing)


class OutgoingVersion(models.Model):
    """A saved version of a draft: summary and body as they stood (the drafting history)."""

    document = models.ForeignKey(
        Outgoing, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    summary = models.TextField(pgettext_lazy("document", "summary"))
    body = models.TextField(pgettext_lazy("text", "body"), blank=True)
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author"))
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="corr_version_unique")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return f"v{self.number}"


class OutgoingComment(models.Model):
    """A reviewer's or the drafter's comment on a draft."""

    document = models.ForeignKey(
        Outgoing, on_delete=models.CASCADE, related_name="comments", verbose_name=_("document")
    )
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author"))
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:50]


class Dispatch(ChoiceLabelsModel):
    """One sending of an issued document to a recipient (Art. 18: issue and track delivery)."""

    document = models.ForeignKey(
        Outgoing, on_delete=models.CASCADE, related_name="dispatches", verbose_name=_("document")
    )
    recipient = models.CharField(pgettext_lazy("receiving body", "recipient"), max_length=255)
    channel = models.CharField(_("sent by"), max_length=20, choices=Channel.choices, default=Channel.PLATFORM)
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")

    def __str__(self) -> str:
        return self.recipient


class Dossier(SearchableModel, TimeStampedModel):
    """A drafting dossier: a decision, plan or programme the Department drafts for the PPC or its Chairman
    (regulation 3.1-3.3), with its stages and the comments received."""

    search_fields = ("title", "note")

    agency = _agency()
    kind = models.CharField(_("kind"), max_length=20, choices=DossierKind.choices)
    for_body = models.CharField(_("for"), max_length=20, choices=DossierFor.choices, default=DossierFor.PPC)
    title = models.CharField(_("title"), max_length=400)
    is_legal = models.BooleanField(
        _("legal normative document"), default=False, help_text=_("Needs appraisal by the Justice Department.")
    )
    duty = models.CharField(_("duty of the regulation"), max_length=20, blank=True)
    source = models.ForeignKey(
        Incoming,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("assigned by"),
    )
    source_note = models.CharField(pgettext_lazy("source", "assignment"), max_length=300, blank=True)
    lead_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("lead unit"))
    officer = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("officer")
    )
    stage = models.CharField(_("stage"), max_length=20, choices=DossierStage.choices, default=DossierStage.ASSIGNED)
    stage_deadline = models.DateField(_("deadline of the stage"), null=True, blank=True)
    deadline = models.DateField(_("deadline to submit"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    submission = models.ForeignKey(
        Outgoing, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("submission")
    )
    legal_document = models.ForeignKey(
        "legal.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued document"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("drafting dossier")
        verbose_name_plural = _("drafting dossiers")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("correspondence:dossier", args=[self.pk])


audit.track(Dossier)


class DossierComment(ChoiceLabelsModel):
    """A comment received on the draft and how it was answered (bảng tổng hợp tiếp thu, giải trình)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="comments", verbose_name=_("dossier"))
    stage = models.CharField(_("stage"), max_length=20, choices=DossierStage.choices)
    commenter = models.CharField(_("from"), max_length=255)
    text = models.TextField(_("comment"))
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    response = models.TextField(pgettext_lazy("comment", "answer"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("comment received")
        verbose_name_plural = _("comments received")

    def __str__(self) -> str:
        return f"{self.commenter}: {self.text[:40]}"
