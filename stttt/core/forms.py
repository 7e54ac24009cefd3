"""What every form of stttt shares: a faster widget renderer, and choice fields that read their rows once
(declared, or made by `ModelForm` for a model's relations).

Measured on the dossier list at province-decade (docs/benchmarks.md, seventh session), its filter form cost
12 ms of a 50 ms page: Django renders each input, each select and each of its options through one or two
templates, and a model choice field queries its rows again (on PostgreSQL through a server-side cursor)
every time its choices are read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django import forms
from django.db import models
from django.forms.models import BaseModelForm, ModelChoiceIterator, ModelFormMetaclass
from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in django-stubs

_WIDGETS = "django/forms/widgets/"
#: Django's input widgets whose template is exactly `{% include "…/input.html" %}` and a newline.
INPUTS = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
        "file",
    )
)
SELECT = f"{_WIDGETS}select.html"
OPTION = f"{_WIDGETS}select_option.html"


def _shown(value: Any) -> str:
    """`{{ value }}` as Django's template engine writes it: localised, then escaped unless marked safe."""
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _formatted(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the text of the value (kept safe when it was), then escaped."""
    return str(value) if isinstance(value, SafeData) else escape(str(value))


def _attrs(attrs: Mapping[str, Any]) -> str:
    """Django's `attrs.html`: `True` writes the bare name, `False` leaves the attribute out."""
    return "".join(
        f" {_shown(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: Mapping[str, Any]) -> str:
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _select(widget: Mapping[str, Any]) -> str:
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        parts.extend(
            f'\n  <option value="{_formatted(o["value"])}"{_attrs(o["attrs"])}>{_shown(o["label"])}</option>\n'
            for o in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class Renderer(DjangoTemplates):
    """Django's form renderer, with its input and select templates written out in Python, to the character
    and, like Django's, stripped of outer white space (`core/tests/test_forms.py` compares both renderers).
    Any other template, or a select whose options have their own template, goes to Django's templates."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget: Any = context.get("widget")
        if template_name in INPUTS:
            return _input(widget)
        if template_name == SELECT and all(
            option["template_name"] == OPTION for _name, options, _index in widget["optgroups"] for option in options
        ):
            return _select(widget)
        return super().render(template_name, context, request)


class _RowsReadOnce(ModelChoiceIterator):
    """The choices from the field's queryset, read once per form: rendered, then checked, one query."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.queryset:  # evaluated once: the queryset keeps its rows
            yield self.choice(row)

    def __len__(self) -> int:
        return len(self.queryset) + (self.field.empty_label is not None)


class ModelChoiceField(forms.ModelChoiceField):  # noqa: TID251 - the one place that extends it
    """Django's field, reading its rows once per form (a form's fields are copies: no request sees another's)."""

    iterator = _RowsReadOnce


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):  # noqa: TID251 - the one place that extends it
    """Django's field, reading its rows once per form."""

    iterator = _RowsReadOnce


def _field_for(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """A model field's form field, with this module's choice fields for relations."""
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    elif isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", ModelChoiceField)
    return db_field.formfield(**kwargs)


class _ModelFormMetaclass(ModelFormMetaclass):
    # Django reads `formfield_callback` from the form's own Meta, which a form's Meta does not inherit.
    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> type:
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(_field_for)
        return super().__new__(mcs, name, bases, attrs)


class ModelForm(BaseModelForm, metaclass=_ModelFormMetaclass):
    """Django's ModelForm whose generated relation fields read their rows once per form."""
