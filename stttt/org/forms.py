"""Forms of the organisation pages (input only; the rules live in rules.py, the writes in services.py)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelChoiceField
from stttt.org.choices import Position
from stttt.org.models import Staff, Unit


def _limit(form: forms.Form, name: str, queryset: Any) -> None:
    field = cast(ModelChoiceField, form.fields[name])
    field.queryset = queryset
    if name == "staff":
        field.label_from_instance = lambda obj: f"{obj.full_name} ({obj.code})"  # type: ignore[method-assign]


class DateInput(forms.DateInput):
    input_type = "date"


class AtForm(forms.Form):
    at = forms.DateField(label=_("As of"), required=False, widget=DateInput)


class ReassignForm(forms.Form):
    staff = ModelChoiceField(label=_("Staff member"), queryset=Staff.objects.none())
    unit = ModelChoiceField(label=_("New unit"), queryset=Unit.objects.none())
    position = forms.ChoiceField(label=_("New position"), choices=Position.choices)
    on = forms.DateField(label=_("From"), widget=DateInput)
    basis = forms.CharField(label=_("Decision"), required=False, max_length=255)

    def __init__(self, *args, agency=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self, "staff", Staff.objects.filter(agency=agency).order_by("full_name"))
        _limit(self, "unit", units if units is not None else Unit.objects.filter(agency=agency))


class ActingForm(forms.Form):
    unit = ModelChoiceField(label=_("Post of the head of"), queryset=Unit.objects.none())
    staff = ModelChoiceField(label=_("Acting person"), queryset=Staff.objects.none())
    start_on = forms.DateField(label=_("From"), widget=DateInput)
    end_on = forms.DateField(label=_("Until (inclusive)"), widget=DateInput)
    basis = forms.CharField(label=_("Authorisation"), required=False, max_length=255)

    def __init__(self, *args, agency=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self, "staff", Staff.objects.filter(agency=agency).order_by("full_name"))
        _limit(self, "unit", units if units is not None else Unit.objects.filter(agency=agency))

    def clean(self):
        data = super().clean() or {}
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", _("The end date is before the start date."))
        return data
