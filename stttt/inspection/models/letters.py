"""Complaints, denunciations and petitions (Law on Complaints 2011, Law on Denunciations 2018), the
denouncer's protected identity, and citizen reception (Law on Citizen Reception 2013).

A denouncer's identity never sits on the letter: it is a separate row (`DenouncerIdentity`) that no list,
search, export or API reads; the one selector that shows it checks who asks and logs the access
(`IdentityAccess`). Law on Denunciations 2018 Art. 47(2), 56."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import SearchableModel, TimeStampedModel
from stttt.inspection.choices import Channel, LetterKind, LetterStatus


class Letter(SearchableModel, TimeStampedModel):
    """A complaint, denunciation or petition received by the Department, from any channel."""

    search_fields = ("code", "summary", "subject")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    code = models.CharField(_("number"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices)
    channel = models.CharField(_("received through"), max_length=20, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.RECEIVED)
    received_on = models.DateField(_("received on"))
    summary = models.TextField(_("content"))
    subject = models.CharField(
        _("about"), max_length=300, help_text=_("The decision, act or person complained of or denounced.")
    )
    sender_name = models.CharField(
        _("sender"), max_length=200, blank=True, help_text=_("Complaints and petitions only; a denouncer is protected.")
    )
    sender_address = models.CharField(_("sender's address"), max_length=400, blank=True)
    denounced = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member denounced"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned inspector"),
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    complex_case = models.BooleanField(_("complex"), default=False)
    especially_complex = models.BooleanField(_("especially complex"), default=False)
    remote = models.BooleanField(_("remote area"), default=False)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    due_on = models.DateField(_("due on"), help_text=_("The deadline of the current stage."))
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    reason = models.TextField(_("reasons (return, refusal, forwarding)"), blank=True)
    result = models.TextField(_("decision or conclusion"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("complaint, denunciation or petition")
        verbose_name_plural = _("complaints, denunciations and petitions")
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="inspection_letter_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(kind="denunciation") | (models.Q(sender_name="") & models.Q(sender_address="")),
                name="inspection_denouncer_never_on_the_letter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.subject}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("inspection:letter", args=[self.pk])


class DenouncerIdentity(models.Model):
    """Who denounced (Law on Denunciations 2018 Art. 47(2)): read only through
    `selectors.denouncer_identity(letter, user)`, which checks and logs. Not tracked in the history pages
    (the history would show it); every read is in `IdentityAccess`."""

    letter = models.OneToOneField(Letter, on_delete=models.CASCADE, related_name="identity")
    full_name = models.CharField(_("full name"), max_length=200)
    id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=400, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("denouncer's identity")
        verbose_name_plural = _("denouncers' identities")

    def __str__(self) -> str:  # never the name: this may end up in a log or an error page
        return f"#{self.pk}"


class IdentityAccess(models.Model):
    """One look at a denouncer's identity: who, when, and whether it was allowed."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="identity_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    allowed = models.BooleanField(_("allowed"))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access to a denouncer's identity")
        verbose_name_plural = _("accesses to denouncers' identities")

    def __str__(self) -> str:
        return f"{self.letter_id}: {self.user_id} {self.at:%d/%m/%Y %H:%M}"


class ReceptionDay(models.Model):
    """A day the Director (or the leader standing in) receives citizens (Law on Citizen Reception Art. 18)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    date = models.DateField(_("date"))
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("leader")
    )
    place = models.CharField(_("place"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("reception day")
        verbose_name_plural = _("reception days")
        constraints = [models.UniqueConstraint(fields=["agency", "date"], name="inspection_one_reception_per_day")]

    def __str__(self) -> str:
        return self.date.strftime("%d/%m/%Y")


class ReceptionEntry(TimeStampedModel):
    """A line of the reception book (sổ tiếp công dân): who came (left blank when they denounce: the identity
    goes with the letter), about what, what was done, and the follow-up."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    day = models.ForeignKey(ReceptionDay, on_delete=models.PROTECT, null=True, blank=True, related_name="entries")
    received_on = models.DateField(_("received on"))
    citizen_name = models.CharField(_("citizen"), max_length=200, blank=True)
    content = models.TextField(_("content"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.TextField(_("answer given"), blank=True)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("reception book entry")
        verbose_name_plural = _("reception book")

    def __str__(self) -> str:
        return self.content[:60]


audit.track(Letter, excluded_fields=["search_text"])
audit.track(ReceptionDay)
audit.track(ReceptionEntry)
