"""The receipt slip (form 01) lists only what was handed in and says how the dossier is tracked."""

import pytest

from stttt.procedures import services, slips
from stttt.procedures.choices import Channel
from stttt.procedures.models import Component

from .conftest import PDF, at
from .test_slips import docx_text

pytestmark = pytest.mark.django_db


def test_receipt_lists_only_components_received_on_paper_or_attached(dept, catalog):
    from stttt.core.documents import to_docx

    procedure = catalog["STTTT.PTTH.01"]
    required = list(procedure.components.filter(required=True))
    never = Component.objects.create(
        procedure=procedure, name="Bản sao giấy chưa bao giờ nộp", required=False, order=99
    )
    scanned, *seen = required
    dossier, _created = services.dossier_file(
        procedure,
        actor=dept.desk,
        channel=Channel.DESK,
        data={"applicant_name": "Khách sạn Sao Mai"},
        uploads=[services.Upload(scanned, "scan.pdf", PDF)],
        paper=[c.pk for c in seen],
        now=at(2024, 10, 3, 9),
    )
    text = docx_text(to_docx(slips.receipt(dossier)))
    for component in required:
        assert " ".join(component.name.split())[:40] in text
    assert never.name not in text
    assert "tại Bộ phận tiếp nhận" in text and dossier.code in text  # a paper dossier has no portal secret


def test_online_receipt_names_the_reference_and_the_secret(dept, catalog):
    from stttt.core.documents import to_docx
    from stttt.portal.models import Submission

    from .conftest import file_dossier

    procedure = catalog["STTTT.PTTH.01"]
    dossier = file_dossier(procedure, dept.applicant, {"applicant_name": "Khách sạn Sao Mai"}, when=at(2024, 10, 3, 9))
    Submission.objects.create(dossier=dossier, reference="HS-ABCD2345", secret_hash="x")
    dossier = services.dossier_transition(dossier.pk, "receive", actor=dept.desk, now=at(2024, 10, 3, 10))
    text = docx_text(to_docx(slips.receipt(dossier)))
    assert "HS-ABCD2345" in text and "mã bí mật" in text
