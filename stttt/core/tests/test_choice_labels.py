"""`get_FOO_display()` from labels built once per field (`core.models.ChoiceLabelsModel`)."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils import translation

from stttt.core.models import ChoiceLabelsModel


def _own_models_with_choices() -> list[type[models.Model]]:
    """The project's models (not django-simple-history's copies) with a field that has choices."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("stttt.")
        and model.__module__.endswith(".models")
        and any(field.choices for field in model._meta.concrete_fields)
    ]


def test_every_model_with_choices_keeps_its_labels():
    # A list page shows a status per row; a model left on Django's own display pays ~50 µs per row and column.
    slow = [m.__name__ for m in _own_models_with_choices() if not issubclass(m, ChoiceLabelsModel)]
    assert slow == []


def test_labels_are_djangos_in_each_language_and_unknown_values_shown_as_stored():
    checked = 0
    for model in _own_models_with_choices():
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            display = getattr(model, f"get_{field.name}_display")
            for value, _label in field.flatchoices:
                row = model(**{field.attname: value})
                for language in ("vi", "en"):
                    with translation.override(language):
                        assert display(row) == models.Model._get_FIELD_display(row, field)
                        checked += 1
            stray = model(**{field.attname: "not-a-choice"})
            assert display(stray) == "not-a-choice"
    assert checked > 200
