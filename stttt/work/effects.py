"""Effects the work app's workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core import outbox
from stttt.core.workflow import register_effect


@register_effect(
    "work.mail_return_reason", gettext_lazy("The district's officers are e-mailed the reason for the return")
)
def mail_return_reason(report: Any, **context: Any) -> None:
    """Art. 6.6 of the regulation: the office learns at once what to correct. Written to the outbox in the
    step's transaction, sent once it commits; one e-mail per officer for each return."""
    recipients = [o.user.email for o in report.district.officers.select_related("user") if o.user.email]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Report returned for correction — %(title)s") % {"title": report.request.title}
        body = _(
            'The Department has returned your office\'s report "%(title)s" for correction: %(reason)s '
            "Please correct it and submit it again in stttt."
        ) % {"title": report.request.title, "reason": report.return_reason}
    key = f"work.district_report:{report.pk}:returned:{report.updated_at.isoformat()}"
    outbox.email(recipients, subject=subject, body=body, key=key, topic="work.report_returned")
