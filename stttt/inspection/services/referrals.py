"""Referrals in (from other apps) and what the Inspectorate does with them."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.text import canonical
from stttt.inspection import workflow
from stttt.inspection.models import Referral
from stttt.inspection.services.common import transition
from stttt.org import powers


@transaction.atomic
def open_referral(*, agency: Any, source: models.Model, summary: str, provision: str = "", actor: Any) -> Referral:
    """Refer a finding of another app to the Inspectorate of `agency` (the contract other apps call).

    `source` is the record the finding is about (any saved model instance); the referral keeps its content
    type and id, its text label (`str(source)`) and, when it has one, `source.get_absolute_url()`. `actor`
    must be staff of `agency`; a source that belongs to another agency is refused. Raises
    `ValidationError` (nothing written) on an empty summary or an unsaved source, `PermissionDenied` when
    the actor is not the agency's staff."""
    if not powers.same_agency(actor, agency.pk) or not powers.is_department_staff(actor):
        raise PermissionDenied(_("Only the agency's staff refer findings to its Inspectorate."))
    if source is None or getattr(source, "pk", None) is None:
        raise ValidationError(_("A referral needs the saved record it is about."))
    source_agency = getattr(source, "agency_id", None)
    if source_agency is not None and source_agency != agency.pk:
        raise ValidationError(_("The record belongs to another agency."))
    summary = canonical(summary or "")
    if not summary:
        raise ValidationError({"summary": _("Say what was found.")})
    url = ""
    get_url = getattr(source, "get_absolute_url", None)
    if callable(get_url):
        try:
            url = str(get_url())[:300]
        except Exception:  # a source whose URL cannot be built is still referred, without it
            url = ""
    content_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    referral = Referral(
        agency=agency,
        source_type=content_type,
        source_id=str(source.pk),
        source_app=content_type.app_label,
        source_label=canonical(str(source))[:300],
        source_url=url,
        summary=summary,
        provision=canonical(provision or "")[:200],
        opened_by=actor,
    )
    referral.full_clean()
    referral._change_reason = "open_referral"  # type: ignore[attr-defined]
    referral.save()
    return referral


def referral_transition(
    referral_id: int, action: str, *, actor: Any, reason: str = "", expected_version: int | None = None
) -> Referral:
    """Turn a referral into an ad hoc inspection or a violation record (done by those services), or dismiss
    it with reasons."""

    def write(referral: Referral, step: Any) -> None:
        if action == "dismiss":
            if not canonical(reason or ""):
                raise ValidationError({"reason": _("Give the reasons for dismissing the referral.")})
            referral.dismissal_reason = canonical(reason)
        referral.decided_by = actor
        referral.decided_at = timezone.now()

    return transition(
        workflow.REFERRALS, Referral, referral_id, action, actor=actor, write=write, expected_version=expected_version
    )
