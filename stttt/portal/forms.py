"""Forms of the public portal (input only: the rules live in services and rules)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.licensing.choices import Status as LicenceStatus
from stttt.procedures import filing
from stttt.procedures import versions as procedure_versions
from stttt.procedures.choices import ServiceLevel
from stttt.procedures.forms import ApplicantChecks
from stttt.procedures.models import Procedure
from stttt.procedures.services import Upload

ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt"


class SubmitForm(ApplicantChecks, forms.Form):
    applicant_name = forms.CharField(label=_("Applicant (organisation or person)"), max_length=300)
    applicant_id_number = forms.CharField(
        label=_("Enterprise code or personal ID number"), max_length=40, required=False
    )
    applicant_address = forms.CharField(label=_("Address"), max_length=400, required=False)
    applicant_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    applicant_email = forms.EmailField(label=_("E-mail (to receive the tracking code)"), required=False)
    subject = forms.CharField(label=_("What you apply for"), max_length=400, required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput)
    field_order = [
        "applicant_name",
        "applicant_id_number",
        "applicant_address",
        "applicant_phone",
        "applicant_email",
        "holder_type",
        "district",
        "subject",
    ]

    def __init__(
        self,
        *args: Any,
        procedure: Procedure,
        key: str = "",
        user: Any = None,
        pending: dict[int, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["idempotency_key"] = key or uuid.uuid4().hex
            if getattr(user, "is_authenticated", False):  # a signed-in applicant files as themselves
                self.initial.setdefault("applicant_name", getattr(user, "full_name", "") or user.get_full_name())
                self.initial.setdefault("applicant_email", user.email)
        self.procedure = procedure
        self.pending = pending or {}
        self.fields.update(filing.fields_for(procedure))
        self.order_fields(self.field_order)
        # The components of the version in force today, the one the dossier will be filed under.
        self.components = procedure_versions.components_of(procedure_versions.version_in_force(procedure) or procedure)
        for component in self.components:
            label = component.name + (f" ({component.form})" if component.form else "")
            kept = self.pending.get(component.pk)
            help_text: Any = _("PDF, JPEG, PNG, DOCX, XLSX or ODT, up to 20 MB.")
            if kept is not None:
                help_text = _("Already received: %(name)s. Choose a file only to replace it.") % {
                    "name": kept.original_name
                }
            self.fields[f"file_{component.pk}"] = forms.FileField(
                label=label,
                required=component.required and kept is None,
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
                help_text=help_text,
                error_messages={"required": _("Attach this document.")},
            )

    def chosen(self) -> list[Upload]:
        """The documents chosen on this submission (valid or not as a whole form)."""
        found = []
        for component in self.components:
            upload = self.files.get(self.add_prefix(f"file_{component.pk}"))
            if upload:
                upload.seek(0)
                found.append(Upload(component, upload.name or "", upload.read()))
        return found

    def uploads(self) -> list[Upload]:
        """What is filed: each document chosen now, else the one kept from an earlier try of this form."""
        found = []
        for component in self.components:
            upload = self.cleaned_data.get(f"file_{component.pk}")
            if upload:
                upload.seek(0)
                found.append(Upload(component, upload.name, upload.read()))
            elif component.pk in self.pending:
                kept = self.pending[component.pk]
                with kept.file.open("rb") as handle:
                    found.append(Upload(component, kept.original_name, handle.read()))
        return found

    def particulars(self) -> dict[str, Any]:
        return filing.collect(self.procedure, self.cleaned_data)


class TrackForm(forms.Form):
    reference = forms.CharField(label=_("Reference or dossier code"), max_length=40)
    secret = forms.CharField(
        label=_("Tracking secret"),
        max_length=40,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


class SupplementForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, JPEG, PNG, DOCX, XLSX or ODT, up to 20 MB."),
    )
    file2 = forms.FileField(
        label=_("Another document"), required=False, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reasons = forms.CharField(
        label=_("Why (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(
        label=_("I withdraw this dossier: the Department stops processing it."),
        error_messages={"required": _("Tick the box to confirm the withdrawal.")},
    )


class RatingForm(forms.Form):
    contacts = forms.TypedChoiceField(
        label=_("How many times did you have to come back or be contacted to complete the dossier?"),
        coerce=int,
        choices=[(0, _("None")), (1, _("Once")), (2, _("More than once"))],
        widget=forms.RadioSelect,
    )
    agencies = forms.ChoiceField(
        label=_("Which agencies did you have to deal with?"),
        widget=forms.RadioSelect,
        choices=[
            ("none", _("None: everything online")),
            ("desk_only", _("Only the one-stop desk")),
            ("several", _("Several agencies or units")),
        ],
    )
    publicity = forms.ChoiceField(
        label=_("Was the procedure published at the desk and on the portal?"),
        widget=forms.RadioSelect,
        choices=[("both", _("Both")), ("one", _("Only one of them")), ("neither", _("Neither"))],
    )
    complaint = forms.TypedChoiceField(
        label=_("Do you have a complaint about the staff's conduct?"),
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        choices=[("no", _("No")), ("yes", _("Yes"))],
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class SignupForm(forms.Form):
    full_name = forms.CharField(label=_("Full name or organisation"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, min_length=8)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class CatalogFilterForm(forms.Form):
    """The public catalogue's lookup: text, field of state management, online service level."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    field = forms.ChoiceField(label=_("Field"), required=False)
    level = forms.ChoiceField(
        label=_("Online service"), required=False, choices=[("", _("all")), *ServiceLevel.choices]
    )

    def __init__(self, *args: Any, fields: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", _("all")), *fields]  # type: ignore[attr-defined]


class RegisterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search every register"),
        max_length=200,
        help_text=_("Holder, enterprise code, number, address or what is licensed; with or without diacritics."),
    )


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—"), *LicenceStatus.choices])
    district = forms.ChoiceField(label=_("District"), required=False, choices=[("", "—")])
    year = forms.TypedChoiceField(label=_("Year of issue"), required=False, coerce=int, empty_value=None)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-issued", _("newest first")),
            ("issued", _("oldest first")),
            ("number", _("number")),
            ("holder", _("holder A–Z")),
            ("-holder", _("holder Z–A")),
            ("expiry", _("expiry date")),
        ],
    )

    def __init__(self, *args: Any, years: list[int], districts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *[(y, str(y)) for y in years]]
        self.fields["year"].choices = choices  # type: ignore[attr-defined]
        self.fields["district"].choices = [("", "—"), *districts]  # type: ignore[attr-defined]
