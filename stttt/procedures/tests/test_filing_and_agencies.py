"""One filing service behind every entry point; the effects the workflow table declares; one agency's
records closed to another agency's staff."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from stttt.core import workflow
from stttt.licensing.models import Application, Licence
from stttt.org import powers
from stttt.portal.models import Submission
from stttt.procedures import selectors, services
from stttt.procedures.choices import Handling, ResultKind, Status, TimeUnit
from stttt.procedures.models import Component, Dossier, Procedure
from stttt.procedures.workflow import TRANSITIONS, WORKFLOW

from .conftest import PDF, Department, at, file_dossier

CODE = "STTTT.PTTH.01"  # produces a licence kind (receiving foreign channels)
OTHER_CODE = "STTTT.TS.01"  # produces no licence; the second agency has a procedure of the same code
APPLICANT = {
    "applicant_name": "Khách sạn Sao Mai",
    "applicant_id_number": "3800111222",
    "applicant_address": "1 đường Trần Hưng Đạo",
    "applicant_phone": "0271 3888 999",
    "applicant_email": "saomai@example.vn",
    "subject": "Thu kênh nước ngoài",
}
DOSSIER_FIELDS = (
    "agency_id",
    "procedure_id",
    "status",
    "applicant_name",
    "applicant_id_number",
    "applicant_address",
    "applicant_phone",
    "applicant_email",
    "subject",
)


def _particulars(dept):
    return {
        "holder_type": "organisation",
        "district": dept.district_a.code,
        "subject": {"facility_address": "1 đường Trần Hưng Đạo", "channels": ["CNN", "NHK World"]},
    }


def _records(dossier):
    dossier = Dossier.objects.get(pk=dossier.pk)
    application = Application.objects.get(dossier=dossier)
    return (
        {f: getattr(dossier, f) for f in DOSSIER_FIELDS},
        sorted((f.component_id, f.size, f.sha256, f.content_type) for f in dossier.files.all()),
        (application.kind, application.holder_type, application.district, application.subject),
        list(dossier.steps.values_list("action", "from_status", "to_status")),
    )


def test_the_three_entry_points_file_the_same_records(dept, catalog):
    procedure = catalog[CODE]
    components = [c for c in procedure.components.all() if c.required]
    particulars = _particulars(dept)

    # 1. the portal's page, by a signed-in applicant
    portal = Client()
    portal.force_login(dept.applicant)
    form = {
        **APPLICANT,
        "idempotency_key": "a" * 32,
        "holder_type": particulars["holder_type"],
        "district": particulars["district"],
        "subject_facility_address": "1 đường Trần Hưng Đạo",
        "subject_channels": "CNN\nNHK World",
    }
    for c in components:
        form[f"file_{c.pk}"] = SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf")
    assert portal.post(reverse("portal:submit", args=[CODE]), form).status_code == 302
    by_portal = Submission.objects.get().dossier

    # 2. the API, by the same applicant
    api = APIClient()
    api.force_authenticate(dept.applicant)
    files = [{"component": c.pk, "name": f"c{c.pk}.pdf", "content": base64.b64encode(PDF).decode()} for c in components]
    response = api.post(
        "/api/v1/procedures/dossiers/",
        {"procedure": CODE, **APPLICANT, "files": files, "particulars": particulars},
        format="json",
        HTTP_IDEMPOTENCY_KEY="b" * 32,
    )
    assert response.status_code == 201, response.json()
    by_api = Dossier.objects.get(pk=response.json()["id"])

    # 3. the staff desk page, a paper dossier whose documents the desk scanned
    desk = Client()
    desk.force_login(dept.desk)
    form = {
        **APPLICANT,
        "procedure": procedure.pk,
        "channel": "desk",
        "idempotency_key": "c" * 32,
        "holder_type": particulars["holder_type"],
        "district": particulars["district"],
        "subject_facility_address": "1 đường Trần Hưng Đạo",
        "subject_channels": "CNN\nNHK World",
    }
    for c in components:
        form[f"file_{c.pk}"] = SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf")
    response = desk.post(reverse("procedures:desk_receive"), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    by_desk = Dossier.objects.exclude(pk__in=[by_portal.pk, by_api.pk]).get()

    portal_records, api_records = _records(by_portal), _records(by_api)
    assert portal_records == api_records
    fields, files_, application, steps = _records(by_desk)
    assert files_ == portal_records[1] and application == portal_records[2]
    assert {**fields, "status": Status.SUBMITTED} == portal_records[0]
    assert steps == [("submit", "", "submitted"), ("receive", "submitted", "received")]
    assert by_portal.submitted_by == by_api.submitted_by == dept.applicant and by_desk.received_by == dept.desk

    # the same idempotency: a retry through each entry point files nothing more
    again = api.post(
        "/api/v1/procedures/dossiers/",
        {"procedure": CODE, **APPLICANT, "files": files, "particulars": particulars},
        format="json",
        HTTP_IDEMPOTENCY_KEY="b" * 32,
    )
    assert again.status_code == 200 and again.json()["id"] == by_api.pk
    assert (
        desk.post(
            reverse("procedures:desk_receive"),
            {
                **form,
                **{f"file_{c.pk}": SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf") for c in components},
            },
        ).status_code
        == 302
    )
    assert Dossier.objects.count() == 3 and Application.objects.count() == 3


def test_the_same_checks_refuse_the_same_filing_everywhere(dept, catalog):
    procedure = catalog[CODE]
    bad = [services.Upload(c, "virus.exe", b"MZ...") for c in procedure.components.all() if c.required]
    for channel, actor in (("online", dept.applicant), ("desk", dept.desk)):
        with pytest.raises(services.ValidationError) as error:
            services.dossier_file(procedure, actor=actor, channel=channel, data=APPLICANT, uploads=bad)
        assert all(key.startswith("file_") for key in error.value.message_dict)
        with pytest.raises(services.ValidationError):  # nothing attached, nothing seen on paper
            services.dossier_file(procedure, actor=actor, channel=channel, data=APPLICANT)
    with pytest.raises(services.PermissionDenied):  # only the desk records a paper dossier
        services.dossier_file(
            procedure,
            actor=dept.officer,
            channel="desk",
            data=APPLICANT,
            paper=[c.pk for c in procedure.components.all()],
        )
    assert not Dossier.objects.exists() and not Application.objects.exists()


def test_effects_are_declared_in_the_table_and_registered():
    notify = "procedures.notify_applicant"  # the applicant is told (test_notifications.py)
    assert TRANSITIONS["approve"].effects == ("licensing.issue_licence", notify)
    assert TRANSITIONS["submit"].effects == ("licensing.record_application",)
    assert WORKFLOW.missing_effects() == []
    rows = {row["action"]: row for row in WORKFLOW.describe()}
    assert len(rows["approve"]["effects"]) == 2 and len(rows["receive"]["effects"]) == 1
    for action in ("receive", "refuse", "forward", "return_result"):
        assert TRANSITIONS[action].effects == (notify,), action
    for action in ("transfer", "assign", "propose"):
        assert TRANSITIONS[action].effects == (), action
    assert workflow.effect("licensing.issue_licence").run is not None


def test_approving_issues_the_licence_through_the_declared_effect(dept, catalog):
    procedure = catalog[CODE]
    dossier = file_dossier(procedure, dept.applicant, APPLICANT, particulars=_particulars(dept))
    for action, actor, extra in (
        ("receive", dept.desk, {}),
        ("transfer", dept.desk, {}),
        ("assign", dept.head, {"assignee": dept.officer}),
        ("propose", dept.officer, {}),
    ):
        services.dossier_transition(dossier.pk, action, actor=actor, **extra)
    assert not Licence.objects.filter(dossier=dossier).exists()
    services.dossier_transition(dossier.pk, "approve", actor=dept.deputy)
    licence = Licence.objects.get(dossier=dossier)
    assert licence.subject["channels"] == ["CNN", "NHK World"] and licence.holder_name == APPLICANT["applicant_name"]


def test_the_table_speaks_vietnamese():
    from django.utils import translation

    with translation.override("vi"):
        assert str(TRANSITIONS["supplement_received"].basis) == "Điều 19 Nghị định 61/2018/NĐ-CP (tính lại thời hạn)"
        assert "Nghị định" in str(TRANSITIONS["receive"].basis)


# --- a second agency ----------------------------------------------------------------------------------


@pytest.fixture
def other(db, dept):
    """Another Department beside the first: its own units, staff, procedure and dossier."""
    second = Department("B", code="STTTT-B", province="Thứ Hai")
    procedure = Procedure.objects.create(
        agency=second.agency,
        code=OTHER_CODE,
        name="Thủ tục của Sở thứ hai",
        field_code="phat-thanh-truyen-hinh",
        empowering_citation="3.4.e",
        legal_basis="Luật",
        time_limit=5,
        time_unit=TimeUnit.WORKING,
        time_limit_basis="Điều 1",
        result_kind=ResultKind.CONFIRMATION,
        result_name="Văn bản",
        handling=Handling.DECIDE,
        division_code=second.division.code,
    )
    Component.objects.create(procedure=procedure, name="Tờ khai", order=1)
    second.procedure = procedure
    dossier = file_dossier(procedure, second.applicant, {"applicant_name": "Khách của Sở B"}, when=at(2024, 10, 7, 9))
    second.dossier = services.dossier_transition(dossier.pk, "receive", actor=second.desk, now=at(2024, 10, 7, 10))
    return second


def test_another_agencys_staff_see_nothing_of_ours(dept, catalog, other):
    mine = services.dossier_transition(
        file_dossier(catalog["1.003868"], dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 7, 9)).pk,
        "receive",
        actor=dept.desk,
        now=at(2024, 10, 7, 10),
    )
    assert mine.code.startswith(dept.agency.national_code) and other.dossier.code.startswith("B000")
    assert mine.code.endswith("-241007-0001") and other.dossier.code.endswith("-241007-0001")  # numbered per agency
    for user, own, foreign in ((dept.desk, mine, other.dossier), (other.desk, other.dossier, mine)):
        assert list(selectors.dossiers_visible_to(user)) == [own]
        client = Client()
        client.force_login(user)
        assert client.get(reverse("procedures:dossier", args=[own.pk])).status_code == 200
        for url in (
            reverse("procedures:dossier", args=[foreign.pk]),
            reverse("procedures:slip", args=[foreign.pk, "receipt", "pdf"]),
        ):
            assert client.get(url).status_code == 404, url
        assert f">{foreign.code}<" not in client.get(reverse("procedures:dossiers")).content.decode()
        api = APIClient()
        api.force_authenticate(user)
        assert api.get(f"/api/v1/procedures/dossiers/{foreign.pk}/").status_code == 404
        assert [d["id"] for d in api.get("/api/v1/procedures/dossiers/").json()["results"]] == [own.pk]
        stats = api.get("/api/v1/procedures/statistics/", {"month": "2024-10"}).json()
        assert [r["received"] for r in stats] == [1]
        assert selectors.statistics("2024-10", user=user)[0]["name"] == own.procedure.name
        codes = [p["code"] for p in api.get("/api/v1/procedures/catalog/").json()["results"]]
        assert all(
            p.agency_id == powers.agency_of(user).pk
            for p in Procedure.objects.filter(pk__in=[own.procedure.pk])
            if p.code in codes
        )
    # a second agency's staff hold no role on our dossiers, even with the same posts
    assert services.permissions.roles_of(other.desk, mine) == set()
    with pytest.raises(services.PermissionDenied):
        services.dossier_transition(mine.pk, "transfer", actor=other.desk)


def test_the_portal_serves_each_agency_by_host_name(dept, catalog, other):
    other_host = other.agency.host_names.split(",")[0]
    ours = dept.agency.host_names.split(",")[0]
    page = Client(HTTP_HOST=other_host).get(reverse("portal:catalog")).content.decode()
    assert "Thủ tục của Sở thứ hai" in page and catalog["1.003868"].name not in page
    assert catalog["1.003868"].name in Client(HTTP_HOST=ours).get(reverse("portal:catalog")).content.decode()

    # filed at the second agency's portal, the dossier is the second agency's; tracking it at ours is 404
    client = Client(HTTP_HOST=other_host)
    component = other.procedure.components.get()
    response = client.post(
        reverse("portal:submit", args=[OTHER_CODE]),
        {
            "applicant_name": "Người nộp ở Sở B",
            "applicant_phone": "0912 345 678",
            "idempotency_key": "d" * 32,
            f"file_{component.pk}": SimpleUploadedFile("to-khai.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = Submission.objects.get(dossier__applicant_name="Người nộp ở Sở B")
    assert submission.dossier.agency == other.agency and submission.dossier.procedure == other.procedure
    status_url = reverse("portal:status", args=[submission.reference])
    assert client.get(status_url).status_code == 200
    stranger = Client(HTTP_HOST=ours)
    stranger.cookies = client.cookies  # the same session, at the other agency's site
    assert stranger.get(status_url).status_code == 404


def test_ratings_are_read_by_each_agencys_leaders_only(dept, catalog, other):
    from stttt.procedures.models import Rating

    def rated(department, dossier, when):
        services.dossier_transition(dossier.pk, "transfer", actor=department.desk, now=when)
        services.dossier_transition(dossier.pk, "assign", actor=department.head, assignee=department.officer, now=when)
        d = services.dossier_transition(
            dossier.pk, "refuse", actor=department.director, reasons="Không đủ điều kiện", now=when
        )
        return services.rating_save(d, contacts=0, agencies="none", publicity="both", complaint=False)

    ours = services.dossier_transition(
        file_dossier(catalog["1.003868"], dept.applicant, {"applicant_name": "A"}, when=at(2024, 10, 7, 9)).pk,
        "receive",
        actor=dept.desk,
        now=at(2024, 10, 7, 10),
    )
    rated(dept, ours, at(2024, 10, 8, 9))
    rated(other, other.dossier, at(2024, 10, 8, 9))
    assert Rating.objects.count() == 2
    for leader, dossier in ((dept.director, ours), (other.director, other.dossier)):
        rows = selectors.rating_summary(selectors.ratings_visible_to(leader))
        assert [r["unit"] for r in rows] == [dossier.procedure.division_code] and rows[0]["count"] == 1
        client = Client()
        client.force_login(leader)
        page = client.get(reverse("portal:ratings")).content.decode()
        assert page.count("<tr><td>") == 1 and rows[0]["unit_name"] in page
        # the columns say what they measure (Circular 01/2018/TT-VPCP Art. 13), not "1 2 3 4 6 7"
        assert "Tổng thời gian so với quy định" in page and "Số lần liên hệ để hoàn thiện hồ sơ" in page
        assert page.count('data-testid="indicator"') == 6 and "<th>1</th>" not in page
    assert Client().get(reverse("portal:ratings")).status_code == 302
    officer = Client()
    officer.force_login(dept.officer)
    assert officer.get(reverse("portal:ratings")).status_code == 403


def test_a_catalogue_loads_per_agency_and_refuses_unknown_divisions(dept, catalog, other, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(services.ValidationError) as error:
        services.catalog_load(agency=other.agency)  # the data file names the first agency's divisions
    assert dept.division.code in str(error.value)
    assert Procedure.objects.filter(agency=other.agency).count() == 1
    with pytest.raises(CommandError) as failed:
        call_command("procedures", "load", "--agency", other.agency.code)
    assert failed.value.returncode == 2
    call_command("procedures", "catalog", "--agency", other.agency.code)
    assert capsys.readouterr().out.count("\n") == 1


def test_permissions_fail_closed_for_unknown_references(dept, catalog):
    from stttt.procedures import permissions

    procedure = catalog["1.003868"]
    procedure.empowering_citation = "99.99.z"  # no duty of the organisation carries it
    assert permissions.approvers(procedure) == [dept.deputy, dept.director]
    procedure.division_code = "KHONG-CO"  # a unit since removed: nobody above it
    assert permissions.approvers(procedure) == []
    assert permissions.is_approver(dept.director, procedure)  # the Director approves for the agency
    assert not permissions.is_approver(dept.deputy, procedure)
    assert permissions.staff_roles(dept.applicant, procedure) == set()
