"""The applicant is told of every step that changes what they must do or may expect (issue 11): an e-mail and
a text message to the contacts given with the dossier, in Vietnamese (the applicant's language; the
English source is the translation), written to the outbox in the step's transaction.

The steps that notify are those whose row in `workflow.py` declares the effect `procedures.notify_applicant`;
`NOTICES` says what each one tells. One notice per step of a dossier: the outbox key carries the
dossier's version, so running the effect again for the same step writes nothing new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from stttt.core import outbox
from stttt.core.workflow import register_effect
from stttt.procedures.models import Dossier

SMS_REASONS = 240  # characters of the reasons quoted in a text message (the e-mail has them all)


@dataclass(frozen=True)
class Notice:
    subject: Any
    body: Any  # the e-mail's paragraph after the greeting
    sms: Any


NOTICES: dict[str, Notice] = {
    "receive": Notice(
        _("Dossier %(code)s received"),
        _(
            "%(agency)s has received your dossier for “%(procedure)s”.\n"
            "Dossier code: %(code)s\nAppointment to return the result: %(due)s\n\n"
            "You will be told if anything more is needed."
        ),
        _("%(agency)s: dossier %(code)s received, result appointed for %(due)s."),
    ),
    "return_for_completion": Notice(
        _("Your dossier for “%(procedure)s” must be completed"),
        _(
            "The one-stop desk of %(agency)s cannot receive your dossier for “%(procedure)s” yet. "
            "Please complete it as follows, then file it again:\n%(reasons)s"
        ),
        _("%(agency)s: complete your dossier for %(procedure)s and file it again: %(reasons)s"),
    ),
    "reject": Notice(
        _("Your dossier for “%(procedure)s” was not received"),
        _("The one-stop desk of %(agency)s refused to receive your dossier for “%(procedure)s”:\n%(reasons)s"),
        _("%(agency)s: your dossier for %(procedure)s was not received: %(reasons)s"),
    ),
    "request_supplement": Notice(
        _("Dossier %(code)s: a supplement is requested"),
        _(
            "%(agency)s asks you to supplement dossier %(code)s (“%(procedure)s”):\n%(reasons)s\n\n"
            "Send the supplement through the portal or at the one-stop desk. The processing period starts "
            "again once the complete supplement is received."
        ),
        _("%(agency)s: dossier %(code)s needs a supplement: %(reasons)s"),
    ),
    "supplement_received": Notice(
        _("Dossier %(code)s: supplement received"),
        _(
            "%(agency)s has received the complete supplement to dossier %(code)s. The processing period "
            "started again; new appointment to return the result: %(due)s."
        ),
        _("%(agency)s: supplement to dossier %(code)s received, result appointed for %(due)s."),
    ),
    "apologise": Notice(
        _("Dossier %(code)s: new appointment"),
        _(
            "%(agency)s apologises: dossier %(code)s cannot be resolved by the appointed date, because:\n"
            "%(reasons)s\n\nNew appointment to return the result: %(due)s."
        ),
        _("%(agency)s apologises: dossier %(code)s is delayed, new appointment %(due)s."),
    ),
    "approve": Notice(
        _("Dossier %(code)s: the result is ready"),
        _(
            "The result of dossier %(code)s (“%(procedure)s”) has been approved%(number)s. "
            "It will be returned to you at the one-stop desk or in the way you chose when filing."
        ),
        _("%(agency)s: the result of dossier %(code)s is ready%(number)s."),
    ),
    "forward": Notice(
        _("Dossier %(code)s sent to the competent authority"),
        _(
            "%(agency)s has sent dossier %(code)s (“%(procedure)s”) with its opinion to the competent "
            "authority for decision. You will be told of the result."
        ),
        _("%(agency)s: dossier %(code)s was sent to the competent authority for decision."),
    ),
    "refuse": Notice(
        _("Dossier %(code)s refused"),
        _(
            "%(agency)s refused dossier %(code)s (“%(procedure)s”) for these reasons:\n%(reasons)s\n\n"
            "You may complain about this decision under the Law on Complaints."
        ),
        _("%(agency)s: dossier %(code)s refused: %(reasons)s"),
    ),
    "return_result": Notice(
        _("Dossier %(code)s: result returned"),
        _("The result of dossier %(code)s (“%(procedure)s”) was returned on %(date)s. The dossier is closed."),
        _("%(agency)s: the result of dossier %(code)s was returned on %(date)s."),
    ),
    "withdraw": Notice(
        _("Your dossier for “%(procedure)s” was withdrawn"),
        _(
            "Your dossier %(code)s for “%(procedure)s” was withdrawn at your request on %(date)s. "
            "Nothing more is needed from you."
        ),
        _("%(agency)s: your dossier %(code)s was withdrawn on %(date)s."),
    ),
}


def _facts(dossier: Dossier, action: str, at: Any) -> dict[str, str]:
    reasons = {
        "return_for_completion": dossier.supplement_reasons,
        "request_supplement": dossier.supplement_reasons,
        "reject": dossier.refusal_reasons,
        "refuse": dossier.refusal_reasons,
        "apologise": dossier.apology_reason,
    }.get(action, "")
    return {
        "agency": dossier.agency.name,
        "procedure": dossier.procedure.name,
        "code": dossier.code or "",
        "due": f"{dossier.due_date:%d/%m/%Y}" if dossier.due_date else "",
        "date": f"{at:%d/%m/%Y}" if at else "",
        "reasons": reasons,
        "number": str(_(" (no. %(number)s)")) % {"number": dossier.result_number} if dossier.result_number else "",
    }


@register_effect("procedures.notify_applicant", _("The applicant is told by e-mail and text message"))
def notify_applicant(dossier: Dossier, *, transition: Any, at: Any = None, **context: Any) -> None:
    """Write the step's notice to the applicant's e-mail and phone (either may be blank)."""
    notice = NOTICES.get(transition.action)
    if notice is None or not (dossier.applicant_email or dossier.applicant_phone):
        return
    key = f"procedures.dossier:{dossier.pk}:{dossier.version}:{transition.action}"
    topic = f"procedures.{transition.action}"
    with translation.override(settings.LANGUAGE_CODE):
        facts = _facts(dossier, transition.action, at)
        subject = str(notice.subject) % facts
        body = "\n\n".join(
            [
                str(_("Dear %(name)s,")) % {"name": dossier.applicant_name},
                str(notice.body) % facts,
                str(_("Track your dossier at %(url)s.")) % {"url": settings.STTTT_PUBLIC_BASE_URL},
                facts["agency"],
            ]
        )
        short = str(notice.sms) % {**facts, "reasons": _shorten(facts["reasons"])}
    # a dossier not yet numbered leaves its code blank: no double space where it would have been
    subject, body, short = (re.sub(r"(?<=\S)  +", " ", text) for text in (subject, body, short))
    outbox.email(dossier.applicant_email, subject=subject, body=body, key=key, topic=topic)
    outbox.sms_message(dossier.applicant_phone, body=short, key=key, topic=topic)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SMS_REASONS else text[: SMS_REASONS - 1].rstrip() + "…"
