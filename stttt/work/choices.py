"""Statuses and kinds of the work app (tasks, meetings, reports, district reports, questions, coordination)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    """Who gave the task (5.1, 6.1, 6.3; 3.35: other tasks the PPC assigns)."""

    PPC = "ppc", _("Provincial People's Committee")
    PPC_CHAIRMAN = "ppc_chairman", _("Chairman of the PPC")
    MINISTRY = "ministry", _("Ministry of Information and Communications")
    COUNCIL = "council", _("Provincial People's Council")
    DIRECTOR = "director", _("Director of the Department")
    HEAD = "head", _("Head of a unit")
    MEETING = "meeting", _("Briefing meeting conclusion")
    OTHER = "other", _("Other")


class TaskStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


TASK_OPEN = frozenset({TaskStatus.NEW, TaskStatus.IN_PROGRESS})


class MeetingKind(models.TextChoices):
    MONTHLY = "monthly", _("Monthly professional briefing")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")


class Recipient(models.TextChoices):
    PPC = "ppc", _("Provincial People's Committee")
    MINISTRY = "ministry", _("Ministry of Information and Communications")
    COUNCIL = "council", _("Provincial People's Council")


class Periodicity(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SIX_MONTH = "six_month", _("Six-monthly")
    ANNUAL = "annual", _("Annual")
    AD_HOC = "ad_hoc", _("Ad hoc")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent")


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")


class Aggregate(models.TextChoices):
    """How district figures make the province figure: counts add up; rates and percentages average."""

    SUM = "sum", _("Sum of the districts")
    AVERAGE = "average", _("Average of the districts")


class DistrictReportStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the Department")
    RETURNED = "returned", _("Returned for correction")


class QuestionKind(models.TextChoices):
    QUESTION = "question", _("Question from a Council delegate")
    PETITION = "petition", _("Voters' petition")


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    ANSWERED = "answered", _("Answered")


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Sent by the Department")
    INCOMING = "incoming", _("Received by the Department")


class CounterpartKind(models.TextChoices):
    DEPARTMENT = "department", _("Provincial department or agency")
    DISTRICT_PC = "district_pc", _("District People's Committee")


class CoordinationStatus(models.TextChoices):
    OPEN = "open", _("Awaiting reply")
    ANSWERED = "answered", _("Answered")
    DISAGREED = "disagreed", _("Not agreed")
    ESCALATED = "escalated", _("Escalated to the PPC")
    CLOSED = "closed", _("Closed")
