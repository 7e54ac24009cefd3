"""The steps licensing takes when a dossier moves, as workflow effects (`stttt.core.workflow`).

The dossier workflow table of `procedures` names them on its rows (filing -> `licensing.record_application`,
approval -> `licensing.issue_licence`); the transition service runs them inside the step's transaction, so
a failing effect rolls the step back. Registered when the app loads (`LicensingConfig.ready`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core.workflow import Transition, register_effect
from stttt.licensing import services
from stttt.licensing.choices import HolderType
from stttt.licensing.kinds import kind_for_procedure

PARTICULARS = {"holder_type", "district", "subject"}


@register_effect(
    "licensing.record_application",
    gettext_lazy("records the licence application (holder, district, subject of the licence)"),
)
def record_application(
    dossier: Any, *, transition: Transition, actor: Any, at: dt.date, particulars: dict[str, Any]
) -> Any:
    """Keep the particulars of the licence a dossier asks for (`holder_type`, `district`: a district code
    of the dossier's agency or "", `subject`: the kind's subject fields). Nothing to do without
    particulars; particulars for a procedure that produces no licence are refused."""
    particulars = dict(particulars or {})
    if not particulars:
        return None
    unknown = set(particulars) - PARTICULARS
    if unknown:
        raise ValidationError(_("Unknown licence particulars: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    if kind_for_procedure(dossier.procedure.code) is None:
        raise ValidationError(_("This procedure issues no licence: it takes no licence particulars."))
    subject = particulars.get("subject") or {}
    if not isinstance(subject, dict):
        raise ValidationError({"subject": _("The subject of the licence must be a set of named fields.")})
    return services.application_save(
        dossier,
        holder_type=particulars.get("holder_type") or HolderType.ORGANISATION,
        district=str(particulars.get("district") or ""),
        subject=subject,
    )


@register_effect("licensing.issue_licence", gettext_lazy("issues the licence the procedure produces"))
def issue_licence(dossier: Any, *, transition: Transition, actor: Any, at: dt.date) -> Any:
    """The licence of an approved dossier, in its agency's register (none for procedures that produce no
    licence kind); idempotent per dossier."""
    return services.licence_issue_from_dossier(dossier, actor=actor, on=at)
