"""The correspondence routes for the shared access tests (`stttt/testing/declarations.py`).

The record asked as "own" is the demo's letter of the PPC (routed to the Press division, answered), its
reply, and the drafting dossier; a record of the other agency answers 404. Staff of the agency open the
lists (each list shows only what the user may see); incoming documents open only to the leaders, the
Office and the units they were routed to; steps are refused (403/400) to whoever the tables do not name.
Outsiders are sent home from the staff pages and get empty lists or 404 from the API.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    **{f"correspondence-incoming-{verb}": _pk(_letter) for verb in ("detail", "propose", "route", "assign", "complete")},
    **{
        f"correspondence-outgoing-{verb}": _pk(_reply)
        for verb in ("detail", "revise", "submit", "review", "return", "sign", "issue", "comment")
    },
    **{f"correspondence-dossier-{verb}": _pk(_dossier) for verb in ("detail", "step")},
}

ONCE = {
    "correspondence:incoming_book": lambda: {"year": dt.date.today().year, "fmt": "xlsx"},
    "correspondence:outgoing_book": lambda: {"year": dt.date.today().year, "fmt": "xlsx"},
}

NOT_ASKED = {
    "correspondence:incoming_file": "the demo's documents carry no files; stttt/correspondence/tests ask for them",
}

EXPECTED: dict[str, dict[str, Any]] = {}


def MARKERS(agency: Any) -> set[str]:  # noqa: N802 - the name the declarations read
    """Texts only this agency's correspondence carries: the demo's summaries name the agency's province."""
    from stttt.correspondence.models import Dossier, Incoming, Outgoing

    found = set(Incoming.objects.filter(agency=agency).values_list("summary", flat=True))
    found |= set(Outgoing.objects.filter(agency=agency).values_list("summary", flat=True))
    found |= set(Dossier.objects.filter(agency=agency).values_list("title", flat=True))
    return {text for text in found if agency.province and agency.province in text}
