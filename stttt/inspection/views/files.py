"""Documents of inspections and violation records as DOCX or PDF (administrative format)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from stttt.core.documents import DOCX_MIME, PDF_MIME, to_docx, to_pdf
from stttt.core.http import file_response
from stttt.inspection import documents, selectors
from stttt.inspection.views.common import department


def _send(doc, name: str, fmt: str) -> HttpResponse:
    if fmt == "docx":
        return file_response(to_docx(doc), f"{name}.docx", DOCX_MIME)
    if fmt == "pdf":
        return file_response(to_pdf(doc), f"{name}.pdf", PDF_MIME)
    raise Http404


def case_file(request: HttpRequest, pk: int, doc: str, fmt: str) -> HttpResponse:
    department(request)
    case = get_object_or_404(selectors.cases_visible_to(request.user), pk=pk)
    build = documents.CASE_DOCUMENTS.get(doc)
    if build is None:
        raise Http404
    return _send(build(case), f"thanh-tra-{case.pk}-{doc}", fmt)


def violation_file(request: HttpRequest, pk: int, doc: str, fmt: str) -> HttpResponse:
    department(request)
    record = get_object_or_404(selectors.violations_visible_to(request.user), pk=pk)
    build = documents.RECORD_DOCUMENTS.get(doc)
    if build is None or (doc == "quyet-dinh-xu-phat" and not hasattr(record, "decision")):
        raise Http404
    return _send(build(record), f"vphc-{record.pk}-{doc}", fmt)
