"""The Department's organisation (Art. 4 of the regulation): units, staff, dated assignments, quotas, duties.

Nothing here is overwritten when the organisation changes: units carry the dates they existed, posts
are dated assignments, and every reorganisation is an event row (`ReorgEvent`). The organisation "as of"
any date is read back from these dates by `selectors.snapshot_at`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.legal.choices import Certainty
from stttt.org.choices import AssignmentKind, DistrictKind, Position, ReorgKind, StaffCategory, UnitKind


class Agency(TimeStampedModel):
    """The Department (Sở). The Deputy Director cap is set by the Provincial People's Committee (4.1.b)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    deputy_director_cap = models.PositiveSmallIntegerField(
        _("Deputy Director cap"),
        null=True,
        blank=True,
        help_text=_("Number of Deputy Directors decided by the Provincial People's Committee (4.1.b)."),
    )
    deputy_director_cap_basis = models.CharField(_("basis of the cap"), max_length=255, blank=True)
    # Identity used on documents and pages: nothing about a province is written in code (DESIGN §5).
    province = models.CharField(
        _("province"), max_length=100, blank=True, help_text=_("Province name without the word “tỉnh”.")
    )
    parent_body = models.CharField(
        _("parent body"),
        max_length=255,
        blank=True,
        help_text=_("The body the agency belongs to (first line of the letterhead)."),
    )
    letterhead_parent = models.CharField(
        _("parent body on the letterhead"),
        max_length=255,
        blank=True,
        help_text=_("In capitals, e.g. UBND TỈNH … (Decree 30/2020, Appendix I)."),
    )
    letterhead_issuer = models.CharField(
        _("agency on the letterhead"), max_length=255, blank=True, help_text=_("e.g. SỞ THÔNG TIN VÀ TRUYỀN THÔNG.")
    )
    council_name = models.CharField(_("People's Council"), max_length=255, blank=True)
    ministry_name = models.CharField(
        _("ministry"), max_length=255, blank=True, help_text=_("The ministry that guides the sector (reports upward).")
    )
    place = models.CharField(
        _("place name on documents"),
        max_length=100,
        blank=True,
        help_text=_("Place written before the date of documents (Decree 30/2020, Appendix I)."),
    )
    national_code = models.CharField(
        _("national agency code"),
        max_length=30,
        blank=True,
        help_text=_("Prefix of dossier codes (Circular 01/2018/TT-VPCP)."),
    )
    one_stop_unit_code = models.CharField(_("unit of the one-stop desk"), max_length=30, blank=True)
    slug = models.SlugField(
        _("portal path"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Serves the agency's public portal at /cong-khai/<path>/."),
    )
    host_names = models.CharField(
        _("host names"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated host names that serve this agency's portal."),
    )
    regulation = models.ForeignKey(
        "legal.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regulation"),
        help_text=_("The decision that sets the agency's functions and organisation."),
    )
    organisation_source = models.CharField(_("source of the organisation"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


audit.track(Agency)


class District(ChoiceLabelsModel):
    """A district-level unit of the agency's province, whose Culture and Information Office reports to the
    Department (6.6) and where licensed businesses are located."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="districts", verbose_name=_("agency"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=DistrictKind.choices, default=DistrictKind.DISTRICT)
    office_name = models.CharField(
        _("office"), max_length=255, blank=True, help_text=_("The district's Culture and Information Office.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Offered in forms; the legal end of the district is `abolished on`.")
    )
    abolished_on = models.DateField(
        _("abolished on"), null=True, blank=True, help_text=_("First day the district-level unit no longer exists.")
    )
    abolished_basis = models.CharField(_("basis of the abolition"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["agency", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="org_district_unique_code")]

    def __str__(self) -> str:
        return self.name


audit.track(District)


class DistrictOfficer(models.Model):
    """A user who reports for one district office: sees only that district's requests and reports (6.6)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="district_post", verbose_name=_("user")
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="officers", verbose_name=_("district")
    )
    position = models.CharField(_("position in the office"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("district officer")
        verbose_name_plural = _("district officers")

    def __str__(self) -> str:
        return f"{self.user} · {self.district}"


class Observer(models.Model):
    """A user of the Provincial People's Committee (or its Office) who follows the Department's work: the
    Director reports to the PPC regularly and on request (regulation Art. 6(3)) under the reporting regime
    (Art. 3(29)). Reads the Department's figures and its reports to the PPC; holds no post, writes nothing
    and sees no applicant's personal data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observer_post", verbose_name=_("user")
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="observers", verbose_name=_("agency"))
    body = models.CharField(
        _("body"), max_length=255, help_text=_("e.g. the Office of the Provincial People's Committee.")
    )
    position = models.CharField(_("position"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("PPC observer")
        verbose_name_plural = _("PPC observers")

    def __str__(self) -> str:
        return f"{self.user} · {self.body}"


class Unit(SearchableModel, TimeStampedModel):
    """A unit of the Department, alive from `established_on` until the day before `dissolved_on`."""

    search_fields = ("code", "name", "short_name")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("agency"))
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255, help_text=_("Current name; earlier names are in renames."))
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    established_on = models.DateField(_("established on"), default=datetime.date(2000, 1, 1))
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=models.F("established_on")),
                name="org_unit_dissolved_after_established",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: datetime.date) -> bool:
        return self.established_on <= day and (self.dissolved_on is None or day < self.dissolved_on)


audit.track(Unit)


class UnitFunction(TimeStampedModel):
    """A function a unit performs for a time; a transfer ends it here and starts it elsewhere."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="functions", verbose_name=_("unit"))
    title = models.CharField(_("function"), max_length=255)
    valid_from = models.DateField(_("valid from"), default=datetime.date(2000, 1, 1))
    valid_to = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Last day, inclusive."))
    transferred_to_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transferred to unit"),
    )
    transferred_to_external = models.CharField(_("transferred to (outside the Department)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("unit function")
        verbose_name_plural = _("unit functions")
        ordering = ["unit", "valid_from", "title"]

    def __str__(self) -> str:
        return self.title


audit.track(UnitFunction)


class Staff(SearchableModel, TimeStampedModel):
    """A person working in the Department, linked to at most one login."""

    search_fields = ("code", "full_name", "email")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="staff", verbose_name=_("agency"))
    code = models.CharField(_("staff ID"), max_length=30, unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    category = models.CharField(_("employment category"), max_length=30, choices=StaffCategory.choices)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("user account"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        ordering = ["full_name", "code"]

    def __str__(self) -> str:
        return self.full_name


audit.track(Staff)


class Assignment(TimeStampedModel):
    """A person in a post of a unit from `start_on` to `end_on` (inclusive; open when empty)."""

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("staff"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("unit"))
    position = models.CharField(_("position"), max_length=30, choices=Position.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=AssignmentKind.choices, default=AssignmentKind.PRIMARY)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Last day, inclusive."))
    acting_for = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("acting for"),
    )
    basis = models.CharField(_("decision"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-start_on", "staff"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="org_assignment_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AssignmentKind.ACTING) | Q(end_on__isnull=False),
                name="org_acting_assignment_has_end",
            ),
        ]
        indexes = [models.Index(fields=["unit", "start_on"]), models.Index(fields=["staff", "start_on"])]

    def __str__(self) -> str:
        return f"{self.staff} · {self.get_position_display()} · {self.unit.code}"

    def active_on(self, day: datetime.date) -> bool:
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)


audit.track(Assignment)


class Duty(SearchableModel, TimeStampedModel):
    """A duty of Art. 3 (a clause, or a point of it) with the unit that leads it and those that help."""

    search_fields = ("citation", "title", "text")

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="duties", verbose_name=_("agency"))
    citation = models.CharField(_("citation"), max_length=30, help_text=_("e.g. 3.14.đ"))
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_duties",
        verbose_name=_("lead unit"),
    )
    coordinating_units = models.ManyToManyField(
        Unit, blank=True, related_name="coordinated_duties", verbose_name=_("coordinating units")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    provision = models.ForeignKey(
        "legal.Provision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="org_duties",
        verbose_name=_("provision"),
    )

    class Meta:
        verbose_name = _("duty")
        verbose_name_plural = _("duties")
        ordering = ["order", "citation"]
        constraints = [models.UniqueConstraint(fields=["agency", "citation"], name="org_duty_unique_citation")]

    def __str__(self) -> str:
        return f"{self.citation} {self.title}"


audit.track(Duty, m2m_fields=["coordinating_units"])


class AreaInCharge(TimeStampedModel):
    """What a Deputy Director is in charge of (5.2): a duty or a unit, for a date range."""

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="areas", verbose_name=_("staff"))
    duty = models.ForeignKey(
        Duty, on_delete=models.PROTECT, null=True, blank=True, related_name="leaders", verbose_name=_("duty")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="leaders", verbose_name=_("unit")
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("area in charge")
        verbose_name_plural = _("areas in charge")
        ordering = ["staff", "start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duty__isnull=False, unit__isnull=True) | Q(duty__isnull=True, unit__isnull=False),
                name="org_area_duty_or_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff}: {self.duty.citation if self.duty else self.unit}"


audit.track(AreaInCharge)


class StaffingQuota(TimeStampedModel):
    """Staffing assigned to a unit for a year (4.3.a) and the number proposed for that year (4.3.b)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="quotas", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    civil_servants = models.PositiveSmallIntegerField(_("civil servant quota"), default=0)
    public_employees = models.PositiveSmallIntegerField(_("public employee quota"), default=0)
    proposed_civil_servants = models.PositiveSmallIntegerField(_("proposed civil servants"), null=True, blank=True)
    proposed_public_employees = models.PositiveSmallIntegerField(_("proposed public employees"), null=True, blank=True)
    basis = models.CharField(_("decision"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("staffing quota")
        verbose_name_plural = _("staffing quotas")
        ordering = ["year", "unit"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="org_quota_unique_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.year}"


audit.track(StaffingQuota)


class ReorgEvent(TimeStampedModel):
    """A dated reorganisation: the record of what changed, kept for ever beside the dated units."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="events", verbose_name=_("agency"))
    kind = models.CharField(_("kind"), max_length=30, choices=ReorgKind.choices)
    effective_on = models.DateField(_("effective on"))
    units = models.ManyToManyField(Unit, blank=True, related_name="events_as_source", verbose_name=_("units"))
    result_units = models.ManyToManyField(
        Unit, blank=True, related_name="events_as_result", verbose_name=_("resulting units")
    )
    function = models.ForeignKey(
        UnitFunction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("function"),
    )
    old_name = models.CharField(_("old name"), max_length=255, blank=True)
    new_name = models.CharField(_("new name"), max_length=255, blank=True)
    basis = models.CharField(_("decision"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.FACT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("reorganisation")
        verbose_name_plural = _("reorganisations")
        ordering = ["effective_on", "pk"]

    def __str__(self) -> str:
        return f"{self.effective_on:%d/%m/%Y} {self.get_kind_display()}"


audit.track(ReorgEvent)
