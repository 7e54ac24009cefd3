"""Forms of the supervision pages: what a user types. Choices are limited to the user's agency; rules and
permissions stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.core.forms import ModelChoiceField, ModelForm
from stttt.supervision.models import (
    BroadcastRequest,
    Case,
    ExternalActivity,
    ExternalPlan,
    Holding,
    Incident,
    Operator,
    RadioStation,
    Site,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class AgencyForm(ModelForm):
    """A model form whose related choices are the agency's own."""

    scoped: dict[str, str] = {}

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency
        for name, path in self.scoped.items():
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.filter(**{path: agency})


class OperatorForm(AgencyForm):
    class Meta:
        model = Operator
        fields = (
            "name",
            "short_name",
            "sector",
            "tax_code",
            "address",
            "representative",
            "email",
            "phone",
            "status",
            "owns_infrastructure",
            "notes",
        )


class HoldingForm(AgencyForm):
    scoped = {"licence": "agency"}

    class Meta:
        model = Holding
        fields = ("title", "number", "issued_by", "issued_on", "expires_on", "licence")
        widgets = {"issued_on": DATE, "expires_on": DATE}


class SiteForm(AgencyForm):
    scoped = {"owner": "agency", "sharers": "agency", "district": "agency", "plan": "agency"}

    class Meta:
        model = Site
        fields = (
            "code",
            "name",
            "kind",
            "owner",
            "sharers",
            "district",
            "commune",
            "address",
            "latitude",
            "longitude",
            "height_m",
            "technologies",
            "permit_number",
            "permit_date",
            "status",
            "conformity",
            "plan",
            "conformity_note",
        )
        widgets = {"permit_date": DATE, "sharers": forms.CheckboxSelectMultiple}


class CaseForm(AgencyForm):
    scoped = {"respondent": "agency", "site": "agency"}

    class Meta:
        model = Case
        fields = ("kind", "title", "claimant", "respondent", "site", "received_on", "description")
        widgets = {"received_on": DATE}


class IncidentForm(AgencyForm):
    scoped = {"plan": "agency", "operators": "agency"}

    class Meta:
        model = Incident
        fields = ("title", "cause", "plan", "started_at", "communes", "operators", "sites_down", "description")
        widgets = {"started_at": DATETIME, "operators": forms.CheckboxSelectMultiple}


class StationForm(AgencyForm):
    scoped = {"district": "agency"}

    class Meta:
        model = RadioStation
        fields = (
            "name",
            "kind",
            "district",
            "commune",
            "loudspeaker_clusters",
            "status",
            "connected_to_source",
            "upgrade_year",
            "contact_email",
        )


class BroadcastForm(AgencyForm):
    scoped = {"stations": "agency"}

    class Meta:
        model = BroadcastRequest
        fields = ("title", "content", "priority", "broadcast_from", "broadcast_until", "times_per_day", "stations")
        widgets = {"broadcast_from": DATE, "broadcast_until": DATE, "stations": forms.CheckboxSelectMultiple}


class ExternalPlanForm(AgencyForm):
    class Meta:
        model = ExternalPlan
        fields = ("submitted_by", "title", "year", "received_on")
        widgets = {"received_on": DATE}


class ActivityForm(AgencyForm):
    scoped = {"plan": "agency"}

    class Meta:
        model = ExternalActivity
        fields = ("title", "kind", "held_on", "organiser", "audience", "plan")
        widgets = {"held_on": DATE}


class ScheduleForm(forms.Form):
    kind: ModelChoiceField = ModelChoiceField(queryset=None, label=_("Report"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        from stttt.supervision.models import ReportKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = ReportKind.objects.filter(agency=agency)  # type: ignore[attr-defined]
