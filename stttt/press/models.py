"""Press and publishing oversight: outlets and what they deposit (lưu chiểu), the reading of deposits, articles
flagged for the leadership, press agencies' representative offices and resident reporters, and press
conferences. Every record belongs to an agency."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.press.choices import (
    ChangeKind,
    Conclusion,
    ConferenceStatus,
    ItemKind,
    ItemStatus,
    OfficeKind,
    OfficeStatus,
    OutletKind,
    Timeliness,
    Tone,
)

USER = settings.AUTH_USER_MODEL


class PressDivision(models.Model):
    """The unit of an agency that does press and publishing oversight (organisation data, never a default in
    code). Without a row, the lead unit of the agency's duty 3.4.a is taken."""

    agency = models.OneToOneField(
        "org.Agency", on_delete=models.CASCADE, related_name="press_division", verbose_name=_("agency")
    )
    unit_code = models.CharField(_("unit"), max_length=30, help_text=_("Code of a unit of the agency."))

    class Meta:
        verbose_name = _("press and publishing division")
        verbose_name_plural = _("press and publishing divisions")

    def __str__(self) -> str:
        return f"{self.agency}: {self.unit_code}"


class Outlet(SearchableModel, TimeStampedModel):
    """A press agency, bulletin publisher or publisher of non-business documents that deposits with the
    Department, with its licence and its release schedule (what is expected, so what is missing)."""

    search_fields = ("name", "governing_body", "licence_number", "field")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OutletKind.choices)
    governing_body = models.CharField(_("governing body"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=400, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    field = models.CharField(
        _("field"), max_length=100, blank=True, help_text=_("Subject area, used to assign readers by field.")
    )
    licence_number = models.CharField(
        _("press licence"), max_length=60, blank=True, help_text=_("Press activity licence of the Ministry.")
    )
    licence_issued_on = models.DateField(_("licence issued on"), null=True, blank=True)
    licence_valid_until = models.DateField(_("licence valid until"), null=True, blank=True)
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence in the register"),
        help_text=_("The bulletin licence issued by the Department, when the outlet publishes a bulletin."),
    )
    release_weekdays = models.JSONField(
        _("release weekdays"), default=list, blank=True, help_text=_("0 = Monday … 6 = Sunday.")
    )
    release_monthdays = models.JSONField(_("release days of the month"), default=list, blank=True)
    skips_days_off = models.BooleanField(_("no issue on public holidays"), default=False)
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        indexes = [models.Index(fields=["agency", "kind", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("press:outlet", args=[self.pk])


class DepositItem(SearchableModel, TimeStampedModel):
    """One item deposited (nộp lưu chiểu): a press issue, an electronic press period, a bulletin issue or a
    publication, with the licence it was published under, its timeliness and the flags raised at intake; then
    its reading (assignment, form, review by the division head)."""

    search_fields = ("title", "issue_number", "outlet_name")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="items", verbose_name=_("outlet"))
    outlet_name = models.CharField(_("outlet"), max_length=300, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=400)
    issue_number = models.CharField(_("issue"), max_length=40, blank=True)
    release_date = models.DateField(_("release date"))
    period_end = models.DateField(
        _("end of the period"), null=True, blank=True, help_text=_("Electronic press deposited by period.")
    )
    distribution_date = models.DateField(
        _("distribution date"), null=True, blank=True, help_text=_("Publications: when distribution begins.")
    )
    received_at = models.DateTimeField(_("received at"))
    postmarked_at = models.DateTimeField(_("postmark"), null=True, blank=True)
    copies = models.PositiveSmallIntegerField(_("copies"), null=True, blank=True)
    print_run = models.PositiveIntegerField(_("print run"), null=True, blank=True)
    electronic_format = models.CharField(_("electronic format"), max_length=20, blank=True)
    reprint = models.BooleanField(_("reprint"), default=False)
    licence = models.ForeignKey(
        "licensing.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licence"),
    )
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    timeliness = models.CharField(_("timeliness"), max_length=20, choices=Timeliness.choices)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    field = models.CharField(_("field"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.RECEIVED)
    reader = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("reader")
    )
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    reading_due_on = models.DateField(_("reading due on"), null=True, blank=True)
    received_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("received by")
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-release_date", "-id"]
        verbose_name = _("deposited item")
        verbose_name_plural = _("deposited items")
        indexes = [
            models.Index(fields=["agency", "release_date"]),
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["outlet", "release_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.issue_number}".strip()

    def save(self, *args, **kwargs):
        self.outlet_name = self.outlet.name if self.outlet_id else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("press:item", args=[self.pk])


class Reading(TimeStampedModel):
    """The reading form of a deposited item (đọc lưu chiểu): content, legal and licence conformity, findings
    with the provision violated; then the division head's review."""

    item = models.OneToOneField(DepositItem, on_delete=models.CASCADE, related_name="reading", verbose_name=_("item"))
    reader = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("reader"))
    content_summary = models.TextField(_("content"), blank=True)
    legal_conformity = models.TextField(_("conformity with the law"), blank=True)
    licence_conformity = models.TextField(_("conformity with the licence"), blank=True)
    conclusion = models.CharField(
        _("conclusion"), max_length=20, choices=Conclusion.choices, default=Conclusion.NO_ISSUE
    )
    provision_violated = models.CharField(_("provision violated"), max_length=300, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")

    def __str__(self) -> str:
        return f"{self.item}: {self.get_conclusion_display()}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()


class FlaggedArticle(SearchableModel, TimeStampedModel):
    """An article a reader flags for the leadership's press picture: title, outlet, date, topic, tone, link."""

    search_fields = ("title", "topic")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles", verbose_name=_("outlet"))
    item = models.ForeignKey(
        DepositItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("deposited item"),
    )
    title = models.CharField(_("title"), max_length=400)
    published_on = models.DateField(_("published on"))
    topic = models.CharField(pgettext_lazy("press", "topic"), max_length=100)
    tone = models.CharField(_("tone"), max_length=20, choices=Tone.choices, default=Tone.NEUTRAL)
    url = models.URLField(_("link"), blank=True)
    note = models.TextField(_("note"), blank=True)
    flagged_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("flagged by"))

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("flagged article")
        verbose_name_plural = _("flagged articles")
        indexes = [models.Index(fields=["agency", "published_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("press:picture") + f"?day={self.published_on.isoformat()}"


class Reminder(ChoiceLabelsModel):
    """A reminder sent to an outlet for a deposit due on a day and not received (one per outlet, kind and day)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency"))
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("outlet"))
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    due_date = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("deposit reminder")
        verbose_name_plural = _("deposit reminders")
        constraints = [models.UniqueConstraint(fields=["outlet", "kind", "due_date"], name="press_reminder_once")]

    def __str__(self) -> str:
        return f"{self.outlet} {self.due_date}"


class RepresentativeOffice(SearchableModel, TimeStampedModel):
    """A representative office or an independent resident reporter of a press agency in the province
    (Press Law 2016 Art. 22), with the notice, the agency's approval and the Department's opinion."""

    search_fields = ("press_agency", "head_name", "address")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    kind = models.CharField(_("kind"), max_length=20, choices=OfficeKind.choices)
    press_agency = models.CharField(_("press agency"), max_length=300)
    governing_body = models.CharField(_("governing body"), max_length=300, blank=True)
    head_name = models.CharField(_("head or reporter"), max_length=200)
    press_card = models.CharField(_("press card number"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=400, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    approval = models.CharField(
        _("approval"),
        max_length=300,
        blank=True,
        help_text=_("The governing body's approval or the agency's decision."),
    )
    notified_on = models.DateField(_("notified on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ended on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=OfficeStatus.choices, default=OfficeStatus.NOTIFIED)
    department_opinion = models.TextField(_("opinion of the Department"), blank=True)

    class Meta:
        ordering = ["press_agency", "id"]
        verbose_name = _("representative office or resident reporter")
        verbose_name_plural = _("representative offices and resident reporters")

    def __str__(self) -> str:
        return f"{self.press_agency}: {self.head_name}"

    def get_absolute_url(self) -> str:
        return reverse("press:office", args=[self.pk])


class OfficeChange(TimeStampedModel):
    """A change notified for an office or reporter (Art. 22.6), or an opinion the Department gave: its history."""

    office = models.ForeignKey(
        RepresentativeOffice,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=pgettext_lazy("representative office", "office"),
    )
    kind = models.CharField(_("change"), max_length=20, choices=ChangeKind.choices)
    effective_on = models.DateField(_("effective on"))
    notified_on = models.DateField(_("notified on"))
    description = models.TextField(_("description"))
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["office", "effective_on", "id"]
        verbose_name = _("office change")
        verbose_name_plural = _("office changes")

    def __str__(self) -> str:
        return f"{self.office}: {self.get_kind_display()} {self.effective_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return self.office.get_absolute_url()


class PressConference(SearchableModel, TimeStampedModel):
    """A press conference notified to the provincial People's Committee (Press Law 2016 Art. 41; procedure of
    3.4.c), its answer and, once held, what was said where a report is required."""

    search_fields = ("organiser", "content", "venue")

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    organiser = models.CharField(_("organiser"), max_length=300)
    organiser_email = models.EmailField(_("organiser's e-mail"), blank=True)
    notified_at = models.DateTimeField(_("notified at"))
    starts_at = models.DateTimeField(_("starts at"))
    venue = models.CharField(_("venue"), max_length=300)
    content = models.TextField(_("content"))
    chair = models.CharField(_("chaired by"), max_length=200)
    notice_in_time = models.BooleanField(_("notified in time"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConferenceStatus.choices, default=ConferenceStatus.NOTIFIED
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    report_required = models.BooleanField(_("report required"), default=False)
    report = models.TextField(_("what was said"), blank=True)
    dossier = models.ForeignKey(
        "procedures.Dossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("notification dossier"),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")

    def __str__(self) -> str:
        return f"{self.organiser} {self.starts_at:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("press:conference", args=[self.pk])


audit.track(Outlet, excluded_fields=["search_text"])
audit.track(DepositItem, excluded_fields=["search_text", "outlet_name"])
audit.track(Reading)
audit.track(FlaggedArticle, excluded_fields=["search_text"])
audit.track(RepresentativeOffice, excluded_fields=["search_text"])
audit.track(OfficeChange)
audit.track(PressConference, excluded_fields=["search_text"])
audit.track(PressDivision)
