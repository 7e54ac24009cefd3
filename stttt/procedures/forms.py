"""Forms of the procedures pages (input only: the rules live in services and rules)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelChoiceField, ModelForm
from stttt.procedures import filing, rules, versions
from stttt.procedures.choices import Channel
from stttt.procedures.models import Dossier, Procedure
from stttt.procedures.services import Upload

ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt"


class ApplicantChecks:
    """The checks of the applicant's details on every filing form, the portal's and the desk's
    (`rules.applicant_problems`, which the API applies too): each problem shown at its field."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}  # type: ignore[misc]
        today = timezone.localdate()
        for field, problem in rules.applicant_problems(data, data.get("holder_type") or "", today).items():
            self.add_error(field, problem)  # type: ignore[attr-defined]
        return data


class ApplicantForm(ApplicantChecks, ModelForm):
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Dossier
        fields = [
            "applicant_name",
            "applicant_id_number",
            "applicant_address",
            "applicant_phone",
            "applicant_email",
            "subject",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4().hex


class ProcedureChoiceForm(forms.Form):
    procedure = ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))

    def __init__(self, *args: Any, procedures: QuerySet[Procedure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures  # type: ignore[attr-defined]


class DeskReceiveForm(ApplicantForm):
    """The desk's record of a paper dossier: the procedure (chosen first), how it came, the applicant, the
    particulars the procedure needs, and for each component its scan or a tick that the original was seen."""

    procedure = ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[(Channel.DESK, Channel.DESK.label), (Channel.POST, Channel.POST.label)]
    )

    class Meta(ApplicantForm.Meta):
        fields = ["procedure", "channel", *ApplicantForm.Meta.fields]

    def __init__(self, *args: Any, procedures: QuerySet[Procedure], chosen: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures  # type: ignore[attr-defined]
        found = procedures.filter(pk=int(chosen)).first() if chosen and str(chosen).isdigit() else None
        self.chosen: Procedure | None = found
        # The components of the version in force today, the one the dossier will be filed under.
        self.components = versions.components_of(versions.version_in_force(found) or found) if found else []
        if found is not None:
            self.initial.setdefault("procedure", found.pk)
            self.fields.update(filing.fields_for(found))
        for component in self.components:
            label = component.name + (f" ({component.form})" if component.form else "")
            self.fields[f"paper_{component.pk}"] = forms.BooleanField(
                label=_("%(name)s: original seen on paper") % {"name": label}, required=False
            )
            self.fields[f"file_{component.pk}"] = forms.FileField(
                label=_("%(name)s: scan") % {"name": label},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            )

    def uploads(self) -> list[Upload]:
        found = []
        for component in self.components:
            upload = self.cleaned_data.get(f"file_{component.pk}")
            if upload:
                found.append(Upload(component, upload.name, upload.read()))
        return found

    def paper(self) -> list[int]:
        return [c.pk for c in self.components if self.cleaned_data.get(f"paper_{c.pk}")]

    def particulars(self) -> dict[str, Any]:
        return filing.collect(self.chosen, self.cleaned_data) if self.chosen else {}


class GuidanceForm(forms.Form):
    procedure = ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))
    applicant_name = forms.CharField(label=_("Applicant"), max_length=300)
    missing = forms.CharField(label=_("What is missing"), widget=forms.Textarea(attrs={"rows": 3}))
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "DOCX")], label=_("Format"))

    def __init__(self, *args: Any, procedures: QuerySet[Procedure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Document"))
    component: ModelChoiceField = ModelChoiceField(queryset=None, required=False, label=_("Component"))

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        asked = [c.pk for c in versions.components_of(dossier.terms)]  # those of the version it was filed under
        self.fields["component"].queryset = dossier.procedure.components.filter(pk__in=asked)  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    assignee = forms.ChoiceField(label=_("Officer"), required=False)
    new_due = forms.DateField(
        label=_("New appointment date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    result_number = forms.CharField(label=_("Number of the result"), required=False, max_length=60)

    def __init__(self, *args: Any, officers: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "—")] + [(str(u.pk), str(u)) for u in officers]  # type: ignore[attr-defined]


class MonthForm(forms.Form):
    month = forms.RegexField(
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        label=_("Month"),
        required=False,
        error_messages={"invalid": _("Write the month as YYYY-MM.")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    by = forms.ChoiceField(
        choices=[("procedure", _("per procedure")), ("division", _("per division"))], required=False, label=_("Group")
    )


class DossierFilterForm(forms.Form):
    """The dossier list's search, filters and sort (input only: `selectors.dossiers_filtered` applies them)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Dossier code, portal reference, applicant or subject."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    procedure = ModelChoiceField(label=_("Procedure"), required=False, queryset=Procedure.objects.none())
    unit = forms.ChoiceField(label=_("Processing division"), required=False)
    date_from = forms.DateField(label=_("Filed from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Filed until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", "—"), ("overdue", _("Overdue")), ("due_soon", _("Due within 2 working days"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-submitted", _("newest first")),
            ("submitted", _("oldest first")),
            ("due", _("appointment date")),
            ("-due", _("appointment date, latest first")),
            ("applicant", _("applicant A–Z")),
            ("code", _("dossier code")),
            ("status", _("status")),
        ],
    )

    def __init__(
        self,
        *args: Any,
        procedures: QuerySet[Procedure],
        units: list[tuple[str, str]],
        statuses: list[tuple[str, Any]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # A choice needs the id and the name only: not the catalogue's components and agency.
        choices = procedures.select_related(None).prefetch_related(None).only("pk", "name")
        self.fields["procedure"].queryset = choices  # type: ignore[attr-defined]
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]
        self.fields["status"].choices = [("", "—"), *statuses]  # type: ignore[attr-defined]
