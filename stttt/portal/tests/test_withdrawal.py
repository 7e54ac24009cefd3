"""Online withdrawal (rút hồ sơ) by the applicant before a decision, from the tracking page: the workflow's
`withdraw` step, on the control sheet and in the audit history (issue 11)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stttt.licensing.tests.conftest import approve
from stttt.portal.models import Submission
from stttt.portal.tests.test_portal import _file
from stttt.procedures.choices import Status

pytestmark = pytest.mark.django_db


def _withdraw(client, reference, version, **extra):
    return client.post(reverse("portal:withdraw", args=[reference]), {"version": version, **extra}, follow=True)


def test_the_applicant_withdraws_from_the_tracking_page(dept, catalog):
    client = Client()
    reference, _secret = _file(client, catalog)
    dossier = Submission.objects.get(reference=reference).dossier
    page = client.get(reverse("portal:status", args=[reference])).content.decode()
    assert 'data-testid="withdraw"' in page and reverse("portal:withdraw", args=[reference]) in page

    # not confirmed: nothing changes, the reason is said in Vietnamese
    refused = _withdraw(client, reference, dossier.version, reasons="Nộp nhầm")
    assert "Đánh dấu vào ô để xác nhận rút hồ sơ" in refused.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED

    # someone without the reference's secret cannot (404, as for every page of the dossier)
    assert (
        Client().post(reverse("portal:withdraw", args=[reference]), {"version": 0, "confirm": "on"}).status_code == 404
    )

    done = _withdraw(client, reference, dossier.version, reasons="Nộp nhầm thủ tục", confirm="on")
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN and dossier.withdrawn_at is not None
    assert "rút" in done.content.decode().lower() and 'data-testid="withdraw"' not in done.content.decode()
    step = dossier.steps.get(action="withdraw")
    assert step.actor == dossier.submitted_by and step.note == "Nộp nhầm thủ tục"
    assert "107/2021" in step.basis  # the basis is kept on the control sheet
    assert dossier.history.filter(history_change_reason="withdraw").exists()  # audited
    assert "Nộp nhầm thủ tục" in done.content.decode()  # the applicant's own note shows among the steps


def test_no_withdrawal_after_the_decision_nor_from_a_stale_page(dept, catalog):
    client = Client()
    reference, _secret = _file(client, catalog)
    dossier = Submission.objects.get(reference=reference).dossier
    stale = dossier.version
    approve(dept, dossier)
    dossier.refresh_from_db()
    assert 'data-testid="withdraw"' not in client.get(reverse("portal:status", args=[reference])).content.decode()
    response = _withdraw(client, reference, dossier.version, confirm="on")
    dossier.refresh_from_db()
    assert dossier.status == Status.APPROVED and not dossier.steps.filter(action="withdraw").exists()
    assert response.status_code == 200
    # a page shown before a step the desk took meanwhile: a conflict, nothing written
    other = Client()
    reference2, _ = _file(other, catalog, idempotency_key="b" * 32)
    second = Submission.objects.get(reference=reference2).dossier
    seen = second.version
    from stttt.procedures import services

    services.dossier_transition(second.pk, "receive", actor=dept.desk)
    page = _withdraw(other, reference2, seen, confirm="on").content.decode()
    second.refresh_from_db()
    assert second.status == Status.RECEIVED and "tải lại" in page.lower()
    assert stale < dossier.version


def test_a_signed_in_applicant_withdraws_without_the_secret(dept, catalog):
    filer = Client()
    filer.force_login(dept.applicant)
    reference, _secret = _file(filer, catalog)
    dossier = Submission.objects.get(reference=reference).dossier
    later = Client()  # another session of the same account: no secret given
    later.force_login(dept.applicant)
    _withdraw(later, reference, dossier.version, confirm="on")
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN
    assert dossier.steps.get(action="withdraw").actor == dept.applicant
