"""Forms of the licensing pages (input only: the rules live in rules and services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.licensing.choices import EventType, HolderType, Issuer
from stttt.licensing.kinds import Kind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def subject_form_fields(
    kind: Kind, initial: dict[str, Any] | None = None, *, all_optional: bool = False
) -> dict[str, forms.Field]:
    """One form field per subject field of the kind, named `subject_<name>`."""
    fields: dict[str, forms.Field] = {}
    for spec in kind.subject:
        required = spec.required and not all_optional
        label = str(spec.label).capitalize()
        field: forms.Field
        if spec.type == "int":
            field = forms.IntegerField(label=label, required=required, min_value=0)
        elif spec.type == "date":
            field = forms.DateField(label=label, required=required, widget=DATE)
        elif spec.type == "list":
            field = forms.CharField(
                label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One per line.")
            )
        else:
            field = forms.CharField(label=label, required=required, max_length=400)
        if initial and spec.name in initial:
            value = initial[spec.name]
            field.initial = "\n".join(value) if isinstance(value, list) else value
        fields[f"subject_{spec.name}"] = field
    return fields


def subject_from(cleaned: dict[str, Any], kind: Kind) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in kind.subject:
        value = cleaned.get(f"subject_{spec.name}")
        if value in (None, ""):
            continue
        out[spec.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


class HolderFieldsMixin(forms.Form):
    holder_type = forms.ChoiceField(
        label=_("The holder is"), choices=HolderType.choices, initial=HolderType.ORGANISATION
    )
    district = forms.ChoiceField(label=_("District"), choices=[("", "—")], required=False)

    def set_districts(self, districts: list[tuple[str, str]]) -> None:
        """The districts of the agency (organisation data) as the choices of the district field."""
        self.fields["district"].choices = [("", "—"), *districts]  # type: ignore[attr-defined]


class RecordForm(HolderFieldsMixin):
    holder_name = forms.CharField(label=pgettext_lazy("licence", "Holder"), max_length=300)
    holder_id_number = forms.CharField(label=_("Enterprise code or personal ID number"), max_length=40, required=False)
    holder_address = forms.CharField(label=_("Address"), max_length=400, required=False)
    holder_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    holder_email = forms.EmailField(label=_("E-mail"), required=False)
    issuer = forms.ChoiceField(label=_("Issued by"), choices=Issuer.choices)
    issuer_name = forms.CharField(
        label=pgettext_lazy("licence", "Issuing body"),
        max_length=200,
        required=False,
        help_text=_("Required unless the Department issued it."),
    )
    number = forms.CharField(
        label=_("Number and symbol"), max_length=60, required=False, help_text=_("Empty: the Department's next number.")
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    conditions = forms.CharField(label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, kind: Kind, districts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.set_districts(districts)
        if not self.is_bound:
            self.initial.setdefault("issuer", kind.issuer)
        self.fields.update(subject_form_fields(kind))


class EventForm(forms.Form):
    type = forms.ChoiceField(label=_("Event"), choices=EventType.choices)
    effective_on = forms.DateField(label=_("Effective from"), widget=DATE)
    end_on = forms.DateField(label=_("Suspended until (last day)"), widget=DATE, required=False)
    new_valid_until = forms.DateField(label=_("New expiry date"), widget=DATE, required=False)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE, required=False)
    holder_name = forms.CharField(label=_("New holder name (amendment)"), max_length=300, required=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, kind: Kind, types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        choices = [(v, label) for v, label in EventType.choices if v in types]
        self.fields["type"].choices = choices  # type: ignore[attr-defined]
        self.fields.update(subject_form_fields(kind, all_optional=True))
        for name in self.fields:
            if name.startswith("subject_"):
                self.fields[name].help_text = _("Amendment only: leave empty what does not change.")
