"""Forms of the digital pages; they only shape input, the services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelForm
from stttt.digital.models import Appraisal, Dataset, ITEnterprise, SharingRequest, SignatureRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EnterpriseForm(ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = ITEnterprise
        fields = [
            "name",
            "tax_code",
            "address",
            "field_of_activity",
            "products",
            "representative",
            "phone",
            "email",
            "website",
            "founded_on",
            "status",
            "note",
        ]
        widgets = {"founded_on": DATE}


class DatasetForm(ModelForm):
    access_url = forms.URLField(label=_("access address"), required=False, assume_scheme="https")

    class Meta:
        model = Dataset
        fields = [
            "code",
            "name",
            "owner",
            "content",
            "fields",
            "frequency",
            "legal_basis",
            "personal_data",
            "access_level",
            "is_database",
            "system",
            "keywords",
            "licence",
            "access_url",
            "issued_on",
            "modified_on",
        ]
        widgets = {"issued_on": DATE, "modified_on": DATE}


class SharingRequestForm(ModelForm):
    class Meta:
        model = SharingRequest
        fields = ["dataset", "requester", "number", "purpose", "legal_basis", "received_on"]
        widgets = {"received_on": DATE}

    def __init__(self, *args, datasets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if datasets is not None:
            self.fields["dataset"].queryset = datasets  # type: ignore[attr-defined]


class AppraisalForm(ModelForm):
    national = forms.BooleanField(label=_("Nationally important project"), required=False)

    class Meta:
        model = Appraisal
        fields = ["title", "owner", "number", "funding", "stage", "total", "received_on"]
        widgets = {"received_on": DATE}


class SignatureRequestForm(ModelForm):
    class Meta:
        model = SignatureRequest
        fields = ["kind", "body", "holder", "position", "email", "received_on"]
        widgets = {"received_on": DATE}
