"""Query parameters the apps' APIs share, read the one way: a value the schema forbids is a 400 in the shared
error format, never silently replaced by the default (a client that sent `?year=20x6` must learn it)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from stttt.core.apifields import FIRST_YEAR as MOMENT_FIRST_YEAR
from stttt.core.apifields import LAST_YEAR as MOMENT_LAST_YEAR

FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a Department's records and figures are about

YEAR = OpenApiParameter(
    "year",
    {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    description="The year (default: this year).",
)
DAY = OpenApiParameter("day", {"type": "string", "format": "date"}, description="YYYY-MM-DD; today by default.")


def year(request: Request, name: str = "year") -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return timezone.localdate().year
    if not raw.isdigit() or not FIRST_YEAR <= int(raw) <= LAST_YEAR:
        message = _("A year between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        raise ValidationError({name: [message]})
    return int(raw)


def day(request: Request, name: str = "day") -> dt.date:
    raw = request.query_params.get(name)
    if raw is None:
        return timezone.localdate()
    try:
        found = dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({name: [_("Write the date as YYYY-MM-DD.")]}) from None
    if not MOMENT_FIRST_YEAR <= found.year <= MOMENT_LAST_YEAR:  # times of that day print in a sane offset
        message = _("A date between %(first)s and %(last)s.") % {"first": MOMENT_FIRST_YEAR, "last": MOMENT_LAST_YEAR}
        raise ValidationError({name: [message]})
    return found


def flag(request: Request, name: str) -> bool:
    """A boolean parameter: true/false (1/0 too); absent is false."""
    raw = request.query_params.get(name)
    if raw is None:
        return False
    if raw.lower() not in ("true", "false", "1", "0"):
        raise ValidationError({name: [_("Write true or false.")]})
    return raw.lower() in ("true", "1")
