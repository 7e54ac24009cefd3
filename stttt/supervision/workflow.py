"""The supervision app's state machines as tables: organisations' reports, cases (disputes, complaints,
advertising checks), incidents of emergency communications, broadcast requests to commune stations and
external-information plans.

Each row: the action, from which states, to which state, who may take it (roles from `permissions.py`), the
provision it applies, what the actor gives, the effects that follow. `services.transition()` applies every step
(row lock, version, roles, audit reason, effects); pages, API and CLI offer only what `actions_for()` returns.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.workflow import Transition, Workflow, step
from stttt.supervision import permissions
from stttt.supervision.choices import (
    BroadcastStatus,
    CaseStatus,
    ExternalPlanStatus,
    IncidentStatus,
    ReportStatus,
)

ROLES = {
    "staff": _("Department staff"),
    "sector": _("Unit leading the sector's duties, or the leadership"),
    "leadership": _("Director or Deputy Director"),
}

R = ReportStatus
REPORTS = Workflow(
    "supervision.report",
    [
        step(
            "receive",
            _("Record receipt with the figures"),
            (R.DUE, R.RETURNED),
            R.SUBMITTED,
            ("sector",),
            _(
                "Telecommunications Law 2023 Art. 13 and Postal Law 2010 Art. 11: organisations report to the "
                "Department; Decree 09/2019 Art. 12: the date received decides whether it was late."
            ),
            needs=("submitted_on", "figures"),
        ),
        step(
            "accept",
            _("Accept the figures"),
            (R.SUBMITTED,),
            R.ACCEPTED,
            ("sector",),
            _("Regulation Art. 3.17 and 3.29: validated figures are summed for the province."),
        ),
        step(
            "return",
            _("Return for correction"),
            (R.SUBMITTED,),
            R.RETURNED,
            ("sector",),
            _("Decree 09/2019 Art. 8: figures must be accurate; the organisation corrects and sends again."),
            needs=("reason",),
            effects=("supervision.mail_report_returned",),
        ),
        step(
            "remind",
            _("Send a reminder"),
            (R.DUE, R.RETURNED),
            None,
            ("sector",),
            _("Regulation Art. 3.17: the Department follows the organisations' reporting."),
            effects=("supervision.mail_report_reminder",),
        ),
    ],
    ROLES,
    dict(ReportStatus.choices),
)

C = CaseStatus
CASES = Workflow(
    "supervision.case",
    [
        step(
            "start",
            _("Start handling"),
            (C.RECEIVED,),
            C.HANDLING,
            ("sector",),
            _(
                "Regulation Art. 3.11.c (disputes on sharing passive infrastructure), 3.11.a and 3.10.d (service "
                "quality), 3.9.b (advertising on the network)."
            ),
            needs=("note",),
        ),
        step(
            "note",
            _("Record a step"),
            (C.HANDLING, C.MEDIATION),
            None,
            ("sector",),
            _("Each step of the handling is kept with who and when (regulation Art. 3.11.c)."),
            needs=("note",),
        ),
        step(
            "mediate",
            _("Call the parties to mediation"),
            (C.HANDLING,),
            C.MEDIATION,
            ("sector",),
            _("Telecommunications Law 2023 Chapter VIII and regulation Art. 3.11.c: the parties negotiate first."),
            needs=("note",),
        ),
        step(
            "resolve",
            _("Record the outcome"),
            (C.HANDLING, C.MEDIATION),
            C.RESOLVED,
            ("sector",),
            _("Regulation Art. 3.11.c, 3.10.d, 3.9.b: the outcome is written and sent to the parties."),
            needs=("outcome",),
            effects=("supervision.mail_case_outcome",),
        ),
        step(
            "close",
            _("Close"),
            (C.RESOLVED,),
            C.CLOSED,
            ("sector",),
            _("Regulation Art. 5.3: the unit closes the file once the outcome is carried out."),
        ),
    ],
    ROLES,
    dict(CaseStatus.choices),
)

INC = IncidentStatus
INCIDENTS = Workflow(
    "supervision.incident",
    [
        step(
            "update",
            _("Record progress"),
            (INC.OPEN, INC.RESTORING),
            INC.RESTORING,
            ("sector",),
            _("Regulation Art. 3.21: the Department follows the restoration of communications in emergencies."),
            needs=("note",),
        ),
        step(
            "restore",
            _("Record restoration"),
            (INC.OPEN, INC.RESTORING),
            INC.RESTORED,
            ("sector",),
            _("Regulation Art. 3.21: the restoration time is kept for the plan's review."),
            needs=("note",),
        ),
        step(
            "close",
            _("Close"),
            (INC.RESTORED,),
            INC.CLOSED,
            ("sector",),
            _("Regulation Art. 3.21 and 5.3: the unit closes the incident after the review."),
        ),
    ],
    ROLES,
    dict(IncidentStatus.choices),
)

B = BroadcastStatus
BROADCASTS = Workflow(
    "supervision.broadcast",
    [
        step(
            "send",
            _("Send to the stations"),
            (B.DRAFT,),
            B.SENT,
            ("sector",),
            _(
                "Decree 49/2024 (grassroots information) and Circular 39/2020: the province's source system sends "
                "bulletins to commune stations with their priority; regulation Art. 3.7.b-c."
            ),
            effects=("supervision.mail_broadcast_stations",),
        ),
        step(
            "confirm",
            _("Record a station's confirmation"),
            (B.SENT,),
            None,
            ("sector",),
            _("Regulation Art. 3.7.c: the Department follows what the stations broadcast."),
            needs=("station", "confirmed_on"),
        ),
        step(
            "close",
            _("Close"),
            (B.SENT,),
            B.CLOSED,
            ("sector",),
            _("Regulation Art. 3.7.c: the request ends after its last broadcast day."),
        ),
    ],
    ROLES,
    dict(BroadcastStatus.choices),
)

E = ExternalPlanStatus
EXTERNAL_PLANS = Workflow(
    "supervision.external_plan",
    [
        step(
            "appraise",
            _("Start the appraisal"),
            (E.RECEIVED,),
            E.APPRAISING,
            ("sector",),
            _("Decree 72/2015 and regulation Art. 3.6.c: the Department appraises the plans of the province's bodies."),
        ),
        step(
            "return",
            _("Return for completion"),
            (E.APPRAISING,),
            E.RETURNED,
            ("sector",),
            _("Regulation Art. 3.6.c: a plan that lacks content goes back to its body."),
            needs=("opinion",),
        ),
        step(
            "resubmit",
            _("Record the completed plan"),
            (E.RETURNED,),
            E.APPRAISING,
            ("sector",),
            _("Regulation Art. 3.6.c."),
        ),
        step(
            "approve",
            _("Give the appraisal opinion"),
            (E.APPRAISING,),
            E.APPROVED,
            ("leadership",),
            _(
                "Regulation Art. 3.6.c and 5.2: the Department approves within its competence or proposes to the "
                "PPC; the opinion is signed by the leadership."
            ),
            needs=("opinion",),
        ),
    ],
    ROLES,
    dict(ExternalPlanStatus.choices),
)

TABLES = {
    "OperatorReport": REPORTS,
    "Case": CASES,
    "Incident": INCIDENTS,
    "BroadcastRequest": BROADCASTS,
    "ExternalPlan": EXTERNAL_PLANS,
}


def table_of(record: Any) -> Workflow:
    return TABLES[type(record).__name__]


def actions_for(user: Any, record: Any) -> list[Transition]:
    """The steps `user` may take on `record` now."""
    return table_of(record).available(record.status, permissions.roles_of(user, record))
