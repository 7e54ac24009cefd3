"""The regulation as data: documents (versions), their provisions, legal bases, references, warnings.

A `Document` is one version (expression) of a legal document: a Decision (such as số 01/2024/QĐ-UBND) with the
Regulation attached to it. Versions of the same document share `work_uri`; each has an effective
period. A `Provision` is one node of the tree (chapter, article, clause, point, indent) with a stable
Akoma Ntoso-style eId (`art_3__para_14__point_dd`) and a short citation (`3.14.đ`). The Decision's own
articles live in the same table under the `decision` root, with eIds prefixed `dec__`.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.legal.choices import BasisKind, Part, ProvisionKind, WarningCode


class ExternalDocument(TimeStampedModel):
    """A document cited by ours (a law, decree, circular, submission): one record however often cited."""

    key = models.CharField(_("key"), max_length=300, unique=True, help_text=_("Folded type, number and date."))
    doc_type = models.CharField(_("type"), max_length=60)
    number = models.CharField(_("number and symbol"), max_length=60, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    title = models.TextField(_("title"), blank=True)

    class Meta:
        verbose_name = _("external document")
        verbose_name_plural = _("external documents")
        ordering = ["date", "doc_type", "number"]

    def __str__(self) -> str:
        label = f"{self.doc_type} {('số ' + self.number) if self.number else self.title}".strip()
        if self.date:
            label += f" ngày {self.date:%d/%m/%Y}"
        return label


class Document(TimeStampedModel):
    """One version of a legal document (the Decision and its attached Regulation) with its metadata."""

    work_uri = models.CharField(
        _("work"), max_length=200, db_index=True, help_text=_("The same for every version of one document.")
    )
    version_date = models.DateField(_("version date"))
    doc_type = models.CharField(_("type"), max_length=60)
    number = models.CharField(_("number and symbol"), max_length=60)
    title = models.TextField(_("title"))
    issuer = models.CharField(_("issuer"), max_length=200)
    place = models.CharField(_("place"), max_length=100, blank=True)
    signing_date = models.DateField(_("signing date"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    signer_capacity = models.CharField(_("signer's capacity"), max_length=200, blank=True)
    signed_on_behalf = models.CharField(_("signed on behalf of"), max_length=200, blank=True)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    replaces = models.ForeignKey(
        ExternalDocument,
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    regulation_title = models.TextField(_("title of the attached regulation"), blank=True)
    regulation_caption = models.TextField(_("caption of the attached regulation"), blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    primary = models.BooleanField(
        _("the Department's regulation"),
        default=False,
        help_text=_("Citations without a document refer to this one."),
    )
    source_format = models.CharField(_("source format"), max_length=20, blank=True)
    source_text = models.TextField(_("source text"), blank=True)

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["work_uri", "-version_date"]
        constraints = [
            models.UniqueConstraint(fields=["work_uri", "version_date"], name="legal_document_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type} số {self.number} ({self.version_date:%d/%m/%Y})"

    def in_force_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        started = self.effective_from is None or self.effective_from <= day
        return started and (self.effective_to is None or day <= self.effective_to)


class LegalBasis(models.Model):
    """One line of the preamble ("Căn cứ …", "Thực hiện …", "Theo đề nghị …") and what it cites."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="bases")
    order = models.PositiveIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=BasisKind.choices)
    text = models.TextField(_("text"))
    references = models.ManyToManyField(
        ExternalDocument, verbose_name=_("references"), blank=True, related_name="cited_in"
    )

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["document", "order"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="legal_basis_order_unique")]

    def __str__(self) -> str:
        return self.text[:80]


class Field(models.Model):
    """A field of state management listed in Article 2 (báo chí, bưu chính, …): the shared taxonomy."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    keywords = models.JSONField(
        _("keywords"),
        default=list,
        blank=True,
        help_text=_("Words that mark a clause as belonging to this field."),
    )

    class Meta:
        verbose_name = _("field of state management")
        verbose_name_plural = _("fields of state management")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Provision(SearchableModel):
    """One node of a document's tree with its eId, short citation, number, heading and text."""

    search_fields = ("heading", "text", "wrap_up")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    part = models.CharField(_("part"), max_length=20, choices=Part.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=ProvisionKind.choices)
    eid = models.CharField(_("eId"), max_length=120)
    citation = models.CharField(_("citation"), max_length=60)
    num = models.CharField(_("number"), max_length=20, blank=True)
    heading = models.TextField(_("heading"), blank=True)
    text = models.TextField(_("text"), blank=True, help_text=_("The text, or the introduction before the children."))
    wrap_up = models.TextField(_("closing text"), blank=True, help_text=_("Text after the children."))
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the whole document."))
    fields = models.ManyToManyField(
        Field, verbose_name=_("fields of state management"), blank=True, related_name="provisions"
    )

    class Meta:
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "eid"], name="legal_provision_eid_unique"),
            models.UniqueConstraint(fields=["document", "citation"], name="legal_provision_citation_unique"),
        ]

    def __str__(self) -> str:
        return self.citation


class DataWarning(models.Model):
    """Something the importer found wrong in the source and what it did about it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="data_warnings")
    provision = models.ForeignKey(
        Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="data_warnings"
    )
    code = models.CharField(_("code"), max_length=30, choices=WarningCode.choices)
    message = models.TextField(_("message"))

    class Meta:
        verbose_name = _("data-quality warning")
        verbose_name_plural = _("data-quality warnings")
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return self.message


audit.track(Document)
audit.track(Field)
audit.track(ExternalDocument)
audit.track(Provision, excluded_fields=["search_text"], m2m_fields=["fields"])
