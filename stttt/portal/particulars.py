"""The licence particulars a filing asks for (holder, district, and the subject of the licence kind the
procedure produces), as a provider of `procedures.filing`: the portal's filing page and the staff desk
page both ask them, and the filing step's effect records them (`licensing.record_application`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stttt.licensing.choices import HolderType
from stttt.licensing.forms import subject_form_fields, subject_from
from stttt.licensing.kinds import KINDS, kind_for_procedure
from stttt.licensing.models import Application
from stttt.org.selectors import districts_of
from stttt.portal.models import Submission


class LicenceParticulars:
    def fields(self, procedure: Any) -> dict[str, forms.Field]:
        kind = kind_for_procedure(procedure.code)
        if kind is None:
            return {}
        districts = [(d.code, d.name) for d in districts_of(procedure.agency)]
        return {
            "holder_type": forms.ChoiceField(
                label=_("The holder is"), choices=HolderType.choices, initial=HolderType.ORGANISATION
            ),
            "district": forms.ChoiceField(label=_("District"), choices=[("", "—"), *districts], required=False),
            **subject_form_fields(kind),
        }

    def collect(self, procedure: Any, cleaned: dict[str, Any]) -> dict[str, Any]:
        kind = kind_for_procedure(procedure.code)
        if kind is None:
            return {}
        return {
            "holder_type": cleaned.get("holder_type") or HolderType.ORGANISATION,
            "district": cleaned.get("district") or "",
            "subject": subject_from(cleaned, kind),
        }

    def display(self, dossier: Any) -> list[tuple[Any, Any]]:
        """What the applicant asked to be licensed, as staff read it on the dossier page."""
        application = Application.objects.filter(dossier=dossier).first()
        if application is None:
            return []
        rows: list[tuple[Any, Any]] = [(_("The holder is"), application.get_holder_type_display())]
        if application.district:
            names = dict((d.code, d.name) for d in districts_of(dossier.agency))
            rows.append((_("District"), names.get(application.district, application.district)))
        kind = KINDS.get(application.kind)
        labels = {spec.name: str(spec.label).capitalize() for spec in kind.subject} if kind else {}
        for name, value in (application.subject or {}).items():
            shown = "; ".join(str(v) for v in value) if isinstance(value, list) else value
            rows.append((labels.get(name, name), shown))
        return rows


class PortalReference:
    """The portal's reference of an online filing: shown to staff and found by the dossier search."""

    def fields(self, procedure: Any) -> dict[str, forms.Field]:
        return {}

    def collect(self, procedure: Any, cleaned: dict[str, Any]) -> dict[str, Any]:
        return {}

    def display(self, dossier: Any) -> list[tuple[Any, Any]]:
        submission = Submission.objects.filter(dossier=dossier).first()
        return [(_("Portal reference"), submission.reference)] if submission else []

    def reference(self, dossier: Any) -> str | None:
        submission = Submission.objects.filter(dossier=dossier).first()
        return submission.reference if submission else None

    def lookup(self, query: str) -> Q | None:
        text = query.strip().upper()  # any prefix: references given before "HS-" keep theirs
        return Q(submission__reference=text) if 4 <= len(text) <= 20 and " " not in text else None


PROVIDER = LicenceParticulars()
REFERENCE = PortalReference()
