"""Reminders the scheduler (or `stttt digital remind`) writes each working morning; each keyed by its day, so a
second run the same day sends nothing new.

- Indicator figures (3.14.a, generalising the district reports of 6.6): the entities that have not submitted
  are reminded on the work app's cadence (`stttt.work.reminders.district_reminder_due`: days before the
  deadline, on it, then weekly while late).
- Digital-signature certificates (3.14.h): the holder is reminded when the certificate expires within
  `digital.signature_expiry_warning_days` days, once a week until it expires.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.digital import rules, services
from stttt.digital.choices import SignatureStatus, SubmissionStatus
from stttt.digital.models import Collection, SignatureRequest
from stttt.work.reminders import DISTRICT_LATE_WEEKS, district_reminder_due


@transaction.atomic
def submission_reminders_send(today: dt.date | None = None) -> int:
    day = today or timezone.localdate()
    earliest = day - dt.timedelta(weeks=DISTRICT_LATE_WEEKS)
    written = 0
    for collection in Collection.objects.filter(deadline__gte=earliest, deadline__lte=day + dt.timedelta(days=7)):
        if not district_reminder_due(collection.deadline, day):
            continue
        pending = collection.submissions.exclude(status=SubmissionStatus.SUBMITTED).select_related("entity__district")
        for submission in pending:
            key = f"digital.submission:{submission.pk}:scheduled:{day.isoformat()}"
            written += services.reminder_write(collection, submission, key=key)
    return written


@transaction.atomic
def certificate_reminders_send(today: dt.date | None = None) -> int:
    day = today or timezone.localdate()
    written = 0
    issued = SignatureRequest.objects.filter(status=SignatureStatus.ISSUED, expires_on__gte=day).exclude(email="")
    for cert in issued:
        if cert.expires_on is None or not rules.certificate_expiring(cert.expires_on, day):
            continue
        if (cert.expires_on - day).days % 7:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Digital-signature certificate expires on %(day)s") % {"day": f"{cert.expires_on:%d/%m/%Y}"}
            body = _(
                "The specialised digital-signature certificate %(serial)s of %(holder)s (%(body)s) expires on "
                "%(day)s. Please send the request to renew it to the Department."
            ) % {"serial": cert.serial, "holder": cert.holder, "body": cert.body, "day": f"{cert.expires_on:%d/%m/%Y}"}
        messages = outbox.email(
            cert.email,
            subject=subject,
            body=body,
            key=f"digital.certificate:{cert.pk}:{day.isoformat()}",
            topic="digital.certificate_expiry",
        )
        written += outbox.count_new(messages)
    return written


def send_all(today: dt.date | None = None) -> int:
    return submission_reminders_send(today) + certificate_reminders_send(today)
