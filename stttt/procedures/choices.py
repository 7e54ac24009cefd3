"""Statuses and kinds of the procedures app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TimeUnit(models.TextChoices):
    """How a law counts its time limit: some say "ngày làm việc", others plain "ngày"."""

    WORKING = "working", _("working days")
    CALENDAR = "calendar", _("days")


class Handling(models.TextChoices):
    """What the Department itself does with the dossier."""

    DECIDE = "decide", _("The Department decides")
    PROPOSE = "propose", _("The Department appraises and proposes to the competent authority")
    FORWARD = "forward", _("The Department receives and forwards to the competent authority")


class ServiceLevel(models.TextChoices):
    """The online public service's level (Decree 42/2022/NĐ-CP Art. 11(1), as summarised in the project's
    research notes: full when information, filing, processing and the result are all online or the result
    comes by public post; partial otherwise)."""

    FULL = "full", _("Fully online")
    PARTIAL = "partial", _("Partly online")


class ResultKind(models.TextChoices):
    LICENCE = "licence", _("Licence")
    CERTIFICATE = "certificate", _("Certificate")
    CONFIRMATION = "confirmation", _("Written confirmation")
    REPLY = "reply", _("Written reply")
    TRANSMITTAL = "transmittal", _("Dossier forwarded to the competent authority")


class CopyKind(models.TextChoices):
    ORIGINAL = "original", _("original")
    COPY = "copy", _("copy")
    CERTIFIED_COPY = "certified_copy", _("certified copy")
    ORIGINAL_OR_CERTIFIED = "original_or_certified", _("original or certified copy")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    DESK = "desk", _("at the one-stop desk")
    POST = "post", _("by post")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INCOMPLETE = "incomplete", _("Returned for completion")
    REJECTED = "rejected", _("Not received")
    RECEIVED = "received", _("Received")
    TRANSFERRED = "transferred", _("At the division")
    IN_APPRAISAL = "in_appraisal", _("In appraisal")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Awaiting supplement")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    APPROVED = "approved", _("Result issued")
    REFUSED = "refused", _("Refused")
    FORWARDED = "forwarded", _("Forwarded to the competent authority")
    RETURNED = "returned", _("Result returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Grade(models.TextChoices):
    """The grade of the service from its assessment (Circular 01/2018/TT-VPCP Art. 15)."""

    EXCELLENT = "excellent", _("excellent")
    GOOD = "good", _("good")
    FAIR = "fair", _("fair")
    AVERAGE = "average", _("average")
    WEAK = "weak", _("weak")


# Named groups of statuses (used by lists, statistics and deadline checks).
BEFORE_RECEIPT = frozenset({Status.SUBMITTED, Status.INCOMPLETE})
IN_PROGRESS = frozenset(
    {Status.RECEIVED, Status.TRANSFERRED, Status.IN_APPRAISAL, Status.AWAITING_SUPPLEMENT, Status.AWAITING_APPROVAL}
)
RESOLVED = frozenset({Status.APPROVED, Status.REFUSED, Status.FORWARDED, Status.RETURNED})
TERMINAL = frozenset({Status.REJECTED, Status.FORWARDED, Status.RETURNED, Status.WITHDRAWN})
# The period does not run while the applicant is completing the dossier (Decree 61/2018 Art. 19).
CLOCK_STOPPED = frozenset({Status.AWAITING_SUPPLEMENT})

# Status codes exchanged with the national public-service portal (Circular 22/2019/TT-BTTTT Art. 4; the
# ten codes used by portal integrations).
PORTAL_CODES: dict[str, int] = {
    Status.SUBMITTED: 1,
    Status.RECEIVED: 2,
    Status.REJECTED: 3,
    Status.TRANSFERRED: 4,
    Status.IN_APPRAISAL: 4,
    Status.AWAITING_APPROVAL: 4,
    Status.INCOMPLETE: 5,
    Status.AWAITING_SUPPLEMENT: 5,
    Status.WITHDRAWN: 7,
    Status.REFUSED: 8,
    Status.APPROVED: 9,
    Status.FORWARDED: 9,
    Status.RETURNED: 10,
}


class VersionStatus(models.TextChoices):
    """A procedure version is edited as a draft; once published it never changes."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("procedure", "Published")


class Stage(models.TextChoices):
    """The internal steps a version allots working days to (the Department's process of each dossier)."""

    DESK = "desk", _("One-stop desk")
    DIVISION = "division", _("Division appraisal")
    LEADER = "leader", _("Leadership approval")
