"""Documents of inspections, violation records and letters (complaints, denunciations, petitions) as DOCX or
PDF (administrative format)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from stttt.core.documents import DOCX_MIME, PDF_MIME, to_docx, to_pdf
from stttt.core.http import file_response
from stttt.inspection import documents, selectors
from stttt.inspection.views.common import department, letters_gate


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


def letter_file(request: HttpRequest, pk: int, doc: str, fmt: str) -> HttpResponse:
    """A document of a letter, among those its state allows (404 otherwise); for those who may see the letter
    (403 for staff outside the Inspectorate and the Board, 404 for a letter they are not shown). A
    denunciation's documents carry no denouncer's identity (`documents`)."""
    letters_gate(request)
    letter = get_object_or_404(selectors.letters_visible_to(request.user).select_related("agency"), pk=pk)
    if doc not in documents.letter_documents(letter):
        raise Http404
    return _send(documents.LETTER_DOCUMENTS[doc](letter), f"don-thu-{letter.pk}-{doc}", fmt)
