"""Forms of the inspection pages (input only: the services check and decide)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stttt.inspection import catalogue
from stttt.inspection.choices import Channel, LetterKind, OffenderType

SECTOR_CHOICES = list(catalogue.SECTORS.items())


class DateInput(forms.DateInput):
    input_type = "date"


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=300)


class TargetForm(forms.Form):
    licence = forms.ChoiceField(label=_("Licence holder"), required=False)
    subject_name = forms.CharField(label=_("Inspected"), max_length=300, required=False)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 2}))
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTOR_CHOICES)
    quarter = forms.IntegerField(label=_("Quarter"), min_value=1, max_value=4, initial=1)

    def __init__(self, *args: Any, licences: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["licence"].choices = [("", "—"), *(licences or [])]  # type: ignore[attr-defined]


class CaseForm(forms.Form):
    subject_name = forms.CharField(label=_("Inspected"), max_length=300, required=False)
    subject_address = forms.CharField(label=_("Address"), max_length=400, required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTOR_CHOICES)
    content = forms.CharField(label=_("Content of the inspection"), widget=forms.Textarea(attrs={"rows": 2}))
    legal_basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 2}))
    head = forms.ChoiceField(label=_("Head of the team"))
    members = forms.MultipleChoiceField(label=_("Team members"), required=False, widget=forms.CheckboxSelectMultiple)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args: Any, people: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["head"].choices = people or []  # type: ignore[attr-defined]
        self.fields["members"].choices = people or []  # type: ignore[attr-defined]


class ViolationForm(forms.Form):
    provision_code = forms.ChoiceField(label=_("Provision violated"), choices=catalogue.provision_choices())
    offender_type = forms.ChoiceField(label=_("Offender is"), choices=OffenderType.choices)
    offender_name = forms.CharField(label=_("Offender"), max_length=300)
    offender_id_number = forms.CharField(label=_("ID or enterprise code"), max_length=40, required=False)
    offender_address = forms.CharField(label=_("Address"), max_length=400, required=False)
    act = forms.CharField(label=_("Act"), widget=forms.Textarea(attrs={"rows": 2}))
    place = forms.CharField(label=_("Place"), max_length=300)
    discovered_on = forms.DateField(label=_("Discovered on"), widget=DateInput)
    ended_on = forms.DateField(label=_("Violation ended on (empty: ongoing)"), widget=DateInput, required=False)
    explanation = forms.BooleanField(label=_("The offender asks to explain"), required=False)
    transferred = forms.BooleanField(label=_("Sent to another person to decide"), required=False)


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    channel = forms.ChoiceField(label=_("Received through"), choices=Channel.choices)
    received_on = forms.DateField(label=_("Received on"), widget=DateInput, initial=timezone.localdate)
    subject = forms.CharField(label=_("About"), max_length=300)
    summary = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}))
    sender_name = forms.CharField(
        label=_("Sender (a denouncer's name is kept protected)"), max_length=200, required=False
    )
    sender_address = forms.CharField(label=_("Sender's address"), max_length=400, required=False)


class ReceptionDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    leader = forms.ChoiceField(label=_("Leader"))
    place = forms.CharField(label=_("Place"), max_length=300)

    def __init__(self, *args: Any, leaders: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leader"].choices = leaders or []  # type: ignore[attr-defined]


class ReceptionEntryForm(forms.Form):
    received_on = forms.DateField(label=_("Received on"), widget=DateInput, initial=timezone.localdate)
    citizen_name = forms.CharField(label=_("Citizen"), max_length=200)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.CharField(label=_("Answer given"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    letter_kind = forms.ChoiceField(
        label=_("Lodges"), choices=[("", _("Nothing to log")), *LetterKind.choices], required=False
    )
    follow_up = forms.CharField(label=_("Follow-up"), required=False)


class FollowUpForm(forms.Form):
    request = forms.CharField(label=_("Request of the conclusion"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label=_("Due on"), widget=DateInput)
