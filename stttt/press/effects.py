"""Effects the press app's workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core.workflow import register_effect


@register_effect(
    "press.refer_to_inspection",
    gettext_lazy("A referral is opened for the Department's Inspectorate, linked to the item"),
)
def refer_to_inspection(item: Any, *, actor: Any, **context: Any) -> None:
    """Press Law 2016 Art. 53 and Publishing Law 2012 Art. 29: a violation found on reading goes to the
    Inspectorate. Opened in the step's transaction: if the referral fails, the review is rolled back with it."""
    from stttt.inspection.services import open_referral

    reading = item.reading
    with translation.override(settings.LANGUAGE_CODE):
        summary = _("Deposited item %(item)s of %(outlet)s, released %(date)s: %(findings)s") % {
            "item": str(item),
            "outlet": item.outlet_name,
            "date": item.release_date.strftime("%d/%m/%Y"),
            "findings": reading.findings,
        }
    open_referral(agency=item.agency, source=item, summary=summary, provision=reading.provision_violated, actor=actor)
