"""Forms of the press pages: they parse what the user typed; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core.forms import ModelChoiceField
from stttt.press.choices import ChangeKind, Conclusion, ItemKind, OfficeKind, OutletKind, Tone

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class OutletForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OutletKind.choices)
    governing_body = forms.CharField(label=_("Governing body"), max_length=300, required=False)
    address = forms.CharField(label=_("Address"), max_length=400, required=False)
    email = forms.EmailField(label=_("E-mail (reminders go there)"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    field = forms.CharField(label=_("Field"), max_length=100, required=False)
    licence_number = forms.CharField(label=_("Press licence (Ministry)"), max_length=60, required=False)
    licence_issued_on = forms.DateField(label=_("Licence issued on"), required=False, widget=DATE)
    licence_valid_until = forms.DateField(label=_("Licence valid until"), required=False, widget=DATE)
    licence: ModelChoiceField = ModelChoiceField(label=_("Licence in the register"), queryset=None, required=False)
    release_weekdays = forms.TypedMultipleChoiceField(
        label=_("Released on"), choices=WEEKDAYS, coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    release_monthdays = forms.CharField(
        label=_("Days of the month released on"), required=False, help_text=_("e.g. 1, 15")
    )
    skips_days_off = forms.BooleanField(label=_("No issue on public holidays"), required=False)
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, licences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["licence"].queryset = licences  # type: ignore[attr-defined]

    def clean_release_monthdays(self) -> list[int]:
        text = self.cleaned_data["release_monthdays"] or ""
        try:
            return [int(p) for p in text.replace(";", ",").split(",") if p.strip()]
        except ValueError:
            raise forms.ValidationError(_("Give days of the month separated by commas.")) from None


class IntakeForm(forms.Form):
    outlet: ModelChoiceField = ModelChoiceField(label=_("Outlet"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    title = forms.CharField(label=_("Title as printed"), max_length=400)
    issue_number = forms.CharField(label=_("Issue"), max_length=40, required=False)
    release_date = forms.DateField(label=_("Release date"), widget=DATE)
    distribution_date = forms.DateField(label=_("Distribution date (publications)"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("End of the period (electronic press)"), required=False, widget=DATE)
    received_at = forms.DateTimeField(label=_("Received at"), widget=DATETIME)
    postmarked_at = forms.DateTimeField(label=_("Postmark (deposit by post)"), required=False, widget=DATETIME)
    copies = forms.IntegerField(label=_("Copies"), min_value=0, required=False)
    print_run = forms.IntegerField(label=_("Print run"), min_value=0, required=False)
    electronic_format = forms.CharField(label=_("Electronic format"), max_length=20, required=False)
    licence: ModelChoiceField = ModelChoiceField(
        label=_("Licence it was published under"), queryset=None, required=False
    )
    reprint = forms.BooleanField(label=_("Reprint"), required=False)

    def __init__(self, *args: Any, outlets: Any, licences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = outlets  # type: ignore[attr-defined]
        self.fields["licence"].queryset = licences  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    reader: ModelChoiceField = ModelChoiceField(label=_("Reader"), queryset=None)

    def __init__(self, *args: Any, readers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reader"].queryset = readers  # type: ignore[attr-defined]


class ReadingForm(forms.Form):
    content_summary = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    legal_conformity = forms.CharField(
        label=_("Conformity with the law"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    licence_conformity = forms.CharField(
        label=_("Conformity with the licence"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=Conclusion.choices)
    provision_violated = forms.CharField(label=_("Provision violated"), max_length=300, required=False)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title of the article"), max_length=400)
    published_on = forms.DateField(label=_("Published on"), widget=DATE)
    topic = forms.CharField(label=_("Topic"), max_length=100)
    tone = forms.ChoiceField(label=_("Tone"), choices=Tone.choices)
    url = forms.URLField(label=pgettext_lazy("URL", "Link"), required=False, assume_scheme="https")
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class OfficeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OfficeKind.choices)
    press_agency = forms.CharField(label=_("Press agency"), max_length=300)
    governing_body = forms.CharField(label=_("Governing body"), max_length=300, required=False)
    head_name = forms.CharField(label=_("Head of the office or reporter"), max_length=200)
    press_card = forms.CharField(label=_("Press card number"), max_length=40, required=False)
    address = forms.CharField(label=_("Address"), max_length=400, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    approval = forms.CharField(label=_("Approval of the governing body"), max_length=300, required=False)
    notified_on = forms.DateField(label=_("Notified on"), widget=DATE)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)


class OfficeChangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Change"), choices=ChangeKind.choices)
    effective_on = forms.DateField(label=_("Effective on"), widget=DATE)
    notified_on = forms.DateField(label=_("Notified on"), widget=DATE)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}))


class ConferenceForm(forms.Form):
    organiser = forms.CharField(label=_("Organiser"), max_length=300)
    organiser_email = forms.EmailField(label=_("Organiser's e-mail"), required=False)
    notified_at = forms.DateTimeField(label=_("Notice received at"), widget=DATETIME)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME)
    venue = forms.CharField(label=_("Venue"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}))
    chair = forms.CharField(label=_("Chaired by"), max_length=200)
    report_required = forms.BooleanField(label=_("A report of what was said is required"), required=False)
