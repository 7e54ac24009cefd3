"""Making a document the primary one changes the other documents' flag through audited saves (issue 12)."""

from stttt.core.models import AuditEntry
from stttt.legal.models import Document
from stttt.legal.services import document_import
from stttt.legal.tests.test_import import DECREE


def test_a_new_primary_document_records_the_old_ones_loss_of_the_flag(seed):
    assert seed.primary
    decree = document_import(DECREE, primary=True).document
    seed.refresh_from_db()
    assert decree.primary and not seed.primary
    assert seed.history.order_by("-history_id").first().primary is False
    assert Document.objects.filter(primary=True).count() == Document.objects.filter(work_uri=decree.work_uri).count()
    assert AuditEntry.objects.filter(object_type="legal.document", object_id=str(seed.pk)).count() >= 2
