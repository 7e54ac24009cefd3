"""Violation records and sanction decisions (LHAV 2012 as amended 2020; sector decrees)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.core.text import canonical
from stttt.inspection import catalogue, permissions, rules, workflow
from stttt.inspection.choices import OffenderType
from stttt.inspection.models import InspectionCase, Referral, SanctionDecision, ViolationRecord
from stttt.inspection.services.common import cal, need, next_number, today, transition


@transaction.atomic
def violation_record(
    *,
    agency: Any,
    actor: Any,
    provision_code: str,
    offender_type: str,
    offender_name: str,
    act: str,
    place: str,
    discovered_on: dt.date,
    ended_on: dt.date | None = None,
    recorded_on: dt.date | None = None,
    offender_id_number: str = "",
    offender_address: str = "",
    explanation: bool = False,
    transferred: bool = False,
    number: str = "",
    case: InspectionCase | None = None,
    referral: Referral | None = None,
    licence: Any = None,
) -> ViolationRecord:
    """Record a violation (LHAV Art. 58) by an inspector on duty: the provision from the catalogue (its range
    copied), the limitation checked (Art. 6: refused once it has run out), the time to decide computed
    (Art. 66). A record made from a referral marks the referral as acted on."""
    day = recorded_on or today()
    if not permissions.is_inspector(actor, agency.pk, day):
        raise PermissionDenied(_("Violations are recorded by the Inspectorate's members on duty (LHAV Art. 58)."))
    if provision_code not in catalogue.BY_CODE:
        raise ValidationError({"provision_code": _("Pick the provision violated from the catalogue.")})
    if offender_type not in OffenderType.values:
        raise ValidationError({"offender_type": _("Say whether the offender is an individual or an organisation.")})
    need(offender_name, "offender_name", _("Name the offender."))
    need(act, "act", _("Describe the act."))
    need(place, "place", _("Give the place where the record is made."))
    if day > today():
        raise ValidationError({"recorded_on": _("The date cannot be in the future.")})
    if ended_on is not None and ended_on > discovered_on:
        raise ValidationError({"ended_on": _("A violation cannot end after it was discovered.")})
    provision = catalogue.get(provision_code)
    problem = rules.limitation_problem(provision.sector, ended_on=ended_on, discovered_on=discovered_on, on=day)
    if problem:
        raise ValidationError(problem)
    for linked in (case, referral, licence):
        if linked is not None and linked.agency_id != agency.pk:
            raise ValidationError(_("A linked record belongs to another agency."))
    low, high = rules.fine_range(provision_code, offender_type)
    record = ViolationRecord(
        agency=agency,
        number=canonical(number)
        or next_number(ViolationRecord, agency.pk, day.year, "number", "recorded_on", "BB-VPHC"),
        recorded_on=day,
        recorded_by=actor,
        place=canonical(place),
        offender_type=offender_type,
        offender_name=canonical(offender_name),
        offender_id_number=canonical(offender_id_number),
        offender_address=canonical(offender_address),
        provision_code=provision_code,
        sector=provision.sector,
        citation=provision.citation,
        act=canonical(act),
        min_fine=low,
        max_fine=high,
        ended_on=ended_on,
        discovered_on=discovered_on,
        explanation=explanation,
        transferred=transferred,
        decide_by=rules.decision_deadline(cal(), day, explanation=explanation, transferred=transferred),
        case=case,
        referral=referral,
        licence=licence,
    )
    record.full_clean()
    record.save()
    if referral is not None:
        from stttt.inspection.services.referrals import referral_transition

        referral_transition(referral.pk, "open_record", actor=actor)
    return record


def violation_transition(
    record_id: int,
    action: str,
    *,
    actor: Any,
    on: dt.date | None = None,
    number: str = "",
    fine: int = 0,
    suspension_months: int = 0,
    remedial: str = "",
    received_on: dt.date | None = None,
    amount: int = 0,
    reason: str = "",
    expected_version: int | None = None,
) -> ViolationRecord:
    """Decide (refused with the article when past the time limit, outside the provision's range, beyond the
    decider's competence on the date, or after the limitation), decide no sanction, record payment, enter a
    suspension in the licence register, close."""
    day = on or today()

    def write(record: ViolationRecord, step: Any) -> None:
        if day > today():
            raise ValidationError(_("The date cannot be in the future."))
        if action == "decide":
            _decide(
                record,
                actor=actor,
                day=day,
                number=number,
                fine=fine,
                months=suspension_months,
                remedial=remedial,
                received_on=received_on,
            )
        elif action == "drop":
            need(reason, "reason", _("Give the reason."))
            record.drop_reason = canonical(reason)
        elif action == "pay":
            decision = record.decision
            if amount <= 0:
                raise ValidationError({"amount": _("Give the amount paid.")})
            decision.paid_on = day
            decision.paid_amount = amount
            decision.received_on = decision.received_on or received_on
            decision.save()
        elif action == "close":
            record.decision.closed_on = day
            record.decision.save()

    return transition(
        workflow.VIOLATIONS,
        ViolationRecord,
        record_id,
        action,
        actor=actor,
        write=write,
        applies=workflow.applies,
        expected_version=expected_version,
    )


def _decide(
    record: ViolationRecord,
    *,
    actor: Any,
    day: dt.date,
    number: str,
    fine: int,
    months: int,
    remedial: str,
    received_on: dt.date | None,
) -> SanctionDecision:
    if day < record.recorded_on:
        raise ValidationError(_("The decision cannot come before the record."))
    for problem in (
        rules.decision_late_problem(record.decide_by, day),
        rules.limitation_problem(record.sector, ended_on=record.ended_on, discovered_on=record.discovered_on, on=day),
        rules.fine_problem(record.provision_code, record.offender_type, fine),
        rules.suspension_problem(record.provision_code, months),
        rules.competence_problem(
            permissions.sanction_title(actor, record.agency_id, day),
            record.sector,
            record.offender_type,
            fine,
            suspends_licence=months > 0,
        ),
    ):
        if problem:
            raise ValidationError(problem)
    if months and record.licence_id is None:
        raise ValidationError(_("A suspension needs the licence it applies to on the record."))
    decision = SanctionDecision(
        record=record,
        number=canonical(number)
        or next_number(
            ViolationRecord, record.agency_id, day.year, "decision__number", "decision__decided_on", "QĐ-XPHC"
        ),
        decided_on=day,
        decided_by=actor,
        decider_title=permissions.sanction_title(actor, record.agency_id, day),
        fine=fine,
        suspension_months=months,
        remedial=canonical(remedial),
        received_on=received_on,
        pay_by=rules.payment_deadline(cal(), received_on or day),
    )
    decision.full_clean()
    decision.save()
    return decision
