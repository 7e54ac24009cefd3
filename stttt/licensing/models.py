"""Licences and what happens to them: issued from a dossier (or recorded), amended, extended, suspended,
revoked, ended. A licence's status is computed from its events and dates, never stored."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.core.text import fold
from stttt.licensing import rules
from stttt.licensing.choices import EventType, HolderType, Issuer
from stttt.licensing.kinds import KINDS, Kind, kind_choices

TOKEN_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to type from paper


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(10))


class Licence(SearchableModel, TimeStampedModel):
    """A licence, certificate or confirmation, as issued (the base record; events change it over time)."""

    search_fields = ("number", "holder_name", "subject_text", "district_name")

    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        related_name="licences",
        verbose_name=_("agency"),
        db_index=True,
        help_text=_("The agency whose register holds it; every list and figure is scoped by it."),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kind_choices())
    number = models.CharField(_("number and symbol"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence in the year"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=20, choices=Issuer.choices, default=Issuer.DEPARTMENT)
    issuer_name = models.CharField(pgettext_lazy("licence", "issuing body"), max_length=200)
    holder_type = models.CharField(
        _("holder is"), max_length=20, choices=HolderType.choices, default=HolderType.ORGANISATION
    )
    holder_name = models.CharField(pgettext_lazy("licence", "holder"), max_length=300)
    holder_id_number = models.CharField(
        _("holder's identifier"),
        max_length=40,
        blank=True,
        help_text=_(
            "Enterprise or establishment code of an organisation (public); personal ID number of an "
            "individual (never public)."
        ),
    )
    holder_address = models.CharField(_("holder's address"), max_length=400, blank=True)
    holder_phone = models.CharField(_("holder's phone"), max_length=30, blank=True)
    holder_email = models.EmailField(_("holder's e-mail"), blank=True)
    district = models.CharField(
        _("district"), max_length=40, blank=True, help_text=_("Code of a district of the agency (organisation data).")
    )
    subject = models.JSONField(_("subject"), default=dict, blank=True)
    subject_text = models.TextField(_("subject (text)"), blank=True, editable=False)
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: no time limit. Extensions are events.")
    )
    conditions = models.TextField(_("conditions"), blank=True)
    signer_title = models.CharField(_("signed by (title)"), max_length=100, blank=True)
    signer_name = models.CharField(_("signed by (name)"), max_length=200, blank=True)
    dossier = models.OneToOneField(
        "procedures.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="licence",
        verbose_name=_("dossier"),
    )
    provision = models.ForeignKey(
        "legal.Provision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="licences",
        verbose_name=_("provision"),
    )
    citation = models.CharField(
        _("issued under"), max_length=40, help_text=_("Citation of the provision of the regulation, e.g. 3.8.c.")
    )
    token = models.CharField(_("verification code"), max_length=16, unique=True, default=new_token)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        constraints = [
            # Sequences restart each year (Decree 30/2020): the number is unique per issuer and year, in the
            # register of each agency (two agencies may both record the same Ministry decision).
            models.UniqueConstraint(
                fields=["agency", "issuer_name", "year", "number"], name="licensing_number_year_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="licensing_valid_until_after_from",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "issued_on"]),
            # A public register: the agency's licences of a kind, newest issued first (its default sort).
            models.Index(fields=["agency", "kind", "-issued_on", "-id"], name="licensing_register"),
            # The staff list of an agency's licences of every kind, newest issued first (its sort).
            models.Index(fields=["agency", "-issued_on", "-id"], name="licensing_licence_list"),
            # Every agency's licences, newest first (a national register or search): its first page is read
            # from this index rather than by sorting every match.
            models.Index(fields=["-issued_on", "-id"], name="licensing_licence_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.holder_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.subject_text = self.build_subject_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "subject_text"}
        super().save(*args, **kwargs)

    def build_subject_text(self) -> str:
        """The subject's values as one text, for the search index and exports."""
        return " ".join(
            str(v) if not isinstance(v, list) else " ".join(map(str, v)) for v in (self.subject or {}).values()
        )

    def build_search_text(self) -> str:
        """What the register row shows, so that a search finds a licence by it: the number, the holder's name,
        an organisation's enterprise code and address (public; an individual's are not), the public subject
        and the district, each as amended by the amendments in force today, and as they will read once an
        amendment already decided takes effect. Refreshed whenever the licence or an amendment is saved."""
        today = timezone.localdate()
        facts = self.event_facts() if self.pk else []
        states = [today, *sorted({f.effective_on for f in facts if f.effective_on > today})]
        public = {spec.name for spec in KINDS[self.kind].subject if spec.public} if self.kind in KINDS else set()
        parts = [
            self.number,
            rules.public_holder_identifier(self.holder_type, self.holder_id_number),
            rules.public_holder_address(self.holder_type, self.holder_address),
            self.district_name,
        ]
        for day in states:
            parts.append(rules.effective_subject({"holder_name": self.holder_name}, facts, day)["holder_name"])
            for name, value in rules.effective_subject(self.subject, facts, day).items():
                if name in public:
                    parts.append(" ".join(map(str, value)) if isinstance(value, list) else str(value))
        return fold(" ".join(dict.fromkeys(p for p in parts if p)))

    @property
    def kind_spec(self) -> Kind:
        return KINDS[self.kind]

    @property
    def district_name(self) -> str:
        """The name of the district in the agency's organisation data (annotated by the selectors)."""
        annotated = getattr(self, "district_label", None)
        if annotated is not None or not self.district:
            return annotated or ""
        from stttt.org.models import District

        name = District.objects.filter(agency_id=self.agency_id, code=self.district).values_list("name", flat=True)
        return next(iter(name), "")

    def event_facts(self) -> list[rules.EventFact]:
        return [e.fact() for e in self.events.all()]

    def status_on(self, day: dt.date) -> str:
        return rules.status_on(day, self.valid_from, self.valid_until, self.event_facts())

    def valid_until_on(self, day: dt.date) -> dt.date | None:
        return rules.effective_until(self.valid_until, self.event_facts(), day)

    def subject_on(self, day: dt.date) -> dict[str, Any]:
        return rules.effective_subject(self.subject, self.event_facts(), day)

    def holder_name_on(self, day: dt.date) -> str:
        return rules.effective_subject({"holder_name": self.holder_name}, self.event_facts(), day)["holder_name"]


