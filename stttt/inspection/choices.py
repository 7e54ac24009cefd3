"""Statuses and kinds of the inspection app (Thanh tra Sở)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    """A finding another app referred to the Inspectorate, in its inbox until it is acted on."""

    OPEN = "open", _("Open")
    CASE_OPENED = "case_opened", _("Inspection opened")
    RECORD_OPENED = "record_opened", _("Violation recorded")
    DISMISSED = "dismissed", _("Dismissed")


REFERRAL_OPEN = frozenset({ReferralStatus.OPEN})


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the Director")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Sent to the inspected")


class CaseKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled (in the plan)")
    AD_HOC = "ad_hoc", _("Ad hoc")


class CaseStatus(models.TextChoices):
    DECIDED = "decided", _("Decided")
    ONSITE = "onsite", _("On-site inspection")
    ONSITE_ENDED = "onsite_ended", _("On-site work ended")
    REPORTED = "reported", _("Report and draft conclusion")
    CONCLUDED = "concluded", _("Concluded, follow-up")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


CASE_OPEN = frozenset({CaseStatus.DECIDED, CaseStatus.ONSITE, CaseStatus.ONSITE_ENDED, CaseStatus.REPORTED})


class OffenderType(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    ORGANISATION = "organisation", _("Organisation")


class ViolationStatus(models.TextChoices):
    RECORDED = "recorded", _("Recorded")
    DECIDED = "decided", _("Sanction decided")
    PAID = "paid", _("Complied with")
    CLOSED = "closed", _("Closed")
    DROPPED = "dropped", _("No sanction")


VIOLATION_OPEN = frozenset({ViolationStatus.RECORDED, ViolationStatus.DECIDED, ViolationStatus.PAID})


class LetterKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    PETITION = "petition", _("Petition or reflection")


class Channel(models.TextChoices):
    RECEPTION = "reception", _("Citizen reception")
    LETTER = "letter", _("Letter")
    PORTAL = "portal", _("Portal")
    PPC = "ppc", _("Forwarded by the PPC")
    EMAIL = "email", _("E-mail")


class LetterStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted, being resolved")
    FORWARDED = "forwarded", _("Forwarded to the competent body")
    RETURNED = "returned", _("Returned or not accepted")
    RESOLVED = "resolved", _("Resolved")


LETTER_OPEN = frozenset({LetterStatus.RECEIVED, LetterStatus.ACCEPTED})
