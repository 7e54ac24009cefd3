"""The licence particulars a filing asks for (holder, district, and the subject of the licence kind the
procedure produces), as a provider of `procedures.filing`: the portal's filing page and the staff desk
page both ask them, and the filing step's effect records them (`licensing.record_application`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stttt.licensing.choices import HolderType
from stttt.licensing.forms import subject_form_fields, subject_from
from stttt.licensing.kinds import kind_for_procedure
from stttt.org.selectors import districts_of


class LicenceParticulars:
    def fields(self, procedure: Any) -> dict[str, forms.Field]:
        kind = kind_for_procedure(procedure.code)
        if kind is None:
            return {}
        districts = [(d.code, d.name) for d in districts_of(procedure.agency)]
        return {
            "holder_type": forms.ChoiceField(label=_("The holder is"), choices=HolderType.choices,
                                             initial=HolderType.ORGANISATION),
            "district": forms.ChoiceField(label=_("District"), choices=[("", "—"), *districts], required=False),
            **subject_form_fields(kind),
        }

    def collect(self, procedure: Any, cleaned: dict[str, Any]) -> dict[str, Any]:
        kind = kind_for_procedure(procedure.code)
        if kind is None:
            return {}
        return {"holder_type": cleaned.get("holder_type") or HolderType.ORGANISATION,
                "district": cleaned.get("district") or "", "subject": subject_from(cleaned, kind)}


PROVIDER = LicenceParticulars()
