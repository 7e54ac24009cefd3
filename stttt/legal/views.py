"""Pages of the regulation: the whole text with its table of contents, provisions, search, references."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from stttt.core.pagecache import public_page
from stttt.legal import citing, pages, selectors
from stttt.legal.highlight import highlight
from stttt.legal.models import Document, Provision


def _as_of(request: HttpRequest) -> datetime.date | None:
    """`?at=YYYY-MM-DD` (or the older `?as_of=`): the day whose version a page shows."""
    try:
        return datetime.date.fromisoformat(request.GET.get("at") or request.GET.get("as_of", ""))
    except ValueError:
        return None


def _version_redirect(request: HttpRequest, document: Document, eid: str = "") -> HttpResponse | None:
    """With `?at=`, a document or provision page moves to the version of the same document in force that day
    (404 when none was)."""
    day = _as_of(request)
    if day is None:
        return None
    version = selectors.document_as_of(document.work_uri, day)
    if version is None:
        raise Http404
    if eid:
        return redirect("legal:provision", pk=version.pk, eid=eid)
    return redirect("legal:document", pk=version.pk)


def _shown(request: HttpRequest, pk: int | None = None) -> Document | None:
    """The document a regulation page shows (looked up once per request: the conditional check needs it)."""
    if not hasattr(request, "_legal_document"):
        if pk is None:
            found = selectors.default_document(as_of=_as_of(request))
        else:
            found = Document.objects.select_related("replaces").filter(pk=pk).first()
        request._legal_document = found  # type: ignore[attr-defined]
    return request._legal_document  # type: ignore[attr-defined]


def _etag(request: HttpRequest, pk: int | None = None) -> str | None:
    """Anonymous readers revalidate with the regulation's revision; signed-in pages are never stored."""
    found = _shown(request, pk)
    if found is None or request.user.is_authenticated:
        return None
    return pages.etag(found)


def _last_modified(request: HttpRequest, pk: int | None = None) -> datetime.datetime | None:
    found = _shown(request, pk)
    if found is None or request.user.is_authenticated:
        return None
    return pages.last_modified(found)


@public_page(_etag, _last_modified)
def index(request: HttpRequest) -> HttpResponse:
    """The Department's regulation in force today, or on `?as_of=YYYY-MM-DD`."""
    document = _shown(request)
    if document is None:
        return render(request, "legal/empty.html")
    return _document_page(request, document)


@public_page(_etag, _last_modified)
def document(request: HttpRequest, pk: int) -> HttpResponse:
    found = _shown(request, pk)
    if found is None:
        raise Http404
    return _version_redirect(request, found) or _document_page(request, found)


def _document_page(request: HttpRequest, document: Document) -> HttpResponse:
    context = {
        "document": document,
        "tree": pages.rendered_tree(document),
        "versions": selectors.document_versions(document.work_uri),
        "amendments_made": selectors.amendments_made_by(document),
        "amended_by": selectors.amending_documents_of(document),
    }
    if request.user.is_staff:
        context["warnings"] = selectors.warnings_of(document)
    return render(request, "legal/document.html", context)


def provision(request: HttpRequest, pk: int, eid: str) -> HttpResponse:
    """One provision: its full citation, text, children, fields and what in stttt cites it."""
    document = get_object_or_404(Document, pk=pk)
    moved = _version_redirect(request, document, eid)
    if moved is not None:
        return moved
    try:
        item = selectors.provision_get(eid, document=document)
    except selectors.ProvisionNotFound:
        raise Http404 from None
    if item.eid != eid:
        return redirect("legal:provision", pk=pk, eid=item.eid)
    descendants = list(selectors.provision_descendants(item))
    by_parent: dict[int | None, list[Provision]] = {}
    for node in [item, *descendants]:
        by_parent.setdefault(node.parent_id, []).append(node)
    notes = selectors.consolidation_notes(document)
    for node in [item, *descendants]:
        node.child_list = by_parent.get(node.pk, [])  # type: ignore[attr-defined]
        node.notes = notes.get(node.eid, [])  # type: ignore[attr-defined]
    context = {
        "document": document,
        "provision": item,
        "full_citation": selectors.full_citation(item),
        "spoken": selectors.spoken_citation(item),
        "ancestors": _ancestors(item),
        "citing": [entry for entry in citing.citing_records(item, user=request.user) if entry[2]],
        "fields": item.fields.all(),
        "versions": selectors.document_versions(document.work_uri),
        "holder": selectors.holder_of(item, document.effective_to or timezone.localdate()),
    }
    if request.user.is_staff:
        context["warnings"] = item.data_warnings.all()
    return render(request, "legal/provision.html", context)


def _ancestors(item: Provision) -> list[Provision]:
    chain = []
    node = item.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def search(request: HttpRequest) -> HttpResponse:
    """Search that ignores diacritics and highlights what it found."""
    query = request.GET.get("q", "").strip()
    document = selectors.default_document()
    hits = selectors.provision_search(query, document=document) if query else []
    for hit in hits:
        provision = hit["provision"]
        hit["highlighted"] = highlight(" ".join(x for x in (provision.heading, provision.text) if x), query)
    goto = None
    if query and document is not None:
        try:
            goto = selectors.provision_get(query, document=document)
        except selectors.ProvisionNotFound:
            goto = None
    return render(request, "legal/search.html", {"query": query, "hits": hits, "document": document, "goto": goto})


def who(request: HttpRequest) -> HttpResponse:
    """Who holds the duty of a provision on a date (`?c=3.4.b&at=2026-06-01`): the body the regulation
    names, or its successor after the reorganisations since 2025, each step with its basis."""
    reference = request.GET.get("c", "").strip()
    day = _as_of(request) or timezone.localdate()
    context: dict = {"reference": reference, "day": day}
    if reference:
        try:
            context["answer"] = selectors.holder_of(selectors.provision_get(reference, as_of=day), day)
        except selectors.ProvisionNotFound as exc:
            context["error"] = exc.message
    return render(request, "legal/who.html", context)


def documents(request: HttpRequest) -> HttpResponse:
    return render(request, "legal/documents.html", {"documents": selectors.documents()})


def references(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "legal/references.html",
        {"references": selectors.external_documents().prefetch_related("cited_in__document")},
    )


def fields(request: HttpRequest) -> HttpResponse:
    document = selectors.default_document()
    rows = [
        (field, selectors.provisions_in_field(field, document=document) if document else [])
        for field in selectors.fields_of_state_management()
    ]
    return render(request, "legal/fields.html", {"rows": rows, "document": document})


def facts(request: HttpRequest) -> HttpResponse:
    """The time limits, thresholds and competences the system applies, each with its provision; the ones not
    yet checked against the official text marked (`?unsure=1` lists only those, `q` searches)."""
    query = request.GET.get("q", "").strip()
    unsure_only = request.GET.get("unsure") == "1"
    rows = selectors.legal_facts(unsure_only=unsure_only, query=query)
    return render(
        request,
        "legal/facts.html",
        {
            "rows": rows,
            "query": query,
            "unsure_only": unsure_only,
            "unsure_count": sum(1 for _app, item in rows if item.unsure),
        },
    )
