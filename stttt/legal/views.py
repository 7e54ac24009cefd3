"""Pages of the regulation: the whole text with its table of contents, provisions, search, references."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from stttt.legal import citing, selectors
from stttt.legal.highlight import highlight
from stttt.legal.models import Document, Provision


def _tree_context(document: Document) -> dict:
    provisions = list(Provision.objects.filter(document=document).order_by("position").prefetch_related("fields"))
    by_parent: dict[int | None, list[Provision]] = {}
    for provision in provisions:
        by_parent.setdefault(provision.parent_id, []).append(provision)
    for provision in provisions:
        provision.child_list = by_parent.get(provision.pk, [])  # type: ignore[attr-defined]
    roots = by_parent.get(None, [])
    toc = [p for p in provisions if p.kind in ("chapter", "article")]
    return {"roots": roots, "toc": toc, "has_regulation": any(p.part == "regulation" for p in toc)}


def index(request: HttpRequest) -> HttpResponse:
    """The Department's regulation in force today, or on `?as_of=YYYY-MM-DD`."""
    as_of = None
    if request.GET.get("as_of"):
        try:
            as_of = datetime.date.fromisoformat(request.GET["as_of"])
        except ValueError:
            as_of = None
    document = selectors.default_document(as_of=as_of)
    if document is None:
        return render(request, "legal/empty.html")
    return _document_page(request, document)


def document(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_page(request, get_object_or_404(Document, pk=pk))


def _document_page(request: HttpRequest, document: Document) -> HttpResponse:
    context = {
        "document": document,
        **_tree_context(document),
        "versions": selectors.document_versions(document.work_uri),
        "bases": document.bases.prefetch_related("references"),
    }
    if request.user.is_staff:
        context["warnings"] = selectors.warnings_of(document)
    return render(request, "legal/document.html", context)


def provision(request: HttpRequest, pk: int, eid: str) -> HttpResponse:
    """One provision: its full citation, text, children, fields and what in stttt cites it."""
    document = get_object_or_404(Document, pk=pk)
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
    for node in [item, *descendants]:
        node.child_list = by_parent.get(node.pk, [])  # type: ignore[attr-defined]
    context = {
        "document": document,
        "provision": item,
        "full_citation": selectors.full_citation(item),
        "spoken": selectors.spoken_citation(item),
        "ancestors": _ancestors(item),
        "citing": [entry for entry in citing.citing_records(item, user=request.user) if entry[2]],
        "fields": item.fields.all(),
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
