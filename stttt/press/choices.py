"""Statuses and kinds of the press app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutletKind(models.TextChoices):
    """Who deposits: a press agency (print, electronic, radio-TV), an organisation publishing a bulletin, or an
    organisation publishing non-business documents."""

    PRINT = "print", _("Print press agency")
    ELECTRONIC = "electronic", _("Electronic press agency")
    BROADCAST = "broadcast", _("Radio and television")
    BULLETIN = "bulletin", _("Bulletin publisher")
    PUBLISHER = "publisher", _("Publisher of non-business documents")


class ItemKind(models.TextChoices):
    """What is deposited (intake rules per kind in rules.INTAKE)."""

    PRESS_PRINT = "press_print", _("Print press issue")
    PRESS_ELECTRONIC = "press_electronic", _("Electronic press, by period")
    BULLETIN = "bulletin", _("Bulletin issue")
    PUBLICATION = "publication", _("Non-business publication")
    E_PUBLICATION = "e_publication", _("Electronic publication")


class ItemStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned for reading")
    SUBMITTED = "submitted", _("Reading submitted")
    RETURNED = "returned", _("Returned to the reader")
    REVIEWED = "reviewed", _("Reviewed, no violation")
    REFERRED = "referred", _("Violation referred to the Inspectorate")


class Timeliness(models.TextChoices):
    ON_TIME = "on_time", _("On time")
    LATE = "late", _("Late")
    NO_DEADLINE = "no_deadline", _("No deposit deadline")


class Flag(models.TextChoices):
    """What intake found wrong with the licence an item was published under (rules.licence_flags)."""

    NO_LICENCE = "no_licence", _("No licence")
    LICENCE_NOT_VALID = "licence_not_valid", _("Licence not valid on the release date")
    PAST_TERM = "past_term", _("Published past the licence's term")
    TITLE_DIFFERS = "title_differs", _("Title differs from the licence")
    WRONG_KIND = "wrong_kind", _("Licence of another kind")
    FEW_COPIES = "few_copies", _("Fewer copies than required")


class Conclusion(models.TextChoices):
    NO_ISSUE = "no_issue", _("No issue")
    NOTE = "note", _("Remarks, no violation")
    VIOLATION = "violation", _("Violation")


class Tone(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative, critical")


class OfficeKind(models.TextChoices):
    OFFICE = "office", _("Representative office")
    REPORTER = "reporter", _("Resident reporter")


class OfficeStatus(models.TextChoices):
    NOTIFIED = "notified", _("Notified, conditions being checked")
    ACTIVE = "active", _("Active")
    STOP_REQUESTED = "stop_requested", _("Asked to stop (conditions not met)")
    ENDED = "ended", _("Ended")


class ChangeKind(models.TextChoices):
    ADDRESS = "address", _("Change of address")
    HEAD = "head", _("Change of head or reporter")
    SUSPEND = "suspend", _("Suspension")
    END = "end", _("End of activity")
    OPINION = "opinion", _("Opinion of the Department")


class ConferenceStatus(models.TextChoices):
    NOTIFIED = "notified", _("Notified")
    ACCEPTED = "accepted", _("Answered: may be held")
    OBJECTED = "objected", _("Answered: not accepted")
    HELD = "held", _("Held, recorded")
    SUSPENDED = "suspended", _("Suspended")
