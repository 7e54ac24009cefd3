"""Writes of amendments (issue 15), part of the legal services: import an amending document,
rebuild the consolidated versions of the documents it amends, refresh their dated rule parameters, and
load the rule parameters and changes of competence from data files.

A consolidated version is an ordinary `Document` version of the amended work (so every page, the API, the
CLI and the exports read it as they read any version) with `source_format = "consolidated"`; it is never
edited by hand: it is rebuilt from the last version imported from a text plus the amendments in force.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.legal import amending, export, importer, pages, selectors, services
from stttt.legal.models import Amendment, CompetenceChange, Document, ParameterValue, Provision, RuleParameter

CONSOLIDATED = "consolidated"


@dataclass
class AmendingResult:
    document: Document
    created: bool
    amendments: list[Amendment]
    versions: list[Document]  # the consolidated versions of the amended work, oldest first
    unread: list[str]  # sentences that look amending but are not applied (reported, never silently dropped)


@transaction.atomic
def amending_document_import(text: str, *, actor: Any = None) -> AmendingResult:
    """Import an amending document: the document itself, its amending instructions, and the amended
    document's consolidated version from their entry into force. Raises ImportRefused (nothing written)
    when the amended document is not imported, the date is missing, or an instruction cannot apply."""
    parsed = importer.parse(text)
    number = amending.target_number(text)
    instructions = amending.parse_instructions(text)
    if number is None or not instructions:
        raise importer.ImportRefused(_("No amending provision (sửa đổi, bổ sung, bãi bỏ, thay thế) was found."))
    target = selectors.document_find(number)
    if target is None:
        raise importer.ImportRefused(
            _("The amended document %(number)s has not been imported; import it first.") % {"number": number}
        )
    if parsed.effective_from is None:
        raise importer.ImportRefused(_("The amending document does not say when it enters into force."))
    result = services.document_save(parsed, source_text=text, actor=actor, primary=False)
    document = result.document
    rows = _amendments_sync(document, target.work_uri, parsed.effective_from, instructions)
    try:
        versions = consolidate(target.work_uri, actor=actor)
    except amending.AmendmentError as exc:
        raise importer.ImportRefused(str(exc)) from exc
    return AmendingResult(document, result.created, rows, versions, amending.unread_instructions(text))


def _amendments_sync(
    document: Document, work_uri: str, effective_from: datetime.date, instructions: list[amending.Instruction]
) -> list[Amendment]:
    """The document's amendment rows, one per instruction (matched by order); a re-import that changes
    nothing writes nothing, so no history row is added."""
    existing = {row.order: row for row in document.amendments_made.all()}
    rows = []
    for instruction in instructions:
        values = {
            "action": instruction.action,
            "target_work_uri": work_uri,
            "target_eid": instruction.eid,
            "target_citation": instruction.citation,
            "after_eid": instruction.after_eid,
            "effective_from": effective_from,
            "instruction": instruction.sentence,
            "new_text": "\n".join(instruction.new_lines),
            "source_eid": instruction.source_eid,
        }
        row = existing.pop(instruction.order, None)
        if row is None:
            row = Amendment.objects.create(amending=document, order=instruction.order, **values)
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
        rows.append(row)
    for stale in existing.values():
        stale.delete()
    return rows


def _instruction(row: Amendment) -> amending.Instruction:
    path = selectors.path_of_eid(row.target_eid)
    after = selectors.path_of_eid(row.after_eid) if row.after_eid else ()
    return amending.Instruction(
        row.order, row.action, path, after, row.instruction, tuple(row.new_text.splitlines()), ()
    )


def consolidate(work_uri: str, *, actor: Any = None) -> list[Document]:
    """Rebuild the consolidated versions of a work: one on each day amendments enter into force, each the
    last imported version before that day with every amendment in force applied, in order. Consolidated
    versions no amendment accounts for any more are removed; the rule parameters are read again."""
    versions = list(selectors.document_versions(work_uri))
    imported = [v for v in versions if v.source_format != CONSOLIDATED]
    rows = list(
        Amendment.objects.filter(target_work_uri=work_uri)
        .select_related("amending")
        .order_by("effective_from", "amending__signing_date", "amending_id", "order")
    )
    built: list[Document] = []
    days = sorted({row.effective_from for row in rows})
    for day in days:
        base = _base_for(imported, day)
        if base is None:  # amendments older than every imported version are already in its text
            continue
        start = base.effective_from or base.version_date
        tree = selectors.document_tree(base)
        label = f"{base.doc_type} số {base.number}"
        for row in rows:
            if start < row.effective_from <= day:
                tree = amending.apply(tree, _instruction(row), label=label)
        data = export.to_dict(base)
        data["tree"] = tree
        data["document"].update(version_date=day.isoformat(), effective_from=day.isoformat(), effective_to=None)
        parsed = importer.from_json(json.dumps(data, ensure_ascii=False))
        parsed.source_format = CONSOLIDATED
        built.append(services.document_save(parsed, actor=actor, primary=base.primary, version_date=day).document)
    keep = {d.pk for d in built}
    for stale in [v for v in versions if v.source_format == CONSOLIDATED and v.pk not in keep]:
        services.document_delete(stale, actor=actor)
    parameters_refresh(work_uri)
    pages.changed()  # the notes of the consolidated text are part of the kept rendering
    return built


def _base_for(imported: list[Document], day: datetime.date) -> Document | None:
    candidates = [v for v in imported if (v.effective_from or v.version_date) < day]
    return candidates[-1] if candidates else None


# ---------------------------------------------------------------------------------------------------------
# Dated rule parameters


@transaction.atomic
def parameters_define(specs: list[dict[str, Any]], *, work_uri: str) -> list[RuleParameter]:
    """Declare the rule parameters of a regulation (key, provision, description, unit, pattern) and read
    their dated values from its versions. Idempotent."""
    defined = []
    for spec in specs:
        values = {
            "work_uri": work_uri,
            "citation": spec["citation"],
            "description": spec["description"],
            "unit": spec.get("unit", ""),
            "pattern": spec["pattern"],
        }
        parameter, created = RuleParameter.objects.get_or_create(key=spec["key"], defaults=values)
        if not created and any(getattr(parameter, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(parameter, name, value)
            parameter.save()
        defined.append(parameter)
    parameters_refresh(work_uri)
    return defined


def parameters_refresh(work_uri: str) -> None:
    """Read every parameter of the work from each of its versions; a value row starts where the value (or
    the amending document it comes from) changes, so the rows are the parameter's history."""
    parameters = list(RuleParameter.objects.filter(work_uri=work_uri))
    if not parameters:
        return
    versions = list(selectors.document_versions(work_uri))
    amendments = list(Amendment.objects.filter(target_work_uri=work_uri).select_related("amending"))
    for parameter in parameters:
        wanted: list[tuple[datetime.date, int | None, Document, Document | None]] = []
        for version in versions:
            provision = Provision.objects.filter(document=version, citation=parameter.citation).first()
            text = amending.full_text(selectors.subtree(provision)) if provision else ""
            value = amending.read_parameter(parameter.pattern, text)
            start = version.effective_from or version.version_date
            source = _amended_by(amendments, provision.eid if provision else "", start)
            if not wanted or (wanted[-1][1], wanted[-1][3]) != (value, source):
                wanted.append((start, value, version, source))
        existing = {row.valid_from: row for row in parameter.values.all()}
        for start, value, version, source in wanted:
            row = existing.pop(start, None)
            if row is None:
                ParameterValue.objects.create(
                    parameter=parameter, valid_from=start, value=value, version=version, amended_by=source
                )
            elif (row.value, row.version_id, row.amended_by_id) != (value, version.pk, source.pk if source else None):
                row.value, row.version, row.amended_by = value, version, source
                row.save()
        ParameterValue.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()


