"""Two Departments in one installation (issue 10): with the whole demo loaded (Bình Phước with records of
every kind, and a second real Department beside it), a user of the second agency gets 404 for every record
of the first, through every staff page and API endpoint that names a record, and the lists, boards and
exports they can open show none of the first agency's records.

Every route that takes a parameter must be listed below (a record of agency A to ask for, or why it is
not a record of one agency): a new route fails this test until its answer is written down.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape

from stttt.accounts.models import User
from stttt.licensing.models import Licence
from stttt.org.models import Agency, Assignment, Staff, Unit
from stttt.procedures.models import Dossier, DossierFile, Procedure
from stttt.testing.declarations import declared, joined, markers
from stttt.work import models as work

pytestmark = pytest.mark.django_db

HOME = "STTTT-BP"  # the demo agency with records of every kind
B_USERS = ("bd.giamdoc", "bd.chuyenvien_vp")  # the second demo agency's Director and an Office officer


def _first(queryset: Any) -> Any:
    found = queryset.order_by("pk").first()
    assert found is not None, f"the demo has no {queryset.model.__name__} in agency {HOME}"
    return found


Sample = Callable[[Agency], dict[str, Any]]
pk = lambda model, **f: lambda a: {"pk": _first(model.objects.filter(agency=a, **f)).pk}  # noqa: E731

# Route name -> the kwargs naming a record of agency A.
RECORDS: dict[str, Sample] = {
    "procedures:procedure": lambda a: {"code": _first(Procedure.objects.filter(agency=a)).code},
    "procedures:dossier": pk(Dossier),
    "procedures:action": pk(Dossier),
    "procedures:upload": pk(Dossier),
    "procedures:file": lambda a: (lambda f: {"pk": f.dossier_id, "file_id": f.pk})(
        _first(DossierFile.objects.filter(dossier__agency=a))
    ),
    "procedures:slip": lambda a: {
        "pk": _first(Dossier.objects.filter(agency=a, code__isnull=False)).pk,
        "slip": "receipt",
        "fmt": "pdf",
    },
    "licensing:licence": pk(Licence),
    "licensing:event": pk(Licence),
    "licensing:document": lambda a: {"pk": _first(Licence.objects.filter(agency=a)).pk, "fmt": "pdf"},
    "org:unit": lambda a: {"code": _first(Unit.objects.filter(agency=a)).code},
    "org:acting_cancel": lambda a: {"pk": _first(Assignment.objects.filter(staff__agency=a)).pk},
    "work:unit": lambda a: {"code": _first(Unit.objects.filter(agency=a)).code},
    "work:task": pk(work.Task),
    "work:task_progress": pk(work.Task),
    "work:task_complete": pk(work.Task),
    "work:task_cancel": pk(work.Task),
    "work:meeting": pk(work.Meeting),
    "work:conclusion_to_task": lambda a: {"pk": _first(work.Conclusion.objects.filter(meeting__agency=a)).pk},
    "work:report": pk(work.Report),
    "work:report_action": lambda a: {"pk": _first(work.Report.objects.filter(agency=a)).pk, "action": "submit"},
    "work:report_file": lambda a: {"pk": _first(work.Report.objects.filter(agency=a)).pk, "fmt": "pdf"},
    "work:district_request": pk(work.DistrictRequest),
    "work:district_request_xlsx": pk(work.DistrictRequest),
    "work:district_remind": pk(work.DistrictRequest),
    "work:district_report": lambda a: {"pk": _first(work.DistrictReport.objects.filter(request__agency=a)).pk},
    "work:district_report_return": lambda a: {"pk": _first(work.DistrictReport.objects.filter(request__agency=a)).pk},
    "work:question": pk(work.CouncilQuestion),
    "work:coordination": pk(work.Coordination),
    "web:observer_report": pk(work.Report),
    "web:observer_report_file": lambda a: {"pk": _first(work.Report.objects.filter(agency=a)).pk, "fmt": "pdf"},
    "web:history": lambda a: {
        "app_label": "procedures",
        "model_name": "dossier",
        "pk": str(_first(Dossier.objects.filter(agency=a)).pk),
    },
    # API
    "org-unit-detail": lambda a: {"code": _first(Unit.objects.filter(agency=a)).code},
    "org-staff-detail": lambda a: {"code": _first(Staff.objects.filter(agency=a)).code},
    "org-staff-account": lambda a: {"code": _first(Staff.objects.filter(agency=a)).code},
    "org-assignment-detail": lambda a: {"pk": _first(Assignment.objects.filter(staff__agency=a)).pk},
    "org-acting-end": lambda a: {"pk": _first(Assignment.objects.filter(staff__agency=a)).pk},
    "procedure-detail": lambda a: {"code": _first(Procedure.objects.filter(agency=a)).code},
    "procedure-versions": lambda a: {"code": _first(Procedure.objects.filter(agency=a)).code},
    "dossier-detail": pk(Dossier),
    "dossier-transition": pk(Dossier),
    "licences-detail": pk(Licence),
    "work-task-detail": pk(work.Task),
    "work-task-cancel": pk(work.Task),
    "work-task-complete": pk(work.Task),
    "work-task-progress": pk(work.Task),
    "work-meeting-detail": pk(work.Meeting),
    "work-meeting-conclusions": pk(work.Meeting),
    "work-meeting-conclusion-task": lambda a: (lambda c: {"pk": c.meeting_id, "conclusion_id": c.pk})(
        _first(work.Conclusion.objects.filter(meeting__agency=a))
    ),
    "work-report-type-detail": lambda a: {
        "code": _first(work.ReportType.objects.filter(agency=a).exclude(code__in=_codes_of_other_agencies(a))).code
    },
    "work-report-detail": pk(work.Report),
    "work-report-act": pk(work.Report),
    "work-report-edit": pk(work.Report),
    "work-district-request-detail": pk(work.DistrictRequest),
    "work-district-request-board": pk(work.DistrictRequest),
    "work-district-request-remind": pk(work.DistrictRequest),
    "work-district-report-detail": lambda a: {"pk": _first(work.DistrictReport.objects.filter(request__agency=a)).pk},
    "work-district-report-return-for-correction": lambda a: {
        "pk": _first(work.DistrictReport.objects.filter(request__agency=a)).pk
    },
    "work-district-report-save": lambda a: {"pk": _first(work.DistrictReport.objects.filter(request__agency=a)).pk},
    "work-question-detail": pk(work.CouncilQuestion),
    "work-question-answer": pk(work.CouncilQuestion),
    "work-question-assign": pk(work.CouncilQuestion),
    "work-coordination-detail": pk(work.Coordination),
    "work-coordination-act": pk(work.Coordination),
    **declared("RECORDS"),
}


def _codes_of_other_agencies(a: Agency) -> list[str]:
    return list(work.ReportType.objects.exclude(agency=a).values_list("code", flat=True))


# Routes with parameters that do not name a record of one agency, and why.
NOT_RECORDS = {
    "org:plan_file": "the staffing plan of the user's own agency (checked with the lists)",
    "procedures:logbook": "the logbook of the user's own agency (checked with the lists)",
    "procedures:submit": "redirects to the public portal of the host's agency",
    **declared("NOT_RECORDS"),
    "licensing:record": "a licence kind, not a record",
    "licensing:verify": "public, answered for the host's agency (licensing tests)",
    "work:briefing_file": "the user's own agency's month (checked with the lists)",
    "web:observer_briefing_file": "the observer's own agency's month (checked with the lists)",
    "work:programme_file": "the user's own agency's month (checked with the lists)",
    "work:attachment": "demo tasks have no attachments; covered by work's cross-agency tests",
    "org-duty-detail": "a citation of the regulation: each agency has its own duty under the same citation",
    "legal-document-detail": "public legal data",
    "legal-document-tree": "public legal data",
    "legal-provision-detail": "public legal data",
    "legal-reference-detail": "public legal data",
    "legal-field-detail": "public legal data",
    "legal:document": "public legal data",
    "legal:provision": "public legal data",
    "procedure-publish": "a procedure by its national code, looked up in the user's own agency's catalogue",
    "procedure-import-export": "a procedure by its national code, looked up in the user's own agency's catalogue",
    "legal-who-detail": "public legal data (who holds a duty of the regulation)",
    "api-root": "format suffix of the API root",
    "accounts:mfa_reset": "a user account (installation-wide), for administrators only",
}
PUBLIC_PREFIXES = ("portal:",)


def _routes(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = joined(namespace, pattern.namespace)
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = prefix + str(pattern.pattern)
            if route.startswith(("admin/", "static/", "media/")) or "(?P<format>" in route:
                continue
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route


def _params(route: str) -> bool:
    return bool(re.search(r"<[^>]+>|\(\?P<", route))


def _ask(client: Client, url: str) -> int:
    status = client.get(url).status_code
    if status == 405:
        status = client.post(url, {}).status_code
    return status


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    home = Agency.objects.get(code=HOME)
    assert Agency.objects.exclude(pk=home.pk).exists(), "the demo loads a second agency"
    return home


def test_a_user_of_another_agency_gets_404_for_every_record(demo):
    routes = dict(_routes())
    undeclared = sorted(
        name
        for name, route in routes.items()
        if _params(route) and name not in RECORDS and name not in NOT_RECORDS and not name.startswith(PUBLIC_PREFIXES)
    )
    assert undeclared == [], "declare these routes in RECORDS or NOT_RECORDS"
    wrong = []
    for username in B_USERS:
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        for name, sample in RECORDS.items():
            if name not in routes:
                wrong.append(f"{name}: no such route any more")
                continue
            url = reverse(name, kwargs=sample(demo))
            status = _ask(client, url)
            if status == 403 and _closed_to_role(client, name, sample, user):
                continue
            if status != 404:
                wrong.append(f"{username} {url} -> {status}")
    assert wrong == []


def _closed_to_role(client: Client, name: str, sample: Sample, user: User) -> bool:
    """A 403 tells nothing of agency A's record when the user gets it for the same kind of record of their own
    agency too: the page is closed to their role whatever the record (press reading is not the Office's)."""
    try:
        kwargs = sample(user.staff.agency)
    except AssertionError:
        return False  # no record of their own to compare with: the 403 must be explained otherwise
    return _ask(client, reverse(name, kwargs=kwargs)) == 403


def _text(content: bytes) -> str:
    """The text of a page, JSON, CSV, or of the XML parts of an office file (DOCX/XLSX are ZIP archives)."""
    if content.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(n).decode(errors="replace") for n in archive.namelist() if n.endswith(".xml"))
    return content.decode(errors="replace")


