"""Inspection plans and inspections (Law on Inspection 2022)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.core.text import canonical
from stttt.inspection import catalogue, permissions, rules, workflow
from stttt.inspection.choices import CaseKind, CaseStatus
from stttt.inspection.models import FollowUp, InspectionCase, InspectionPlan, PlanTarget, Referral
from stttt.inspection.services.common import cal, need, next_number, today, transition


@transaction.atomic
def plan_create(*, agency: Any, year: int, title: str, actor: Any) -> InspectionPlan:
    """A draft plan for `year` (one per agency and year), drafted by the Inspectorate."""
    if not permissions.can_act(actor, agency.pk):
        raise PermissionDenied(_("Only the Inspectorate drafts the inspection plan."))
    need(title, "title", _("Give the plan a title."))
    if InspectionPlan.objects.filter(agency=agency, year=year).exists():
        raise ValidationError({"year": _("There is already a plan for that year.")})
    plan = InspectionPlan(agency=agency, year=year, title=canonical(title))
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_target_add(
    plan: InspectionPlan,
    *,
    actor: Any,
    subject_name: str = "",
    content: str,
    sector: str,
    quarter: int,
    licence: Any = None,
    referral: Referral | None = None,
) -> PlanTarget:
    """Add a planned inspection, its target taken from the licence register or a referral when given."""
    if not permissions.can_act(actor, plan.agency_id):
        raise PermissionDenied(_("Only the Inspectorate drafts the inspection plan."))
    if plan.status != "draft":
        raise ValidationError(_("Only a draft plan can be changed."))
    if licence is not None:
        if licence.agency_id != plan.agency_id:
            raise ValidationError(_("The licence belongs to another agency."))
        subject_name = subject_name or licence.holder_name
    if referral is not None:
        if referral.agency_id != plan.agency_id:
            raise ValidationError(_("The referral belongs to another agency."))
        subject_name = subject_name or referral.source_label
    need(subject_name, "subject_name", _("Say whom the inspection is about."))
    need(content, "content", _("Say what is inspected."))
    if sector not in catalogue.SECTORS:
        raise ValidationError({"sector": _("Unknown sector.")})
    if not 1 <= quarter <= 4:
        raise ValidationError({"quarter": _("A quarter is 1 to 4.")})
    target = PlanTarget(
        plan=plan,
        subject_name=canonical(subject_name),
        content=canonical(content),
        sector=sector,
        quarter=quarter,
        licence=licence,
        referral=referral,
    )
    target.full_clean()
    target.save()
    return target


def plan_transition(
    plan_id: int,
    action: str,
    *,
    actor: Any,
    overlap_check: str = "",
    number: str = "",
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> InspectionPlan:
    """Submit, send back, approve (numbered, dated: late approval is recorded, Art. 45(6)), publish."""
    day = on or today()

    def write(plan: InspectionPlan, step: Any) -> None:
        if action == "submit":
            need(overlap_check, "overlap_check", _("Record the check for overlap with other plans (Art. 45(2))."))
            if not plan.targets.exists():
                raise ValidationError(_("The plan has no planned inspection."))
            plan.overlap_check = canonical(overlap_check)
        elif action == "approve":
            need(number, "number", _("Give the number of the approving decision."))
            plan.number = canonical(number)
            plan.approved_on = day
            plan.approved_by = actor
        elif action == "publish":
            plan.published_on = day

    return transition(
        workflow.PLANS, InspectionPlan, plan_id, action, actor=actor, write=write, expected_version=expected_version
    )


def _case_due(case: InspectionCase) -> dt.date | None:
    c = cal()
    if case.status == CaseStatus.DECIDED:
        return rules.announce_deadline(c, case.decided_on)
    if case.status == CaseStatus.ONSITE and case.announced_on:
        return rules.case_end(c, case.announced_on, case.extension_days)
    if case.status == CaseStatus.ONSITE_ENDED and case.onsite_ended_on:
        return rules.report_deadline(c, case.onsite_ended_on)
    if case.status == CaseStatus.REPORTED and case.reported_on:
        return rules.conclusion_deadline(c, case.reported_on)
    return None


@transaction.atomic
def case_decide(
    *,
    agency: Any,
    actor: Any,
    subject_name: str,
    sector: str,
    content: str,
    legal_basis: str,
    head: Any,
    members: list[Any] | None = None,
    decided_on: dt.date | None = None,
    decision_number: str = "",
    subject_address: str = "",
    plan_target: PlanTarget | None = None,
    referral: Referral | None = None,
    licence: Any = None,
) -> InspectionCase:
    """The inspection decision (Law on Inspection 2022 Art. 52): signed by the Chief Inspector, with its legal
    basis, team and head from the Inspectorate. A planned one comes from its plan's target (an approved plan);
    an ad hoc one may come from a referral, which is then marked as acted on."""
    day = decided_on or today()
    if not permissions.is_chief_inspector(actor, agency.pk, day):
        raise PermissionDenied(
            _("The inspection decision is signed by the Chief Inspector (%(basis)s).")
            % {"basis": rules.basis("chief_decides")}
        )
    need(content, "content", _("Say what is inspected."))
    need(legal_basis, "legal_basis", _("Give the legal basis of the inspection."))
    if sector not in catalogue.SECTORS:
        raise ValidationError({"sector": _("Unknown sector.")})
    team = [head, *(members or [])]
    for person in team:
        if not permissions.is_inspector(person, agency.pk, day):
            raise ValidationError({"head": _("The team is made of the Inspectorate's members.")})
    if plan_target is not None:
        plan = InspectionPlan.objects.get(pk=plan_target.plan_id)  # as it is now, not as the caller read it
        if plan.agency_id != agency.pk or plan.status not in ("approved", "published"):
            raise ValidationError(_("A planned inspection needs its plan approved."))
        if InspectionCase.objects.filter(plan_target=plan_target).exists():
            raise ValidationError(_("That planned inspection already has its decision."))
        subject_name = subject_name or plan_target.subject_name
        licence = licence or plan_target.licence
    need(subject_name, "subject_name", _("Say whom the inspection is about."))
    if licence is not None and licence.agency_id != agency.pk:
        raise ValidationError(_("The licence belongs to another agency."))
    number = canonical(decision_number) or next_number(
        InspectionCase, agency.pk, day.year, "decision_number", "decided_on", "QĐ-TTr"
    )
    case = InspectionCase(
        agency=agency,
        kind=CaseKind.SCHEDULED if plan_target else CaseKind.AD_HOC,
        plan_target=plan_target,
        referral=referral,
        licence=licence,
        subject_name=canonical(subject_name),
        subject_address=canonical(subject_address),
        sector=sector,
        content=canonical(content),
        legal_basis=canonical(legal_basis),
        decision_number=number,
        decided_on=day,
        decided_by=actor,
        head=head,
    )
    case.due_on = _case_due(case)
    case.full_clean()
    case.save()
    case.members.set([m for m in team if m.pk != head.pk])
    if referral is not None:
        from stttt.inspection.services.referrals import referral_transition

        if referral.agency_id != agency.pk:
            raise ValidationError(_("The referral belongs to another agency."))
        referral_transition(referral.pk, "open_case", actor=actor)
    return case


def case_transition(
    case_id: int,
    action: str,
    *,
    actor: Any,
    on: dt.date | None = None,
    days: int = 0,
    reason: str = "",
    findings: str = "",
    number: str = "",
    conclusion: str = "",
    expected_version: int | None = None,
) -> InspectionCase:
    """Announce, extend (within the maximum, Art. 48), end on-site work, report, conclude (a stage done after
    its deadline is recorded as it happened; the deadline shows as missed), close, cancel."""
    day = on or today()

    def write(case: InspectionCase, step: Any) -> None:
        if day > today():
            raise ValidationError(_("The date cannot be in the future."))
        if action == "announce":
            if day < case.decided_on:
                raise ValidationError(_("The announcement cannot come before the decision."))
            case.announced_on = day
        elif action == "extend":
            problem = rules.extension_problem(case.extension_days, days)
            if problem:
                raise ValidationError(problem)
            need(reason, "reason", _("Give the reason for the extension."))
            case.extension_days += days
            case.extension_reason = canonical(reason)
        elif action == "end_onsite":
            if case.announced_on and day < case.announced_on:
                raise ValidationError(_("On-site work cannot end before the announcement."))
            case.onsite_ended_on = day
        elif action == "report":
            need(findings, "findings", _("Write the findings of the report."))
            case.reported_on = day
            case.findings = canonical(findings)
        elif action == "conclude":
            need(conclusion, "conclusion", _("Write the conclusion."))
            case.concluded_on = day
            case.conclusion_number = canonical(number) or next_number(
                InspectionCase, case.agency_id, day.year, "conclusion_number", "concluded_on", "KL-TTr"
            )
            case.conclusion = canonical(conclusion)
            case.published_on = day
        elif action == "close":
            if case.follow_ups.filter(done_on__isnull=True).exists():
                raise ValidationError(_("Some requests of the conclusion are not done yet."))
            case.closed_on = day
        elif action == "cancel":
            need(reason, "reason", _("Give the reason."))
            case.extension_reason = canonical(reason)
        # `apply` sets the new state after `write`: the next deadline is that of the state the step leads to.
        previous, case.status = case.status, step.target or case.status
        case.due_on = _case_due(case)
        case.status = previous

    return transition(
        workflow.CASES, InspectionCase, case_id, action, actor=actor, write=write, expected_version=expected_version
    )


@transaction.atomic
def follow_up_add(case: InspectionCase, *, actor: Any, request: str, due_on: dt.date) -> FollowUp:
    """A request of the conclusion to follow (Law on Inspection 2022 Art. 80)."""
    if not permissions.can_act(actor, case.agency_id):
        raise PermissionDenied(_("Only the Inspectorate follows up conclusions."))
    if case.status != CaseStatus.CONCLUDED:
        raise ValidationError(_("Requests are followed once the conclusion is signed."))
    need(request, "request", _("Say what was requested."))
    item = FollowUp(case=case, request=canonical(request), due_on=due_on)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def follow_up_done(item: FollowUp, *, actor: Any, note: str, on: dt.date | None = None) -> FollowUp:
    if not permissions.can_act(actor, item.case.agency_id):
        raise PermissionDenied(_("Only the Inspectorate follows up conclusions."))
    need(note, "note", _("Say what was done."))
    item.done_on = on or today()
    item.note = canonical(note)
    item.save()
    return item
