"""From an approved dossier to a licence, its life events, status, documents, warnings and exports."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from stttt.licensing import exports, rules, selectors, services
from stttt.licensing.documents import licence_pdf, qr_png
from stttt.licensing.models import ExpiryWarning, Licence
from stttt.procedures import services as procedure_services
from stttt.procedures.tests.conftest import file_dossier

pytestmark = pytest.mark.django_db

DATA = {
    "applicant_name": "Công ty TNHH Sông Bé",
    "applicant_id_number": "3801234567",
    "applicant_address": "12 Phú Riềng Đỏ, Đồng Xoài",
    "applicant_phone": "0912345678",
    "applicant_email": "songbe@example.vn",
    "subject": "songbe.vn",
}


def _dossier(dept, catalog, code="STTTT.PTTH.01", data=None, particulars=None):
    return file_dossier(catalog[code], dept.applicant, data or DATA, particulars=particulars)


def test_approval_issues_a_licence_from_the_application(dept, catalog, walk):
    dossier = _dossier(
        dept,
        catalog,
        particulars={
            "holder_type": "organisation",
            "district": dept.district_a.code,
            "subject": {"facility_address": "Khách sạn Sông Bé", "channels": "CNN\nBBC World"},
        },
    )
    walk(dept, dossier)
    licence = Licence.objects.get(dossier=dossier)
    today = timezone.localdate()
    assert licence.kind == "satellite_tv"
    assert licence.agency == dept.agency and licence.issuer_name == dept.agency.name
    assert licence.district == dept.district_a.code and licence.district_name == "Thành phố Một"
    assert licence.number == "01/GCN-STTTT"
    assert licence.subject == {"facility_address": "Khách sạn Sông Bé", "channels": ["CNN", "BBC World"]}
    assert licence.citation == "3.4.e"
    assert licence.valid_until == rules.add_months(today, 60)
    assert licence.status_on(today) == "valid"
    assert licence.signer_title == "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"
    # the next licence with the same symbol in the year takes the next number
    second, third = _dossier(dept, catalog, "2.001594"), _dossier(dept, catalog, "1.003868")
    walk(dept, second)
    walk(dept, third)
    assert Licence.objects.get(dossier=second).number == "01/GP-STTTT"
    assert Licence.objects.get(dossier=third).number == "02/GP-STTTT"


def test_procedures_without_a_licence_kind_issue_nothing(dept, catalog, walk):
    dossier = _dossier(dept, catalog, "STTTT.BC.02")
    walk(dept, dossier)
    assert not Licence.objects.exists()


def test_failure_to_issue_rolls_back_the_approval(dept, catalog, walk):
    first = _dossier(dept, catalog)
    walk(dept, first)
    second = _dossier(dept, catalog)
    for action, actor, kw in [
        ("receive", dept.desk, {}),
        ("transfer", dept.desk, {}),
        ("assign", dept.head, {"assignee": dept.officer}),
        ("propose", dept.officer, {}),
    ]:
        procedure_services.dossier_transition(second.pk, action, actor=actor, **kw)
    with pytest.raises(ValidationError):  # the number is already used: nothing is approved
        procedure_services.dossier_transition(second.pk, "approve", actor=dept.deputy, result_number="01/GCN-STTTT")
    second.refresh_from_db()
    assert second.status == "awaiting_approval"
    assert Licence.objects.count() == 1


def _licence(dept, catalog, walk, code="STTTT.PTTH.01"):
    dossier = _dossier(dept, catalog, code)
    walk(dept, dossier)
    return Licence.objects.get(dossier=dossier)


def test_only_a_leader_suspends_or_revokes(dept, catalog, walk):
    licence = _licence(dept, catalog, walk)
    today = timezone.localdate()
    for user in (dept.officer, dept.head, dept.applicant):
        with pytest.raises(PermissionDenied):
            services.licence_event_add(licence.pk, "revoke", actor=user, effective_on=today, legal_basis="NĐ 72/2013")
    assert not licence.events.exists()
    services.licence_event_add(
        licence.pk,
        "suspend",
        actor=dept.deputy,
        effective_on=today,
        end_on=today + dt.timedelta(days=30),
        legal_basis="Nghị định 72/2013 Điều 23e",
    )
    assert licence.status_on(today) == "suspended"
    assert licence.status_on(today + dt.timedelta(days=30)) == "suspended"
    assert licence.status_on(today + dt.timedelta(days=31)) == "valid"
    services.licence_event_add(
        licence.pk,
        "revoke",
        actor=dept.director,
        effective_on=today,
        legal_basis="Nghị định 72/2013 Điều 23e",
        decision_number="15/QĐ-STTTT",
    )
    assert licence.status_on(today) == "revoked"
    with pytest.raises(ValidationError):
        services.licence_event_add(
            licence.pk,
            "amend",
            actor=dept.officer,
            effective_on=today,
            legal_basis="x",
            changes={"facility_address": "Nơi khác"},
        )


def test_events_need_basis_and_sensible_dates(dept, catalog, walk):
    licence = _licence(dept, catalog, walk)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.licence_event_add(licence.pk, "suspend", actor=dept.deputy, effective_on=today, legal_basis="x")
    with pytest.raises(ValidationError):
        services.licence_event_add(
            licence.pk,
            "extend",
            actor=dept.officer,
            effective_on=today,
            legal_basis=" ",
            new_valid_until=today + dt.timedelta(days=5000),
        )
    with pytest.raises(ValidationError):
        services.licence_event_add(
            licence.pk,
            "extend",
            actor=dept.officer,
            effective_on=today,
            legal_basis="x",
            new_valid_until=licence.valid_until,
        )
    assert not licence.events.exists()


def test_amend_and_extend_change_what_is_shown(dept, catalog, walk):
    licence = _licence(dept, catalog, walk)
    today = timezone.localdate()
    services.licence_event_add(
        licence.pk,
        "amend",
        actor=dept.officer,
        effective_on=today,
        legal_basis="NĐ 72/2013",
        changes={"facility_address": "Số 9 Hùng Vương", "holder_name": "Công ty CP Sông Bé"},
    )
    later = licence.valid_until + dt.timedelta(days=365)
    services.licence_event_add(
        licence.pk, "extend", actor=dept.officer, effective_on=today, legal_basis="NĐ 72/2013", new_valid_until=later
    )
    licence.refresh_from_db()
    assert licence.subject_on(today)["facility_address"] == "Số 9 Hùng Vương"
    assert licence.holder_name_on(today) == "Công ty CP Sông Bé"
    assert licence.valid_until_on(today) == later
    assert licence.status_on(later) == "valid"
    assert licence.status_on(later + dt.timedelta(days=1)) == "expired"


@pytest.mark.parametrize("offset", [-1, 0, 1, 30, 31, 2000])
def test_sql_status_agrees_with_the_rule(dept, catalog, walk, offset):
    licence = _licence(dept, catalog, walk)
    today = timezone.localdate()
    services.licence_event_add(
        licence.pk,
        "suspend",
        actor=dept.deputy,
        effective_on=today,
        end_on=today + dt.timedelta(days=30),
        legal_basis="x",
    )
    day = today + dt.timedelta(days=offset)
    annotated = selectors.licences_with_status(day).get(pk=licence.pk)
    assert annotated.current_status == licence.status_on(day)


def test_public_rows_never_carry_personal_data(dept, catalog, walk):
    person = dict(
        DATA,
        applicant_name="Nguyễn Văn An",
        applicant_id_number="074090001234",
        applicant_address="Tổ 3, ấp 2, xã Tiến Hưng",
        applicant_phone="0987654321",
        applicant_email="an@example.vn",
    )
    dossier = _dossier(
        dept,
        catalog,
        "STTTT.IN.02",
        data=person,
        particulars={
            "holder_type": "person",
            "district": dept.district_a.code,
            "subject": {
                "facility_address": "Số 5 Lê Duẩn, Đồng Xoài",
                "device_model": "Ricoh",
                "serials": ["R-1", "R-2"],
            },
        },
    )
    walk(dept, dossier)
    organisation = _licence(dept, catalog, walk)
    today = timezone.localdate()
    rows = [exports.public_row(lic, today, "http://x/") for lic in Licence.objects.all()]
    blobs = [exports.to_csv(rows), exports.to_json(rows, title="t", generated=today), exports.to_xlsx(rows, title="t")]
    import zipfile

    xlsx_text = b"".join(
        zipfile.ZipFile(io.BytesIO(blobs[2])).read(n) for n in zipfile.ZipFile(io.BytesIO(blobs[2])).namelist()
    )
    for blob in (blobs[0], blobs[1], xlsx_text):
        text = blob.decode("utf-8", errors="ignore")
        for secret in ("074090001234", "0987654321", "0912345678", "Tổ 3, ấp 2", "an@example.vn"):
            assert secret not in text
    assert "3801234567" in blobs[0].decode()  # an organisation's enterprise code is public
    assert "Số 5 Lê Duẩn" in blobs[0].decode()  # the facility is a business place, public
    assert json.loads(blobs[1])["fields"]["holder_code"]
    assert organisation.number in blobs[0].decode()


def test_licence_pdf_has_the_verification_qr(dept, catalog, walk):
    licence = _licence(dept, catalog, walk)
    host = dept.agency.host_names.split(",")[0]
    url = selectors.verification_url(licence, f"http://{host}/")
    assert url == f"http://{host}/giay-phep/kt/{licence.token}/"
    # printed from another host, the address is still on the agency's own host (its register answers there)
    assert selectors.verification_url(licence, "http://testserver/") == url
    pdf = licence_pdf(licence, url)
    assert pdf.startswith(b"%PDF")
    assert qr_png(url).startswith(b"\x89PNG")


def test_expiry_warnings_once_per_threshold(dept, catalog, walk, django_capture_on_commit_callbacks):
    dept.head.email, dept.other_head.email = "ttbcxb@example.vn", "other@example.vn"
    dept.head.save()
    dept.other_head.save()
    licence = _licence(dept, catalog, walk)
    until = licence.valid_until

    def warn(days_left: int) -> None:
        day = (until - dt.timedelta(days=days_left)).isoformat()
        with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once the warning commits
            call_command("licensing", "warn-expiring", "--today", day, "--days", "60,30,7", stdout=io.StringIO())

    warn(29)
    # the holder, and the staff of the agency's division that processes the kind (not other divisions)
    assert sorted(m.to[0] for m in mail.outbox) == ["songbe@example.vn", "ttbcxb@example.vn"]
    warn(20)
    assert len(mail.outbox) == 2  # 30 (and 60) already warned
    warn(7)
    assert len(mail.outbox) == 4
    assert ExpiryWarning.objects.filter(licence=licence).count() == 3


def test_warn_expiring_rejects_bad_days():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as info:
        call_command("licensing", "warn-expiring", "--days", "abc")
    assert info.value.returncode == 2


def test_record_a_district_certificate(dept):
    licence = services.licence_record(
        "game_point",
        actor=dept.officer,
        data={
            "holder_type": "person",
            "holder_name": "Trần Thị Bình",
            "holder_id_number": "070190000111",
            "issuer": "district",
            "issuer_name": "UBND huyện Lộc Ninh",
            "number": "12/GCN-UBND",
            "issued_on": dt.date(2025, 3, 1),
            "district": dept.district_b.code,
        },
        subject={"point_name": "Game Bình An", "facility_address": "Ấp 1, thị trấn Lộc Ninh", "machines": "20"},
    )
    assert licence.subject["machines"] == 20
    assert licence.valid_until == dt.date(2028, 2, 29)
    with pytest.raises(PermissionDenied):
        services.licence_record("game_point", actor=dept.applicant, data={}, subject={})
    with pytest.raises(ValidationError):
        services.licence_record(
            "game_point",
            actor=dept.officer,
            data={
                "holder_name": "X",
                "issued_on": dt.date(2025, 3, 1),
                "issuer": "district",
                "issuer_name": "UBND huyện Lộc Ninh",
                "number": "13/GCN-UBND",
            },
            subject={"machines": "-2"},
        )
