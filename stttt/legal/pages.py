"""What the regulation pages keep between requests, and how a reader's copy is known to be current.

The regulation changes a few times a year and is read all day: its tree is rendered once per version of the
data (and per language and code version) and kept in the shared cache (`stttt.core.caching`); anonymous
readers revalidate with an ETag and Last-Modified, answered 304 without rendering. Every service that changes
a document, its provisions, fields or bases calls `changed()` (the admin does too).
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils import translation

from stttt.core import caching
from stttt.legal.models import Document, Provision
from stttt.legal.selectors import consolidation_notes

#: The shared-cache revision of the regulation's data.
REVISION = "legal"


def changed() -> None:
    """The regulation's data changed: what is kept for its pages is built anew, in every process."""
    caching.bump(REVISION)


def tree_context(document: Document) -> dict:
    """The document's provisions as a tree (each with `child_list`), its table of contents and whether it has an
    attached regulation, in two queries."""
    provisions = list(Provision.objects.filter(document=document).order_by("position").prefetch_related("fields"))
    by_parent: dict[int | None, list[Provision]] = {}
    for provision in provisions:
        by_parent.setdefault(provision.parent_id, []).append(provision)
    notes = consolidation_notes(document)
    for provision in provisions:
        provision.child_list = by_parent.get(provision.pk, [])  # type: ignore[attr-defined]
        provision.notes = notes.get(provision.eid, [])  # type: ignore[attr-defined]
    roots = by_parent.get(None, [])
    toc = [p for p in provisions if p.kind in ("chapter", "article")]
    return {"roots": roots, "toc": toc, "has_regulation": any(p.part == "regulation" for p in toc)}


def rendered_tree(document: Document) -> str:
    """The table of contents and the whole text of `document` as HTML, rendered once per revision."""

    def build() -> str:
        bases = document.bases.prefetch_related("references")
        return render_to_string("legal/_tree.html", {"document": document, **tree_context(document), "bases": bases})

    key = f"legal:tree:{document.pk}:{document.updated_at.isoformat()}:{translation.get_language()}"
    return caching.remember(key, build, revisions_of=[REVISION])


def etag(document: Document) -> str:
    """The ETag of a public page showing `document`: its version, the data's revision, language and code."""
    return caching.fingerprint(
        caching.revision(REVISION), document.pk, document.updated_at.isoformat(), translation.get_language()
    )


def last_modified(document: Document) -> datetime.datetime:
    """Last-Modified of a page showing `document`: its own change, or the regulation data's last change."""
    return max(document.updated_at, caching.revision_time(REVISION))
