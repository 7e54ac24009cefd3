"""Pages, API and CLI: a dossier from submission to result through the web, slips, statistics."""

import datetime as dt
import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from stttt.procedures import selectors
from stttt.procedures.choices import IN_PROGRESS, Status
from stttt.procedures.models import Dossier, DossierFile, DossierStep

from .conftest import file_dossier

PDF = b"%PDF-1.4 demo"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def act(client, dossier, action, **data):
    dossier.refresh_from_db()
    payload = {"action": action, "version": dossier.version, **data}
    return client.post(reverse("procedures:action", args=[dossier.pk]), payload, follow=True)


def test_dossier_from_submission_to_result_through_the_pages(dept, catalog):
    applicant, desk = client_for(dept.applicant), client_for(dept.desk)
    head, officer, leader = client_for(dept.head), client_for(dept.officer), client_for(dept.deputy)
    # Applicants file on the portal: the staff site's filing link leads there.
    moved = applicant.get(reverse("procedures:submit", args=["1.003868"]))
    assert moved.status_code == 302 and moved["Location"] == reverse("portal:submit", args=["1.003868"])
    page = applicant.get(moved["Location"])
    key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', page.content.decode()).group(1)
    procedure = catalog["1.003868"]

    def form():
        files = {
            f"file_{c.pk}": SimpleUploadedFile(f"c{c.pk}.pdf", PDF, "application/pdf")
            for c in procedure.components.all()
            if c.required
        }
        return {
            "applicant_name": "Hội Văn học Nghệ thuật",
            "subject": "Kỷ yếu 2024",
            "idempotency_key": key,
            "holder_type": "organisation",
            "applicant_email": "hoi@example.vn",
            "subject_title": "Kỷ yếu 2024",
            "subject_copies": "300",
            **files,
        }

    first = applicant.post(moved["Location"], form())
    again = applicant.post(moved["Location"], form())  # double click
    assert first.status_code == again.status_code == 302, first.content.decode()[:2000]
    assert Dossier.objects.count() == 1
    dossier = Dossier.objects.get()
    assert dossier.submitted_by == dept.applicant and dossier.files.count() == 2
    # the applicant follows the dossier on the portal; the staff pages send them there
    assert applicant.get(reverse("procedures:dossier", args=[dossier.pk]))["Location"] == "/"
    desk.post(
        reverse("procedures:upload", args=[dossier.pk]),
        {"file": SimpleUploadedFile("ban-thao.pdf", PDF, "application/pdf")},
    )
    bad = desk.post(
        reverse("procedures:upload", args=[dossier.pk]),
        {"file": SimpleUploadedFile("x.exe", b"MZ....", "application/octet-stream")},
        follow=True,
    )
    assert any(text in bad.content.decode() for text in ("Không nhận tệp loại này", "not accepted"))
    assert DossierFile.objects.count() == 3
    stored = DossierFile.objects.get(original_name="ban-thao.pdf")
    download = desk.get(reverse("procedures:file", args=[dossier.pk, stored.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    assert b"".join(download.streaming_content) == PDF

    assert "to_receive" in desk.get(reverse("procedures:index")).content.decode()
    for client, action, extra in (
        (desk, "receive", {}),
        (desk, "transfer", {}),
        (head, "assign", {"assignee": dept.officer.pk}),
        (officer, "propose", {}),
        (leader, "approve", {"result_number": "05/GP-STTTT"}),
        (desk, "return_result", {}),
    ):
        response = act(client, dossier, action, **extra)
        assert response.status_code == 200
        dossier.refresh_from_db()
        assert dossier.status != Status.SUBMITTED, response.content.decode()[:3000]
    assert dossier.status == Status.RETURNED
    page = desk.get(reverse("procedures:dossier", args=[dossier.pk])).content.decode()
    assert dossier.code in page
    assert page.count("<tr>") >= 1 + DossierStep.objects.filter(dossier=dossier).count()
    for slip in ("receipt", "control-sheet"):
        for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
            response = desk.get(reverse("procedures:slip", args=[dossier.pk, slip, fmt]))
            assert response.status_code == 200 and response.content.startswith(magic)
    assert desk.get(reverse("procedures:slip", args=[dossier.pk, "apology", "pdf"])).status_code == 404


def test_stale_form_gets_a_conflict_message(dept, catalog):
    desk = client_for(dept.desk)
    dossier = file_dossier(catalog["1.003868"], dept.applicant, {"applicant_name": "A"})
    stale = dossier.version
    act(desk, dossier, "receive")
    response = desk.post(
        reverse("procedures:action", args=[dossier.pk]),
        {"action": "reject", "version": stale, "reasons": "x"},
        follow=True,
    )
    text = response.content.decode()
    assert "tải lại" in text.lower() or "reload" in text.lower()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


def test_applicants_see_only_their_dossiers(dept, catalog):
    from stttt.accounts.models import User

    dossier = file_dossier(catalog["1.003868"], dept.applicant, {"applicant_name": "A"})
    other = User.objects.create_user("khac", password="x-Secret-123")
    # an applicant reads dossiers on the portal: staff pages send them to their home
    assert client_for(other).get(reverse("procedures:dossier", args=[dossier.pk]))["Location"] == "/"
    assert client_for(other).get(reverse("procedures:statistics"))["Location"] == "/"
    assert client_for(dept.officer).get(reverse("procedures:dossier", args=[dossier.pk])).status_code == 200
    assert Client().get(reverse("procedures:index")).status_code == 302


def test_catalogue_pages_and_desk_receipt(dept, catalog):
    desk = client_for(dept.desk)
    page = desk.get(reverse("procedures:procedure", args=["STTTT.TS.01"])).content.decode()
    assert "Cục Tần số" in page and "3.12.c" in page
    procedure = catalog["STTTT.PTTH.01"]
    chosen = desk.get(reverse("procedures:desk_receive"), {"procedure": procedure.pk}).content.decode()
    assert all(f'name="paper_{c.pk}"' in chosen for c in procedure.components.all())
    paper = {f"paper_{c.pk}": "on" for c in procedure.components.all()}
    incomplete = desk.post(
        reverse("procedures:desk_receive"),
        {"procedure": procedure.pk, "channel": "desk", "applicant_name": "Khách sạn B"},
    )
    assert incomplete.status_code == 200 and not Dossier.objects.exists()
    response = desk.post(
        reverse("procedures:desk_receive"),
        {
            "procedure": procedure.pk,
            "channel": "desk",
            "applicant_name": "Khách sạn B",
            "applicant_phone": "0271 3888 999",  # the desk checks the applicant as the portal does
            "holder_type": "organisation",
            "subject_facility_address": "Số 1 đường A",
            "subject_channels": "CNN",
            **paper,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.get(applicant_name="Khách sạn B")
    assert dossier.status == Status.RECEIVED and dossier.code and dossier.submitted_by is None
    refused = client_for(dept.officer).post(
        reverse("procedures:desk_receive"), {"procedure": procedure.pk, "applicant_name": "C", **paper}
    )
    assert refused.status_code == 403 and not Dossier.objects.filter(applicant_name="C").exists()


def test_api_catalogue_dossier_transition_and_conflict(dept, catalog):
    api = APIClient()
    api.force_authenticate(dept.applicant)
    listing = api.get("/api/v1/procedures/catalog/")
    assert listing.status_code == 200 and listing.json()["count"] == len(catalog)
    dotted = next(code for code in catalog if "." in code and not code[0].isdigit())
    assert api.get(f"/api/v1/procedures/catalog/{dotted}/").json()["code"] == dotted  # codes with dots resolve
    import base64

    files = [
        {"component": c.pk, "name": f"c{c.pk}.pdf", "content": base64.b64encode(PDF).decode()}
        for c in catalog["1.003868"].components.all()
        if c.required
    ]
    body = {"procedure": "1.003868", "applicant_name": "Công ty C", "applicant_phone": "0912345678", "files": files}
    missing = api.post("/api/v1/procedures/dossiers/", {**body, "files": []}, format="json")
    assert missing.status_code == 400 and not Dossier.objects.exists()
    first = api.post("/api/v1/procedures/dossiers/", body, format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    second = api.post("/api/v1/procedures/dossiers/", body, format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    assert first.status_code == 201 and second.status_code == 200 and first.json()["id"] == second.json()["id"]
    assert first.json()["portal_status_code"] == 1
    pk = first.json()["id"]
    staff = APIClient()
    staff.force_authenticate(dept.desk)
    ok = staff.post(
        f"/api/v1/procedures/dossiers/{pk}/transition/", {"action": "receive", "expected_version": 0}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["status"] == "received"
    conflict = staff.post(
        f"/api/v1/procedures/dossiers/{pk}/transition/",
        {"action": "reject", "expected_version": 0, "reasons": "x"},
        format="json",
    )
    assert conflict.status_code == 409 and conflict.json()["code"] == "conflict"
    forbidden = api.post(f"/api/v1/procedures/dossiers/{pk}/transition/", {"action": "transfer"}, format="json")
    assert forbidden.status_code == 403
    bad = api.post("/api/v1/procedures/dossiers/", {**body, "applicant_name": " "}, format="json")
    assert bad.status_code == 400 and bad.json()["code"] == "invalid"
    stats = staff.get("/api/v1/procedures/statistics/", {"month": "2024-13"})
    assert stats.status_code == 400


def test_cli_catalog_and_stats(dept, catalog, capsys):
    call_command("procedures", "catalog", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in data} == set(catalog)
    assert all(p["time_limit_basis"] for p in data)
    call_command("procedures", "stats", "--month", "2024-10", "--format", "json")
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(CommandError) as error:
        call_command("procedures", "stats", "--month", "October")
    assert error.value.returncode == 2


def test_demo_month_statistics_equal_the_database(db):
    from django.core.management import call_command as run

    run("demo", stdout=io.StringIO())
    today = timezone.localdate()
    month_start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    month = month_start.strftime("%Y-%m")
    first, last = selectors.month_bounds(month)
    rows = selectors.statistics(month)
    total = {
        k: sum(r[k] for r in rows)
        for k in (
            "received",
            "resolved_on_time",
            "resolved_late",
            "withdrawn",
            "in_progress_on_time",
            "in_progress_overdue",
        )
    }

    def in_month(field):
        return {f"{field}__date__gte": first, f"{field}__date__lte": last}

    assert total["received"] == Dossier.objects.filter(**in_month("received_at")).count() > 0
    resolved = Dossier.objects.filter(**in_month("resolved_at"))
    assert total["resolved_on_time"] == resolved.filter(closed_late=False).count() > 0
    assert total["resolved_late"] == resolved.filter(closed_late=True).count() > 0
    assert total["withdrawn"] == Dossier.objects.filter(**in_month("withdrawn_at")).count() > 0
    still_open = [
        d
        for d in Dossier.objects.filter(received_at__date__lte=last)
        if (d.resolved_at is None or timezone.localtime(d.resolved_at).date() > last)
        and (d.withdrawn_at is None or timezone.localtime(d.withdrawn_at).date() > last)
    ]
    assert total["in_progress_on_time"] + total["in_progress_overdue"] == len(still_open)
    assert total["in_progress_overdue"] == sum(1 for d in still_open if d.statutory_due_date < last) > 0
    assert Dossier.objects.filter(status__in=IN_PROGRESS).exists()
    # The same figures through the dashboard's XLSX export and the API.
    from openpyxl import load_workbook

    from stttt.accounts.models import User

    director = User.objects.get(username="giamdoc")
    response = client_for(director).get(reverse("procedures:statistics"), {"month": month, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sum(row[3] for row in sheet.iter_rows(min_row=2, values_only=True)) == total["received"]
    api = APIClient()
    api.force_authenticate(director)
    by_division = api.get("/api/v1/procedures/statistics/", {"month": month, "by": "division"}).json()
    assert sum(r["received"] for r in by_division) == total["received"]
    run("demo", stdout=io.StringIO())  # idempotent
    assert sum(r["received"] for r in selectors.statistics(month)) == total["received"]


def test_desk_guides_an_incomplete_paper_dossier_without_recording_it(dept, catalog):
    desk = client_for(dept.desk)
    response = desk.post(
        reverse("procedures:desk_guidance"),
        {
            "procedure": catalog["1.003868"].pk,
            "applicant_name": "Ông Nguyễn Văn B",
            "missing": "Thiếu bản thảo có đóng dấu",
            "format": "docx",
        },
    )
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert Dossier.objects.count() == 0
    assert client_for(dept.officer).get(reverse("procedures:desk_guidance")).status_code == 403
