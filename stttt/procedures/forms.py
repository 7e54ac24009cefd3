"""Forms of the procedures pages (input only: the rules live in services and rules)."""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.procedures.models import Dossier, Procedure


class ApplicantForm(forms.ModelForm):
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Dossier
        fields = ["applicant_name", "applicant_id_number", "applicant_address", "applicant_phone",
                  "applicant_email", "subject"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4().hex


class DeskReceiveForm(ApplicantForm):
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.filter(active=True), label=_("Procedure"))

    class Meta(ApplicantForm.Meta):
        fields = ["procedure", *ApplicantForm.Meta.fields]


class GuidanceForm(forms.Form):
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.filter(active=True), label=_("Procedure"))
    applicant_name = forms.CharField(label=_("Applicant"), max_length=300)
    missing = forms.CharField(label=_("What is missing"), widget=forms.Textarea(attrs={"rows": 3}))
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "DOCX")], label=_("Format"))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Document"))
    component: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, required=False,
                                                               label=_("Component"))

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = dossier.procedure.components.all()  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    assignee = forms.ChoiceField(label=_("Officer"), required=False)
    new_due = forms.DateField(label=_("New appointment date"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))
    result_number = forms.CharField(label=_("Number of the result"), required=False, max_length=60)

    def __init__(self, *args, officers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "—")] + [(str(u.pk), str(u)) for u in officers]  # type: ignore[attr-defined]


class MonthForm(forms.Form):
    month = forms.RegexField(regex=r"^\d{4}-(0[1-9]|1[0-2])$", label=_("Month"), required=False,
                             error_messages={"invalid": _("Write the month as YYYY-MM.")},
                             widget=forms.TextInput(attrs={"type": "month"}))
    by = forms.ChoiceField(choices=[("procedure", _("per procedure")), ("division", _("per division"))],
                           required=False, label=_("Group"))
