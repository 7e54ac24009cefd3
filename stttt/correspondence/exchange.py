"""Electronic documents in and out as files: a documented JSON form and an edXML message (the national
exchange format, QCVN 102:2016/BTTTT; see fact `correspondence.exchange_format`, unsure about the exact
element set). An outgoing document exported here imports as an incoming document of another agency with
the same particulars and files: the round trip is tested.

JSON form (`"format": "stttt.correspondence/1"`)::

    {"format": "stttt.correspondence/1",
     "document": {"issuer": str, "issuer_code": str, "number_symbol": str, "date": "YYYY-MM-DD",
                  "type": "CV|QĐ|KH|…" (Appendix III abbreviation; CV = official letter), "summary": str,
                  "body": str, "place": str, "urgency": "|khan|thuong_khan|hoa_toc",
                  "secrecy": "|mat|toi_mat|tuyet_mat", "pages": int,
                  "signer": {"authority": str, "title": str, "name": str}, "recipients": [str]},
     "files": [{"name": str, "content_type": str, "base64": str}]}

No network integration: files are exchanged by whatever channel the agencies use (the platform's client).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree

from stttt.correspondence.choices import DocType, Secrecy, Urgency

FORMAT = "stttt.correspondence/1"
EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"  # [verify] namespace of QCVN 102:2016
NS = {"edXML": EDXML_NS}
PRIORITY = {"": "0", "khan": "1", "thuong_khan": "2", "hoa_toc": "3"}
MAX_BYTES = 30 * 1024 * 1024


class ExchangeError(ValueError):
    """The file is not a document in a format we read; the message is for the user."""


@dataclass
class Exchanged:
    """A document's particulars as exchanged between systems."""

    issuer: str
    number_symbol: str
    date: dt.date
    summary: str
    doc_type: str = DocType.CONG_VAN
    body: str = ""
    issuer_code: str = ""
    place: str = ""
    urgency: str = ""
    secrecy: str = ""
    pages: int = 1
    signer: dict[str, str] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)


