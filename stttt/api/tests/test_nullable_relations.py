"""A relation the model lets be empty is documented as nullable: a read-only related field declared by hand
does not learn it from the model, and a client validating answers against the schema then refuses the
records where it is empty (seen on incoming documents not yet routed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers


def _model_serializers(base: type = serializers.ModelSerializer) -> Iterator[Any]:
    for cls in base.__subclasses__():
        yield cls
        yield from _model_serializers(cls)


def test_every_empty_relation_is_nullable_in_the_api():
    import stttt.config.urls  # noqa: F401  (every app's serializers are imported with its routes)

    wrong = []
    for cls in set(_model_serializers()):
        model = getattr(getattr(cls, "Meta", None), "model", None)
        if not cls.__module__.startswith("stttt.") or model is None:
            continue
        for name, field in cls().fields.items():
            if not isinstance(field, serializers.RelatedField) or field.allow_null:
                continue
            try:
                nullable = model._meta.get_field(field.source).null
            except FieldDoesNotExist:
                continue
            if nullable:
                wrong.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert wrong == [], "give these fields allow_null=True"
