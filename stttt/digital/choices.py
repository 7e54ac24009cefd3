"""Statuses and kinds of the digital app (3.13, 3.14, 3.22 of the regulation)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FieldOfActivity(models.TextChoices):
    """The IT industry's branches (Law on Information Technology 2006, Art. 47-50) plus digital-technology
    enterprises (3.13.a of the regulation)."""

    HARDWARE = "hardware", _("Hardware and electronics")
    SOFTWARE = "software", _("Software")
    DIGITAL_CONTENT = "digital_content", _("Digital content")
    IT_SERVICES = "it_services", _("IT services")
    DIGITAL_TECHNOLOGY = "digital_technology", _("Digital technology")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    DISSOLVED = "dissolved", _("Dissolved")


class ReporterKind(models.TextChoices):
    PROVINCIAL_AGENCY = "provincial_agency", _("Provincial department or agency")
    DISTRICT = "district", _("District People's Committee")
    COMMUNE = "commune", _("Commune People's Committee")


class Formula(models.TextChoices):
    """How the reporting entities' figures make the province's value."""

    SUM = "sum", _("Sum of the reported figures")
    RATE = "rate", _("Rate: sum of numerators over sum of denominators, in %")
    AVERAGE = "average", _("Average of the reported figures")


class Pillar(models.TextChoices):
    """The main indices of the provincial DTI (Decision 922/QĐ-BTTTT 2022, Annex 1, Table I.1)."""

    AWARENESS = "awareness", _("Digital awareness")
    INSTITUTIONS = "institutions", _("Digital institutions")
    INFRASTRUCTURE = "infrastructure", _("Digital infrastructure")
    HUMAN_RESOURCES = "human_resources", _("Digital human resources")
    SECURITY = "security", _("Network information security")
    SMART_CITY = "smart_city", _("Smart city")
    GOVERNMENT = "government", _("Digital government activity")
    ECONOMY = "economy", _("Digital economy activity")
    SOCIETY = "society", _("Digital society activity")


class PublishedIndex(models.TextChoices):
    """The figures the Ministry publishes per province each year."""

    TOTAL = "total", _("DTI (total)")
    GOVERNMENT = "government", _("Digital government pillar")
    ECONOMY = "economy", _("Digital economy pillar")
    SOCIETY = "society", _("Digital society pillar")


class SubmissionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")


class ProgrammeTaskStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class AccessLevel(models.TextChoices):
    """Decree 47/2020/NĐ-CP: open data (Ch. IV), data shared between agencies, data restricted by law."""

    OPEN = "open", _("Open data")
    SHARED = "shared", _("Shared between agencies")
    RESTRICTED = "restricted", _("Restricted")


class Frequency(models.TextChoices):
    REALTIME = "realtime", _("Continuously")
    DAILY = "daily", _("Daily")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")
    IRREGULAR = "irregular", _("When it changes")


class SharingStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    AGREED = "agreed", _("Agreed")
    REFUSED = "refused", pgettext_lazy("approval", "Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


SHARING_OPEN = (SharingStatus.RECEIVED,)


class Funding(models.TextChoices):
    """Decree 73/2019/NĐ-CP Art. 1: projects from development investment, activities from recurrent spending."""

    INVESTMENT = "investment", _("Development investment (project)")
    RECURRENT = "recurrent", _("Recurrent spending (outlay)")


class Stage(models.TextChoices):
    PRE_FEASIBILITY = "pre_feasibility", _("Pre-feasibility study")
    FEASIBILITY = "feasibility", _("Feasibility study")
    ECONOMIC_TECHNICAL = "economic_technical", _("Economic-technical report")
    DETAILED_DESIGN = "detailed_design", _("Detailed design and cost estimate")
    OUTLINE_ESTIMATE = "outline_estimate", _("Outline and detailed cost estimate (recurrent spending)")


class ProjectGroup(models.TextChoices):
    """Project groups of the Law on Public Investment, by total investment."""

    NATIONAL = "national", _("Nationally important")
    A = "A", _("Group A")
    B = "B", _("Group B")
    C = "C", _("Group C")


class AppraisalStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CONSULTING = "consulting", _("Consulting agencies")
    APPRAISED = "appraised", _("Appraised")
    RETURNED = "returned", _("Returned as incomplete")


APPRAISAL_OPEN = (AppraisalStatus.RECEIVED, AppraisalStatus.CONSULTING)


class Outcome(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible for approval")
    ELIGIBLE_WITH_CHANGES = "with_changes", _("Eligible once amended")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")


class CertificateKind(models.TextChoices):
    ORGANISATION = "organisation", _("Agency or organisation")
    INDIVIDUAL = "individual", _("Official")


class SignatureStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    FORWARDED = "forwarded", _("Forwarded to the issuing authority")
    ISSUED = "issued", _("Issued")
    REFUSED = "refused", pgettext_lazy("approval", "Refused")
    REVOKED = "revoked", _("Revoked")
