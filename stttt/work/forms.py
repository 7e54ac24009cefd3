"""Forms of the work pages (input only: rules live in rules.py and services.py)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelChoiceField, ModelForm
from stttt.work.choices import Aggregate, CounterpartKind, Direction, MeetingKind, QuestionKind, ValueType
from stttt.work.models import Coordination, CouncilQuestion, Task

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _units(agency: Any) -> Any:
    """The live units of `agency` (none without one)."""
    from stttt.org.models import Unit

    return Unit.objects.filter(agency=agency, dissolved_on__isnull=True).order_by("order", "code")


def _users(agency: Any) -> Any:
    """The active staff of `agency` (none without one)."""
    from stttt.accounts.models import User

    return User.objects.filter(staff__agency=agency, is_active=True).order_by("full_name")


class TaskForm(ModelForm):
    duty_citation = forms.CharField(
        label=_("Duty (citation in the regulation)"), required=False, max_length=30, help_text=_("e.g. 3.29 or 3.14.đ")
    )

    class Meta:
        model = Task
        fields = [
            "source_kind",
            "source_body",
            "source_number",
            "source_date",
            "title",
            "content",
            "deadline",
            "lead_unit",
            "coordinating_units",
            "person_in_charge",
        ]
        widgets = {
            "source_date": DATE,
            "deadline": DATE,
            "content": forms.Textarea(attrs={"rows": 4}),
            "coordinating_units": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = _units(agency)  # type: ignore[attr-defined]
        self.fields["coordinating_units"].queryset = _units(agency)  # type: ignore[attr-defined]
        self.fields["person_in_charge"].queryset = _users(agency)  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, initial=0)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label=_("Reason for delay"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CompleteForm(forms.Form):
    report = forms.CharField(label=_("Completion report"), widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(label=_("Attachment"), required=False)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    month = forms.RegexField(
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        label=_("Month reviewed (YYYY-MM)"),
        error_messages={"invalid": _("Write the month as YYYY-MM.")},
    )
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    place = forms.CharField(label=_("Place"), required=False, max_length=255)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ConclusionForm(forms.Form):
    text = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 2}))
    unit: ModelChoiceField = ModelChoiceField(label=_("Unit"), queryset=None, required=False)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units(agency)  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    user: ModelChoiceField = ModelChoiceField(label=_("Person"), queryset=None)
    present = forms.BooleanField(label=_("Present"), required=False, initial=True)
    note = forms.CharField(label=_("Note"), required=False, max_length=255)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _users(agency)  # type: ignore[attr-defined]


class ReportCreateForm(forms.Form):
    report_type: ModelChoiceField = ModelChoiceField(label=_("Report type"), queryset=None)
    period_start = forms.DateField(
        label=_("Period from"), required=False, widget=DATE, help_text=_("Leave empty for the last complete period.")
    )
    period_end = forms.DateField(label=_("Period to"), required=False, widget=DATE)

    def __init__(self, *args: Any, report_types: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["report_type"].queryset = report_types  # type: ignore[attr-defined]


INDICATOR_LINE = re.compile(
    r"^\s*([a-z0-9-]+)\s*\|\s*([^|]+?)\s*\|\s*(integer|decimal)\s*\|\s*(-?[\d.]*)\s*\|"
    r"\s*(-?[\d.]*)\s*\|\s*(yes|no|có|không)\s*(?:\|\s*([^|]*?)\s*)?(?:\|\s*(sum|average)\s*)?$",
    re.IGNORECASE,
)


class DistrictRequestForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    number = forms.CharField(label=_("Document number and symbol"), max_length=100, required=False)
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period to"), widget=DATE)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    instructions = forms.CharField(label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    indicators = forms.CharField(
        label=_("Indicators"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One per line: code | label | integer or decimal | minimum | maximum | required (yes/no) | "
            "unit | sum or average (province figure, sum by default). Example: cum-loa | Number of "
            "loudspeaker clusters | integer | 0 | 5000 | yes | clusters"
        ),
    )

    def clean_indicators(self) -> list[dict[str, Any]]:
        found = []
        for number, line in enumerate(self.cleaned_data["indicators"].splitlines(), start=1):
            if not line.strip():
                continue
            match = INDICATOR_LINE.match(line)
            if not match:
                raise forms.ValidationError(_("Line %(n)s cannot be read: %(line)s") % {"n": number, "line": line})
            code, label, kind, low, high, required, unit, aggregate = match.groups()
            found.append(
                {
                    "code": code,
                    "label": label,
                    "value_type": ValueType(kind.lower()),
                    "min_value": low or None,
                    "max_value": high or None,
                    "required": required.lower() in ("yes", "có"),
                    "unit": unit or "",
                    "aggregate": Aggregate((aggregate or "sum").lower()),
                }
            )
        if not found:
            raise forms.ValidationError(_("Ask for at least one figure."))
        return found


class QuestionForm(ModelForm):
    class Meta:
        model = CouncilQuestion
        fields = ["kind", "session", "asked_by", "received_on", "content", "deadline", "unit", "assignee"]
        widgets = {"received_on": DATE, "deadline": DATE, "content": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = QuestionKind.choices  # type: ignore[attr-defined]
        self.fields["unit"].queryset = _units(agency)  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = _users(agency)  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    unit: ModelChoiceField = ModelChoiceField(label=_("Unit"), queryset=None)
    assignee: ModelChoiceField = ModelChoiceField(label=_("Assignee"), queryset=None, required=False)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units(agency)  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = _users(agency)  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
    number = forms.CharField(label=_("Answer document number"), required=False, max_length=100)
    answered_on = forms.DateField(label=_("Answered on"), required=False, widget=DATE)
    file = forms.FileField(label=_("Answer document"), required=False)


class CoordinationForm(ModelForm):
    class Meta:
        model = Coordination
        fields = [
            "direction",
            "counterpart_kind",
            "counterpart",
            "subject",
            "content",
            "document_number",
            "sent_on",
            "deadline",
            "unit",
        ]
        widgets = {"sent_on": DATE, "deadline": DATE, "content": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = Direction.choices  # type: ignore[attr-defined]
        self.fields["counterpart_kind"].choices = CounterpartKind.choices  # type: ignore[attr-defined]
        self.fields["unit"].queryset = _units(agency)  # type: ignore[attr-defined]
