"""The schema of a read-only field says what the model may hold.

DRF builds a field named in `Meta.read_only_fields` without its model's `blank`, and a field declared by hand
knows nothing of its model: a choice left blank (an outgoing letter not yet numbered has no register) or an
empty relation then breaks the documented contract. Read-only fields of model serializers take `blank` and
`null` from their model field here, in one place for every app.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


def _model_field(field: serializers.Field) -> Any:
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.read_only or "." in (field.source or ""):
        return None
    try:
        found = model._meta.get_field(field.source)
    except FieldDoesNotExist:
        return None
    return found if found.concrete and not found.many_to_many else None  # a column, not a list of rows


class AutoSchema(SpectacularAutoSchema):
    def _map_serializer_field(self, field: Any, direction: str, bypass_extensions: bool = False) -> Any:
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        model_field = _model_field(field)
        blank_choice = isinstance(field, serializers.ChoiceField) and getattr(model_field, "blank", False)
        if blank_choice and "enum" in schema and "" not in schema["enum"]:
            schema = {**schema, "enum": [*schema["enum"], ""]}  # split out as BlankEnum by the enum hook
        elif blank_choice and "pattern" in schema and not re.fullmatch(schema["pattern"], ""):
            schema = {**schema, "pattern": f"^$|{schema['pattern']}"}  # a choice documented as a pattern
        return schema

    def _get_serializer_field_meta(self, field: Any, direction: str) -> dict[str, Any]:
        meta: dict[str, Any] = super()._get_serializer_field_meta(field, direction)
        if getattr(_model_field(field), "null", False):
            meta["nullable"] = True
        return meta
