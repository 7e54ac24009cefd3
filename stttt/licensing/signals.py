"""How an approved dossier becomes a licence without `procedures` knowing about licences.

`procedures.services.dossier_transition` is the one place a dossier is approved; it writes a control-sheet
row (`DossierStep`) with action "approve" inside its transaction. Licensing listens for that row and issues
the licence in the same transaction: if issuing fails, the approval is rolled back with it.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save


def _on_step(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if not created or raw or instance.action != "approve":
        return
    from django.utils import timezone

    from stttt.licensing.services import licence_issue_from_dossier

    licence_issue_from_dossier(instance.dossier, actor=instance.actor, on=timezone.localtime(instance.at).date())


def connect() -> None:
    from stttt.procedures.models import DossierStep

    post_save.connect(_on_step, sender=DossierStep, dispatch_uid="licensing.issue_on_approval")
