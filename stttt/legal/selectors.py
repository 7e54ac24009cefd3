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
from stttt.core.text import matches as text_matches
from stttt.legal import amending, rules
from stttt.legal.highlight import snippet
from stttt.legal.models import (
    Amendment,
    CompetenceChange,
    DataWarning,
    Document,
    ExternalDocument,
    Field,
    ParameterValue,
    Provision,
)


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


# ---------------------------------------------------------------------------------------------------------
# Amendments, consolidated text, dated parameters, who holds a duty (issue 15)


def path_of_eid(eid: str) -> tuple[rules.Step, ...]:
    parsed = rules.parse_reference(eid)
    return parsed.path if parsed else ()


def amendments_in_force(document: Document) -> QuerySet[Amendment]:
    """The amendments the version `document` carries: those of its work in force on its first day."""
    day = document.effective_from or document.version_date
    return (
        Amendment.objects.filter(target_work_uri=document.work_uri, effective_from__lte=day)
        .select_related("amending")
        .order_by("effective_from", "amending__signing_date", "order")
    )


def amendment_source(amendment: Amendment) -> str:
    """`khoản 1 Điều 1 của Quyết định số 999/2024/QĐ-UBND ngày 14 tháng 6 năm 2024 của …` (the amending
    provision, as the notes of a consolidated text name it)."""
    doc = amendment.amending
    where = rules.spoken_for(path_of_eid(amendment.source_eid)) if amendment.source_eid else ""
    whole = rules.full_citation(
        "decision", (), doc_type=doc.doc_type, number=doc.number, date=doc.signing_date, issuer=doc.issuer
    )
    return f"{where} của {whole}" if where else whole


def consolidation_notes(document: Document) -> dict[str, list[dict[str, Any]]]:
    """eId -> the notes a consolidated text (văn bản hợp nhất) puts under the provision: which document
    changed it, how and from when. A repealed provision's note sits on its parent (it is no longer there)."""
    notes: dict[str, list[dict[str, Any]]] = {}
    for amendment in amendments_in_force(document):
        path = path_of_eid(amendment.target_eid)
        own = amendment.action != "repeal"
        parent = rules.eid_for("regulation", path[:-1]) if len(path) > 1 else "regulation"
        eid = amendment.target_eid if own else parent
        notes.setdefault(eid, []).append(
            {
                "action": amendment.action,
                "citation": amendment.target_citation,
                "amending_id": amendment.amending_id,
                "amending_number": amendment.amending.number,
                "amending_title": amendment.amending.title,
                "effective_from": amendment.effective_from,
                "text": amending.note_sentence(
                    amendment.action,
                    path,
                    source=amendment_source(amendment),
                    effective_from=amendment.effective_from,
                    own=own,
                ),
            }
        )
    return notes


def amendments_made_by(document: Document) -> QuerySet[Amendment]:
    return document.amendments_made.order_by("order")


def parameters_at(work_uri: str, day: datetime.date) -> dict[str, dict[str, Any]]:
    """key -> the value in force on `day` of each rule parameter of the work, with the provision it comes
    from and, when an amendment set it, the amending document (OpenFisca-style dated parameters)."""
    found: dict[str, dict[str, Any]] = {}
    rows = (
        ParameterValue.objects.filter(parameter__work_uri=work_uri, valid_from__lte=day)
        .select_related("parameter", "amended_by")
        .order_by("parameter__key", "valid_from")
    )
    for row in rows:
        found[row.parameter.key] = {
            "key": row.parameter.key,
            "value": row.value,
            "unit": row.parameter.unit,
            "citation": row.parameter.citation,
            "description": row.parameter.description,
            "valid_from": row.valid_from,
            "amended_by": f"{row.amended_by.doc_type} số {row.amended_by.number}" if row.amended_by else "",
            "amended_by_title": row.amended_by.title if row.amended_by else "",
        }
    return found


def parameter_history(work_uri: str) -> QuerySet[ParameterValue]:
    return (
        ParameterValue.objects.filter(parameter__work_uri=work_uri)
        .select_related("parameter", "amended_by", "version")
        .order_by("parameter__citation", "parameter__key", "valid_from")
    )


def holder_of(provision: Provision, day: datetime.date) -> dict[str, Any]:
    """Who holds the duty of `provision` on `day`: the body the regulation names, unless a recorded change
    of competence (a reorganisation) whose scope covers the provision has taken effect by then. Returns the
    holder, its basis, the chain of changes up to that day and whether any fact is still to verify."""
    document = provision.document
    regulation_holder = holder_named_by(document)
    start = document_versions(document.work_uri).first()
    origin = {
        "holder": regulation_holder,
        "from": (start.effective_from or start.version_date) if start else None,
        "basis": full_citation(provision),
        "source": "",
        "certainty": "fact",
        "note": "",
        "scope": "",
    }
    chain = [origin]
    changes = CompetenceChange.objects.filter(work_uri=document.work_uri, effective_from__lte=day).order_by(
        "effective_from", "scope"
    )
    for change in changes:
        if rules.scope_covers(change.scope, provision.citation):
            chain.append(
                {
                    "holder": change.holder,
                    "from": change.effective_from,
                    "basis": change.basis,
                    "source": change.source_url,
                    "certainty": change.certainty,
                    "note": change.note,
                    "scope": change.scope,
                }
            )
    current = _latest_most_specific(chain)
    return {
        "citation": provision.citation,
        "full_citation": full_citation(provision),
        "text": provision.text,
        "at": day,
        "holder": current["holder"],
        "basis": current["basis"],
        "certainty": current["certainty"],
        "history": chain,
        "unsure": any(step["certainty"] != "fact" for step in chain),
    }


def _latest_most_specific(chain: list[dict[str, Any]]) -> dict[str, Any]:
    """The latest step; on the same day, the one with the longest (most specific) scope."""
    return max(chain, key=lambda step: (step["from"] or datetime.date.min, len(step["scope"])))


def holder_named_by(document: Document) -> str:
    """The body whose duties the regulation sets, from its title (`… của Sở Thông tin và Truyền thông tỉnh
    Lâm Đồng`)."""
    return rules.subject_of(document.regulation_title or document.title) or document.issuer


def amendments_of_work(work_uri: str) -> bool:
    return Amendment.objects.filter(target_work_uri=work_uri).exists()


def amending_documents_of(document: Document) -> list[Document]:
    """The amending documents whose amendments the version `document` carries, in order."""
    seen: dict[int, Document] = {}
    for amendment in amendments_in_force(document):
        seen.setdefault(amendment.amending_id, amendment.amending)
    return list(seen.values())


def legal_facts(*, unsure_only: bool = False, query: str = "") -> list[tuple[str, Any]]:
    """The facts of law the capabilities rely on (`stttt.core.legalfacts`), each with the name of the app
    that uses it; unsure ones first. `query` matches label, key and basis, diacritics ignored."""
    from stttt.core.apps import capabilities
    from stttt.core.legalfacts import all_facts

    names = {config.label: str(config.verbose_name) for config in capabilities()}
    found = []
    for item in all_facts():
        if unsure_only and not item.unsure:
            continue
        if query and not text_matches(query, f"{item.label} {item.key} {item.basis}"):
            continue
        found.append((names.get(item.key.split(".", 1)[0], item.key.split(".", 1)[0]), item))
    return sorted(found, key=lambda pair: (not pair[1].unsure, pair[0], pair[1].key))
