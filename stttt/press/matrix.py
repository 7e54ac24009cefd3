"""The press app's routes for the permission and agency matrices (see `stttt/testing/declarations.py`).

The press and publishing division (head, officer) works here; the Director and Deputy Directors see everything
and take the leadership's steps but do not take in deposits; other staff get 403; outsiders are sent to their
own home (pages) or refused (API); a record of the other agency answers 404."""

from __future__ import annotations

from typing import Any

from stttt.press.models import DepositItem, Outlet, PressConference, RepresentativeOffice

DIVISION = ("head", "officer")


def _division(value: Any) -> dict[str, Any]:
    return {role: value for role in DIVISION}


def _pk(model: Any) -> Any:
    return lambda a: {"pk": model.objects.filter(agency=a).order_by("pk").first().pk}


RECORDS = {
    "press:item": _pk(DepositItem),
    "press:item_action": _pk(DepositItem),
    "press:outlet": _pk(Outlet),
    "press:office": _pk(RepresentativeOffice),
    "press:conference": _pk(PressConference),
    "press-item-detail": _pk(DepositItem),
    "press-item-assign": _pk(DepositItem),
    "press-item-reading": _pk(DepositItem),
    "press-item-review": _pk(DepositItem),
    "press-outlet-detail": _pk(Outlet),
    "press-office-detail": _pk(RepresentativeOffice),
    "press-conference-detail": _pk(PressConference),
}

ONCE = {
    "press:picture_file": lambda _home: {"fmt": "docx"},
    "press:register_file": lambda _home: {"fmt": "xlsx"},
}

NOT_RECORDS = {
    "press:picture_file": "the press picture of the user's own agency (checked with the lists)",
    "press:register_file": "the deposit book of the user's own agency (checked with the lists)",
}


def MARKERS(agency: Any) -> set[str]:
    """Texts only this agency's press records carry: its outlets' and offices' names."""
    return set(Outlet.objects.filter(agency=agency).values_list("name", flat=True)) | set(
        RepresentativeOffice.objects.filter(agency=agency).values_list("press_agency", flat=True)
    )


PAGE = {"staff": "403", "leaders": "ok", **_division("ok"), "outsiders": "redirect", "anonymous": "login"}
RECORD_PAGE = {
    "staff": "403",
    "leaders": {"own": "ok", "other": "404"},
    **_division({"own": "ok", "other": "404"}),
    "outsiders": "redirect",
    "anonymous": "login",
}
API = {"staff": "403", "leaders": "ok", **_division("ok"), "outsiders": "403", "anonymous": "login"}
API_RECORD = {
    "staff": "403",
    "leaders": {"own": "ok", "other": "404"},
    **_division({"own": "ok", "other": "404"}),
    "outsiders": "403",
    "anonymous": "login",
}

EXPECTED: dict[str, dict[str, Any]] = {
    "press:index": PAGE,
    "press:items": PAGE,
    "press:readings": PAGE,
    "press:outlets": PAGE,
    "press:offices": PAGE,
    "press:conferences": PAGE,
    "press:picture": PAGE,
    "press:picture_file": PAGE,
    "press:register": PAGE,
    "press:register_file": PAGE,
    "press:item": RECORD_PAGE,
    "press:outlet": {
        **RECORD_PAGE,
        "leaders": {"own": {"GET": "ok", "write": "403"}, "other": "404"},
    },
    "press:office": {
        **RECORD_PAGE,
        "leaders": {"own": {"GET": "ok", "write": "redirect"}, "other": "404"},
        **_division({"own": {"GET": "ok", "write": "redirect"}, "other": "404"}),
    },
    "press:conference": {
        **RECORD_PAGE,
        "leaders": {"own": {"GET": "ok", "write": "redirect"}, "other": "404"},
        **_division({"own": {"GET": "ok", "write": "redirect"}, "other": "404"}),
    },
    "press:remind": {
        "staff": {"GET": "405", "write": "403"},
        **_division({"GET": "405", "write": "redirect"}),
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "press:intake": {**PAGE, "leaders": "403"},
    "press:outlet_new": {**PAGE, "leaders": "403"},
    "press:office_new": {**PAGE, "leaders": "403"},
    "press:conference_new": {**PAGE, "leaders": "403"},
    "press:item_action": {
        "staff": {"GET": "405", "write": "403"},
        "leaders": {"GET": "405", "write": {"own": "redirect", "other": "404"}},
        **_division({"GET": "405", "write": {"own": "redirect", "other": "404"}}),
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "press-outlet-list": {
        **API,
        **_division({"GET": "ok", "write": "invalid"}),
        "leaders": {"GET": "ok", "write": "invalid"},
    },
    "press-item-list": {
        **API,
        **_division({"GET": "ok", "write": "invalid"}),
        "leaders": {"GET": "ok", "write": "invalid"},
    },
    "press-conference-list": {
        **API,
        **_division({"GET": "ok", "write": "invalid"}),
        "leaders": {"GET": "ok", "write": "invalid"},
    },
    "press-office-list": API,
    "press-due-list": API,
    "press-picture-list": API,
    "press-outlet-detail": API_RECORD,
    "press-office-detail": API_RECORD,
    "press-conference-detail": API_RECORD,
    "press-item-detail": API_RECORD,
    "press-item-assign": {
        **API_RECORD,
        "leaders": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
        **_division({"GET": "405", "write": {"own": "invalid", "other": "404"}}),
    },
    "press-item-reading": {
        **API_RECORD,
        "leaders": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
        **_division({"GET": "405", "write": {"own": "invalid", "other": "404"}}),
    },
    "press-item-review": {
        **API_RECORD,
        "leaders": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
        **_division({"GET": "405", "write": {"own": "invalid", "other": "404"}}),
    },
}
