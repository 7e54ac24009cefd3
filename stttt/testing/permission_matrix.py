"""Who may open what, written down: the expectations of the permission matrix
(`stttt/testing/tests/test_permission_matrix.py`, issue 12; docs/security.md).

Roles are the demo's people. Each route names the answers of each role, for a record of the role's own
agency ("own") and one of the second demo agency ("other"), for GET and for the write methods. Answers:
"ok" (2xx), "redirect" (elsewhere than the login page), "login" (sent to the login page, or 401 from the
API), "invalid" (the request passed the permission check and was refused for its content: 400/409/422),
"403", "404", "405". "allowed" means ok, redirect or invalid.

"own" is the home agency's first record of each kind (`samples`): for tasks and dossiers one of the Press
and Publishing division, so the head and officer ask about their own unit's record and the ICT Centre
employee about another unit's; "unit" is a record of the home agency in another division (Posts,
Telecommunications and IT) than the head's and officer's; "other" is the second agency's record.
A new route fails the matrix until its line is written here: run it with `STTTT_MATRIX_DUMP=<file>` to
see what each role gets, judge it, then write what each role *should* get.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from stttt.testing.declarations import declared, joined

# The demo's people, one per role (docs/roles.md). Leaders and staff are of the Bình Phước Department.
ROLES: dict[str, str | None] = {
    "director": "giamdoc",
    "deputy": "phogiamdoc1",
    "head": "truongphong_ttbcxb",  # head of the Press and Publishing division
    "officer": "chuyenvien_ttbcxb",  # an officer of that division
    "desk": "chuyenvien_vp",  # the one-stop desk (the Office)
    "ict": "vienchuc_kt",  # an employee of the ICT Centre (a public service unit)
    "district": "vhtt_dongxoai",  # a district Culture and Information Office officer
    "observer": "ubnd_quansat",  # the Provincial People's Committee's observer
    "citizen": "congdan",  # a citizen who signed up on the portal
    "anonymous": None,
}
STAFF = ("director", "deputy", "head", "officer", "desk", "ict")
LEADERS = ("director", "deputy")
OUTSIDERS = ("district", "observer", "citizen")
HOME, OTHER_AGENCY = "STTTT-BP", "STTTT-BD"
OTHER_UNIT = "BCVTCNTT"  # another division of the home agency than the head's and the officer's
ALLOWED = {"ok", "redirect", "invalid"}


def matches(want: str, got: str) -> bool:
    return got in ALLOWED if want == "allowed" else got == want


def _callbacks() -> dict[str, Any]:
    found: dict[str, Any] = {}

    def walk(patterns: list[Any], namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, joined(namespace, pattern.namespace))
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.setdefault(f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern.callback)

    walk(get_resolver().url_patterns)
    return found


def write_methods(name: str) -> list[str]:
    """The write methods a route takes: a DRF route's mapped methods, a class view's methods, POST else."""
    callback = _callbacks()[name]
    writes = ("post", "put", "patch", "delete")
    if getattr(callback, "actions", None):
        return [m.upper() for m in writes if m in callback.actions]
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None:
        return [m.upper() for m in writes if hasattr(view_class, m)]
    return ["POST"]


# Routes not asked here, and why (each is covered elsewhere).
NOT_ASKED = {
    "work:attachment": "the demo's tasks have no attachments; work's tests ask for another unit's file",
    "accounts:logout": "ends the session the other routes are asked with (accounts tests)",
    **declared("NOT_ASKED"),
}


def samples() -> dict[str, dict[str, dict[str, Any]]]:
    """Route -> {"own": kwargs, "other": kwargs}: a record of the home agency, and one of the other agency.
    Routes outside this table take no record (one ask, "own")."""
    from stttt.accounts.models import User
    from stttt.legal.models import Document, ExternalDocument, Provision
    from stttt.licensing.kinds import KINDS
    from stttt.licensing.models import Licence
    from stttt.org.models import Agency, Duty
    from stttt.portal.models import Submission
    from stttt.procedures.models import Dossier, Procedure, ProcedureVersion
    from stttt.testing.tests.test_agency_matrix import RECORDS
    from stttt.work import models as work

    home, other = Agency.objects.get(code=HOME), Agency.objects.get(code=OTHER_AGENCY)
    both: dict[str, Callable[[Agency], dict[str, Any]]] = dict(RECORDS)
    first = lambda qs: qs.order_by("pk").first()  # noqa: E731
    both["procedures:submit"] = lambda a: {"code": first(Procedure.objects.filter(agency=a)).code}
    both["portal:procedure"] = both["procedures:submit"]
    both["procedure-versions"] = both["procedures:submit"]
    both["procedure-import-export"] = both["procedures:submit"]
    both["procedure-publish"] = lambda a: (lambda v: {"code": v.procedure.code, "number": v.number})(
        first(ProcedureVersion.objects.filter(procedure__agency=a))
    )
    both["portal:submit"] = both["procedures:submit"]
    both["licensing:verify"] = lambda a: {"token": first(Licence.objects.filter(agency=a)).token}
    both["accounts:mfa_reset"] = lambda a: {"user_id": first(User.objects.filter(staff__agency=a)).pk}
    ppc = lambda a: first(work.Report.objects.filter(agency=a, report_type__recipient="ppc"))  # noqa: E731
    both["web:observer_report"] = lambda a: {"pk": (ppc(a) or ppc(home)).pk}
    both["web:observer_report_file"] = lambda a: {"pk": (ppc(a) or ppc(home)).pk, "fmt": "docx"}
    both["org-duty-detail"] = lambda a: {"citation": first(Duty.objects.filter(agency=a)).citation}
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for name, sample in both.items():
        found[name] = {"own": sample(home)}
        with contextlib.suppress(AssertionError, AttributeError):  # the other agency may have no such record
            found[name]["other"] = sample(other)

    # A record of the home agency in another unit than the head's and officer's (need to know).
    dossier = first(Dossier.objects.filter(agency=home, procedure__division_code=OTHER_UNIT))
    task = first(work.Task.objects.filter(agency=home, lead_unit__code=OTHER_UNIT))
    question = first(work.CouncilQuestion.objects.filter(agency=home, unit__code=OTHER_UNIT))
    coordination = first(work.Coordination.objects.filter(agency=home, unit__code=OTHER_UNIT))
    of_unit: list[tuple[tuple[str, ...], dict[str, Any]]] = [
        (("procedures:dossier", "procedures:action", "procedures:upload"), {"pk": dossier.pk}),
        (("dossier-detail", "dossier-transition"), {"pk": dossier.pk}),
        (("web:history",), {"app_label": "procedures", "model_name": "dossier", "pk": str(dossier.pk)}),
        (("work:task", "work:task_progress", "work:task_complete", "work:task_cancel"), {"pk": task.pk}),
        (("work-task-detail", "work-task-cancel", "work-task-complete", "work-task-progress"), {"pk": task.pk}),
        (
            ("work:question", "work-question-detail", "work-question-answer", "work-question-assign"),
            {"pk": question.pk},
        ),
        (("work:coordination", "work-coordination-detail", "work-coordination-act"), {"pk": coordination.pk}),
        (("org:unit", "work:unit", "org-unit-detail"), {"code": OTHER_UNIT}),
    ]
    for routes, kwargs in of_unit:
        for route in routes:
            found[route]["unit"] = kwargs
    for route, unit_sample in declared("UNIT_RECORDS").items():
        found[route]["unit"] = unit_sample(home, OTHER_UNIT)

    # The citizen's own portal dossier, and one filed by someone else.
    mine = first(Submission.objects.filter(account__username=ROLES["citizen"], dossier__agency=home))
    theirs = first(Submission.objects.exclude(account__username=ROLES["citizen"]).filter(dossier__agency=home))
    for route, extra in {
        "portal:done": {},
        "portal:status": {},
        "portal:supplement": {},
        "portal:rate": {},
        "portal:withdraw": {},
        "portal:claim": {},
        "portal:result": {"fmt": "pdf"},
        "portal:receipt": {"fmt": "pdf"},
    }.items():
        found[route] = {
            "own": {"reference": mine.reference, **extra},
            "other": {"reference": theirs.reference, **extra},
        }

    # Routes with a parameter that is not a record of one agency: asked once.
    kind = next(iter(KINDS.values()))
    document = first(Document.objects.filter(primary=True))
    provision = first(Provision.objects.filter(document=document).exclude(eid=""))
    for route, kwargs in {
        "org:plan_file": {"fmt": "xlsx"},
        "procedures:logbook": {"fmt": "xlsx"},
        "licensing:record": {"kind": kind.code},
        "work:briefing_file": {"month": "2026-11", "fmt": "docx"},
        "work:programme_file": {"month": "2026-11", "fmt": "docx"},
        "web:observer_briefing_file": {"month": "2026-11", "fmt": "docx"},
        "legal:document": {"pk": document.pk},
        "legal:provision": {"pk": document.pk, "eid": provision.eid},
        "legal-document-detail": {"pk": document.pk},
        "legal-document-tree": {"pk": document.pk},
        "legal-provision-detail": {"ref": provision.eid},
        "legal-who-detail": {"ref": provision.eid},
        "legal-reference-detail": {"pk": first(ExternalDocument.objects.all()).pk},
        "legal-field-detail": {"code": "vien-thong"},
        "portal:register": {"slug": kind.slug},
        "portal:register_export": {"slug": kind.slug, "fmt": "csv"},
        **{route: once(home) for route, once in declared("ONCE").items()},
    }.items():
        found[route] = {"own": kwargs}
    return found


def objects_of(name: str, samples: dict[str, dict[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return list(samples.get(name, {"own": {}}).items())


WRITE_REDIRECT = {"GET": "405", "write": "redirect"}
WRITE_INVALID = {"GET": "405", "write": "invalid"}
WRITE_404 = {"GET": "405", "write": "404"}
OWN_AGENCY = {"own": "ok", "other": "404"}  # a record of another agency is unknown to the role


def _need_to_know(allowed: Any, closed: Any, outsiders: Any) -> dict[str, Any]:
    """A record the leaders know whatever its unit, the divisions' staff only in their own unit, the ICT
    Centre not at all, and no one of another agency."""
    leader = {"own": allowed, "unit": allowed, "other": closed}
    return {
        "staff": {"own": allowed, "unit": closed, "other": closed},
        "director": leader,
        "deputy": leader,
        "ict": closed,
        "outsiders": outsiders,
        "anonymous": "login",
    }


# Route -> who gets what. Read: {role or group: answer}, an answer being finer by "own"/"other" or by
# method ("GET", "write"). Denials: "404" where the record exists but is not the user's to know, "403"
# where the page is known but closed to the role, "redirect" where an outsider is sent to their own home.
EXPECTED: dict[str, dict[str, Any]] = {
    # --- Sign-in and account: every signed-in user's own
    "accounts:login": {"signed_in": "redirect", "anonymous": "ok"},
    "accounts:mfa_enrol": {"signed_in": "ok", "anonymous": "login"},
    "accounts:mfa_reset": {"signed_in": {"GET": "405", "write": "403"}, "anonymous": {"GET": "405", "write": "login"}},
    "accounts:mfa_verify": {"signed_in": "redirect", "anonymous": "login"},
    "accounts:password_change": {"signed_in": "ok", "anonymous": "login"},
    "accounts:password_change_done": {"signed_in": "ok", "anonymous": "login"},
    # --- Home, record history (need to know), the PPC observer's reports
    "set_language": {"all": "redirect"},
    "web:history": {
        "staff": "ok",
        "outsiders": "404",
        "head": {"own": "ok", "unit": "404"},
        "officer": {"own": "ok", "unit": "404"},
        "ict": "404",
        "anonymous": "login",
    },
    "web:home": {"signed_in": "ok", "citizen": "redirect", "anonymous": "redirect"},
    "web:observer_briefing_file": {"signed_in": "404", "observer": "ok", "anonymous": "login"},
    "web:observer_report": {"signed_in": "404", "observer": "ok", "anonymous": "login"},
    "web:observer_report_file": {"signed_in": "404", "observer": "ok", "anonymous": "login"},
    "web:observer_reports": {"signed_in": "404", "observer": "ok", "anonymous": "login"},
    # --- Regulation: public pages; the API for signed-in users
    "legal-document-detail": {"signed_in": "ok", "anonymous": "login"},
    "legal-document-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-document-tree": {"signed_in": "ok", "anonymous": "login"},
    "legal-fact-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-field-detail": {"signed_in": "ok", "anonymous": "login"},
    "legal-field-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-parameter-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-provision-detail": {"signed_in": "ok", "anonymous": "login"},
    "legal-provision-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-reference-detail": {"signed_in": "ok", "anonymous": "login"},
    "legal-reference-list": {"signed_in": "ok", "anonymous": "login"},
    "legal-search-list": {"signed_in": "invalid", "anonymous": "login"},
    "legal-who-detail": {"signed_in": "ok", "anonymous": "login"},
    "legal:document": {"all": "ok"},
    "legal:documents": {"all": "ok"},
    "legal:facts": {"all": "ok"},
    "legal:fields": {"all": "ok"},
    "legal:index": {"all": "ok"},
    "legal:provision": {"all": "ok"},
    "legal:references": {"all": "ok"},
    "legal:search": {"all": "ok"},
    "legal:who": {"all": "ok"},
    # --- Organisation: the agency's staff only; changes for leaders
    "org-acting-end": {"staff": {"GET": "405", "write": "404"}, "outsiders": "403", "anonymous": "login"},
    "org-acting-list": {"staff": {"GET": "ok", "write": "invalid"}, "outsiders": "403", "anonymous": "login"},
    "org-assignment-detail": {"staff": {"other": "404", "own": "ok"}, "outsiders": "403", "anonymous": "login"},
    "org-assignment-list": {
        "staff": {"GET": "ok", "write": "403"},
        "outsiders": "403",
        "director": {"GET": "ok", "write": "invalid"},
        "deputy": {"GET": "ok", "write": "invalid"},
        "anonymous": "login",
    },
    "org-chart-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-duty-coverage": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-duty-detail": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-duty-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-duty-who": {"staff": "invalid", "outsiders": "403", "anonymous": "login"},
    "org-export-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-finding-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-import-list": {
        "staff": {"GET": "405", "write": "403"},
        "outsiders": "403",
        "director": {"GET": "405", "write": "invalid"},
        "deputy": {"GET": "405", "write": "invalid"},
        "anonymous": "login",
    },
    "org-plan-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-powers-list": {"signed_in": "ok", "anonymous": "login"},
    "org-reorganisation-list": {
        "staff": {"GET": "ok", "write": "403"},
        "outsiders": "403",
        "director": {"GET": "ok", "write": "invalid"},
        "deputy": {"GET": "ok", "write": "invalid"},
        "anonymous": "login",
    },
    "org-staff-account": {
        "staff": {"other": {"GET": "405", "write": "404"}, "own": {"GET": "405", "write": "403"}},
        "outsiders": "403",
        "director": {"own": {"GET": "405", "write": "ok"}, "other": {"GET": "405", "write": "404"}},
        "deputy": {"own": {"GET": "405", "write": "ok"}, "other": {"GET": "405", "write": "404"}},
        "anonymous": "login",
    },
    "org-staff-detail": {"staff": {"other": "404", "own": "ok"}, "outsiders": "403", "anonymous": "login"},
    "org-staff-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-unit-detail": {"staff": {"other": "404", "own": "ok", "unit": "ok"}, "outsiders": "403", "anonymous": "login"},
    "org-unit-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "org-whatif-list": {"staff": {"GET": "405", "write": "invalid"}, "outsiders": "403", "anonymous": "login"},
    "org:acting": {
        "staff": "ok",
        "outsiders": "redirect",
        "officer": {"GET": "ok", "write": "403"},
        "desk": {"GET": "ok", "write": "403"},
        "ict": {"GET": "ok", "write": "403"},
        "anonymous": "login",
    },
    "org:acting_cancel": {"staff": {"GET": "405", "write": "404"}, "outsiders": "redirect", "anonymous": "login"},
    "org:chart_json": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:chart_svg": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:duties": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:findings": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:index": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:plan": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:plan_file": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "org:reassign": {"staff": "403", "outsiders": "redirect", "director": "ok", "deputy": "ok", "anonymous": "login"},
    "org:unit": {"staff": {"other": "404", "own": "ok", "unit": "ok"}, "outsiders": "redirect", "anonymous": "login"},
    # --- Procedures and dossiers: need to know (desk, processing unit, leaders)
    "dossier-detail": {
        "staff": "ok",
        "outsiders": "404",
        "head": {"own": "ok", "unit": "404"},
        "officer": {"own": "ok", "unit": "404"},
        "ict": "404",
        "anonymous": "login",
    },
    "dossier-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "dossier-transition": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "head": {"own": {"GET": "405", "write": "invalid"}, "unit": {"GET": "405", "write": "404"}},
        "officer": {"own": {"GET": "405", "write": "invalid"}, "unit": {"GET": "405", "write": "404"}},
        "ict": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "procedure-detail": {"signed_in": "ok", "anonymous": "login"},
    # The Office (desk), the processing division and the leaders draft; the Director and the Deputy Director
    # in charge publish (procedures.permissions; an empty body or version 1, already published: "invalid").
    "procedure-import-export": {
        "signed_in": {"GET": "405", "write": "403"},
        **{key: {"GET": "405", "write": "invalid"} for key in ("director", "deputy", "head", "officer", "desk")},
        "anonymous": "login",
    },
    "procedure-list": {"signed_in": "ok", "anonymous": "login"},
    "procedure-publish": {
        "signed_in": {"GET": "405", "write": "403"},
        **{key: {"GET": "405", "write": "invalid"} for key in ("director", "deputy")},
        "anonymous": "login",
    },
    "procedure-statistics-list": {"staff": "ok", "outsiders": "403", "anonymous": "login"},
    "procedure-versions": {"signed_in": "ok", "anonymous": "login"},
    "procedures:action": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "head": {"own": {"GET": "405", "write": "redirect"}, "unit": {"GET": "405", "write": "404"}},
        "officer": {"own": {"GET": "405", "write": "redirect"}, "unit": {"GET": "405", "write": "404"}},
        "ict": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "procedures:catalog": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "procedures:desk_guidance": {"staff": "403", "outsiders": "redirect", "desk": "ok", "anonymous": "login"},
    "procedures:desk_receive": {"staff": "403", "outsiders": "redirect", "desk": "ok", "anonymous": "login"},
    "procedures:dossier": {
        "staff": "ok",
        "outsiders": "redirect",
        "head": {"own": "ok", "unit": "404"},
        "officer": {"own": "ok", "unit": "404"},
        "ict": "404",
        "anonymous": "login",
    },
    "procedures:dossiers": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "procedures:file": {"staff": "ok", "outsiders": "redirect", "ict": "404", "anonymous": "login"},
    "procedures:index": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "procedures:logbook": {"staff": "404", "outsiders": "redirect", "anonymous": "login"},
    "procedures:procedure": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "procedures:slip": {"staff": "ok", "outsiders": "redirect", "ict": "404", "anonymous": "login"},
    "procedures:statistics": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "procedures:submit": {"signed_in": "redirect", "anonymous": "login"},
    "procedures:upload": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "head": {"own": {"GET": "405", "write": "redirect"}, "unit": {"GET": "405", "write": "404"}},
        "officer": {"own": {"GET": "405", "write": "redirect"}, "unit": {"GET": "405", "write": "404"}},
        "ict": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    # --- Licences (staff) and public registers (everyone)
    "licensing:document": {"staff": OWN_AGENCY, "outsiders": "redirect", "anonymous": "login"},
    "licensing:event": {
        "staff": {"GET": "405", "write": {"own": "redirect", "other": "404"}},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "licensing:index": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "licensing:licence": {"staff": OWN_AGENCY, "outsiders": "redirect", "anonymous": "login"},
    "licensing:record": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "licensing:verify": {"all": OWN_AGENCY},  # the public page answers for the host's agency
    "registers-list": {"all": "ok"},
    # --- Public portal: the citizen's own dossier by reference, others 404
    "portal:catalog": {"all": "ok"},
    "portal:claim": {
        "signed_in": {"GET": "405", "write": "404"},
        "citizen": {"own": {"GET": "405", "write": "redirect"}, "other": {"GET": "405", "write": "404"}},
        "anonymous": "login",
    },
    "portal:done": {"all": "404", "citizen": {"own": "ok", "other": "404"}},
    "portal:figures": {"all": "ok"},
    "portal:index": {"all": "ok"},
    "portal:mine": {"signed_in": "ok", "anonymous": "login"},
    "portal:procedure": {"all": "ok"},
    "portal:rate": {
        "all": {"GET": "405", "write": "404"},
        "citizen": {"own": {"GET": "405", "write": "redirect"}, "other": {"GET": "405", "write": "404"}},
    },
    "portal:ratings": {
        "staff": "ok",
        "outsiders": "403",
        "officer": "403",
        "desk": "403",
        "ict": "403",
        "anonymous": "login",
    },
    "portal:receipt": {"all": "404", "citizen": {"own": "ok", "other": "404"}},
    "portal:register": {"all": "ok"},
    "portal:register_export": {"all": "ok"},
    "portal:register_search": {"all": "ok"},
    "portal:registers": {"all": "ok"},
    "portal:result": {"all": "404"},
    "portal:signup": {"all": "ok"},
    "portal:status": {"all": "404", "citizen": {"own": "ok", "other": "404"}},
    "portal:submit": {"all": "ok"},
    "portal:supplement": {
        "all": {"GET": "405", "write": "404"},
        "citizen": {"own": {"GET": "405", "write": "redirect"}, "other": {"GET": "405", "write": "404"}},
    },
    "portal:track": {"all": "ok"},
    "portal:withdraw": {
        "all": {"GET": "405", "write": "404"},
        "citizen": {"own": {"GET": "405", "write": "redirect"}, "other": {"GET": "405", "write": "404"}},
    },
    # --- Work: tasks, meetings, reports, districts, Council questions, coordination
    "work-briefing-list": {"staff": "invalid", "outsiders": "403", "anonymous": "login"},
    "work-coordination-act": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-coordination-detail": {"staff": "ok", "outsiders": "404", "anonymous": "login"},
    "work-coordination-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "work-district-report-detail": {"staff": "ok", "outsiders": "404", "district": "ok", "anonymous": "login"},
    "work-district-report-list": {"signed_in": "ok", "anonymous": "login"},
    "work-district-report-return-for-correction": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "district": {"GET": "405", "write": "invalid"},
        "anonymous": "login",
    },
    "work-district-report-save": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "district": {"GET": "405", "write": "invalid"},
        "anonymous": "login",
    },
    # ict 403: the Department's dealings with the districts are its apparatus's (hole found here, fixed)
    "work-district-request-board": {
        "staff": "ok",
        "outsiders": "404",
        "ict": "403",
        "district": "403",
        "anonymous": "login",
    },
    "work-district-request-detail": {"staff": "ok", "outsiders": "404", "district": "ok", "anonymous": "login"},
    "work-district-request-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    # ict 403: the Department's dealings with the districts are its apparatus's (hole found here, fixed)
    "work-district-request-remind": {
        "staff": {"GET": "405", "write": "ok"},
        "outsiders": {"GET": "405", "write": "404"},
        "ict": {"GET": "405", "write": "403"},
        "district": {"GET": "405", "write": "403"},
        "anonymous": "login",
    },
    "work-meeting-conclusion-task": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-meeting-conclusions": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-meeting-detail": {"staff": "ok", "outsiders": "404", "anonymous": "login"},
    "work-meeting-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "work-question-answer": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-question-assign": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-question-detail": {"staff": "ok", "outsiders": "404", "anonymous": "login"},
    "work-question-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "work-report-act": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-report-detail": {"staff": "ok", "outsiders": "404", "anonymous": "login"},
    "work-report-edit": {
        "staff": {"GET": "405", "write": "invalid"},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
    "work-report-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "work-report-type-detail": {"staff": "ok", "outsiders": "404", "anonymous": "login"},
    "work-report-type-list": {"signed_in": "ok", "anonymous": "login"},
    "work-task-cancel": _need_to_know(WRITE_INVALID, WRITE_404, outsiders=WRITE_404),
    "work-task-complete": _need_to_know(WRITE_INVALID, WRITE_404, outsiders=WRITE_404),
    "work-task-detail": _need_to_know("ok", "404", outsiders="404"),
    "work-task-list": {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"},
    "work-task-progress": _need_to_know(WRITE_INVALID, WRITE_404, outsiders=WRITE_404),
    "work:briefing": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:briefing_file": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:conclusion_to_task": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "work:coordination": {"staff": {"GET": "ok", "write": "404"}, "outsiders": "redirect", "anonymous": "login"},
    "work:coordinations": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    # ict 403: the Department's dealings with the districts are its apparatus's (hole found here, fixed)
    "work:district_remind": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "ict": {"GET": "405", "write": "403"},
        "anonymous": "login",
    },
    "work:district_report": {
        "staff": {"GET": "ok", "write": "403"},
        "outsiders": "redirect",
        "district": {"GET": "ok", "write": "invalid"},
        "anonymous": "login",
    },
    "work:district_report_return": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "work:district_request": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:district_request_create": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:district_request_xlsx": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:district_requests": {"staff": "ok", "outsiders": "redirect", "district": "ok", "anonymous": "login"},
    "work:index": {"signed_in": "redirect", "anonymous": "login"},
    "work:leadership": {
        "staff": "403",
        "outsiders": "redirect",
        "director": "ok",
        "deputy": "ok",
        "anonymous": "login",
    },
    "work:meeting": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:meeting_create": {
        "staff": {"GET": "405", "write": "redirect"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "work:programme_file": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:question": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:questions": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:report": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:report_action": {"staff": {"GET": "405", "write": "redirect"}, "outsiders": "redirect", "anonymous": "login"},
    "work:report_file": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:reports": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:task": _need_to_know("ok", "404", outsiders="redirect"),
    "work:task_cancel": _need_to_know(WRITE_REDIRECT, WRITE_404, outsiders="redirect"),
    "work:task_complete": _need_to_know(WRITE_REDIRECT, WRITE_404, outsiders="redirect"),
    "work:task_create": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:task_progress": _need_to_know(WRITE_REDIRECT, WRITE_404, outsiders="redirect"),
    "work:tasks": {"staff": "ok", "outsiders": "redirect", "anonymous": "login"},
    "work:unit": {"staff": {"other": "404", "own": "ok", "unit": "ok"}, "outsiders": "redirect", "anonymous": "login"},
    # --- API root, token, schema, the signed-in user
    "api-docs": {"all": "ok"},
    "api-root": {"signed_in": "ok", "anonymous": "login"},
    "api-schema": {"all": "ok"},
    "api-token": {"all": {"GET": "405", "write": "invalid"}},
    "licences-detail": {"staff": OWN_AGENCY, "outsiders": "404", "anonymous": "login"},
    "licences-list": {"signed_in": "ok", "anonymous": "login"},
    "me-list": {"signed_in": "ok", "anonymous": "login"},
    # --- Apps that declare their own routes in stttt/<app>/matrix.py (declarations.py)
    **declared("EXPECTED"),
}

# Groups of roles an expectation may name; a role's own name wins over its groups, a smaller group over a
# larger one.
GROUPS: dict[str, tuple[str, ...]] = {
    "leaders": LEADERS,
    "staff": STAFF,
    "outsiders": OUTSIDERS,
    "signed_in": (*STAFF, *OUTSIDERS),
    "all": tuple(ROLES),
}


def expected(name: str, role: str, which: str, method: str) -> str:
    """The answer written down for `role` asking `name` about its "own" or the "other" record with `method`.

    An expectation maps roles or groups to an answer, or to a finer map keyed by "own"/"other", by method,
    or by "write" (any method but GET)."""
    spec = EXPECTED.get(name)
    if spec is None:
        return "no expectation written"
    for key in (role, *(group for group, members in GROUPS.items() if role in members)):
        if key in spec:
            return _finer(spec[key], which, method)
    return "no expectation written"


def _finer(value: Any, which: str, method: str) -> str:
    while isinstance(value, dict):
        key = next((k for k in (which, method, "write" if method != "GET" else "") if k in value), None)
        if key is None:
            return "no expectation written"
        value = value[key]
    return str(value)
