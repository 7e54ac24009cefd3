"""Reads of the regulation: find a provision by citation, list Article 3, the taxonomy, trees, search.

Other apps call `provision_get("3.14.đ")` (or `"3.14.dd"`, `"art_3__para_14__point_dd"`,
`"điểm đ khoản 14 Điều 3"`) to get the provision their records act under.
"""

from __future__ import annotations

import datetime
import difflib
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.search import search as folded_search
from stttt.core.text import fold, terms
from stttt.legal import rules
from stttt.legal.highlight import snippet
from stttt.legal.models import DataWarning, Document, ExternalDocument, Field, Provision


class ProvisionNotFound(LookupError):
    """No provision answers the reference; `suggestions` holds the nearest citations."""

    def __init__(self, message: str, *, reference: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reference = reference
        self.suggestions = suggestions or []


# ---------------------------------------------------------------------------------------------------------
# Documents and versions


def documents() -> QuerySet[Document]:
    return Document.objects.select_related("replaces").order_by("work_uri", "-version_date")


def document_versions(work_uri: str) -> QuerySet[Document]:
    return Document.objects.filter(work_uri=work_uri).order_by("version_date")


def document_as_of(work_uri: str, day: datetime.date) -> Document | None:
    """The version of a document in force on `day`, or None."""
    for version in document_versions(work_uri).order_by("-version_date"):
        if version.in_force_on(day):
            return version
    return None


def default_document(*, as_of: datetime.date | None = None) -> Document | None:
    """The Department's regulation (the primary document) in the version in force on `as_of` (today);
    the newest version when none is in force; None when nothing is loaded."""
    day = as_of or timezone.localdate()
    primary = Document.objects.filter(primary=True).order_by("-version_date").first()
    if primary is None:
        primary = Document.objects.order_by("-version_date", "-id").first()
        if primary is None:
            return None
    found = document_as_of(primary.work_uri, day)
    if found is None and as_of is None:
        return document_versions(primary.work_uri).order_by("-version_date").first()
    return found


def document_find(reference: str) -> Document | None:
    """A document by id, by number (`01/2024/QĐ-UBND`, newest version) or by `number@YYYY-MM-DD`."""
    reference = (reference or "").strip()
    if reference.isdigit():
        return Document.objects.filter(pk=int(reference)).first()
    number, _sep, day = reference.partition("@")
    queryset = Document.objects.filter(number__iexact=number.replace(" ", ""))
    if day:
        try:
            parsed = datetime.date.fromisoformat(day)
        except ValueError:
            return None
        first = queryset.first()
        return document_as_of(first.work_uri, parsed) if first is not None else None
    return queryset.order_by("-version_date").first()


# ---------------------------------------------------------------------------------------------------------
# Provisions


def provision_get(reference: str, *, document: Document | None = None, as_of: datetime.date | None = None) -> Provision:
    """The provision `reference` names, in `document` (default: the Department's regulation as of
    `as_of` or today). Accepts `3.14.đ`, `3.14.dd`, eIds and the spoken form; raises ProvisionNotFound
    with a Vietnamese message and the nearest citations."""
    if document is None:
        document = default_document(as_of=as_of)
        if document is None:
            raise ProvisionNotFound(_("No regulation has been imported yet."), reference=reference)
    parsed = rules.parse_reference(reference)
    if parsed is not None:
        eid = rules.eid_for(parsed.part, parsed.path)
        found = Provision.objects.filter(document=document, eid=eid).select_related("document", "parent").first()
        if found is not None:
            return found
    suggestions = suggest(reference, document=document, parsed=parsed)
    if parsed is None:
        message = _("“%(ref)s” is not a citation. Write it like 3.14.đ, 3.14.dd or “điểm đ khoản 14 Điều 3”.")
    else:
        message = _("%(ref)s does not exist in %(doc)s.")
    message = message % {"ref": reference, "doc": f"{document.doc_type} số {document.number}"}
    if suggestions:
        message += " " + _("Did you mean: %(list)s?") % {"list": ", ".join(suggestions)}
    raise ProvisionNotFound(message, reference=reference, suggestions=suggestions)


def suggest(reference: str, *, document: Document, parsed: rules.Reference | None = None, limit: int = 5) -> list[str]:
    """Citations nearest to an unknown reference: the closest existing ancestor's children first, then
    citations that look alike."""
    citations = list(Provision.objects.filter(document=document).values_list("citation", flat=True))
    nearest: list[str] = []
    if parsed is not None and parsed.path:
        path = parsed.path
        while path:
            path = path[:-1]
            eid = rules.eid_for(parsed.part, path) if path else None
            if eid is None:
                break
            ancestor = Provision.objects.filter(document=document, eid=eid).first()
            if ancestor is not None:
                children = list(ancestor.children.order_by("position").values_list("num", "citation"))
                typed_num = parsed.path[len(path)][1]
                nearest = [citation for _num, citation in sorted(children, key=lambda c: _distance(c[0], typed_num))]
                nearest = nearest[:limit] or [ancestor.citation]
                break
    folded = {fold(c).replace("dd", "d"): c for c in citations}
    typed_folded = fold(reference).replace("dd", "d").replace(" ", "")
    for match in difflib.get_close_matches(typed_folded, list(folded), n=limit, cutoff=0.6):
        if folded[match] not in nearest:
            nearest.append(folded[match])
    return nearest[:limit]


def _distance(num: str, typed: str) -> int:
    """How far apart two numbers or point letters are in their sequence (for suggestions)."""
    if num.isdigit() and typed.isdigit():
        return abs(int(num) - int(typed))
    letters = rules.POINT_LETTERS
    if num in letters and typed in letters:
        return abs(letters.index(num) - letters.index(typed))
    if typed not in letters and num in letters and typed.isalpha():
        # a letter the sequence lacks (f, j, w, z): measure from where it would sit in the alphabet
        return abs(ord(num[0]) - ord(typed[0]))
    return 99


def provision_children(provision: Provision) -> QuerySet[Provision]:
    return provision.children.order_by("position")


def provision_descendants(provision: Provision) -> QuerySet[Provision]:
    """Every provision below `provision`, in document order (eIds nest, so a prefix finds them)."""
    queryset = Provision.objects.filter(document=provision.document).order_by("position")
    if provision.kind in ("decision", "regulation"):
        return queryset.filter(part=provision.part).exclude(pk=provision.pk)
    if provision.kind == "chapter":
        return queryset.filter(position__gt=provision.position, position__lt=_next_sibling_position(provision))
    return queryset.filter(eid__startswith=provision.eid + "__")


def _next_sibling_position(provision: Provision) -> int:
    following = (
        Provision.objects.filter(
            document=provision.document,
            part=provision.part,
            kind=provision.kind,
            position__gt=provision.position,
        )
        .order_by("position")
        .first()
    )
    if following is not None:
        return following.position
    last = Provision.objects.filter(document=provision.document, part=provision.part).order_by("-position").first()
    return (last.position + 1) if last else provision.position + 1


def provisions_of_article(
    number: int | str, *, document: Document | None = None, kinds: tuple[str, ...] = ("clause", "point")
) -> QuerySet[Provision]:
    """The clauses and points of an article of the Regulation (Article 3: the Department's duties),
    in document order, with their fields prefetched."""
    article = provision_get(str(number), document=document)
    return provision_descendants(article).filter(kind__in=kinds).prefetch_related("fields")


def fields_of_state_management() -> QuerySet[Field]:
    """The fields of state management of Article 2, in their order (editable data)."""
    return Field.objects.order_by("order", "code")


def provisions_in_field(field: Field | str, *, document: Document | None = None) -> QuerySet[Provision]:
    """Clauses of Article 3 tagged with a field (by object or code)."""
    document = document or default_document()
    code = field.code if isinstance(field, Field) else field
    return Provision.objects.filter(document=document, fields__code=code).order_by("position")


def external_documents() -> QuerySet[ExternalDocument]:
    return ExternalDocument.objects.order_by("date", "doc_type", "number")


def warnings_of(document: Document) -> QuerySet[DataWarning]:
    return DataWarning.objects.filter(document=document).select_related("provision").order_by("id")


def full_citation(provision: Provision) -> str:
    """`điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo Quyết định số 01/2024/QĐ-UBND ngày …`."""
    document = provision.document
    return rules.full_citation(
        provision.part,
        path_of(provision),
        doc_type=document.doc_type,
        number=document.number,
        date=document.signing_date,
        issuer=document.issuer,
    )


def basis_sentence(document: Document) -> str:
    """`Căn cứ <type> số <number> ngày <signing date> của <issuer>`, read from the document's fields: the
    line other apps put in a preamble or a "legal basis" field instead of writing the regulation out."""
    return rules.basis_sentence(
        doc_type=document.doc_type, number=document.number, date=document.signing_date, issuer=document.issuer
    )


def spoken_citation(provision: Provision) -> str:
    return rules.spoken_for(path_of(provision)) or provision.citation


def path_of(provision: Provision) -> tuple[rules.Step, ...]:
    """The (kind, num) path of a provision, read back from its eId."""
    parsed = rules.parse_reference(provision.eid)
    return parsed.path if parsed else ()


# ---------------------------------------------------------------------------------------------------------
# Trees


def node_dict(provision: Provision, children: list[dict[str, Any]]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "eid": provision.eid,
        "citation": provision.citation,
        "kind": provision.kind,
        "num": provision.num,
        "heading": provision.heading,
        "text": provision.text,
    }
    if provision.wrap_up:
        node["wrap_up"] = provision.wrap_up
    node["children"] = children
    return node


def document_tree(document: Document) -> list[dict[str, Any]]:
    """The Decision and the Regulation as two roots, each node with eid, citation, kind, num, heading,
    text and children (one query)."""
    provisions = list(Provision.objects.filter(document=document).order_by("position"))
    by_parent: dict[int | None, list[Provision]] = {}
    for provision in provisions:
        by_parent.setdefault(provision.parent_id, []).append(provision)

    def build(provision: Provision) -> dict[str, Any]:
        return node_dict(provision, [build(child) for child in by_parent.get(provision.pk, [])])

    return [build(root) for root in by_parent.get(None, [])]


def subtree(provision: Provision) -> dict[str, Any]:
    descendants = list(provision_descendants(provision))
    by_parent: dict[int | None, list[Provision]] = {}
    for item in descendants:
        by_parent.setdefault(item.parent_id, []).append(item)

    def build(node: Provision) -> dict[str, Any]:
        return node_dict(node, [build(child) for child in by_parent.get(node.pk, [])])

    return build(provision)


# ---------------------------------------------------------------------------------------------------------
# Search


def provision_search(query: str, *, document: Document | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Provisions whose own text holds every word of the query (diacritics ignored), best first.

    Rank: the query as one phrase beats scattered words; whole words beat parts of words; among equals,
    the deeper and shorter provision (the one that says exactly that) comes first.
    """
    document = document or default_document()
    words = terms(query)
    if document is None or not words:
        return []
    candidates = folded_search(Provision.objects.filter(document=document), query)
    phrase = " ".join(words)
    depth = {"decision": 0, "regulation": 0, "chapter": 1, "article": 2, "clause": 3, "point": 4, "indent": 5}
    scored = []
    for provision in candidates:
        haystack = provision.search_text
        score = 0.0
        if phrase in haystack:
            score += 100
        padded = f" {haystack} "
        score += 10 * sum(1 for word in words if f" {word} " in padded or f" {word}," in padded)
        score += depth.get(provision.kind, 0)
        score -= len(haystack) / 2000
        scored.append((score, provision.position, provision))
    scored.sort(key=lambda item: (-item[0], item[1]))
    hits = []
    for score, _position, provision in scored[:limit]:
        source = " ".join(x for x in (provision.heading, provision.text, provision.wrap_up) if x)
        hits.append(
            {
                "citation": provision.citation,
                "eid": provision.eid,
                "kind": provision.kind,
                "score": round(score, 3),
                "snippet": snippet(source, query),
                "provision": provision,
            }
        )
    return hits
