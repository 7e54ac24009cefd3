"""The procedures pages added since the shared tables were written, for the shared access tests
(`stttt/testing/declarations.py`): importing a version and publishing one from the staff procedure page.

Asked once, on the home agency's first procedure (a code names a procedure in the user's own agency's
catalogue, so another agency's user asking the same code reaches their own procedure: not a record of
another agency). The Office (one-stop desk), the processing division and the leaders draft (an empty
form is sent back to the page: "redirect"); the Director and the Deputy Director in charge of the field
publish (version 1 is already published: refused with a message, "redirect"); other staff get 403;
outsiders are sent home from the staff pages.
"""

from __future__ import annotations

from typing import Any

STAFF_REDIRECT = {"GET": "405", "write": "redirect"}


def _procedure(agency: Any) -> Any:
    from stttt.procedures.models import Procedure

    return Procedure.objects.filter(agency=agency).order_by("pk").first()


ONCE = {
    "procedures:version_import": lambda home: {"code": _procedure(home).code},
    "procedures:version_publish": lambda home: {"code": _procedure(home).code, "number": 1},
}

NOT_RECORDS = {
    "procedures:version_import": "a code of the user's own agency's catalogue (the same code in each agency)",
    "procedures:version_publish": "a code of the user's own agency's catalogue (the same code in each agency)",
}

EXPECTED = {
    "procedures:version_import": {
        "staff": STAFF_REDIRECT,
        "ict": {"GET": "405", "write": "403"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "procedures:version_publish": {
        "staff": {"GET": "405", "write": "403"},
        "director": STAFF_REDIRECT,
        "deputy": STAFF_REDIRECT,
        "outsiders": "redirect",
        "anonymous": "login",
    },
}
