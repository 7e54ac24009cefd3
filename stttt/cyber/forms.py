"""Forms of the information-security pages (input only: rules live in rules.py and services.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelChoiceField, ModelForm, ModelMultipleChoiceField
from stttt.cyber import choices as c
from stttt.cyber.models import LEVELS, ContentReport, InfoSystem, Owner, SecurityWarning
from stttt.cyber.services import SYSTEM_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnerForm(ModelForm):
    class Meta:
        model = Owner
        fields = ["code", "name", "kind", "email", "phone", "focal_point"]


class LinkAccountForm(forms.Form):
    username = forms.CharField(label=_("User name of the portal account"), max_length=150)


class SystemForm(ModelForm):
    class Meta:
        model = InfoSystem
        fields = list(SYSTEM_FIELDS)
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "interconnections": forms.Textarea(attrs={"rows": 2}),
            "products": forms.Textarea(attrs={"rows": 2}),
        }

    def validate_unique(self) -> None:  # the agency is set by the service; the database keeps the code unique
        pass


class StaffSystemForm(SystemForm):
    owner = ModelChoiceField(label=_("Owner body"), queryset=Owner.objects.none())

    class Meta(SystemForm.Meta):
        fields = ["owner", *SYSTEM_FIELDS]

    def __init__(self, *args: Any, owners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else Owner.objects.none()  # type: ignore[attr-defined]


class DossierForm(forms.Form):
    proposed_level = forms.TypedChoiceField(label=_("Proposed level"), choices=LEVELS, coerce=int)
    explanation = forms.CharField(
        label=_("Explanation of the level against the criteria"), widget=forms.Textarea(attrs={"rows": 3})
    )
    security_plan = forms.CharField(
        label=_("Summary of the security plan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssessmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=c.AssessmentKind.choices)
    done_on = forms.DateField(label=_("Done on"), widget=DATE)
    assessor = forms.CharField(label=_("Assessed by"), max_length=255)
    result = forms.ChoiceField(label=_("Result"), choices=c.AssessmentResult.choices)
    findings = forms.CharField(label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    refer = forms.BooleanField(label=_("Refer the violation to the Inspectorate"), required=False)


class IncidentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Kind"), choices=c.IncidentKind.choices)
    severity = forms.ChoiceField(label=_("Severity as the body sees it"), choices=c.Severity.choices, initial="medium")
    detected_on = forms.DateField(label=_("Detected on"), widget=DATE)
    systems = ModelMultipleChoiceField(
        label=_("Systems affected"),
        queryset=InfoSystem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, systems: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["systems"].queryset = systems if systems is not None else InfoSystem.objects.none()  # type: ignore[attr-defined]


class StaffIncidentForm(IncidentForm):
    owner = ModelChoiceField(label=_("Reporting body"), queryset=Owner.objects.none())
    field_order = ["owner"]

    def __init__(self, *args: Any, owners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners if owners is not None else Owner.objects.none()  # type: ignore[attr-defined]


class WarningForm(ModelForm):
    class Meta:
        model = SecurityWarning
        fields = [
            "reference",
            "source",
            "title",
            "description",
            "kind",
            "severity",
            "product",
            "versions",
            "received_on",
            "remediation_days",
        ]
        widgets = {"received_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reference"].required = False
        self.fields["reference"].help_text = _("The national centre's number; left empty, one is given.")

    def validate_unique(self) -> None:
        pass


class ContentForm(ModelForm):
    class Meta:
        model = ContentReport
        fields = ["received_on", "reporter", "url", "platform", "category", "summary"]
        widgets = {"received_on": DATE, "summary": forms.Textarea(attrs={"rows": 3})}
