"""Kinds of units, generic positions, staff categories and reorganisation events (Art. 4)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    """What a unit is: its kind decides which rules size its leadership and how its posts are titled."""

    LEADERSHIP = "leadership", _("Leadership board")
    OFFICE = "office", _("Office")
    INSPECTORATE = "inspectorate", _("Inspectorate")
    DIVISION = "division", _("Specialist division")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
    CENTRE_DIVISION = "centre_division", _("Division of a public service unit")


# Units sized by 4.2.a (civil servants) and by 4.2.b (public employees).
DEPARTMENT_DIVISION_KINDS = frozenset({UnitKind.OFFICE, UnitKind.INSPECTORATE, UnitKind.DIVISION})
CENTRE_DIVISION_KINDS = frozenset({UnitKind.CENTRE_DIVISION})


class Position(models.TextChoices):
    """Generic posts; the title a person sees comes from the unit kind (see `titles.py`)."""

    DIRECTOR = "director", _("Director")
    DEPUTY_DIRECTOR = "deputy_director", _("Deputy Director")
    HEAD = "head", _("Head")
    DEPUTY_HEAD = "deputy_head", _("Deputy Head")
    STAFF = "staff", _("Staff")


LEADER_POSITIONS = frozenset({Position.DIRECTOR, Position.DEPUTY_DIRECTOR, Position.HEAD, Position.DEPUTY_HEAD})


class StaffCategory(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
    CONTRACT_WORKER = "contract_worker", _("Contract worker")


class AssignmentKind(models.TextChoices):
    """Primary: where the person holds their staffing slot. Concurrent: a second post held at the same
    time (kiêm nhiệm). Acting: standing in for an absent or vacant post for a date range (5.2, 5.3)."""

    PRIMARY = "primary", _("Primary")
    CONCURRENT = "concurrent", _("Concurrent")
    ACTING = "acting", _("Acting")


class ReorgKind(models.TextChoices):
    ESTABLISH = "establish", _("Establish")
    RENAME = "rename", _("Rename")
    MERGE = "merge", _("Merge")
    SPLIT = "split", _("Split")
    DISSOLVE = "dissolve", _("Dissolve")
    TRANSFER_FUNCTION = "transfer_function", _("Transfer a function")
    # Events over the whole agency and its province (the reorganisation since 2025): the organisation as
    # of a date before them is shown as it was, after them with its successor.
    DUTIES_TRANSFER = "duties_transfer", _("Duties transferred to another agency")
    AGENCY_MERGE = "agency_merge", _("Agency merged into a successor")
    PROVINCE_MERGE = "province_merge", _("Province merged")
    DISTRICTS_END = "districts_end", _("End of district-level government")


AGENCY_EVENT_KINDS = frozenset(
    {ReorgKind.DUTIES_TRANSFER, ReorgKind.AGENCY_MERGE, ReorgKind.PROVINCE_MERGE, ReorgKind.DISTRICTS_END}
)


class Severity(models.TextChoices):
    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")


class DistrictKind(models.TextChoices):
    """District-level units of a province (Law on Local Government Organisation 2015, Art. 2)."""

    CITY = "city", _("City")
    TOWN = "town", _("Town")
    DISTRICT = "district", _("District")
