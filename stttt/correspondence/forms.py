"""Forms of the correspondence pages: input only (units and people limited to the user's agency); the
services decide and validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.accounts.models import User
from stttt.core.forms import ModelChoiceField, ModelMultipleChoiceField
from stttt.correspondence.choices import (
    DELEGATION_KINDS,
    Channel,
    DocType,
    DossierFor,
    DossierKind,
    Secrecy,
    Urgency,
)
from stttt.org.models import Unit


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgencyForm(forms.Form):
    """Unit and user choices of the agency only."""

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency=agency).order_by("order", "code") if agency else Unit.objects.none()
        for name in ("unit", "lead_unit", "drafting_unit"):
            if name in self.fields:
                self.fields[name].queryset = units.exclude(kind="leadership")  # type: ignore[attr-defined]
        if "coordinating_units" in self.fields:
            self.fields["coordinating_units"].queryset = units.exclude(kind="leadership")  # type: ignore[attr-defined]
        if "officer" in self.fields:
            self.fields["officer"].queryset = User.objects.filter(  # type: ignore[attr-defined]
                is_active=True, staff__agency=agency
            ).order_by("full_name")


class IncomingForm(forms.Form):
    issuer = forms.CharField(label=_("Issuing body"), max_length=255)
    number_symbol = forms.CharField(label=_("Number and symbol"), max_length=100)
    doc_date = forms.DateField(label=_("Document date"), widget=DATE)
    doc_type = forms.ChoiceField(label=_("Type"), choices=DocType.choices, initial=DocType.CONG_VAN)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    channel = forms.ChoiceField(label=_("Received by"), choices=Channel.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, required=False)
    secrecy = forms.ChoiceField(label=_("Confidentiality"), choices=Secrecy.choices, required=False)
    pages = forms.IntegerField(label=pgettext_lazy("count", "Pages"), min_value=1, initial=1)
    attachments = MultipleFileField(label=_("Files (PDF, DOCX…)"), required=False)
    allow_duplicate = forms.BooleanField(
        label=_("Register although already registered (a second copy)"), required=False
    )


class ProposeForm(AgencyForm):
    unit = ModelChoiceField(label=_("Proposed unit"), queryset=Unit.objects.none())
    proposal = forms.CharField(label=_("Proposal"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RouteForm(AgencyForm):
    lead_unit = ModelChoiceField(label=_("Lead unit"), queryset=Unit.objects.none())
    coordinating_units = ModelMultipleChoiceField(
        label=_("Coordinating units"), queryset=Unit.objects.none(), required=False
    )
    instruction = forms.CharField(label=_("Instruction"), widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label=_("Deadline"), widget=DATE, required=False)
    create_task = forms.BooleanField(label=_("It asks for work: create a task"), required=False)


class AssignForm(AgencyForm):
    officer: ModelChoiceField = ModelChoiceField(label=_("Officer"), queryset=User.objects.none())


class ResultForm(forms.Form):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 2}))


class AttachForm(forms.Form):
    file = forms.FileField(label=_("File"))


class OutgoingForm(AgencyForm):
    drafting_unit = ModelChoiceField(label=_("Drafting unit"), queryset=Unit.objects.none())
    doc_type = forms.ChoiceField(label=_("Type"), choices=DocType.choices, initial=DocType.CONG_VAN)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(label=_("Body"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    recipients = forms.CharField(
        label=_("Recipients (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, required=False)
    secrecy = forms.ChoiceField(label=_("Confidentiality"), choices=Secrecy.choices, required=False)


class EditForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Type"), choices=DocType.choices)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(label=_("Body"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    recipients = forms.CharField(
        label=_("Recipients (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


class DispatchForm(forms.Form):
    recipient = forms.CharField(label=_("Recipient"), max_length=255)
    channel = forms.ChoiceField(label=_("Sent by"), choices=Channel.choices)


class DossierForm(AgencyForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=DossierKind.choices)
    for_body = forms.ChoiceField(label=pgettext_lazy("submitted to", "For"), choices=DossierFor.choices)
    title = forms.CharField(label=_("Title"), max_length=400)
    is_legal = forms.BooleanField(label=_("Legal normative document (appraisal needed)"), required=False)
    duty = forms.CharField(label=_("Duty of the regulation (e.g. 3.1.b)"), max_length=20, required=False)
    source_note = forms.CharField(label=_("Assignment"), max_length=300, required=False)
    lead_unit = ModelChoiceField(label=_("Lead unit"), queryset=Unit.objects.none())
    deadline = forms.DateField(label=_("Deadline to submit"), widget=DATE, required=False)


class StageForm(forms.Form):
    stage_deadline = forms.DateField(label=_("Deadline of the stage"), widget=DATE, required=False)
    note = forms.CharField(label=_("Note"), required=False)


class DossierCommentForm(forms.Form):
    commenter = forms.CharField(label=pgettext_lazy("comment", "From"), max_length=255)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))
    accepted = forms.NullBooleanField(label=pgettext_lazy("comment", "Accepted"), required=False)
    response = forms.CharField(
        label=pgettext_lazy("comment", "Answer"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IssuedFileForm(forms.Form):
    file = forms.FileField(label=_("The issued document (PDF or DOCX)"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Document file (JSON or edXML)"))
    allow_duplicate = forms.BooleanField(label=_("Register although already registered"), required=False)


class DelegationForm(AgencyForm):
    """A written delegation of signature to a unit head (Art. 13(3)-(4)); the services check it."""

    unit = ModelChoiceField(label=_("Unit whose head signs"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Signs"), choices=DELEGATION_KINDS)
    doc_types = forms.MultipleChoiceField(
        label=_("Document types"), choices=DocType.choices, widget=forms.CheckboxSelectMultiple
    )
    start_on = forms.DateField(label=_("First day"), widget=DATE)
    end_on = forms.DateField(
        label=_("Last day"),
        widget=DATE,
        required=False,
        help_text=_("A delegation by authorisation (TUQ.) needs a last day; one by order (TL.) may have none."),
    )
    basis = forms.CharField(
        label=_("Written basis"),
        max_length=255,
        help_text=_("The decision or the working rules that delegate the signature, with number and date."),
    )


class DelegationEndForm(forms.Form):
    end_on = forms.DateField(label=_("Last day"), widget=DATE)
