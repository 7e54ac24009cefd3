"""Writes of the regulation: import a document (create or update in place), tag fields, edit taxonomy."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.legal import pages, rules, sources
from stttt.legal.importer import ExternalRef, ImportRefused, Node, ParsedDocument, Warning_, parse
from stttt.legal.models import DataWarning, Document, ExternalDocument, Field, LegalBasis, Provision


@dataclass
class ImportResult:
    document: Document
    created: bool
    provisions_created: int
    provisions_updated: int
    provisions_removed: int
    warnings: list[DataWarning]


def external_document_upsert(ref: ExternalRef) -> ExternalDocument:
    """The catalogue record of a cited document (one per document, however many times it is cited)."""
    record, created = ExternalDocument.objects.get_or_create(
        key=ref.key,
        defaults={
            "doc_type": ref.doc_type,
            "number": ref.number,
            "date": ref.date,
            "issuer": ref.issuer,
            "title": ref.title,
        },
    )
    if not created:
        changed = False
        for name in ("issuer", "title", "date"):
            value = getattr(ref, name)
            if value and not getattr(record, name):
                setattr(record, name, value)
                changed = True
        if changed:
            record.save()
    return record


def fields_ensure(names: list[str]) -> list[Field]:
    """Create the fields of state management named in Article 2 when the taxonomy is still empty.

    Once it exists the taxonomy is data that editors own: a re-import never renames or removes fields.
    """
    if Field.objects.exists() or not names:
        return list(Field.objects.all())
    created = []
    for order, name in enumerate(names, start=1):
        created.append(
            Field.objects.create(
                code=slugify(fold(name)) or f"field-{order}",
                name=name,
                order=order,
                keywords=rules.field_keywords(name),
            )
        )
    return created


@transaction.atomic
def document_import(
    text: str, *, actor: Any = None, primary: bool | None = None, version_date: datetime.date | None = None
) -> ImportResult:
    """Import a legal document from its text (Markdown, plain text or our JSON export).

    The same document and version imported again is updated in place: provisions are matched by eId,
    changed ones updated, missing ones removed, field tags kept. Raises ImportRefused (nothing written)
    when the text is not a legal document.
    """
    parsed = parse(text)
    return document_save(parsed, source_text=text, actor=actor, primary=primary, version_date=version_date)


@transaction.atomic
def document_import_file(
    data: bytes,
    *,
    name: str = "",
    actor: Any = None,
    primary: bool | None = None,
    version_date: datetime.date | None = None,
) -> ImportResult:
    """Import a legal document from a file as users have it: DOCX, PDF (text layer or scan), portal
    text, Markdown or our JSON export (`sources.read`). What reading it repaired comes first among the
    warnings. Raises ImportRefused (nothing written) when it cannot be read or is not a legal document.
    """
    return document_import_source(
        sources.read(data, name=name), actor=actor, primary=primary, version_date=version_date
    )


@transaction.atomic
def document_import_source(
    source: sources.Source,
    *,
    actor: Any = None,
    primary: bool | None = None,
    version_date: datetime.date | None = None,
) -> ImportResult:
    """Import a document already read from its file (`sources.read`), with the repairs made reading it."""
    parsed = parse(source.text)
    parsed.source_format = source.format if source.format != "markdown" else parsed.source_format
    parsed.warnings[:0] = [Warning_(code, message) for code, message in source.repairs]
    return document_save(parsed, source_text=source.text, actor=actor, primary=primary, version_date=version_date)


@transaction.atomic
def document_save(
    parsed: ParsedDocument,
    *,
    source_text: str = "",
    actor: Any = None,
    primary: bool | None = None,
    version_date: datetime.date | None = None,
) -> ImportResult:
    version = version_date or parsed.effective_from or parsed.signing_date
    if version is None:
        raise ImportRefused(_("The document has neither a signing date nor an entry into force; give a version date."))
    pages.changed()  # the regulation pages kept in the shared cache are built anew
    fields_ensure(parsed.fields)
    work_uri = parsed.work_uri
    values: dict[str, Any] = {
        "doc_type": parsed.doc_type,
        "number": parsed.number,
        "title": parsed.title,
        "issuer": parsed.issuer,
        "place": parsed.place,
        "signing_date": parsed.signing_date,
        "signer": parsed.signer,
        "signer_capacity": parsed.signer_capacity,
        "signed_on_behalf": parsed.signed_on_behalf,
        "effective_from": parsed.effective_from,
        "replaces": external_document_upsert(parsed.replaces) if parsed.replaces else None,
        "regulation_title": parsed.regulation_title,
        "regulation_caption": parsed.regulation_caption,
        "recipients": parsed.recipients,
        "source_format": parsed.source_format,
        "source_text": source_text,
    }
    document = Document.objects.filter(work_uri=work_uri, version_date=version).first()
    created = document is None
    if document is None:
        document = Document(work_uri=work_uri, version_date=version)
    if primary is not None:
        values["primary"] = primary
    elif created and not Document.objects.filter(primary=True).exists():
        values["primary"] = True
    changed = [name for name, value in values.items() if getattr(document, name) != value]
    for name in changed:
        setattr(document, name, values[name])
    if actor is not None:
        document._history_user = actor  # type: ignore[attr-defined]
    if created or changed:  # an unchanged re-import writes no history row
        document.save()
    if document.primary:
        _primary_set(work_uri)
    _periods_update(work_uri)

    # Legal bases and their references.
    document.bases.all().delete()
    for order, basis in enumerate(parsed.bases, start=1):
        row = LegalBasis.objects.create(document=document, order=order, kind=basis.kind, text=basis.text)
        row.references.set([external_document_upsert(ref) for ref in basis.references])

    counts = _provisions_sync(document, parsed)

    # Warnings: replaced as a whole each time.
    document.data_warnings.all().delete()
    by_eid = dict(Provision.objects.filter(document=document).values_list("eid", "pk"))
    warnings = [
        DataWarning.objects.create(
            document=document, provision_id=by_eid.get(w.eid) if w.eid else None, code=w.code, message=w.message
        )
        for w in parsed.warnings
    ]
    return ImportResult(document, created, *counts, warnings)


def _primary_set(work_uri: str) -> None:
    """The versions of `work_uri` become the primary document, every other one stops being it. Each changed
    row is saved through the ORM (not `QuerySet.update()`), so its history row and audit entry are written."""
    others_primary = Document.objects.filter(primary=True).exclude(work_uri=work_uri)
    own_not_primary = Document.objects.filter(work_uri=work_uri, primary=False)
    for row in (others_primary | own_not_primary).order_by("pk"):
        row.primary = row.work_uri == work_uri
        row.save(update_fields=["primary", "updated_at"])


def _periods_update(work_uri: str) -> None:
    """Each version is in force until the day before the next version's entry into force."""
    versions = list(Document.objects.filter(work_uri=work_uri).order_by("version_date"))
    for current, following in itertools.pairwise(versions):
        start = following.effective_from or following.version_date
        end = start - datetime.timedelta(days=1)
        if current.effective_to != end:
            current.effective_to = end
            current.save(update_fields=["effective_to", "updated_at"])
    if versions and versions[-1].effective_to is not None:
        versions[-1].effective_to = None
        versions[-1].save(update_fields=["effective_to", "updated_at"])


