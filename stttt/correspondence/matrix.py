"""The correspondence routes for the shared access tests (`stttt/testing/declarations.py`).

The record asked as "own" is the demo's letter of the PPC (routed to the Press division, answered), its
reply, the drafting dossier and the TL. delegation to the Office; a record of the other agency answers
404. Staff of the agency open the lists (each list shows only what the user may see); incoming documents
open only to the leaders, the Office and the units they were routed to; steps are refused (403/400) to
whoever the tables do not name. Outsiders are sent home from the staff pages and get empty lists or 404
from the API. The delegations of signature are read by the leaders and the Office and written by the
Director alone; the other staff get 403 on the list and 404 on a delegation (they see none).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

LETTER = "1520/UBND-KGVX"


def _letter(agency: Any) -> Any:
    from stttt.correspondence.models import Incoming

    return Incoming.objects.filter(agency=agency, number_symbol=LETTER).order_by("pk").first()


def _reply(agency: Any) -> Any:
    from stttt.correspondence.models import Outgoing

    return Outgoing.objects.filter(agency=agency, reply_to__number_symbol=LETTER).order_by("pk").first()


def _dossier(agency: Any) -> Any:
    from stttt.correspondence.models import Dossier

    return Dossier.objects.filter(agency=agency).order_by("pk").first()


def _delegation(agency: Any) -> Any:
    from stttt.correspondence.models import Delegation

    return Delegation.objects.filter(agency=agency).order_by("pk").first()


def _pk(find: Any, **extra: Any) -> Any:
    return lambda agency: {"pk": find(agency).pk, **extra}


RECORDS = {
    "correspondence:incoming": _pk(_letter),
    "correspondence:incoming_act": _pk(_letter, action="route"),
    "correspondence:outgoing": _pk(_reply),
    "correspondence:outgoing_edit": _pk(_reply),
    "correspondence:outgoing_file": _pk(_reply, fmt="pdf"),
    "correspondence:outgoing_act": _pk(_reply, action="comment"),
    "correspondence:dossier": _pk(_dossier),
    "correspondence:dossier_act": _pk(_dossier, action="comment"),
    **{
        f"correspondence-incoming-{verb}": _pk(_letter) for verb in ("detail", "propose", "route", "assign", "complete")
    },
    **{
        f"correspondence-outgoing-{verb}": _pk(_reply)
        for verb in ("detail", "revise", "submit", "review", "return", "sign", "issue", "comment")
    },
    **{f"correspondence-dossier-{verb}": _pk(_dossier) for verb in ("detail", "step")},
    "correspondence:delegation_end": _pk(_delegation),
    **{f"correspondence-delegation-{verb}": _pk(_delegation) for verb in ("detail", "end")},
}

ONCE = {
    "correspondence:incoming_book": lambda _home: {"year": timezone.localdate().year, "fmt": "xlsx"},
    "correspondence:outgoing_book": lambda _home: {"year": timezone.localdate().year, "fmt": "xlsx"},
}

NOT_RECORDS = {
    "correspondence:incoming_book": "the incoming register of the user's own agency (year and format, not a record)",
    "correspondence:outgoing_book": "the outgoing register of the user's own agency (year and format, not a record)",
    "correspondence:incoming_file": "the demo's documents carry no files; a file is served only through its "
    "document, which the view looks up as the document route does (asked above)",
}

NOT_ASKED = {
    "correspondence:incoming_file": "the demo's documents carry no files; stttt/correspondence/tests ask for them",
}

PAGE = {"staff": {"GET": "ok", "write": "405"}, "outsiders": "redirect", "anonymous": "login"}
FORM = {"staff": "ok", "outsiders": "redirect", "anonymous": "login"}  # a POST of nothing re-shows the form
CLERK_FORM = {"desk": "ok", "staff": "403", "outsiders": "redirect", "anonymous": "login"}
DESK_OR_LEADERS = {
    "leaders": {"GET": "ok", "write": "405"},
    "desk": {"GET": "ok", "write": "405"},
    "staff": {"GET": "403", "write": "405"},
    "outsiders": "redirect",
    "anonymous": "login",
}
OWN_OTHER_404 = {"own": "ok", "other": "404"}
# The PPC's letter: routed to the Press division (the head's and the officer's), not to the ICT Centre.
LETTER_PAGE = {
    "ict": {"GET": {"own": "404", "other": "404"}, "write": "405"},
    "staff": {"GET": OWN_OTHER_404, "write": "405"},
    "outsiders": "redirect",
    "anonymous": "login",
}
LETTER_STEP = {
    "ict": {"GET": "405", "write": "404"},
    "staff": {"GET": "405", "write": {"own": "redirect", "other": "404"}},
    "outsiders": "redirect",
    "anonymous": "login",
}
# An issued, non-confidential reply and the dossier: every member of staff of the agency reads them.
RECORD_PAGE = {"staff": {"GET": OWN_OTHER_404, "write": "405"}, "outsiders": "redirect", "anonymous": "login"}
RECORD_STEP = {
    "staff": {"GET": "405", "write": {"own": "redirect", "other": "404"}},
    "outsiders": "redirect",
    "anonymous": "login",
}
API_LIST = {"staff": "invalid", "outsiders": "invalid", "anonymous": "login"}
API_LIST_GET = {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"}
API_LETTER = {
    "ict": "404",
    "staff": {"own": {"GET": "ok", "write": "invalid"}, "other": "404"},
    "outsiders": "404",
    "anonymous": "login",
}
API_LETTER_STEP = {
    "ict": {"GET": "405", "write": "404"},
    "staff": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
    "outsiders": {"GET": "405", "write": "404"},
    "anonymous": "login",
}
API_STEP = {
    "staff": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
    "outsiders": {"GET": "405", "write": "404"},
    "anonymous": "login",
}
API_RECORD = {
    "staff": {"own": {"GET": "ok", "write": "invalid"}, "other": "404"},
    "outsiders": "404",
    "anonymous": "login",
}


class WhileActingDirector:
    """An answer that depends on the day asked: the demo's first Deputy Director (role "deputy",
    `phogiamdoc1`) acts as Director for one week of the demo organisation (org data, `acting`); on those days
    he writes what only the Director writes, on the others he is refused. Read from `org` powers when the
    matrix asks (`str`)."""

    def __init__(self, acting: str, otherwise: str) -> None:
        self.acting, self.otherwise = acting, otherwise

    def __str__(self) -> str:
        from stttt.accounts.models import User
        from stttt.org.powers import powers_of

        deputy = User.objects.filter(username="phogiamdoc1").first()
        return self.acting if deputy is not None and powers_of(deputy).is_director else self.otherwise

    def __repr__(self) -> str:
        return f"{self.acting} while acting as Director, else {self.otherwise}"


# Delegations of signature: the leaders and the Office read them, the Director alone writes (an empty form
# is shown again: "ok" on the page, "invalid" from the API, a message and back to the list on the end step).
DELEGATIONS_PAGE = {
    "director": "ok",
    "deputy": {"GET": "ok", "write": WhileActingDirector("ok", "403")},
    "desk": {"GET": "ok", "write": "403"},
    "staff": "403",
    "outsiders": "redirect",
    "anonymous": "login",
}
DELEGATION_END_PAGE = {
    "director": {"GET": "405", "write": {"own": "redirect", "other": "404"}},
    "deputy": {"GET": "405", "write": {"own": WhileActingDirector("redirect", "403"), "other": "404"}},
    "desk": {"GET": "405", "write": {"own": "403", "other": "404"}},
    "staff": {"GET": "405", "write": "404"},
    "outsiders": "redirect",
    "anonymous": "login",
}
API_DELEGATIONS = {
    "director": {"GET": "ok", "write": "invalid"},
    "deputy": {"GET": "ok", "write": WhileActingDirector("invalid", "403")},
    "desk": {"GET": "ok", "write": "403"},
    "staff": "403",
    "outsiders": "403",
    "anonymous": "login",
}
API_DELEGATION = {
    "leaders": OWN_OTHER_404,
    "desk": OWN_OTHER_404,
    "staff": "404",
    "outsiders": "404",
    "anonymous": "login",
}
API_DELEGATION_END = {
    "director": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
    "deputy": {"GET": "405", "write": {"own": WhileActingDirector("invalid", "403"), "other": "404"}},
    "desk": {"GET": "405", "write": {"own": "403", "other": "404"}},
    "staff": {"GET": "405", "write": "404"},
    "outsiders": {"GET": "405", "write": "404"},
    "anonymous": "login",
}

EXPECTED: dict[str, dict[str, Any]] = {
    "correspondence:index": PAGE,
    "correspondence:outgoing_list": PAGE,
    "correspondence:dossiers": PAGE,
    "correspondence:figures": DESK_OR_LEADERS,
    "correspondence:incoming_book": DESK_OR_LEADERS,
    "correspondence:outgoing_book": DESK_OR_LEADERS,
    "correspondence:incoming_new": CLERK_FORM,
    "correspondence:incoming_import": CLERK_FORM,
    "correspondence:outgoing_new": FORM,
    "correspondence:dossier_new": {
        "leaders": "ok",
        "desk": "ok",
        "staff": "403",
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "correspondence:incoming": LETTER_PAGE,
    "correspondence:incoming_act": LETTER_STEP,
    "correspondence:outgoing": RECORD_PAGE,
    "correspondence:outgoing_file": RECORD_PAGE,
    "correspondence:outgoing_edit": {
        "staff": {"own": "403", "other": "404"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "correspondence:outgoing_act": RECORD_STEP,
    "correspondence:dossier": RECORD_PAGE,
    "correspondence:dossier_act": RECORD_STEP,
    "correspondence-incoming-list": API_LIST_GET,
    "correspondence-outgoing-list": API_LIST_GET,
    "correspondence-dossier-list": API_LIST_GET,
    "correspondence-figures-list": {
        "leaders": "ok",
        "desk": "ok",
        "staff": "403",
        "outsiders": "403",
        "anonymous": "login",
    },
    "correspondence-incoming-detail": API_LETTER,
    **{f"correspondence-incoming-{verb}": API_LETTER_STEP for verb in ("propose", "route", "assign", "complete")},
    "correspondence-outgoing-detail": API_RECORD,
    **{
        f"correspondence-outgoing-{verb}": API_STEP
        for verb in ("revise", "submit", "review", "return", "sign", "issue", "comment")
    },
    "correspondence-dossier-detail": API_RECORD,
    "correspondence-dossier-step": API_STEP,
    "correspondence:delegations": DELEGATIONS_PAGE,
    "correspondence:delegation_end": DELEGATION_END_PAGE,
    "correspondence-delegation-list": API_DELEGATIONS,
    "correspondence-delegation-detail": API_DELEGATION,
    "correspondence-delegation-end": API_DELEGATION_END,
}


def MARKERS(agency: Any) -> set[str]:
    """Texts only this agency's correspondence carries: the demo's summaries name the agency's province."""
    from stttt.correspondence.models import Dossier, Incoming, Outgoing

    found = set(Incoming.objects.filter(agency=agency).values_list("summary", flat=True))
    found |= set(Outgoing.objects.filter(agency=agency).values_list("summary", flat=True))
    found |= set(Dossier.objects.filter(agency=agency).values_list("title", flat=True))
    return {text for text in found if agency.province and agency.province in text}
