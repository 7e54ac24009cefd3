"""Effects the digital app's workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core import outbox
from stttt.core.workflow import register_effect


def submission_recipients(submission: Any) -> list[str]:
    """Who hears about a submission: the district's officers, or the agency's reminder address."""
    entity = submission.entity
    if entity.district_id is not None:
        found = [o.user.email for o in entity.district.officers.select_related("user") if o.user.email]
        if found:
            return found
    return [entity.email] if entity.email else []


@register_effect(
    "digital.mail_submission_returned",
    gettext_lazy("The reporting entity is e-mailed the reason for the return"),
)
def mail_submission_returned(submission: Any, **context: Any) -> None:
    """3.14.a and 6.6 of the regulation: the entity learns at once what to correct; written to the outbox in
    the step's transaction, sent once it commits."""
    recipients = submission_recipients(submission)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Figures returned for correction — %(title)s") % {"title": submission.collection.title}
        body = _(
            'The Department has returned your figures for "%(title)s" for correction: %(reason)s '
            "Please correct them and submit them again."
        ) % {"title": submission.collection.title, "reason": submission.return_reason}
    key = f"digital.submission:{submission.pk}:returned:{submission.updated_at.isoformat()}"
    outbox.email(recipients, subject=subject, body=body, key=key, topic="digital.submission_returned")
