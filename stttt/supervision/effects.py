"""Effects the supervision workflow tables declare, registered under their names when the app loads.

Messages are written to the outbox (`stttt.core.outbox`) in the step's transaction and sent once it commits;
each key names what it is about, so a repeated step writes nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stttt.core import outbox
from stttt.core.workflow import register_effect


@register_effect("supervision.mail_report_reminder", gettext_lazy("The organisation is e-mailed a reminder"))
def mail_report_reminder(report: Any, *, at: Any = None, **context: Any) -> None:
    """Regulation Art. 3.17: remind the organisation of a report it owes (once a day at most)."""
    if not report.operator.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: report due — %(kind)s") % {"kind": report.kind.name}
        body = _(
            'The Department reminds %(operator)s that its report "%(kind)s" for the period %(start)s – %(end)s '
            "is due on %(due)s. Please send it to the Department."
        ) % {
            "operator": report.operator.name,
            "kind": report.kind.name,
            "start": report.period_start.strftime("%d/%m/%Y"),
            "end": report.period_end.strftime("%d/%m/%Y"),
            "due": report.due_on.strftime("%d/%m/%Y"),
        }
    day = (at or report.reminded_on).isoformat() if (at or report.reminded_on) else "once"
    outbox.email(
        report.operator.email,
        subject=subject,
        body=body,
        key=f"supervision.report:{report.pk}:remind:{day}",
        topic="supervision.report_reminder",
    )


@register_effect("supervision.mail_report_returned", gettext_lazy("The organisation is e-mailed the reason"))
def mail_report_returned(report: Any, **context: Any) -> None:
    """Decree 09/2019 Art. 8: the organisation learns at once what to correct."""
    if not report.operator.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Report returned for correction — %(kind)s") % {"kind": report.kind.name}
        body = _('The Department has returned your report "%(kind)s" for correction: %(reason)s') % {
            "kind": report.kind.name,
            "reason": report.return_reason,
        }
    outbox.email(
        report.operator.email,
        subject=subject,
        body=body,
        key=f"supervision.report:{report.pk}:returned:{report.version}",
        topic="supervision.report_returned",
    )


@register_effect("supervision.mail_case_outcome", gettext_lazy("The organisation concerned is e-mailed the outcome"))
def mail_case_outcome(case: Any, **context: Any) -> None:
    """Regulation Art. 3.11.c: the parties are told the outcome."""
    if not case.respondent.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Outcome of case %(reference)s") % {"reference": case.reference}
        body = _("Case %(reference)s — %(title)s: %(outcome)s") % {
            "reference": case.reference,
            "title": case.title,
            "outcome": case.outcome,
        }
    outbox.email(
        case.respondent.email,
        subject=subject,
        body=body,
        key=f"supervision.case:{case.pk}:outcome",
        topic="supervision.case_outcome",
    )


@register_effect("supervision.mail_broadcast_stations", gettext_lazy("The stations are e-mailed the text to broadcast"))
def mail_broadcast_stations(request: Any, **context: Any) -> None:
    """Decree 49/2024 and Circular 39/2020: the text goes to each station asked, with its priority."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Broadcast request: %(title)s") % {"title": request.title}
        body = _(
            "Please broadcast from %(start)s to %(end)s, %(times)s times a day (priority: %(priority)s):\n\n%(text)s"
        ) % {
            "start": request.broadcast_from.strftime("%d/%m/%Y"),
            "end": request.broadcast_until.strftime("%d/%m/%Y"),
            "times": request.times_per_day,
            "priority": request.get_priority_display(),
            "text": request.content,
        }
    addresses = [s.contact_email for s in request.stations.all() if s.contact_email]
    if addresses:
        outbox.email(
            addresses,
            subject=subject,
            body=body,
            key=f"supervision.broadcast:{request.pk}:sent",
            topic="supervision.broadcast",
        )
