"""Tables of the work app: tasks, briefing meetings, reports upward, district reports, Council questions and
coordination requests (regulation 3.29, 5.4, 6.1-6.6).

Every record belongs to an agency (`org.Agency`): pages, API and exports show a user only their agency's
records. Districts and their officers are `org.District` and `org.DistrictOfficer`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit, uploads
from stttt.core.models import ChoiceLabelsModel, SearchableModel, TimeStampedModel
from stttt.work.choices import (
    Aggregate,
    CoordinationStatus,
    CounterpartKind,
    Direction,
    DistrictReportStatus,
    MeetingKind,
    Periodicity,
    QuestionKind,
    QuestionStatus,
    Recipient,
    ReportStatus,
    SourceKind,
    TaskStatus,
    ValueType,
)

USER = settings.AUTH_USER_MODEL


def _agency_field() -> Any:
    return models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="+", db_index=True, verbose_name=_("agency")
    )


# --- Tasks ----------------------------------------------------------------------------------------------


class Task(SearchableModel, TimeStampedModel):
    """A task given to the Department (PPC letter, Ministry, Council) or by the Director or a head."""

    search_fields = ("title", "content", "source_body", "source_number")

    agency = _agency_field()
    source_kind = models.CharField(_("source of the task"), max_length=20, choices=SourceKind.choices)
    source_body = models.CharField(_("issuing body"), max_length=255, blank=True)
    source_number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    source_date = models.DateField(_("document date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    content = models.TextField(_("content"), blank=True)
    duty = models.ForeignKey(
        "legal.Provision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_tasks",
        verbose_name=_("duty (provision)"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    lead_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="work_tasks", verbose_name=_("lead unit")
    )
    coordinating_units = models.ManyToManyField(
        "org.Unit", blank=True, related_name="work_coordinated_tasks", verbose_name=_("coordinating units")
    )
    person_in_charge = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_tasks",
        verbose_name=_("person in charge"),
    )
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NEW)
    created_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_tasks_created",
        verbose_name=_("created by"),
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    completion_report = models.TextField(_("completion report"), blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        permissions = [("view_all_tasks", _("Can see every task"))]
        indexes = [
            # The task list of an agency by deadline, and its states (overdue, due soon) as deadline ranges.
            models.Index(fields=["agency", "deadline", "id"], name="work_task_list"),
            # The leadership board: each lead unit's open tasks counted by deadline.
            models.Index(fields=["lead_unit", "status", "deadline"], name="work_task_unit_board"),
            # An agency's open tasks counted and listed by deadline (the boards, the home figures).
            models.Index(fields=["agency", "status", "deadline"], name="work_task_open"),
            # A person's open tasks by deadline ("my tasks", the home page). Without it SQLite walked the agency's
            # every task in deadline order looking for the first 20 of one person (30 ms at 30,000 tasks).
            models.Index(fields=["person_in_charge", "status", "deadline"], name="work_task_mine"),
            # The tasks an agency completed in a month (a unit's board): without it PostgreSQL read every task of
            # the agency (44 ms at 30,000 tasks) to find the 155 of the month.
            models.Index(fields=["agency", "completed_on"], name="work_task_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.source_number + ': ' if self.source_number else ''}{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("work:task", args=[self.pk])


class TaskUpdate(models.Model):
    """A dated progress note; for a late task its `reason` explains the delay (shown in the briefing)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates", verbose_name=_("task"))
    on = models.DateField(_("date"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, verbose_name=_("author"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    note = models.TextField(_("note"))
    reason = models.TextField(_("reason for delay"), blank=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.progress}%"


def _attachment_path(instance: Any, filename: str) -> str:
    """A random storage name: the client's file name is kept in `name`, never used as a path."""
    return f"work/tasks/{instance.task_id}/{uploads.storage_name(filename)}"


class TaskAttachment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("task"))
    file = models.FileField(_("file"), upload_to=_attachment_path)
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


# --- Briefing meetings (5.4) ----------------------------------------------------------------------------


class Meeting(TimeStampedModel):
    """The monthly professional briefing, or an extraordinary meeting on urgent tasks (5.4)."""

    agency = _agency_field()
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.MONTHLY)
    month = models.DateField(_("month reviewed"), help_text=_("First day of the month the meeting reviews."))
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    chaired_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("chaired by")
    )
    place = models.CharField(_("meeting place"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("work:meeting", args=[self.pk])


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting"))
    user = models.ForeignKey(USER, on_delete=models.PROTECT, verbose_name=_("person"))
    present = models.BooleanField(_("present"), default=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="work_attendance_once")]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return str(self.user)


class Conclusion(models.Model):
    """A conclusion of a meeting; `task` is set once it has been turned into a task."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("conclusion"))
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    task = models.OneToOneField(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="conclusion", verbose_name=_("task")
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return self.text[:80]


# --- Reports upward (3.29, 6.1, 6.3) --------------------------------------------------------------------


class ReportType(TimeStampedModel):
    """A kind of report as data: recipient, periodicity, due-date rule and template (sections, indicators)."""

    agency = _agency_field()
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=255)
    recipient = models.CharField(pgettext_lazy("receiving body", "recipient"), max_length=20, choices=Recipient.choices)
    periodicity = models.CharField(pgettext_lazy("report", "periodicity"), max_length=20, choices=Periodicity.choices)
    due_offset_days = models.SmallIntegerField(
        _("due (days after the period ends)"),
        default=5,
        help_text=_("Negative: before the period ends (e.g. -5 for a report due five days before month end)."),
    )
    sections = models.JSONField(_("sections"), default=list, blank=True)
    indicators = models.JSONField(
        _("indicators"), default=list, blank=True, help_text=_("Codes of indicators pre-filled from stttt's data.")
    )
    provision = models.ForeignKey(
        "legal.Provision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_report_types",
        verbose_name=_("legal basis in the regulation"),
    )
    basis = models.CharField(_("source of the obligation"), max_length=255, blank=True)
    active = models.BooleanField(pgettext_lazy("in force", "active"), default=True)

    class Meta:
        ordering = ["recipient", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="work_report_type_code_per_agency")]
        verbose_name = _("report type")
        verbose_name_plural = _("report types")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("work:reports")


class Report(TimeStampedModel):
    """One report for one period: indicators pre-filled, narrative by staff, approved, exported, sent."""

    agency = _agency_field()
    report_type = models.ForeignKey(
        ReportType, on_delete=models.PROTECT, related_name="reports", verbose_name=_("report type")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    values = models.JSONField(_("indicator values"), default=dict, blank=True)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    prepared_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("prepared by")
    )
    approved_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "report_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "period_start", "period_end"], name="work_report_once_per_period"
            )
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.report_type.name} ({self.period_start:%d/%m/%Y}-{self.period_end:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("work:report", args=[self.pk])


# --- Reports from districts (6.6) -----------------------------------------------------------------------


class DistrictRequest(TimeStampedModel):
    """A request for figures sent to every district office (6.6): indicators, period, deadline."""

    agency = _agency_field()
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    deadline = models.DateField(_("deadline"))
    instructions = models.TextField(_("instructions"), blank=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = _("district report request")
        verbose_name_plural = _("district report requests")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("work:district_request", args=[self.pk])


class RequestIndicator(ChoiceLabelsModel):
    """One figure a district must give: its type, allowed range and whether it is required."""

    request = models.ForeignKey(
        DistrictRequest, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("request")
    )
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("label"), max_length=255)
    unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    value_type = models.CharField(_("type"), max_length=20, choices=ValueType.choices, default=ValueType.INTEGER)
    min_value = models.DecimalField(_("minimum"), max_digits=16, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=16, decimal_places=2, null=True, blank=True)
    required = models.BooleanField(_("required"), default=True)
    aggregate = models.CharField(_("province figure"), max_length=10, choices=Aggregate.choices, default=Aggregate.SUM)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["request", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "code"], name="work_indicator_code_once")]
        verbose_name = _("requested indicator")
        verbose_name_plural = _("requested indicators")

    def __str__(self) -> str:
        return self.label


class DistrictReport(TimeStampedModel):
    """One district's answer to a request: values kept as typed while a draft, locked once submitted."""

    request = models.ForeignKey(
        DistrictRequest, on_delete=models.CASCADE, related_name="reports", verbose_name=_("request")
    )
    district = models.ForeignKey(
        "org.District", on_delete=models.PROTECT, related_name="work_reports", verbose_name=_("district")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DistrictReportStatus.choices, default=DistrictReportStatus.NOT_STARTED
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
        ordering = ["request", "district__order"]
        constraints = [models.UniqueConstraint(fields=["request", "district"], name="work_district_report_once")]
        verbose_name = _("district report")
        verbose_name_plural = _("district reports")

    def __str__(self) -> str:
        return f"{self.request} · {self.district}"


# --- Council questions and coordination (6.2, 6.4, 6.5) -------------------------------------------------


def _answer_path(instance: Any, filename: str) -> str:
    """A random storage name: the client's file name is kept in `answer_file_name`, never used as a path."""
    return f"work/answers/{uploads.storage_name(filename)}"


class CouncilQuestion(SearchableModel, TimeStampedModel):
    """A question of a Provincial People's Council delegate or a voters' petition (6.2)."""

    search_fields = ("asked_by", "content", "session")

    agency = _agency_field()
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    session = models.CharField(_("session"), max_length=200, blank=True)
    asked_by = models.CharField(_("asked by"), max_length=255)
    received_on = models.DateField(_("received on"))
    content = models.TextField(_("content"))
    deadline = models.DateField(_("answer due"))
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    assignee = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("assignee")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED
    )
    answer = models.TextField(_("answer"), blank=True)
    answer_number = models.CharField(_("answer document number"), max_length=100, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_file = models.FileField(_("answer document"), upload_to=_answer_path, blank=True)
    answer_file_name = models.CharField(_("answer document name"), max_length=255, blank=True)
    provision = models.ForeignKey(
        "legal.Provision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_questions",
        verbose_name=_("legal basis in the regulation"),
    )

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("Council question or petition")
        verbose_name_plural = _("Council questions and petitions")

    def __str__(self) -> str:
        return f"{self.asked_by}: {self.content[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("work:question", args=[self.pk])


class Coordination(SearchableModel, TimeStampedModel):
    """A coordination request with another department or a district People's Committee (6.4, 6.5)."""

    search_fields = ("counterpart", "subject", "document_number")

    agency = _agency_field()
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    counterpart_kind = models.CharField(_("counterpart kind"), max_length=20, choices=CounterpartKind.choices)
    counterpart = models.CharField(_("counterpart"), max_length=255)
    subject = models.CharField(_("subject of the request"), max_length=300)
    content = models.TextField(_("content"), blank=True)
    document_number = models.CharField(_("document number and symbol"), max_length=100, blank=True)
    sent_on = models.DateField(_("date"), default=timezone.localdate)
    deadline = models.DateField(_("reply due"), null=True, blank=True)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CoordinationStatus.choices, default=CoordinationStatus.OPEN
    )
    reply = models.TextField(_("reply"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    escalated_on = models.DateField(_("escalated on"), null=True, blank=True)
    escalation_note = models.TextField(_("points of disagreement put to the PPC"), blank=True)
    ppc_direction = models.TextField(_("PPC's direction"), blank=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("coordination request")
        verbose_name_plural = _("coordination requests")

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("work:coordination", args=[self.pk])


for _model in (
    Task,
    TaskUpdate,
    Meeting,
    Conclusion,
    ReportType,
    Report,
    DistrictRequest,
    RequestIndicator,
    DistrictReport,
    CouncilQuestion,
    Coordination,
):
    audit.track(_model)