def _provisions_sync(document: Document, parsed: ParsedDocument) -> tuple[int, int, int]:
    existing = {p.eid: p for p in Provision.objects.filter(document=document)}
    seen: set[str] = set()
    created = updated = 0
    fields = list(Field.objects.all())
    field_codes = [(f.code, list(f.keywords)) for f in fields]
    by_code = {f.code: f for f in fields}
    position = 0

    def visit(node: Node, parent: Provision | None) -> None:
        nonlocal position, created, updated
        position += 1
        eid = node.eid
        seen.add(eid)
        values = {
            "parent": parent,
            "part": node.part,
            "kind": node.kind,
            "citation": node.citation,
            "num": node.num,
            "heading": node.heading,
            "text": node.text,
            "wrap_up": node.wrap_up,
            "position": position,
        }
        provision = existing.get(eid)
        if provision is None:
            provision = Provision.objects.create(document=document, eid=eid, **values)
            created += 1
            codes = node.fields
            if (
                codes is None
                and node.part == "regulation"
                and node.kind == "clause"
                and node.path[0] == ("article", "3")
            ):
                codes = rules.fields_of_clause(node.text, field_codes)
            if codes:
                provision.fields.set([by_code[c] for c in codes if c in by_code])
        else:
            changed = [
                name
                for name, value in values.items()
                if (getattr(provision, name + "_id") if name == "parent" else getattr(provision, name))
                != (value.pk if isinstance(value, Provision) else value)
            ]
            if changed:
                for name, value in values.items():
                    setattr(provision, name, value)
                provision.save()
                updated += 1
            if node.fields is not None:
                provision.fields.set([by_code[c] for c in node.fields if c in by_code])
        for child in node.children:
            visit(child, provision)

    visit(parsed.decision, None)
    visit(parsed.regulation, None)
    stale = [p.pk for eid, p in existing.items() if eid not in seen]
    Provision.objects.filter(pk__in=stale).delete()
    return created, updated, len(stale)


@transaction.atomic
def provision_set_fields(provision: Provision, codes: list[str], *, actor: Any = None) -> Provision:
    """Tag a provision with fields of state management (replacing its tags)."""
    fields = list(Field.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {f.code for f in fields})
    if unknown:
        raise ValueError(_("Unknown fields: %(codes)s.") % {"codes": ", ".join(unknown)})
    provision.fields.set(fields)
    pages.changed()
    return provision


@transaction.atomic
def document_delete(document: Document, *, actor: Any = None) -> None:
    work_uri = document.work_uri
    document.delete()
    _periods_update(work_uri)
    pages.changed()