def of_outgoing(doc: Any) -> Exchanged:
    """An issued outgoing document as exchanged (files: its rendered PDF)."""
    from stttt.core.documents import to_pdf
    from stttt.correspondence.render import document_of
    from stttt.org.selectors import letterhead

    head = letterhead(doc.agency)
    pdf = to_pdf(document_of(doc))
    return Exchanged(
        issuer=doc.agency.name,
        issuer_code=doc.agency.national_code,
        number_symbol=doc.number_symbol,
        date=doc.issued_on or doc.signed_on,
        summary=doc.summary,
        doc_type=doc.doc_type,
        body=doc.body,
        place=head["place"],
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        pages=max(1, pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")),
        signer={"authority": doc.authority_line, "title": doc.title_line, "name": doc.signer_name},
        recipients=doc.recipients,
        files=[(f"{doc.number_symbol.replace('/', '-')}.pdf", pdf)],
    )


# --- JSON ---------------------------------------------------------------------------------------------


def to_json(item: Exchanged) -> bytes:
    data = {
        "format": FORMAT,
        "document": {
            "issuer": item.issuer,
            "issuer_code": item.issuer_code,
            "number_symbol": item.number_symbol,
            "date": item.date.isoformat(),
            "type": item.doc_type,
            "summary": item.summary,
            "body": item.body,
            "place": item.place,
            "urgency": item.urgency,
            "secrecy": item.secrecy,
            "pages": item.pages,
            "signer": item.signer,
            "recipients": item.recipients,
        },
        "files": [
            {"name": name, "content_type": _content_type(name), "base64": base64.b64encode(content).decode()}
            for name, content in item.files
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def _content_type(name: str) -> str:
    from stttt.core.uploads import ALLOWED, extension_of

    return ALLOWED.get(extension_of(name), ("application/octet-stream", ()))[0]


def _text(value: Any, name: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ExchangeError(_("The field %(name)s is missing or not text.") % {"name": name})
    return value.strip()


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ExchangeError(_("The document date is not a date (YYYY-MM-DD).")) from None


def _choice(value: str, allowed: list[str], name: str) -> str:
    if value not in allowed:
        raise ExchangeError(_("The field %(name)s has an unknown value.") % {"name": name})
    return value


def from_json(content: bytes) -> Exchanged:
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExchangeError(_("The file is not JSON.")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("document"), dict):
        raise ExchangeError(_("The file is not a document in the stttt exchange format."))
    d = data["document"]
    files = []
    for entry in data.get("files") or []:
        try:
            files.append(
                (_text(entry.get("name"), "files.name"), base64.b64decode(entry.get("base64", ""), validate=True))
            )
        except (ValueError, AttributeError):
            raise ExchangeError(_("A file in the document is damaged.")) from None
    signer = d.get("signer") if isinstance(d.get("signer"), dict) else {}
    return Exchanged(
        issuer=_text(d.get("issuer"), "issuer"),
        issuer_code=_text(d.get("issuer_code"), "issuer_code", required=False),
        number_symbol=_text(d.get("number_symbol"), "number_symbol"),
        date=_date(d.get("date")),
        summary=_text(d.get("summary"), "summary"),
        doc_type=_choice(str(d.get("type", DocType.CONG_VAN)), DocType.values, "type"),
        body=_text(d.get("body"), "body", required=False),
        place=_text(d.get("place"), "place", required=False),
        urgency=_choice(str(d.get("urgency") or ""), Urgency.values, "urgency"),
        secrecy=_choice(str(d.get("secrecy") or ""), Secrecy.values, "secrecy"),
        pages=int(d.get("pages") or 1) if str(d.get("pages") or 1).isdigit() else 1,
        signer={k: str(v) for k, v in signer.items() if k in ("authority", "title", "name")},
        recipients=[str(r) for r in d.get("recipients") or [] if isinstance(r, str)],
        files=files,
    )


# --- edXML --------------------------------------------------------------------------------------------


def _el(parent: Any, tag: str, text: str | None = None) -> Any:
    node = etree.SubElement(parent, f"{{{EDXML_NS}}}{tag}")
    if text is not None:
        node.text = text
    return node


def to_edxml(item: Exchanged) -> bytes:
    """The message: header (From, To, Code, PromulgationInfo, DocumentType, Subject, Content, SignerInfo,
    OtherInfo) and body (attachments in base64)."""
    root = etree.Element(f"{{{EDXML_NS}}}edXMLEnvelope", nsmap={"edXML": EDXML_NS})
    header = _el(_el(root, "edXMLHeader"), "MessageHeader")
    sender = _el(header, "From")
    _el(sender, "OrganId", item.issuer_code)
    _el(sender, "OrganName", item.issuer)
    for recipient in item.recipients:
        _el(_el(header, "To"), "OrganName", recipient)
    number, _sep, notation = item.number_symbol.partition("/")
    code = _el(header, "Code")
    _el(code, "CodeNumber", number)
    _el(code, "CodeNotation", notation)
    info = _el(header, "PromulgationInfo")
    _el(info, "Place", item.place)
    _el(info, "PromulgationDate", item.date.isoformat())
    kind = _el(header, "DocumentType")
    _el(kind, "Type", item.doc_type)
    with translation.override("vi"):
        _el(kind, "TypeName", str(DocType(item.doc_type).label) if item.doc_type in DocType.values else item.doc_type)
    _el(header, "Subject", item.summary)
    _el(header, "Content", item.body)
    signer = _el(header, "SignerInfo")
    _el(signer, "Competence", item.signer.get("authority", ""))
    _el(signer, "Position", item.signer.get("title", ""))
    _el(signer, "FullName", item.signer.get("name", ""))
    other = _el(header, "OtherInfo")
    _el(other, "Priority", PRIORITY.get(item.urgency, "0"))
    _el(other, "SecretLevel", item.secrecy)
    _el(other, "PageAmount", str(item.pages))
    body = _el(root, "edXMLBody")
    for name, content in item.files:
        attachment = _el(body, "Attachment")
        _el(attachment, "ContentType", _content_type(name))
        _el(attachment, "AttachmentName", name)
        _el(attachment, "ContentTransferEncoded", "base64")
        _el(attachment, "Content", base64.b64encode(content).decode())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _find(node: Any, path: str) -> str:
    found = node.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def from_edxml(content: bytes) -> Exchanged:
    if b"<!DOCTYPE" in content[:2048].upper() or b"<!ENTITY" in content.upper():
        raise ExchangeError(_("The file declares a document type; it is refused."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError:
        raise ExchangeError(_("The file is not XML.")) from None
    if root.tag != f"{{{EDXML_NS}}}edXMLEnvelope":
        raise ExchangeError(_("The file is not an edXML message."))
    h = root.find("edXML:edXMLHeader/edXML:MessageHeader", NS)
    if h is None:
        raise ExchangeError(_("The edXML message has no header."))
    number, notation = _find(h, "edXML:Code/edXML:CodeNumber"), _find(h, "edXML:Code/edXML:CodeNotation")
    priority = {v: k for k, v in PRIORITY.items()}.get(_find(h, "edXML:OtherInfo/edXML:Priority"), "")
    files = []
    for att in root.findall("edXML:edXMLBody/edXML:Attachment", NS):
        try:
            files.append(
                (_find(att, "edXML:AttachmentName"), base64.b64decode(_find(att, "edXML:Content"), validate=True))
            )
        except ValueError:
            raise ExchangeError(_("A file in the document is damaged.")) from None
    return Exchanged(
        issuer=_text(_find(h, "edXML:From/edXML:OrganName"), "From/OrganName"),
        issuer_code=_find(h, "edXML:From/edXML:OrganId"),
        number_symbol=_text(f"{number}/{notation}" if notation else number, "Code"),
        date=_date(_find(h, "edXML:PromulgationInfo/edXML:PromulgationDate")),
        summary=_text(_find(h, "edXML:Subject"), "Subject"),
        doc_type=_choice(_find(h, "edXML:DocumentType/edXML:Type") or DocType.CONG_VAN, DocType.values, "Type"),
        body=_find(h, "edXML:Content"),
        place=_find(h, "edXML:PromulgationInfo/edXML:Place"),
        urgency=priority,
        secrecy=_choice(_find(h, "edXML:OtherInfo/edXML:SecretLevel"), Secrecy.values, "SecretLevel"),
        pages=int(_find(h, "edXML:OtherInfo/edXML:PageAmount") or 1)
        if _find(h, "edXML:OtherInfo/edXML:PageAmount").isdigit()
        else 1,
        signer={
            "authority": _find(h, "edXML:SignerInfo/edXML:Competence"),
            "title": _find(h, "edXML:SignerInfo/edXML:Position"),
            "name": _find(h, "edXML:SignerInfo/edXML:FullName"),
        },
        recipients=[(t.text or "").strip() for t in h.findall("edXML:To/edXML:OrganName", NS)],
        files=files,
    )


def read(content: bytes, name: str = "") -> Exchanged:
    """A document file in either form (by its first byte: `{` JSON, `<` edXML)."""
    if len(content) > MAX_BYTES:
        raise ExchangeError(_("The file is too large."))
    head = content.lstrip()[:1]
    if head == b"{":
        return from_json(content)
    if head == b"<":
        return from_edxml(content)
    raise ExchangeError(_("The file is neither the JSON form nor an edXML message."))
