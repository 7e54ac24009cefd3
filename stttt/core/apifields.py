"""Serializer fields shared by the apps' APIs."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def choice(choices: Any, **kwargs: Any) -> serializers.ChoiceField:
    """A choice documented as a string pattern, not a named enum: the apps name their choice fields alike
    ("kind", "status") and named enums would collide in the schema. Where "" is itself a choice (a mark left
    blank: not urgent, not confidential) it is one of the values, so the schema offers no second, blank
    alternative that a client's validator would find ambiguous."""
    values = [value for value, _label in choices]
    if "" in values:
        kwargs.pop("allow_blank", None)
    schema = {
        "type": "string",
        "pattern": f"^({'|'.join(values)})$",
        "description": ", ".join(v or '""' for v in values),
    }
    return extend_schema_field(schema)(type("PatternChoiceField", (serializers.ChoiceField,), {}))(
        choices=choices, **kwargs
    )


FIRST_YEAR, LAST_YEAR = 1900, 2100


class MomentField(serializers.DateTimeField):
    """A date and time on a Department's record, between 1900 and 2100: an earlier one would come back with
    the time zone's local mean time offset (+07:06:30), which no client reads as a date-time."""

    def to_internal_value(self, value: Any) -> Any:
        moment = super().to_internal_value(value)
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise serializers.ValidationError(
                _("A date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return moment


def use_moments() -> None:
    """Every model serializer's date-time fields are moments (called once, when the core app is ready)."""
    serializers.ModelSerializer.serializer_field_mapping[models.DateTimeField] = MomentField