def _markers(agency: Agency) -> set[str]:
    """Texts that only agency A's records carry: a title both Departments give a record (both have a task to
    gather the DTI figures, say) tells nothing about where it came from."""
    others = Agency.objects.exclude(pk=agency.pk)
    return {m for m in _texts(agency) if m and len(m) > 6} - set().union(*(_texts(b) for b in others))


def _texts(agency: Agency) -> set[str]:
    found: set[str] = set()
    found |= {c for c in Dossier.objects.filter(agency=agency).values_list("code", flat=True) if c}
    found |= set(Licence.objects.filter(agency=agency).values_list("holder_name", flat=True))
    found |= set(work.Task.objects.filter(agency=agency).values_list("title", flat=True))
    found |= set(work.Coordination.objects.filter(agency=agency).values_list("subject", flat=True))
    for app_markers in markers():
        found |= set(app_markers(agency))
    return found


def test_lists_boards_and_exports_of_another_agency_show_none_of_its_records(demo):
    markers = _markers(demo)
    assert len(markers) > 10
    own_files = {
        "org:plan_file": {"fmt": "xlsx"},
        "procedures:logbook": {"fmt": "xlsx"},
        "work:briefing_file": {"month": "2026-11", "fmt": "docx"},
    }
    leaks, checked = [], 0
    for username in B_USERS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        urls = [
            reverse(name)
            for name, route in _routes()
            if not _params(route)
            and not name.startswith(
                (
                    "portal:",
                    "legal",
                    "accounts:",
                    "set_language",
                    "api-root",
                    "schema",
                    "swagger",
                    "web:logout",
                    "registers-list",
                )
            )
        ]  # public registers answer for the host's agency (licensing tests)
        urls += [reverse(name, kwargs=kwargs) for name, kwargs in own_files.items()]
        for url in urls:
            response = client.get(url)
            if response.status_code != 200 or not hasattr(response, "content"):
                continue
            body = _text(response.content)
            checked += 1
            leaked = sorted(m for m in markers if m in body or escape(m) in body)
            if leaked:
                leaks.append(f"{username} {url}: {leaked[:3]}")
    assert checked > 40, "the lists must actually be opened"
    assert leaks == []
