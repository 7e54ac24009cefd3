"""Statuses and kinds of the supervision records (sectors, sites, reports, cases, incidents, broadcasts)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    TELECOM = "telecom", _("Telecommunications")
    INTERNET = "internet", _("Internet services")
    POSTAL = "postal", _("Postal services")
    BROADCAST = "broadcast", _("Radio and television")
    ADVERTISING = "advertising", _("Advertising on the network")
    GAMES = "games", _("Online games")
    SOCIAL = "social", _("Social networks and general websites")
    IT = "it", _("IT enterprises")


class OperatorStatus(models.TextChoices):
    ACTIVE = "active", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    CEASED = "ceased", _("Ceased")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Every six months")
    YEARLY = "yearly", _("Yearly")


class ReportStatus(models.TextChoices):
    DUE = "due", _("Awaited")
    SUBMITTED = "submitted", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for correction")


class SiteKind(models.TextChoices):
    GROUND_TOWER = "ground_tower", _("Ground tower")
    ROOFTOP = "rooftop", _("Rooftop mast")
    POLE = "pole", _("Pole (camouflaged or small)")
    SMALL_CELL = "small_cell", _("Small cell")


class SiteStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPERATING = "operating", _("Operating")
    DOWN = "down", _("Out of service")
    DISMANTLED = "dismantled", _("Dismantled")


class Conformity(models.TextChoices):
    UNREVIEWED = "unreviewed", _("Not reviewed")
    CONFORMS = "conforms", _("Conforms to the plan")
    NOT_CONFORMING = "not_conforming", _("Does not conform")


class CableKind(models.TextChoices):
    UNDERGROUND = "underground", _("Underground duct")
    OVERHEAD = "overhead", _("Overhead on poles")


class PostalPointKind(models.TextChoices):
    POST_OFFICE = "post_office", _("Post office")
    COMMUNE_POINT = "commune_point", _("Commune cultural post office")
    AGENT = "agent", _("Postal agent")
    KIOSK = "kiosk", _("Parcel locker or kiosk")


class CaseKind(models.TextChoices):
    DISPUTE = "dispute", _("Dispute on shared infrastructure")
    COMPLAINT = "complaint", _("Complaint about service quality")
    ADVERTISING = "advertising", _("Advertising on the network to check")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    HANDLING = "handling", _("Being handled")
    MEDIATION = "mediation", _("In mediation")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    REPLACED = "replaced", _("Replaced")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Reported")
    RESTORING = "restoring", _("Being restored")
    RESTORED = "restored", _("Restored")
    CLOSED = "closed", _("Closed")


class StationKind(models.TextChoices):
    WIRED = "wired", _("Wired radio")
    FM = "fm", _("Wireless FM radio")
    IP = "ip", _("IP radio (IT and telecoms)")
    BOARD = "board", _("Electronic information board")


class StationStatus(models.TextChoices):
    WORKING = "working", _("Working")
    DEGRADED = "degraded", _("Partly working")
    BROKEN = "broken", _("Not working")


class BroadcastStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent to the stations")
    CLOSED = "closed", _("Closed")


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    PRIORITY = "priority", _("Priority")
    EMERGENCY = "emergency", _("Emergency")


class ExternalPlanStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    APPRAISING = "appraising", _("Being appraised")
    RETURNED = "returned", _("Returned for completion")
    APPROVED = "approved", _("Appraised and agreed")
