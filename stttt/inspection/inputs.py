"""What each workflow step asks of the actor, for the pages' small forms and the API's `act` (interfaces read
the inputs with it; the services check them)."""

from __future__ import annotations

#: The inputs each step's form shows (a step's `needs` are among them); their kind decides how to read them.
DATE_FIELDS = {"on", "received_on"}
INT_FIELDS = {"days", "fine", "suspension_months", "amount"}
BOOL_FIELDS = {"complex_case", "especially_complex", "remote", "published"}
TEXT_FIELDS = {"reason", "findings", "conclusion", "result", "overlap_check", "remedial"}

FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "referral": {"dismiss": ("reason",)},
    "plan": {"submit": ("overlap_check",), "approve": ("number", "on"), "publish": ("on",)},
    "case": {
        "announce": ("on",),
        "extend": ("days", "reason"),
        "end_onsite": ("on",),
        "report": ("on", "findings"),
        "conclude": ("on", "number", "conclusion"),
        "cancel": ("reason",),
    },
    "violation": {
        "decide": ("on", "number", "fine", "suspension_months", "remedial", "received_on"),
        "drop": ("reason",),
        "pay": ("on", "amount", "received_on"),
    },
    "letter": {
        "assign": ("assignee",),
        "accept": ("on", "complex_case", "especially_complex", "remote"),
        "forward": ("forwarded_to", "reason"),
        "return": ("reason",),
        "extend": ("reason", "especially_complex"),
        "resolve": ("on", "result", "published"),
    },
}
