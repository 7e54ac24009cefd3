"""Licensing's workflow effects, its fail-closed permissions, and two agencies side by side: each sees, numbers,
publishes and counts only its own licences."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from stttt.core import workflow
from stttt.core.models import OutboundMessage
from stttt.licensing import effects, permissions, selectors, services
from stttt.licensing.models import Application, KindDivision, Licence, LicenceEvent
from stttt.procedures import services as procedure_services
from stttt.procedures.models import Dossier
from stttt.procedures.tests.conftest import Department, file_dossier
from stttt.procedures.workflow import TRANSITIONS

pytestmark = pytest.mark.django_db

TV = "STTTT.PTTH.01"  # produces a satellite-TV registration
NO_LICENCE = "STTTT.BC.02"
APPLICANT = {
    "applicant_name": "Khách sạn Sao Mai",
    "applicant_id_number": "3800111222",
    "applicant_address": "1 đường Trần Hưng Đạo",
    "applicant_email": "saomai@example.vn",
    "subject": "Thu kênh nước ngoài",
}


def _particulars(district):
    return {
        "holder_type": "organisation",
        "district": district,
        "subject": {"facility_address": "1 đường Trần Hưng Đạo", "channels": ["CNN"]},
    }


def _host(dept):
    return dept.agency.host_names.split(",")[0]


def _satellite(dept, holder="Khách sạn Sao Mai"):
    """A satellite-TV registration the agency issued, recorded in its register (next number)."""
    return services.licence_record(
        "satellite_tv",
        actor=dept.officer,
        data={
            "holder_name": holder,
            "holder_id_number": "3800111222",
            "issued_on": timezone.localdate(),
            "district": dept.district_a.code,
        },
        subject={"facility_address": "Đường 1", "channels": ["CNN"]},
    )


def _point(dept, number="01/GCN-UBND"):
    return services.licence_record(
        "game_point",
        actor=dept.officer,
        data={
            "holder_type": "person",
            "holder_name": "Trần Thị Bình",
            "holder_id_number": "070190000111",
            "issuer": "district",
            "issuer_name": "UBND huyện Hai",
            "number": number,
            "issued_on": timezone.localdate() - dt.timedelta(days=10),
            "district": dept.district_b.code,
        },
        subject={"point_name": "Điểm game", "facility_address": "Ấp 1", "machines": 20},
    )


@pytest.fixture
def other(db, dept):
    """A second Department beside the first: its own units, staff, districts and licences."""
    return Department("B", code="STTTT-B", province="Thứ Hai")


# --- effects ------------------------------------------------------------------------------------------


def test_the_effects_are_registered_by_licensing():
    assert workflow.effect("licensing.record_application").run is effects.record_application
    assert workflow.effect("licensing.issue_licence").run is effects.issue_licence
    assert "licensing.issue_licence" in TRANSITIONS["approve"].effects


def test_record_application_effect_on_a_real_dossier(dept, catalog):
    dossier = file_dossier(catalog[TV], dept.applicant, APPLICANT)
    assert not Application.objects.exists()  # filed without particulars: nothing recorded
    run = workflow.effect("licensing.record_application").run
    kwargs = {"transition": TRANSITIONS["submit"], "actor": dept.applicant, "at": timezone.localdate()}
    application = run(dossier, particulars=_particulars(dept.district_a.code), **kwargs)
    assert application.kind == "satellite_tv" and application.district == dept.district_a.code
    application = run(dossier, particulars={**_particulars(""), "holder_type": "person"}, **kwargs)
    assert Application.objects.get().holder_type == "person"  # updated, not duplicated
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        run(dossier, particulars=_particulars("khong-co"), **kwargs)
    assert "huyện" in " ".join(error.value.message_dict["district"])  # a clear Vietnamese message
    other_procedure = file_dossier(catalog[NO_LICENCE], dept.applicant, APPLICANT)
    assert run(other_procedure, particulars={}, **kwargs) is None
    with pytest.raises(ValidationError):  # particulars for a procedure that issues no licence
        run(other_procedure, particulars=_particulars(""), **kwargs)


def test_issue_licence_effect_on_a_real_dossier(dept, catalog):
    dossier = file_dossier(catalog[TV], dept.applicant, APPLICANT, particulars=_particulars(dept.district_a.code))
    run = workflow.effect("licensing.issue_licence").run
    licence = run(dossier, transition=TRANSITIONS["approve"], actor=dept.deputy, at=dt.date(2025, 5, 2))
    assert licence.agency == dept.agency and licence.issued_on == dt.date(2025, 5, 2)
    assert licence.subject == {"facility_address": "1 đường Trần Hưng Đạo", "channels": ["CNN"]}
    assert run(dossier, transition=TRANSITIONS["approve"], actor=dept.deputy, at=dt.date(2025, 5, 3)) == licence
    assert (
        run(
            file_dossier(catalog[NO_LICENCE], dept.applicant, APPLICANT),
            transition=TRANSITIONS["approve"],
            actor=dept.deputy,
            at=dt.date(2025, 5, 2),
        )
        is None
    )


def test_a_failing_filing_effect_files_nothing(dept, catalog, other):
    with pytest.raises(ValidationError):  # a district of another agency: the effect refuses, the filing goes
        file_dossier(catalog[TV], dept.applicant, APPLICANT, particulars=_particulars(other.district_a.code))
    assert not Dossier.objects.exists() and not Application.objects.exists()


def test_a_failing_issue_effect_rolls_the_approval_back(dept, catalog, walk):
    dossier = file_dossier(catalog[TV], dept.applicant, APPLICANT)
    for action, actor, kw in [
        ("receive", dept.desk, {}),
        ("transfer", dept.desk, {}),
        ("assign", dept.head, {"assignee": dept.officer}),
        ("propose", dept.officer, {}),
    ]:
        procedure_services.dossier_transition(dossier.pk, action, actor=actor, **kw)
    _satellite(dept)  # takes 01/GCN-STTTT
    with pytest.raises(ValidationError):
        procedure_services.dossier_transition(dossier.pk, "approve", actor=dept.deputy, result_number="01/GCN-STTTT")
    dossier.refresh_from_db()
    assert dossier.status == "awaiting_approval" and not dossier.steps.filter(action="approve").exists()
    assert not Licence.objects.filter(dossier=dossier).exists()


# --- permissions fail closed --------------------------------------------------------------------------


def test_a_kind_without_a_division_is_decided_by_the_director_only(dept):
    licence = _point(dept)  # game points: no procedure produces them
    with pytest.raises(permissions.DivisionUnknown):
        permissions.division_of("game_point", dept.agency)
    assert not permissions.can_decide(dept.deputy, licence)  # no default division to route to
    assert permissions.can_decide(dept.director, licence)
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.licence_event_add(licence.pk, "revoke", actor=dept.deputy, effective_on=today, legal_basis="x")
    KindDivision.objects.create(agency=dept.agency, kind="game_point", unit_code=dept.division.code)
    assert permissions.division_of("game_point", dept.agency) == dept.division.code
    assert permissions.can_decide(dept.deputy, licence)  # in charge of the division the data names
    assert not permissions.can_decide(dept.deputy2, licence)


def test_an_unknown_kind_is_denied():
    with pytest.raises(permissions.DivisionUnknown):
        permissions.division_of("no_such_kind", None)


def test_unknown_kind_licence_cannot_be_decided_by_a_deputy(dept):
    licence = _point(dept)
    licence.kind = "no_such_kind"
    assert permissions.deciders(licence) == []
    assert not permissions.can_decide(dept.deputy, licence)


def _warned() -> list[str]:
    """Who the expiry warnings were written to (the outbox sends them once the warning commits)."""
    return list(OutboundMessage.objects.order_by("pk").values_list("recipient", flat=True))


def test_expiry_warnings_refuse_a_kind_without_a_division(dept):
    licence = _point(dept)
    with pytest.raises(ValidationError) as error:
        services.expiry_warnings_send(today=licence.valid_until - dt.timedelta(days=5))
    assert "game_point" in " ".join(error.value.messages)
    assert not OutboundMessage.objects.exists()
    KindDivision.objects.create(agency=dept.agency, kind="game_point", unit_code=dept.other.code)
    dept.other_head.email = "tp2@example.vn"
    dept.other_head.save()
    services.expiry_warnings_send(today=licence.valid_until - dt.timedelta(days=5))
    assert _warned() == ["tp2@example.vn"]  # the agency's staff of that division


# --- two agencies -------------------------------------------------------------------------------------


def test_numbers_and_districts_are_per_agency(dept, other):
    mine, theirs = _satellite(dept), _satellite(other)
    assert mine.number == theirs.number == "01/GCN-STTTT"  # each agency numbers its own register
    assert (mine.agency, theirs.agency) == (dept.agency, other.agency)
    assert theirs.issuer_name == other.agency.name
    with pytest.raises(ValidationError):
        services.licence_record(
            "satellite_tv",
            actor=dept.officer,
            data={"holder_name": "X", "issued_on": timezone.localdate(), "district": other.district_a.code},
            subject={"facility_address": "Đường 1", "channels": ["CNN"]},
        )


def test_another_agencys_staff_get_404_for_our_licences(dept, other):
    mine, theirs = _point(dept), _point(other)
    for user, own, foreign in ((dept.officer, mine, theirs), (other.officer, theirs, mine)):
        client = Client()
        client.force_login(user)
        assert client.get(reverse("licensing:licence", args=[own.pk])).status_code == 200
        for url in (
            reverse("licensing:licence", args=[foreign.pk]),
            reverse("licensing:document", args=[foreign.pk, "docx"]),
        ):
            assert client.get(url).status_code == 404, url
        response = client.post(
            reverse("licensing:event", args=[foreign.pk]),
            {"type": "end", "effective_on": timezone.localdate().isoformat(), "legal_basis": "x"},
        )
        assert response.status_code == 404
        assert list(selectors.licences_visible_to(user)) == [own]
        assert list(selectors.citing_visible_to(user, Licence.objects.all())) == [own]  # a provision's page
        api = APIClient()
        api.force_authenticate(user)
        assert api.get(f"/api/v1/licences/{foreign.pk}/").status_code == 404
        assert [row["id"] for row in api.get("/api/v1/licences/").json()["results"]] == [own.pk]
        with translation.override("en"):
            assert dict(selectors.home_figures(user))["Licences"] == 1
    # writes are closed too: their staff, even their Director, record nothing on our licences
    today = timezone.localdate()
    for user, event in ((other.officer, "expire"), (other.director, "revoke")):
        with pytest.raises(PermissionDenied):
            services.licence_event_add(mine.pk, event, actor=user, effective_on=today, legal_basis="x")
    assert not permissions.can_decide(other.director, mine)
    assert not LicenceEvent.objects.exists()


def test_registers_verification_and_exports_hold_only_the_agencys_rows(dept, other):
    mine, theirs = _point(dept), _point(other)
    for department, own, foreign in ((dept, mine, theirs), (other, theirs, mine)):
        host = _host(department)
        rows = APIClient().get("/api/v1/registers/", {"kind": "game_point"}, HTTP_HOST=host).json()["results"]
        assert [row["verification_url"].rstrip("/").rsplit("/", 1)[-1] for row in rows] == [own.token]
        assert rows[0]["district_name"] == "Huyện Hai" and rows[0]["issuer"] == "UBND huyện Hai"
        client = Client(HTTP_HOST=host)
        assert client.get(reverse("licensing:verify", args=[own.token])).status_code == 200
        assert client.get(reverse("licensing:verify", args=[foreign.token])).status_code == 404
        assert list(selectors.register(["game_point"], agency=department.agency)) == [own]
        assert selectors.register_counts(agency=department.agency) == {"game_point": 1}
        assert selectors.register_districts(department.agency) == [
            (department.district_a.code, "Thành phố Một"),
            (department.district_b.code, "Huyện Hai"),
        ]
        out = io.StringIO()
        call_command(
            "licensing", "register", "3.8.c", "--agency", department.agency.code, "--format", "json", stdout=out
        )
        assert [item["number"] for item in json.loads(out.getvalue())["items"]] == [own.number]
        assert own.token in out.getvalue() and foreign.token not in out.getvalue()
    # a district filter naming another agency's district is ignored, not matched
    rows = (
        APIClient()
        .get("/api/v1/registers/", {"district": other.district_b.code}, HTTP_HOST=_host(dept))
        .json()["results"]
    )
    assert len(rows) == 1
    assert selectors.register(["game_point"], agency=None).count() == 0


def test_expiry_warnings_go_to_each_agencys_own_staff(dept, other):
    for department, email in ((dept, "a@example.vn"), (other, "b@example.vn")):
        KindDivision.objects.create(agency=department.agency, kind="game_point", unit_code=department.division.code)
        department.head.email = email
        department.head.save()
    mine, theirs = _point(dept), _point(other)
    assert mine.valid_until == theirs.valid_until
    sent = services.expiry_warnings_send(today=mine.valid_until - dt.timedelta(days=5), agency=dept.agency)
    assert [w.licence for w in sent] == [mine] and _warned() == ["a@example.vn"]
    sent = services.expiry_warnings_send(today=mine.valid_until - dt.timedelta(days=5))
    assert [w.licence for w in sent] == [theirs] and _warned() == ["a@example.vn", "b@example.vn"]


def test_the_document_carries_the_agencys_letterhead(dept, other):
    from stttt.licensing.documents import licence_document

    doc = licence_document(_satellite(other), "http://x/")
    assert doc.issuer_parent == "UBND TỈNH THỨ HAI" and doc.place == "Thứ Hai"
    assert (
        "Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn của Sở Thông tin và Truyền thông tỉnh Thứ Hai"
        in doc.blocks[1].text
    )
    point = licence_document(_point(dept), "http://x/")
    assert point.issuer == "UBND HUYỆN HAI" and point.issuer_parent == ""
