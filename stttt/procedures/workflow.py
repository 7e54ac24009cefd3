"""The dossier lifecycle as one table: (action) -> from which states, to which state, who may, on what basis.

`services.dossier_transition` is the only code that applies it. Roles are relations between the actor and
the dossier, found from the organisation (`permissions.roles_of`): the one-stop desk, the head of the
processing division (acting heads included), the assigned officer, the approving leader (the leader in
charge or the acting leader), and the applicant.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from stttt.procedures.choices import Handling, Status

S = Status
DESK, HEAD, OFFICER, APPROVER, APPLICANT = "desk", "division_head", "officer", "approver", "applicant"
ROLE_LABELS = {DESK: _("one-stop desk"), HEAD: _("head of the processing division"), OFFICER: _("assigned officer"),
               APPROVER: _("approving leader"), APPLICANT: _("applicant")}
D61 = "Decree 61/2018/NĐ-CP"


@dataclass(frozen=True)
class Transition:
    action: str
    label: str | Promise
    sources: frozenset[str]
    target: str | None  # None: the status does not change
    who: frozenset[str]
    basis: str
    needs: tuple[str, ...] = ()  # parameters the actor must give: reasons, assignee, new_due
    handling: frozenset[str] | None = None  # only for procedures the Department handles this way
    slip: str | None = None  # the slip this step produces (see slips.py)


def _t(action, label, sources, target, who, basis, **kw) -> Transition:
    return Transition(action, label, frozenset(sources), target, frozenset(who), basis, **kw)


WORKING = {S.RECEIVED, S.TRANSFERRED, S.IN_APPRAISAL, S.AWAITING_SUPPLEMENT, S.AWAITING_APPROVAL}

TRANSITIONS: dict[str, Transition] = {t.action: t for t in [
    # action, label, from states, to state, who may, legal basis (and what it needs)
    _t("receive", _("Receive"), {S.SUBMITTED}, S.RECEIVED, {DESK}, f"{D61} Art. 17(1)(c)", slip="receipt"),
    _t("return_for_completion", _("Ask to complete the dossier"), {S.SUBMITTED}, S.INCOMPLETE, {DESK},
       f"{D61} Art. 17(1)(a)", needs=("reasons",), slip="supplement"),
    _t("resubmit", _("Resubmit"), {S.INCOMPLETE}, S.SUBMITTED, {APPLICANT, DESK}, f"{D61} Art. 17"),
    _t("reject", _("Refuse to receive"), {S.SUBMITTED, S.INCOMPLETE}, S.REJECTED, {DESK}, f"{D61} Art. 17(1)(b)",
       needs=("reasons",), slip="refusal"),
    _t("transfer", _("Transfer to the division"), {S.RECEIVED}, S.TRANSFERRED, {DESK}, f"{D61} Art. 18"),
    _t("assign", _("Assign an officer"), {S.TRANSFERRED, S.IN_APPRAISAL}, S.IN_APPRAISAL, {HEAD},
       f"{D61} Art. 19", needs=("assignee",)),
    _t("request_supplement", _("Request a supplement"), {S.IN_APPRAISAL}, S.AWAITING_SUPPLEMENT, {OFFICER, HEAD},
       f"{D61} Art. 19", needs=("reasons",), slip="supplement"),
    _t("supplement_received", _("Record the complete supplement"), {S.AWAITING_SUPPLEMENT}, S.IN_APPRAISAL,
       {DESK, APPLICANT}, f"{D61} Art. 19 (the period restarts)"),
    _t("propose", _("Propose for approval"), {S.IN_APPRAISAL}, S.AWAITING_APPROVAL, {OFFICER, HEAD},
       f"{D61} Art. 19"),
    _t("send_back", _("Send back to the officer"), {S.AWAITING_APPROVAL}, S.IN_APPRAISAL, {APPROVER},
       f"{D61} Art. 19", needs=("reasons",)),
    _t("approve", _("Approve and issue the result"), {S.AWAITING_APPROVAL}, S.APPROVED, {APPROVER},
       f"{D61} Art. 19", handling=frozenset({Handling.DECIDE})),
    _t("forward", _("Forward to the competent authority"), {S.AWAITING_APPROVAL}, S.FORWARDED, {APPROVER},
       f"{D61} Art. 19", handling=frozenset({Handling.PROPOSE, Handling.FORWARD})),
    _t("refuse", _("Refuse with reasons"), {S.IN_APPRAISAL, S.AWAITING_APPROVAL}, S.REFUSED, {APPROVER},
       f"{D61} Art. 19", needs=("reasons",), slip="refusal"),
    _t("apologise", _("Apologise and set a new appointment"), {S.TRANSFERRED, S.IN_APPRAISAL, S.AWAITING_APPROVAL},
       None, {OFFICER, HEAD}, f"{D61} Art. 19", needs=("reasons", "new_due"), slip="apology"),
    _t("return_result", _("Return the result"), {S.APPROVED, S.REFUSED}, S.RETURNED, {DESK}, f"{D61} Art. 20"),
    _t("withdraw", _("Withdraw at the applicant's request"), {S.SUBMITTED, S.INCOMPLETE, *WORKING}, S.WITHDRAWN,
       {APPLICANT, DESK}, f"{D61} Art. 19"),
]}

# Each stage gets its own deadline from the procedure's split (desk, division, leadership), starting when
# the dossier enters it; the control sheet compares the step's completion with that deadline.
STAGE_OF_STATUS: dict[str, str] = {
    S.RECEIVED: "desk",
    S.TRANSFERRED: "division",
    S.AWAITING_APPROVAL: "leader",
    S.APPROVED: "return",
    S.REFUSED: "return",
}


def available(status: str, roles: set[str], handling: str) -> list[Transition]:
    """The actions a person with `roles` may take on a dossier in `status`."""
    return [t for t in TRANSITIONS.values()
            if status in t.sources and t.who & roles and (t.handling is None or handling in t.handling)]
