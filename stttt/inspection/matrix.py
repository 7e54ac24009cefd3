"""The inspection app's routes for the permission and agency matrices (see `stttt/testing/declarations.py`).

No matrix role belongs to the Inspectorate, so the roles see it from outside: every staff member of the
agency reads the dashboard, referrals, plans, inspections, violation records, their documents, the
catalogue and the reception days; complaints, denunciations and petitions are read by the Board (Director,
Deputy Directors) only; the steps are taken by the Inspectorate (the Director approves the plan and enters a
licence suspension); outsiders are sent to their own home (pages) or refused (API); a record of the other
agency answers 404."""

from __future__ import annotations

from typing import Any

from stttt.inspection.models import InspectionCase, InspectionPlan, Letter, Referral, ViolationRecord


def _first(queryset: Any) -> Any:
    found = queryset.order_by("pk").first()
    assert found is not None, f"the demo has no {queryset.model.__name__} in this agency"
    return found


def _pk(model: Any, **extra: Any) -> Any:
    return lambda a: {"pk": _first(model.objects.filter(agency=a)).pk, **extra}


def _follow_up(a: Any) -> dict[str, Any]:
    case = _first(InspectionCase.objects.filter(agency=a, follow_ups__isnull=False))
    return {"pk": case.pk, "item": _first(case.follow_ups.all()).pk}


def _denunciation(a: Any) -> dict[str, Any]:
    found = Letter.objects.filter(agency=a, kind="denunciation").first() or _first(Letter.objects.filter(agency=a))
    return {"pk": found.pk}


RECORDS = {
    "inspection:referral": _pk(Referral),
    "inspection:referral_action": _pk(Referral, action="dismiss"),
    "inspection:plan": _pk(InspectionPlan),
    "inspection:plan_action": _pk(InspectionPlan, action="publish"),
    "inspection:case": _pk(InspectionCase),
    "inspection:case_action": _pk(InspectionCase, action="close"),
    "inspection:case_file": _pk(InspectionCase, doc="quyet-dinh", fmt="docx"),
    "inspection:follow_up_done": _follow_up,
    "inspection:violation": _pk(ViolationRecord),
    "inspection:violation_action": _pk(ViolationRecord, action="close"),
    "inspection:violation_file": _pk(ViolationRecord, doc="bien-ban", fmt="docx"),
    "inspection:letter": _pk(Letter),
    "inspection:letter_identity": _denunciation,
    "inspection:letter_action": _pk(Letter, action="resolve"),
    "inspection-referral-detail": _pk(Referral),
    "inspection-referral-act": _pk(Referral),
    "inspection-plan-detail": _pk(InspectionPlan),
    "inspection-plan-act": _pk(InspectionPlan),
    "inspection-case-detail": _pk(InspectionCase),
    "inspection-case-act": _pk(InspectionCase),
    "inspection-violation-detail": _pk(ViolationRecord),
    "inspection-violation-act": _pk(ViolationRecord),
    "inspection-letter-detail": _pk(Letter),
    "inspection-letter-act": _pk(Letter),
}


def MARKERS(agency: Any) -> set[str]:
    """Texts only this agency's inspection records carry: its violation records' numbers with the offender."""
    return {f"{v.number} — {v.offender_name}" for v in ViolationRecord.objects.filter(agency=agency)}


STAFF_PAGE = {"staff": "ok", "outsiders": "redirect", "anonymous": "login"}
STAFF_RECORD = {"staff": {"own": "ok", "other": "404"}, "outsiders": "redirect", "anonymous": "login"}
STAFF_API = {"staff": "ok", "outsiders": "403", "anonymous": "login"}
STAFF_API_RECORD = {"staff": {"own": "ok", "other": "404"}, "outsiders": "403", "anonymous": "login"}

EXPECTED: dict[str, dict[str, Any]] = {}
