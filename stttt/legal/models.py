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
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.legal.choices import AmendmentAction, BasisKind, Certainty, Part, ProvisionKind, WarningCode


class ExternalDocument(TimeStampedModel):
    """A document cited by ours (a law, decree, circular, submission): one record however often cited."""

    key = models.CharField(_("key"), max_length=300, unique=True, help_text=_("Folded type, number and date."))
    doc_type = models.CharField(_("type"), max_length=60)
    number = models.CharField(_("number and symbol"), max_length=60, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    title = models.TextField(pgettext_lazy("document", "title"), blank=True)

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
    title = models.TextField(pgettext_lazy("document", "title"))
    issuer = models.CharField(_("issuer"), max_length=200)
    place = models.CharField(pgettext_lazy("document", "place"), max_length=100, blank=True)
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
    recipients = models.JSONField(pgettext_lazy("receiving body", "recipients"), default=list, blank=True)
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


class LegalBasis(ChoiceLabelsModel):
    """One line of the preamble ("Căn cứ …", "Thực hiện …", "Theo đề nghị …") and what it cites."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="bases")
    order = models.PositiveIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=BasisKind.choices)
    text = models.TextField(_("text"))
    references = models.ManyToManyField(
        ExternalDocument, verbose_name=_("references"), blank=True, related_name="cited_in"
    )

    class Meta:
        verbose_name = pgettext_lazy("document", "legal basis")
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
    position = models.PositiveIntegerField(
        pgettext_lazy("order", "position"), help_text=_("Order in the whole document.")
    )
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


class DataWarning(ChoiceLabelsModel):
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


class Amendment(ChoiceLabelsModel):
    """One amending provision: what a document (the amending one) does to a provision of another (the amended
    work) and from which day. The amended work gets a consolidated version on `effective_from`."""

    amending = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="amendments_made", verbose_name=_("amending document")
    )
    order = models.PositiveIntegerField(_("order"))
    action = models.CharField(pgettext_lazy("amendment", "action"), max_length=20, choices=AmendmentAction.choices)
    target_work_uri = models.CharField(_("amended work"), max_length=200, db_index=True)
    target_eid = models.CharField(_("amended provision"), max_length=120)
    target_citation = models.CharField(_("citation of the amended provision"), max_length=60)
    after_eid = models.CharField(_("inserted after"), max_length=120, blank=True)
    effective_from = models.DateField(_("in force from"))
    instruction = models.TextField(_("amending instruction"))
    new_text = models.TextField(_("new text"), blank=True)
    source_eid = models.CharField(_("amending provision"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["effective_from", "amending", "order"]
        constraints = [models.UniqueConstraint(fields=["amending", "order"], name="legal_amendment_order_unique")]

    def __str__(self) -> str:
        return f"{self.target_citation} {self.get_action_display()} ({self.amending.number})"


class RuleParameter(models.Model):
    """A number a rule uses that the regulation itself sets (a headcount threshold, a quota, a period),
    with the provision it is read from. Its values are dated (`ParameterValue`), OpenFisca-style."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    work_uri = models.CharField(_("work"), max_length=200)
    citation = models.CharField(_("provision"), max_length=60)
    description = models.CharField(_("description"), max_length=255)
    unit = models.CharField(pgettext_lazy("measure", "unit"), max_length=30, blank=True)
    pattern = models.TextField(_("pattern"), help_text=_("Regular expression whose first group is the value."))

    class Meta:
        verbose_name = _("rule parameter")
        verbose_name_plural = _("rule parameters")
        ordering = ["citation", "key"]

    def __str__(self) -> str:
        return self.key


class ParameterValue(models.Model):
    """The value of a parameter from a day on, read from the version of the provision in force that day."""

    parameter = models.ForeignKey(RuleParameter, on_delete=models.CASCADE, related_name="values")
    valid_from = models.DateField(_("valid from"))
    value = models.IntegerField(_("value"), null=True, blank=True, help_text=_("Empty when the text no longer says."))
    version = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+", verbose_name=_("version"))
    amended_by = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("amended by"),
    )

    class Meta:
        verbose_name = _("parameter value")
        verbose_name_plural = _("parameter values")
        ordering = ["parameter", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["parameter", "valid_from"], name="legal_parameter_value_unique")]

    def __str__(self) -> str:
        return f"{self.parameter.key} = {self.value} ({self.valid_from})"


class CompetenceChange(ChoiceLabelsModel):
    """From `effective_from`, the duties of a part of a regulation (a citation prefix such as `3.4`, or the
    whole of it) are held by `holder`, under `basis`. The reorganisations since 2025 are such rows; facts
    not read in an official text carry `certainty = verify`."""

    work_uri = models.CharField(_("work"), max_length=200, db_index=True)
    scope = models.CharField(
        _("scope"), max_length=60, blank=True, help_text=_("Citation prefix (3, 3.4, 3.4.b); empty: the whole.")
    )
    effective_from = models.DateField(_("in force from"))
    holder = models.CharField(_("holder"), max_length=255)
    basis = models.CharField(_("basis"), max_length=500)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.VERIFY)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("change of competence")
        verbose_name_plural = _("changes of competence")
        ordering = ["work_uri", "effective_from", "scope"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_uri", "scope", "effective_from"], name="legal_competence_change_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope or '*'} → {self.holder} ({self.effective_from})"


audit.track(Document)
audit.track(Amendment)
audit.track(CompetenceChange)
audit.track(Field)
audit.track(ExternalDocument)
audit.track(Provision, excluded_fields=["search_text"], m2m_fields=["fields"])
