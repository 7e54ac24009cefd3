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


def _letter_file(a: Any) -> dict[str, Any]:
    """A letter with a notice of acceptance (its state allows the document), else the agency's first letter
    (asked from another agency: 404 whatever its state)."""
    letters = Letter.objects.filter(agency=a)
    found = letters.filter(accepted_on__isnull=False, kind__in=("complaint", "denunciation")).order_by("pk").first()
    return {"pk": (found or _first(letters)).pk, "doc": "thong-bao-thu-ly", "fmt": "docx"}


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
    "inspection:letter_file": _letter_file,
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
    """Texts only this agency's inspection records carry: its offenders' and inspected bodies' names."""
    return set(ViolationRecord.objects.filter(agency=agency).values_list("offender_name", flat=True)) | set(
        InspectionCase.objects.filter(agency=agency).values_list("subject_name", flat=True)
    )


OUT = {"outsiders": "redirect", "anonymous": "login"}  # pages: anonymous visitors are sent to log in
API_OUT = {"outsiders": "403", "anonymous": "login"}
PAGE = {"staff": "ok", **OUT}
# Pages with a form: read by every staff member; posting is the Inspectorate's (no matrix role belongs to it).
FORM_PAGE = {"staff": {"GET": "ok", "write": "403"}, **OUT}
FORM_RECORD = {"staff": {"own": {"GET": "ok", "write": "403"}, "other": "404"}, **OUT}
RECORD = {"staff": {"own": "ok", "other": "404"}, **OUT}
# A step posted: refused by the service (the page says why and goes back to the record); GET is not a step.
STEP = {"staff": {"own": {"GET": "403", "write": "redirect"}, "other": "404"}, **OUT}
BOARD = ("director", "deputy")


def _each(roles: tuple[str, ...], value: Any) -> dict[str, Any]:
    return {role: value for role in roles}


NOT_BOARD = ("head", "officer", "desk", "ict")
LETTER_PAGE = {**_each(BOARD, "ok"), **_each(NOT_BOARD, "403"), **OUT}
LETTER_RECORD = {**_each(BOARD, {"own": "ok", "other": "404"}), **_each(NOT_BOARD, "403"), **OUT}
LETTER_STEP = {
    **_each(BOARD, {"own": {"GET": "403", "write": "redirect"}, "other": "404"}),
    **_each(NOT_BOARD, "403"),
    **OUT,
}
API = {"staff": "ok", **API_OUT}
API_RECORD = {"staff": {"own": "ok", "other": "404"}, **API_OUT}
# POST only: GET answers 405 to those the permission lets in; an empty body is refused for its content.
ACT = {"own": {"GET": "405", "write": "invalid"}, "other": {"GET": "405", "write": "404"}}
API_STEP = {"staff": ACT, **API_OUT}

EXPECTED: dict[str, dict[str, Any]] = {
    "inspection:index": PAGE,
    "inspection:referrals": PAGE,
    "inspection:referral": RECORD,
    "inspection:referral_action": STEP,
    "inspection:plans": FORM_PAGE,
    "inspection:plan": FORM_RECORD,
    "inspection:plan_action": STEP,
    "inspection:cases": PAGE,
    "inspection:case_create": {"staff": "403", **OUT},
    "inspection:case": FORM_RECORD,
    "inspection:case_action": STEP,
    "inspection:case_file": RECORD,
    "inspection:follow_up_done": STEP,
    "inspection:violations": PAGE,
    "inspection:violation_create": {"staff": "403", **OUT},
    "inspection:violation": RECORD,
    "inspection:violation_action": STEP,
    "inspection:violation_file": RECORD,
    "inspection:letters": LETTER_PAGE,
    "inspection:letter_create": {"staff": "403", **OUT},
    "inspection:letter": LETTER_RECORD,
    # The Board reads letters but is not allowed the denouncer: refused (and the attempt logged).
    "inspection:letter_identity": {
        **_each(BOARD, {"own": "403", "other": "404"}),
        **_each(NOT_BOARD, "403"),
        **OUT,
    },
    "inspection:letter_action": LETTER_STEP,
    # The letter's documents: read like the letter (only those its state allows; no denouncer's identity).
    "inspection:letter_file": LETTER_RECORD,
    "inspection:reception": {
        "director": "ok",
        "deputy": "ok",
        **_each(NOT_BOARD, {"GET": "ok", "write": "403"}),
        **OUT,
    },
    "inspection:catalogue": PAGE,
    "inspection-referral-list": API,
    "inspection-referral-detail": API_RECORD,
    "inspection-referral-act": API_STEP,
    "inspection-plan-list": API,
    "inspection-plan-detail": API_RECORD,
    "inspection-plan-act": API_STEP,
    "inspection-case-list": API,
    "inspection-case-detail": API_RECORD,
    "inspection-case-act": API_STEP,
    "inspection-violation-list": {"staff": {"GET": "ok", "write": "403"}, **API_OUT},
    "inspection-violation-detail": API_RECORD,
    "inspection-violation-act": API_STEP,
    "inspection-letter-list": {
        **_each(BOARD, {"GET": "ok", "write": "403"}),
        **_each(NOT_BOARD, "403"),
        **API_OUT,
    },
    "inspection-letter-detail": {
        **_each(BOARD, {"own": "ok", "other": "404"}),
        **_each(NOT_BOARD, "403"),
        **API_OUT,
    },
    "inspection-letter-act": {
        **_each(BOARD, ACT),
        **_each(NOT_BOARD, "403"),
        **API_OUT,
    },
}
