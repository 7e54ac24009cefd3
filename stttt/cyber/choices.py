"""Statuses and kinds of the information-security records (Decree 85/2016 Art. 6; Circular 20/2017)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OwnerKind(models.TextChoices):
    PROVINCE = "province", _("Provincial People's Committee")
    DEPARTMENT = "department", _("Provincial department or agency")
    DISTRICT = "district", _("District People's Committee")
    COMMUNE = "commune", _("Commune People's Committee")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
    OTHER = "other", _("Other body")


class SystemType(models.TextChoices):
    """Decree 85/2016 Art. 6(2): information systems by function."""

    INTERNAL = "internal", _("Internal operations")
    CITIZEN_SERVICE = "citizen_service", _("Serving citizens and businesses")
    INFRASTRUCTURE = "infrastructure", _("Information infrastructure")
    INDUSTRIAL_CONTROL = "industrial_control", _("Industrial control")
    OTHER = "other", _("Other")


class SecretLevel(models.TextChoices):
    """Decree 85/2016 Art. 6(1)(d): state-secret information by its degree."""

    NONE = "none", _("No state secrets")
    CONFIDENTIAL = "confidential", _("Confidential (Mật)")
    SECRET = "secret", _("Secret (Tối mật)")
    TOP_SECRET = "top_secret", _("Top secret (Tuyệt mật)")


class OnlineService(models.TextChoices):
    """What a system serving citizens offers (Decree 85/2016 Art. 8(2), 9(2))."""

    NONE = "none", _("No online public service")
    BASIC = "basic", _("Information and online public services at level 2 or below (partial)")
    FULL = "full", _("Online public services at level 3 or above (full process)")


class InfraScope(models.TextChoices):
    """Whom an information-infrastructure system serves (Decree 85/2016 Art. 8(3), 9(3), 10)."""

    NONE = "none", _("Not infrastructure")
    ONE_AGENCY = "one_agency", _("One agency or organisation")
    PROVINCE = "province", _("Several agencies of a sector or a province")
    NATIONWIDE = "nationwide", _("Agencies nationwide")


class Hosting(models.TextChoices):
    DATA_CENTRE = "data_centre", _("Provincial data centre")
    PREMISES = "premises", _("The agency's own premises")
    CLOUD = "cloud", _("Cloud or hosting provider")
    OTHER = "other", _("Other")


class ApprovalStatus(models.TextChoices):
    NOT_CLASSIFIED = "not_classified", _("Level not yet approved")
    IN_APPRAISAL = "in_appraisal", _("Dossier in appraisal")
    APPROVED = "approved", _("Level approved")


class DossierStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_APPRAISAL = "in_appraisal", _("In appraisal")
    RETURNED = "returned", _("Returned for completion")
    APPRAISED = "appraised", _("Appraised, awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", pgettext_lazy("approval", "Refused")


DOSSIER_OPEN = (DossierStatus.SUBMITTED, DossierStatus.IN_APPRAISAL, DossierStatus.RETURNED, DossierStatus.APPRAISED)


class Shown(models.TextChoices):
    """What a dossier shows for one requirement of the checklist."""

    UNCHECKED = "unchecked", _("Not yet checked")
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    MISSING = "missing", _("Missing")


class AssessmentKind(models.TextChoices):
    PERIODIC = "periodic", _("Periodic check and assessment")
    AD_HOC = "ad_hoc", _("Ad hoc check")


class AssessmentResult(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    ISSUES = "issues", _("Issues to remedy")
    VIOLATION = "violation", _("Violation found")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    SERIOUS = "serious", _("Serious (Decision 05/2017)")


class IncidentKind(models.TextChoices):
    MALWARE = "malware", _("Malware or ransomware")
    INTRUSION = "intrusion", _("Intrusion or account takeover")
    DDOS = "ddos", _("Denial of service")
    DEFACEMENT = "defacement", _("Defacement")
    DATA_LEAK = "data_leak", _("Data leak")
    PHISHING = "phishing", _("Phishing")
    OTHER = "other", _("Other")


class IncidentStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    VERIFIED = "verified", _("Verified and classified")
    RESPONDING = "responding", _("Response under way")
    RECOVERED = "recovered", _("Recovered")
    CLOSED = "closed", _("Closed")


INCIDENT_OPEN = (IncidentStatus.REPORTED, IncidentStatus.VERIFIED, IncidentStatus.RESPONDING, IncidentStatus.RECOVERED)


class WarningKind(models.TextChoices):
    VULNERABILITY = "vulnerability", _("Vulnerability")
    CAMPAIGN = "campaign", _("Attack campaign")
    IOC = "ioc", _("Indicators of compromise")


class WarningStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    RELAYED = "relayed", _("Relayed to agencies")
    CLOSED = "closed", _("Closed")


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("Sent, awaiting acknowledgement")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    REMEDIATED = "remediated", _("Remediated")


class ContentCategory(models.TextChoices):
    FAKE_NEWS = "fake_news", _("False or distorted information")
    ILLEGAL = "illegal", _("Other illegal content")
    FRAUD = "fraud", _("Online fraud")


class ContentStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Assessed")
    REFERRED = "referred", _("Referred")
    CLOSED = "closed", _("Closed")
