"""Reads of the digital app, scoped to the user's agency (`stttt.org.powers`)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from stttt.digital.choices import EnterpriseStatus
from stttt.digital.models import ITEnterprise


def it_enterprises(agency: Any) -> QuerySet[ITEnterprise]:
    """The IT and digital-technology enterprises registered by `agency` (3.13.b), by name.

    A stable interface for other apps (the sector supervision app reads it): each row has `name`,
    `tax_code`, `address`, `field_of_activity` (with `get_field_of_activity_display()`), `status`,
    `district` and `get_absolute_url()`."""
    return ITEnterprise.objects.filter(agency=agency).select_related("district").order_by("name", "pk")


def home_figures(agency: Any) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    return [
        (_("IT enterprises operating"), it_enterprises(agency).filter(status=EnterpriseStatus.ACTIVE).count()),
    ]


def enterprises_visible_to(user: Any) -> QuerySet[ITEnterprise]:
    """The enterprises of the user's agency (Department staff; superusers see every agency's)."""
    from stttt.org.powers import is_department_staff, scope_to_agency

    if not is_department_staff(user):
        return ITEnterprise.objects.none()
    return scope_to_agency(ITEnterprise.objects.select_related("district"), user)