def _amended_by(amendments: list[Amendment], eid: str, day: datetime.date) -> Document | None:
    """The amending document whose latest amendment in force on `day` touched the provision `eid` (itself,
    a provision inside it or one containing it)."""
    if not eid:
        return None
    touching = [
        a
        for a in amendments
        if a.effective_from <= day
        and (a.target_eid == eid or a.target_eid.startswith(eid + "__") or eid.startswith(a.target_eid + "__"))
    ]
    touching.sort(key=lambda a: (a.effective_from, a.amending_id, a.order))
    return touching[-1].amending if touching else None


# ---------------------------------------------------------------------------------------------------------
# Data files: parameters and changes of competence


def load_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@transaction.atomic
def competence_changes_load(entries: list[dict[str, Any]], *, work_uri: str) -> int:
    """Record who holds the duties of a regulation from which day (cited; `certainty: verify` where a fact
    was not read in an official text). Idempotent: rows are matched by scope and date. Returns rows written."""
    written = 0
    for entry in entries:
        values = {
            "holder": entry["holder"],
            "basis": entry["basis"],
            "source_url": entry.get("source", ""),
            "certainty": entry.get("certainty", "verify"),
            "note": entry.get("note", ""),
        }
        row = CompetenceChange.objects.filter(
            work_uri=work_uri, scope=str(entry.get("scope", "")), effective_from=entry["from"]
        ).first()
        if row is None:
            CompetenceChange.objects.create(
                work_uri=work_uri, scope=str(entry.get("scope", "")), effective_from=entry["from"], **values
            )
            written += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
            written += 1
    return written
