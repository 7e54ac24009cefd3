"""Writes of the versions of a procedure: draft, edit, publish, end (repeal or transfer), import.

A published version never changes (`version_update` refuses, and the database refuses too, migration 0009).
Each write is one transaction and is recorded in the audit history (`audit.track(ProcedureVersion)`). When an
actor is given (pages, API), the Office or the processing division drafts and the Director or the Deputy
Director in charge publishes (`permissions.may_draft_versions`, `may_publish_versions`); the operator's CLI
and the data loaders act without one. Reads are in `stttt.procedures.versions`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.org.models import Agency
from stttt.procedures import permissions, rules
from stttt.procedures.choices import VersionStatus
from stttt.procedures.models import Component, Procedure, ProcedureVersion
from stttt.procedures.versions import (
    Transfer,
    diff_lines,
    facts_of,
    national_facts,
    read_export,
    version_in_force,
    versions_of,
)

EDITABLE = (*rules.FACT_FIELDS, "valid_from", "valid_to", "announcements", "change_note")


class VersionError(ValidationError):
    """The version cannot be changed or published as asked; nothing was changed."""


def _may_draft(actor: Any, procedure: Procedure) -> None:
    if actor is not None and not permissions.may_draft_versions(actor, procedure):
        raise PermissionDenied(_("Only the Office, the processing division and the leaders draft versions."))


def _may_publish(actor: Any, procedure: Procedure) -> None:
    if actor is not None and not permissions.may_publish_versions(actor, procedure):
        raise PermissionDenied(
            _("Only the Director or the Deputy Director in charge of this procedure's field publishes its versions.")
        )


@transaction.atomic
def version_draft(
    procedure: Procedure, *, actor: Any = None, changes: dict[str, Any] | None = None
) -> ProcedureVersion:
    """Start the next version of `procedure` as a draft, from the latest published version (or the catalogue
    row), with `changes` applied; an existing draft is reused (one draft at a time)."""
    _may_draft(actor, procedure)
    Procedure.objects.select_for_update().get(pk=procedure.pk)  # one draft even for two editors at once
    draft = ProcedureVersion.objects.filter(procedure=procedure, status=VersionStatus.DRAFT).first()
    if draft is not None:
        return version_update(draft, actor=actor, changes=changes) if changes else draft
    changes = changes or {}
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise VersionError(_("These facts cannot be edited: %(names)s.") % {"names": ", ".join(unknown)})
    latest = versions_of(procedure).filter(status=VersionStatus.PUBLISHED).last()
    facts = facts_of(latest or procedure)
    facts.update(valid_from=None, valid_to=None, announcements=[])
    number = (versions_of(procedure).aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ProcedureVersion(procedure=procedure, number=number, status=VersionStatus.DRAFT, **facts | changes)
    draft._change_reason = "draft"  # type: ignore[attr-defined]
    draft.full_clean()
    draft.save()
    return draft


# The Department's internal split of the time limit between its steps; the act fixing it is not on file.
STEP_BASIS = "Quy trình nội bộ của Sở (phân bổ thời gian giữa các bước) [verify]"


def version_first(procedure: Procedure) -> ProcedureVersion:
    """Version 1 of a catalogue row that has none: published as it is, in force since before the platform
    kept versions (no valid-from), so that dossiers of any date bind to it (as migration 0009 did)."""
    facts = facts_of(procedure)
    for step in facts["steps"]:
        step["basis"] = STEP_BASIS
    version = ProcedureVersion(procedure=procedure, number=1, status=VersionStatus.PUBLISHED, **facts)
    version.change_note = _("Version 1: the catalogue as loaded.")
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def version_update(version: ProcedureVersion, *, actor: Any = None, changes: dict[str, Any]) -> ProcedureVersion:
    """Edit a draft. A published version is refused: make a new draft instead."""
    version = ProcedureVersion.objects.select_for_update().select_related("procedure__agency").get(pk=version.pk)
    _may_draft(actor, version.procedure)
    if version.published:
        raise VersionError(
            _("Version %(number)s is published and never changes: start a new draft instead.")
            % {"number": version.number}
        )
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise VersionError(_("These facts cannot be edited: %(names)s.") % {"names": ", ".join(unknown)})
    for name, value in changes.items():
        setattr(version, name, value)
    version.full_clean()
    version._change_reason = "edit"  # type: ignore[attr-defined]
    version.save()
    return version


@transaction.atomic
def version_publish(
    version: ProcedureVersion,
    *,
    actor: Any = None,
    now: dt.datetime | None = None,
    valid_from: dt.date | None = None,
) -> ProcedureVersion:
    """Publish a complete draft (`rules.version_problems`) whose validity overlaps no other published version
    (`rules.periods_overlap`). The open-ended version before it is closed the day before it starts. When the
    new version is in force today, the catalogue row shows its facts. `valid_from`, when given, is the day the
    draft takes effect (set in the same transaction). Each component it lists has a row of the procedure
    (`components_sync`), so that documents filed under it point to their component."""
    when = now or timezone.now()
    procedure = Procedure.objects.select_for_update().select_related("agency").get(pk=version.procedure_id)
    _may_publish(actor, procedure)
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.published:
        raise VersionError(_("Version %(number)s is already published.") % {"number": version.number})
    if valid_from is not None and valid_from != version.valid_from:
        version.valid_from = valid_from
        version.full_clean()
    problems = rules.version_problems(facts_of(version))
    if problems:
        raise VersionError(problems)
    assert version.valid_from is not None  # checked by version_problems
    others = ProcedureVersion.objects.filter(procedure_id=version.procedure_id, status=VersionStatus.PUBLISHED)
    for other in others.filter(valid_to__isnull=True):
        if (other.valid_from is None or other.valid_from < version.valid_from) and version.valid_to is None:
            other.valid_to = version.valid_from - dt.timedelta(days=1)
            other._change_reason = "superseded"  # type: ignore[attr-defined]
            other.save(update_fields=["valid_to"])
    clash = [o for o in others if rules.periods_overlap(version.valid_from, version.valid_to, o.valid_from, o.valid_to)]
    if clash:
        raise VersionError(_("Its validity overlaps published version %(number)s.") % {"number": clash[0].number})
    version.status, version.published_at, version.published_by = VersionStatus.PUBLISHED, when, actor
    version._change_reason = "publish"  # type: ignore[attr-defined]
    version.save()
    components_sync(version)
    if rules.in_period(timezone.localtime(when).date(), version.valid_from, version.valid_to):
        project(version)
    return version


def components_sync(version: ProcedureVersion) -> None:
    """Give each component a published version lists a row of its procedure (matched by name), so that a
    document filed under the version points to its component (`versions.components_of` reads them in the
    version's order and with its flags). Rows are never deleted here: documents of dossiers filed under an
    older version point to theirs."""
    rows = {" ".join(c.name.split()): c for c in Component.objects.filter(procedure_id=version.procedure_id)}
    last = max((c.order for c in rows.values()), default=0)
    for item in version.components:
        name = " ".join(str(item.get("name") or "").split())
        if not name or name in rows:
            continue
        last += 1
        rows[name] = Component.objects.create(
            procedure_id=version.procedure_id,
            name=name,
            copy_kind=item.get("copy_kind") or "original",
            copies=int(item.get("copies") or 1),
            form=item.get("form") or "",
            required=bool(item.get("required", True)),
            order=last,
        )


def project(version: ProcedureVersion) -> None:
    """Show the version in force on the catalogue row (lists, search); dossiers read their own version.
    Saves only what differs, so that loading the catalogue again changes nothing."""
    procedure = version.procedure
    wanted: dict[str, Any] = {
        name: getattr(version, name)
        for name in rules.FACT_FIELDS
        if name not in ("national_code", "steps", "components", "local_time_limit_basis")
    }
    wanted.update({f"{stage}_days": version.stage_days(stage) for stage in rules.VERSION_STAGES})
    wanted["active"] = True  # e.g. a procedure received by transfer takes filings once its version is in force
    changed = [name for name, value in wanted.items() if getattr(procedure, name) != value]
    if not changed:
        return
    for name in changed:
        setattr(procedure, name, wanted[name])
    procedure._change_reason = f"version {version.number}"  # type: ignore[attr-defined]
    procedure.save()


@transaction.atomic
def procedure_end(procedure: Procedure, last_day: dt.date, *, why: str, actor: Any = None) -> ProcedureVersion:
    """End a procedure here on `last_day` (repealed, or transferred to another agency by the 2025
    reorganisation): the version in force is closed on that day and the catalogue row says why and where to
    go (`why`, shown to applicants). A transfer is then the same procedure starting at the receiving agency
    (`catalog_load` or `version_draft` there)."""
    _may_publish(actor, procedure)
    version = version_in_force(procedure, last_day)
    if version is None:
        raise VersionError(_("No version is in force on that day."))
    if version.valid_to is not None:
        raise VersionError(
            _("Version %(number)s already ends on %(day)s.") % {"number": version.number, "day": version.valid_to}
        )
    if not why.strip():
        raise VersionError(_("Say why it ends and where applicants go instead."))
    version.valid_to = last_day
    version._change_reason = "end"  # type: ignore[attr-defined]
    version.save(update_fields=["valid_to"])
    procedure.notes = why.strip()
    procedure._change_reason = "end"  # type: ignore[attr-defined]
    procedure.save(update_fields=["notes", "updated_at"])
    return version


# --- transfers (the 2025 reorganisation) -------------------------------------------------------------


@transaction.atomic
def procedure_transfer(transfer: Transfer, *, actor: Any = None) -> Procedure | None:
    """End the procedure here the day before the other body takes it, saying where to go; when that body is
    an agency of the platform, start the procedure in its catalogue: the same facts as a draft version valid
    from the transfer, for that agency to complete (its processing unit) and publish."""
    starts = transfer.starts
    why = _("From %(day)s this procedure is handled by %(holder)s (%(basis)s).") % {
        "day": starts.strftime("%d/%m/%Y"),
        "holder": transfer.holder,
        "basis": transfer.basis,
    }
    ended = procedure_end(transfer.procedure, starts - dt.timedelta(days=1), why=why, actor=actor)
    receiver = Agency.objects.filter(name=transfer.holder).first()
    if receiver is None:
        return None
    source = transfer.procedure
    there, _created = Procedure.objects.get_or_create(
        agency=receiver,
        code=source.code,
        defaults={
            name: getattr(source, name)
            for name in ("name", "field_code", "empowering_citation", "legal_basis", "time_limit", "time_unit")
        }
        | {name: getattr(source, name) for name in ("time_limit_basis", "result_kind", "result_name")}
        | {"active": False},
    )
    facts = facts_of(ended)
    facts.update(valid_from=starts, valid_to=None, division_code="", announcements=[])
    facts["change_note"] = why
    version_draft(there, changes=facts)  # for the receiving agency's own staff to complete and publish
    return there


@transaction.atomic
def version_import(
    procedure: Procedure, content: bytes, *, decision: str = "", actor: Any = None
) -> tuple[ProcedureVersion, list[str]]:
    """Import a national export of `procedure` (or, with `decision`, its row in that announcing decision's
    annex) as a draft: the version in force with the file's facts applied; returns it with the readable diff
    against the version in force. An annex's time limit is the province's shorter time, cited to the row."""
    _may_draft(actor, procedure)
    entry = read_export(content, procedure.code)
    facts = national_facts(entry)
    if facts.get("national_code") and facts["national_code"] != procedure.code:
        raise ValidationError(
            _("The export is of procedure %(code)s, not %(ours)s.")
            % {"code": facts["national_code"], "ours": procedure.code}
        )
    if decision:
        row = _("Annex, row %(number)s") % {"number": entry.get("STT") or procedure.code}
        if "time_limit" in facts:
            facts["local_time_limit"] = facts.pop("time_limit")
            facts.pop("time_unit", None)
            facts["local_time_limit_basis"] = f"{decision}, {row}"
        facts["announcements"] = [{"document": decision, "row": row, "demo": False}]
    current = version_in_force(procedure)
    before = facts_of(current or procedure)
    draft = version_draft(procedure, actor=actor, changes=facts)
    draft.change_note = (
        _("Imported from the annex of %(decision)s.") % {"decision": decision}
        if decision
        else _("Imported from the national procedure database.")
    )
    draft.save(update_fields=["change_note"])
    return draft, diff_lines(before, facts_of(draft))
