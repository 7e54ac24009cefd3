"""Effects the information-security workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core import outbox
from stttt.core.calendar import calendar
from stttt.core.workflow import register_effect


@register_effect("cyber.set_system_level", gettext_lazy("The system takes the approved level; its checks fall due"))
def set_system_level(dossier: Any, *, actor: Any = None, **context: Any) -> None:
    """Decree 85/2016 Art. 12: the approved level is the system's; the periodic checks run from it."""
    from stttt.cyber.choices import ApprovalStatus

    system = type(dossier.system)._default_manager.select_for_update().get(pk=dossier.system_id)
    system.approved_level = dossier.approved_level
    system.approved_on = dossier.approved_on
    system.approval_decision = dossier.decision_number
    system.approval_status = ApprovalStatus.APPROVED
    if getattr(actor, "is_authenticated", False):
        system._history_user = actor
    system.save()


@register_effect("cyber.reopen_system", gettext_lazy("A system without an approved level goes back to 'not approved'"))
def reopen_system(dossier: Any, *, actor: Any = None, **context: Any) -> None:
    from stttt.cyber.choices import ApprovalStatus

    system = type(dossier.system)._default_manager.select_for_update().get(pk=dossier.system_id)
    if system.approval_status == ApprovalStatus.IN_APPRAISAL:
        system.approval_status = ApprovalStatus.NOT_CLASSIFIED
        if getattr(actor, "is_authenticated", False):
            system._history_user = actor
        system.save()


@register_effect(
    "cyber.relay_warning", gettext_lazy("Each owner body whose systems run the product receives the warning")
)
def relay_warning(warning: Any, *, actor: Any = None, extra_owners: Any = (), **context: Any) -> None:
    """Regulation 3.15.đ: the warning goes to every body the inventory matches, with its time limits."""
    from stttt.cyber import rules
    from stttt.cyber.models import Owner, WarningDelivery
    from stttt.cyber.services import affected_owners

    matched = affected_owners(warning)
    for owner in extra_owners:
        if owner.agency_id == warning.agency_id:
            matched.setdefault(owner.pk, [])
    cal = calendar()
    owners = {o.pk: o for o in Owner.objects.filter(pk__in=matched)}
    for owner_id, lines in matched.items():
        if WarningDelivery.objects.filter(warning=warning, owner_id=owner_id).exists():
            continue
        delivery = WarningDelivery(
            warning=warning,
            owner_id=owner_id,
            matched="\n".join(lines),
            ack_due=rules.acknowledgement_due(warning.relayed_on, cal),
            remediation_due=rules.remediation_due(warning.relayed_on, warning.remediation_days),
        )
        if getattr(actor, "is_authenticated", False):
            delivery._history_user = actor  # type: ignore[attr-defined]
        delivery.save()
        _mail(owners[owner_id], warning, delivery, "relayed")


@register_effect("cyber.mail_reminder", gettext_lazy("The owner body is e-mailed a reminder"))
def mail_reminder(delivery: Any, **context: Any) -> None:
    _mail(delivery.owner, delivery.warning, delivery, f"reminder:{delivery.reminded_on}")


def _mail(owner: Any, warning: Any, delivery: Any, what: str) -> None:
    if not owner.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Security warning %(ref)s — %(title)s") % {"ref": warning.reference, "title": warning.title}
        body = _(
            "The Department relays a warning that concerns your systems (%(matched)s). Acknowledge it by "
            "%(ack)s and remedy it by %(fix)s in stttt."
        ) % {
            "matched": delivery.matched.replace("\n", "; ") or owner.name,
            "ack": delivery.ack_due.strftime("%d/%m/%Y"),
            "fix": delivery.remediation_due.strftime("%d/%m/%Y"),
        }
    outbox.email(
        [owner.email], subject=subject, body=body, key=f"cyber.delivery:{delivery.pk}:{what}", topic="cyber.warning"
    )
