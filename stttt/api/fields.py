"""Serializer fields shared by the apps' APIs."""

from __future__ import annotations

from typing import Any

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