class LicenceEvent(TimeStampedModel):
    """Something decided about a licence, with its date, legal basis and the decision or dossier behind it."""

    licence = models.ForeignKey(Licence, on_delete=models.PROTECT, related_name="events", verbose_name=_("licence"))
    type = models.CharField(_("event"), max_length=10, choices=EventType.choices)
    effective_on = models.DateField(_("effective from"))
    end_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Last day of a suspension."))
    new_valid_until = models.DateField(_("new expiry date"), null=True, blank=True)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Subject fields (and holder_name) as amended.")
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    dossier = models.ForeignKey(
        "procedures.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="licence_events",
        verbose_name=_("dossier"),
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["licence", "effective_on", "id"]
        verbose_name = _("licence event")
        verbose_name_plural = _("licence events")
        constraints = [
            models.CheckConstraint(
                condition=~Q(type="suspend") | Q(end_on__isnull=False), name="licensing_suspension_has_end"
            ),
            models.CheckConstraint(
                condition=~Q(type="extend") | Q(new_valid_until__isnull=False), name="licensing_extension_has_date"
            ),
        ]
        indexes = [
            # `selectors.with_status`: the events of one type in force on a day (revocations, suspensions...),
            # read once for a register's status filter without the rest of the table.
            models.Index(
                fields=["type", "effective_on"], include=["licence", "end_on"], name="licensing_event_in_force"
            ),
            # `selectors.licences_with_status`: one licence's latest event of a type, for each row of a page. Without
            # it SQLite answered "this licence's latest extension" from the index above, reading every extension
            # in force of every licence for each row (650 ms a page at 425,000 licences).
            models.Index(fields=["licence", "type", "-effective_on", "-id"], name="licensing_event_of_licence"),
        ]

    def __str__(self) -> str:
        return f"{self.licence.number}: {self.get_type_display()} {self.effective_on:%d/%m/%Y}"

    def fact(self) -> rules.EventFact:
        return rules.EventFact(
            self.type, self.effective_on, self.end_on, self.new_valid_until, self.changes or {}, self.pk or 0
        )


class ExpiryWarning(models.Model):
    """One expiry warning sent: once per licence, threshold and expiry date (a later extension warns again)."""

    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="warnings", verbose_name=_("licence"))
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    valid_until = models.DateField(_("expiry date warned about"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("expiry warning")
        verbose_name_plural = _("expiry warnings")
        constraints = [
            models.UniqueConstraint(fields=["licence", "days_before", "valid_until"], name="licensing_warning_once")
        ]

    def __str__(self) -> str:
        return f"{self.licence.number} −{self.days_before}"


class Application(ChoiceLabelsModel):
    """What a dossier asks to be licensed: the kind's subject fields, filled in at submission; the licence
    issued on approval starts from it."""

    dossier = models.OneToOneField(
        "procedures.Dossier", on_delete=models.CASCADE, related_name="application", verbose_name=_("dossier")
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kind_choices())
    holder_type = models.CharField(
        _("holder is"), max_length=20, choices=HolderType.choices, default=HolderType.ORGANISATION
    )
    district = models.CharField(_("district"), max_length=40, blank=True)
    subject = models.JSONField(_("subject"), default=dict, blank=True)

    class Meta:
        verbose_name = _("licence application")
        verbose_name_plural = _("licence applications")

    def __str__(self) -> str:
        return f"{self.dossier}: {self.kind}"


class KindDivision(ChoiceLabelsModel):
    """The division of an agency that processes a kind of licence produced by none of the agency's
    procedures (e.g. certificates issued by districts and recorded by the agency): organisation data,
    never a default in code. Kinds that procedures produce take the procedures' processing division."""

    agency = models.ForeignKey("org.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency"))
    kind = models.CharField(_("kind"), max_length=40, choices=kind_choices())
    unit_code = models.CharField(_("processing division"), max_length=30, help_text=_("Code of a unit of the agency."))

    class Meta:
        verbose_name = _("division of a kind of licence")
        verbose_name_plural = _("divisions of kinds of licence")
        constraints = [models.UniqueConstraint(fields=["agency", "kind"], name="licensing_kind_division_once")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.kind} → {self.unit_code}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from stttt.org.models import Unit

        if self.agency_id and not Unit.objects.filter(agency_id=self.agency_id, code=self.unit_code).exists():
            raise ValidationError({"unit_code": _("This is not the code of a unit of the agency.")})


audit.track(Licence, excluded_fields=["search_text", "subject_text"])
audit.track(LicenceEvent)
