"""The supervision app's routes for the shared access tests (`stttt/testing/declarations.py`).

Pages are the agency's staff's: outsiders are sent to their own home, anonymous visitors to the login page.
A record of another agency answers 404. Writes: a step on a record redirects back to it (a refusal is shown
there as a message: the step's roles decide, `workflow.py`); the forms answer 200 with their errors when
posted empty; the pages whose form records something refuse (403) those outside the sector's unit.
"""

from __future__ import annotations

from typing import Any

PAGE = {"staff": "ok", "outsiders": "redirect", "anonymous": "login"}
RECORD = {"staff": {"own": "ok", "other": "404"}, "outsiders": "redirect", "anonymous": "login"}
STEP = {
    "staff": {"GET": {"own": "redirect", "other": "404"}, "write": {"own": "redirect", "other": "404"}},
    "outsiders": "redirect",
    "anonymous": "login",
}
API_LIST = {"staff": "ok", "outsiders": "403", "anonymous": "login"}
API_RECORD = {"staff": {"own": "ok", "other": "404"}, "outsiders": "403", "anonymous": "login"}
# Pages whose form records something: the information area's unit (the Press and Publishing division in the
# demo) and the leadership may post; other staff are refused.
INFO_FORM = {
    **{role: "ok" for role in ("director", "deputy", "head", "officer")},
    **{role: {"GET": "ok", "write": "403"} for role in ("desk", "ict")},
    "outsiders": "redirect",
    "anonymous": "login",
}
# An organisation's page records the licences it holds: its sector's unit (telecom: Posts, Telecommunications
# and IT) and the leadership; the head and officer asked are of the Press and Publishing division.
OPERATOR_RECORD = {
    **{role: {"own": "ok", "other": "404"} for role in ("director", "deputy")},
    **{
        role: {"GET": {"own": "ok", "other": "404"}, "write": {"own": "403", "other": "404"}}
        for role in ("head", "officer", "desk", "ict")
    },
    "outsiders": "redirect",
    "anonymous": "login",
}
API_STEP = {
    "staff": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
    "outsiders": "403",
    "anonymous": "login",
}


def _first(model: Any, **filters: Any) -> Any:
    return model.objects.filter(**filters).order_by("pk").first()


def _operator(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import Operator

    return {"pk": _first(Operator, agency=a, sector="telecom").pk}


def _report(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import OperatorReport

    return {"pk": _first(OperatorReport, operator__agency=a).pk}


def _site(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import Site

    return {"pk": _first(Site, agency=a).pk}


def _case(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import Case

    return {"pk": _first(Case, agency=a).pk}


def _plan(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import EmergencyPlan

    return {"pk": _first(EmergencyPlan, agency=a).pk}


def _incident(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import Incident

    return {"pk": _first(Incident, agency=a).pk}


def _station(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import RadioStation

    return {"pk": _first(RadioStation, agency=a).pk}


def _broadcast(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import BroadcastRequest

    return {"pk": _first(BroadcastRequest, agency=a).pk}


def _external(a: Any) -> dict[str, Any]:
    from stttt.supervision.models import ExternalPlan

    return {"pk": _first(ExternalPlan, agency=a).pk}


def _with(sample: Any, action: str) -> Any:
    return lambda a: {**sample(a), "action": action}


RECORDS = {
    "supervision:operator": _operator,
    "supervision:report": _report,
    "supervision:report_act": _with(_report, "remind"),
    "supervision:site": _site,
    "supervision:case": _case,
    "supervision:case_act": _with(_case, "note"),
    "supervision:plan": _plan,
    "supervision:incident": _incident,
    "supervision:incident_act": _with(_incident, "update"),
    "supervision:broadcast": _broadcast,
    "supervision:broadcast_act": _with(_broadcast, "confirm"),
    "supervision:external_plan": _external,
    "supervision:external_act": _with(_external, "appraise"),
    "supervision-operator-detail": _operator,
    "supervision-report-detail": _report,
    "supervision-report-act": _report,
    "supervision-site-detail": _site,
    "supervision-case-detail": _case,
    "supervision-case-act": _case,
    "supervision-incident-detail": _incident,
    "supervision-incident-act": _incident,
    "supervision-station-detail": _station,
    "supervision-broadcast-detail": _broadcast,
    "supervision-broadcast-act": _broadcast,
    "supervision-external-plan-detail": _external,
    "supervision-external-plan-act": _external,
}

EXPECTED: dict[str, dict[str, Any]] = {
    "supervision:index": PAGE,
    "supervision:operators": PAGE,
    "supervision:operator_create": PAGE,
    "supervision:operator": OPERATOR_RECORD,
    "supervision:reports": PAGE,
    "supervision:reports_schedule": {"staff": "redirect", "outsiders": "redirect", "anonymous": "login"},
    "supervision:totals": PAGE,
    "supervision:report": RECORD,
    "supervision:report_act": STEP,
    "supervision:sites": PAGE,
    "supervision:site_create": PAGE,
    "supervision:site": RECORD,
    "supervision:map": PAGE,
    "supervision:network": PAGE,
    "supervision:postal": PAGE,
    "supervision:cases": PAGE,
    "supervision:case_create": PAGE,
    "supervision:case": RECORD,
    "supervision:case_act": STEP,
    "supervision:emergency": PAGE,
    "supervision:plan": RECORD,
    "supervision:incident_create": PAGE,
    "supervision:incident": RECORD,
    "supervision:incident_act": STEP,
    "supervision:grassroots": INFO_FORM,
    "supervision:broadcast_create": PAGE,
    "supervision:broadcast": RECORD,
    "supervision:broadcast_act": STEP,
    "supervision:external": INFO_FORM,
    "supervision:external_plan": RECORD,
    "supervision:external_act": STEP,
    "supervision-operator-list": API_LIST,
    "supervision-operator-detail": API_RECORD,
    "supervision-report-list": API_LIST,
    "supervision-report-detail": API_RECORD,
    "supervision-report-act": API_STEP,
    "supervision-site-list": API_LIST,
    "supervision-site-detail": API_RECORD,
    "supervision-case-list": {"staff": {"GET": "ok", "write": "invalid"}, "outsiders": "403", "anonymous": "login"},
    "supervision-case-detail": API_RECORD,
    "supervision-case-act": API_STEP,
    "supervision-incident-list": API_LIST,
    "supervision-incident-detail": API_RECORD,
    "supervision-incident-act": API_STEP,
    "supervision-station-list": API_LIST,
    "supervision-station-detail": API_RECORD,
    "supervision-broadcast-list": API_LIST,
    "supervision-broadcast-detail": API_RECORD,
    "supervision-broadcast-act": API_STEP,
    "supervision-external-plan-list": API_LIST,
    "supervision-external-plan-detail": API_RECORD,
    "supervision-external-plan-act": API_STEP,
}


def MARKERS(agency: Any) -> set[str]:
    """Texts only the agency's supervision records carry: site codes, organisation names, case subjects."""
    from stttt.supervision.models import BroadcastRequest, Case, Operator, Site

    found = set(Site.objects.filter(agency=agency).values_list("code", flat=True))
    found |= set(Operator.objects.filter(agency=agency).values_list("name", flat=True))
    found |= set(Case.objects.filter(agency=agency).values_list("title", flat=True))
    found |= set(BroadcastRequest.objects.filter(agency=agency).values_list("title", flat=True))
    return found
