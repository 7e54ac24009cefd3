"""Writes of the correspondence app: one transaction each, permission and rule checks, audit rows.

Views, API, CLI and other apps call these; none sets a status or a number itself. States change through
the tables of `workflow.py`. Numbers come from `next_number` (a locked row per agency, register and year).

Other apps that need to register an outgoing document use `outgoing_create` (then the normal steps) or,
for a document already signed on paper, `outgoing_register_signed`, which numbers and issues it at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core import uploads
from stttt.core.workflow import TransitionRefused
from stttt.correspondence import permissions, rules, selectors, textextract, workflow
from stttt.correspondence.choices import Channel, DocType, DossierKind, Secrecy, Urgency
from stttt.correspondence.models import (
    Delegation,
    Dispatch,
    Dossier,
    DossierComment,
    Incoming,
    IncomingFile,
    NumberSeries,
    Outgoing,
    OutgoingComment,
    OutgoingVersion,
)
from stttt.org.models import Unit
from stttt.org.powers import powers_of


def _save(obj: Any, actor: Any) -> Any:
    if actor is not None and getattr(actor, "is_authenticated", False):
        obj._history_user = actor
    obj.full_clean()
    obj.save()
    return obj


def _require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def _step(kind: str, record: Any, action: str, *, actor: Any, write: Any = None, **context: Any) -> Any:
    try:
        return workflow.transition(kind, record, action, actor=actor, write=write, **context)
    except TransitionRefused as exc:
        raise ValidationError(str(exc)) from None


def _agency_id(actor: Any) -> int:
    agency = selectors.working_agency(actor)
    if agency is None:
        raise PermissionDenied(_("Only the Department's staff may do this."))
    return int(agency.pk)


# --- Numbers -------------------------------------------------------------------------------------------


def next_number(agency_id: int, register: str, year: int) -> int:
    """The next number of `register` in `year` for the agency: 1 for the first of the year (Art. 15(1),
    22(2)). Call inside the transaction that records the document, so a rolled-back registration gives its
    number back: never skipped, never reused. The series row is locked until commit, so concurrent clerks
    get consecutive numbers (PostgreSQL row lock; SQLite transactions are IMMEDIATE).

    `stttt.core.counters` is not used: its counters expire and, with Redis, live outside the transaction,
    so a failed issuance would leave a gap in the series."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside the transaction that records the document")
    series = NumberSeries.objects.select_for_update().filter(agency_id=agency_id, register=register, year=year).first()
    if series is None:
        try:
            with transaction.atomic():
                NumberSeries.objects.create(agency_id=agency_id, register=register, year=year, last=0)
        except IntegrityError:  # another clerk opened the series first: wait for and use theirs
            pass
        series = NumberSeries.objects.select_for_update().get(agency_id=agency_id, register=register, year=year)
    series.last += 1
    series.save(update_fields=["last"])
    return series.last


# --- Incoming: registration ------------------------------------------------------------------------------


def _check_files(files: Iterable[Any]) -> list[tuple[str, bytes]]:
    checked = []
    for upload in files:
        content = upload.read()
        name = uploads.clean_name(getattr(upload, "name", "") or "file")
        problem = uploads.check(name, content)
        if problem:
            raise ValidationError({"files": f"{name}: {problem}"})
        checked.append((name, content))
    return checked


def _store_file(doc: Incoming, name: str, content: bytes, actor: Any) -> IncomingFile:
    item = IncomingFile(
        document=doc,
        name=name,
        content_type=uploads.content_type_for(name),
        text=textextract.extract(name, content),
        uploaded_by=actor,
    )
    item.file.save(uploads.storage_name(name), ContentFile(content), save=False)
    item.save()
    return item


def _refresh_full_text(doc: Incoming) -> None:
    doc.full_text = "\n".join(doc.files.values_list("text", flat=True))
    doc.save(update_fields=["full_text"])


@transaction.atomic
def incoming_register(
    *,
    actor: Any,
    issuer: str,
    number_symbol: str,
    doc_date: dt.date,
    summary: str,
    doc_type: str = DocType.CONG_VAN,
    received_at: dt.datetime | None = None,
    channel: str = Channel.POST,
    urgency: str = Urgency.NORMAL,
    secrecy: str = Secrecy.NONE,
    pages: int = 1,
    files: Iterable[Any] = (),
    allow_duplicate: bool = False,
) -> Incoming:
    """Register an incoming document at the clerical desk (Decree 30/2020 Art. 21-22): the next arrival
    number of the year in its register, the arrival time, the document's particulars, its checked files and
    their text. A document already registered (same issuer, number/symbol and date) is refused unless
    `allow_duplicate` (a second copy recorded knowingly)."""
    _require(permissions.is_clerk(actor), _("Only the clerical desk (the Office) registers incoming documents."))
    agency_id = _agency_id(actor)
    received_at = received_at or timezone.now()
    if doc_date > timezone.localtime(received_at).date():
        raise ValidationError({"doc_date": _("The document cannot be dated after it arrived.")})
    if not summary.strip() or not issuer.strip() or not number_symbol.strip():
        raise ValidationError(_("Give the issuing body, the number and symbol and the summary."))
    key = rules.duplicate_key(issuer, number_symbol, doc_date)
    existing = selectors.duplicates_of(agency_id, key).first()
    if existing is not None and not allow_duplicate:
        raise ValidationError(
            {
                "number_symbol": _("This document is already registered as arrival number %(n)s/%(y)s.")
                % {"n": f"{existing.arrival_number:02d}", "y": existing.arrival_year}
            }
        )
    checked = _check_files(files)  # every file checked before anything is written
    register = rules.incoming_register(secrecy)
    year = rules.number_year(timezone.localtime(received_at).date())
    doc = Incoming(
        agency_id=agency_id,
        register=register,
        arrival_year=year,
        arrival_number=next_number(agency_id, register, year),
        received_at=received_at,
        channel=channel,
        issuer=issuer.strip(),
        number_symbol=number_symbol.strip(),
        doc_date=doc_date,
        doc_type=doc_type,
        summary=summary.strip(),
        urgency=urgency,
        secrecy=secrecy,
        pages=pages,
        duplicate_key=key,
        registered_by=actor,
    )
    _save(doc, actor)
    for name, content in checked:
        _store_file(doc, name, content, actor)
    if checked:
        _refresh_full_text(doc)
    return doc


@transaction.atomic
def incoming_attach(doc: Incoming, *, actor: Any, upload: Any) -> IncomingFile:
    """Add a checked file to a registered document (the clerk), its text added to the search."""
    _require(permissions.is_clerk(actor) and permissions.can_view_incoming(actor, doc))
    ((name, content),) = _check_files([upload])
    item = _store_file(doc, name, content, actor)
    _refresh_full_text(doc)
    return item


# --- Incoming: routing ---------------------------------------------------------------------------------


def _same_agency_unit(unit: Any, agency_id: int, field: str) -> None:
    if unit is not None and unit.agency_id != agency_id:
        raise ValidationError({field: _("The unit must belong to the same agency.")})


@transaction.atomic
def incoming_propose(doc: Incoming, *, actor: Any, unit: Any, proposal: str = "") -> Incoming:
    """The Office proposes the unit to handle it and presents it to the leader (Art. 23(1))."""
    if unit is None:
        raise ValidationError({"unit": _("Choose the unit the Office proposes.")})
    _same_agency_unit(unit, doc.agency_id, "unit")

    def write(record: Incoming, _t: Any) -> None:
        record.proposed_unit = unit
        record.proposal = proposal

    return _step("incoming", doc, "propose", actor=actor, write=write)


@transaction.atomic
def incoming_route(
    doc: Incoming,
    *,
    actor: Any,
    lead_unit: Any,
    instruction: str,
    deadline: dt.date | None,
    coordinating_units: Iterable[Any] = (),
    create_task: bool = False,
) -> Incoming:
    """The Director, or the Deputy Director in charge (acting included), routes the document: lead unit,
    coordinating units, instruction (bút phê) and deadline (Art. 23(2)-(3), 24(1)). With `create_task`, the
    document asks for work: a task is created in `work`, linked to the document."""
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("Choose the lead unit.")})
    if not instruction.strip():
        raise ValidationError({"instruction": _("Write the instruction.")})
    if deadline is None and create_task:
        raise ValidationError({"deadline": _("A document that asks for work needs a deadline.")})
    if deadline is not None and deadline < selectors.today():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    coordinating = [u for u in coordinating_units if u.pk != lead_unit.pk]
    for unit in [lead_unit, *coordinating]:
        _same_agency_unit(unit, doc.agency_id, "lead_unit")
    if not permissions.may_route(actor, lead_unit.code):
        raise PermissionDenied(_("A Deputy Director routes only to the units in his charge."))

    def write(record: Incoming, _t: Any) -> None:
        record.lead_unit = lead_unit
        record.instruction = instruction.strip()
        record.deadline = deadline
        record.routed_by = actor
        record.routed_at = timezone.now()

    doc = _step("incoming", doc, "route", actor=actor, write=write, create_task=create_task, coordinating=coordinating)
    doc.coordinating_units.set(coordinating)
    return doc


@transaction.atomic
def incoming_assign(doc: Incoming, *, actor: Any, officer: Any) -> Incoming:
    """The head of the lead unit assigns an officer of the unit (regulation 5.3)."""
    if officer is None:
        raise ValidationError({"officer": _("Choose the officer.")})
    doc = Incoming.objects.select_related("lead_unit").get(pk=doc.pk)  # the caller's copy may be stale
    if doc.lead_unit is None or doc.lead_unit.code not in powers_of(officer).unit_codes:
        raise ValidationError({"officer": _("The officer must work in the lead unit.")})

    def write(record: Incoming, _t: Any) -> None:
        record.officer = officer

    return _step("incoming", doc, "assign", actor=actor, write=write)


@transaction.atomic
def incoming_complete(doc: Incoming, *, actor: Any, result: str) -> Incoming:
    """Mark the document handled with what was done (Art. 24)."""
    if not result.strip():
        raise ValidationError({"result": _("Write what was done.")})

    def write(record: Incoming, _t: Any) -> None:
        record.result = result.strip()
        record.done_on = selectors.today()

    return _step("incoming", doc, "complete", actor=actor, write=write)


# --- Outgoing ----------------------------------------------------------------------------------------


def _recipients(recipients: Iterable[str] | str) -> str:
    lines = recipients.splitlines() if isinstance(recipients, str) else list(recipients)
    return "\n".join(line.strip() for line in lines if line.strip())


def _version(doc: Outgoing, actor: Any) -> OutgoingVersion:
    number = (doc.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return OutgoingVersion.objects.create(document=doc, number=number, summary=doc.summary, body=doc.body, author=actor)


@transaction.atomic
def outgoing_create(
    *,
    actor: Any,
    drafting_unit: Any,
    summary: str,
    body: str = "",
    doc_type: str = DocType.CONG_VAN,
    recipients: Iterable[str] | str = (),
    urgency: str = Urgency.NORMAL,
    secrecy: str = Secrecy.NONE,
    reply_to: Incoming | None = None,
) -> Outgoing:
    """Start a draft of an outgoing document in `drafting_unit` (version 1). `reply_to`: the incoming
    document it answers (its issue links the reply and closes the task). Returns the draft."""
    _require(permissions.can_draft(actor, drafting_unit), _("You may draft only for your own unit."))
    if not summary.strip():
        raise ValidationError({"summary": _("Write the summary.")})
    if reply_to is not None and reply_to.agency_id != drafting_unit.agency_id:
        raise ValidationError({"reply_to": _("The document answered must belong to the same agency.")})
    doc = Outgoing(
        agency_id=drafting_unit.agency_id,
        doc_type=doc_type,
        summary=summary.strip(),
        body=body,
        drafting_unit=drafting_unit,
        drafter=actor,
        urgency=urgency,
        secrecy=secrecy,
        recipients_text=_recipients(recipients),
        reply_to=reply_to,
    )
    _save(doc, actor)
    _version(doc, actor)
    return doc


@transaction.atomic
def outgoing_save(
    doc: Outgoing,
    *,
    actor: Any,
    summary: str,
    body: str,
    recipients: Iterable[str] | str | None = None,
    doc_type: str | None = None,
) -> Outgoing:
    """Save a new version of a draft (only while it is a draft)."""
    doc = Outgoing.objects.select_for_update().get(pk=doc.pk)
    _require(permissions.can_edit_draft(actor, doc), _("Only the drafting unit edits a draft, and only as a draft."))
    if not summary.strip():
        raise ValidationError({"summary": _("Write the summary.")})
    doc.summary, doc.body = summary.strip(), body
    if recipients is not None:
        doc.recipients_text = _recipients(recipients)
    if doc_type:
        doc.doc_type = doc_type
    doc.version += 1
    _save(doc, actor)
    _version(doc, actor)
    return doc


@transaction.atomic
def outgoing_comment(doc: Outgoing, *, actor: Any, text: str) -> OutgoingComment:
    _require(permissions.can_comment(actor, doc))
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    return OutgoingComment.objects.create(document=doc, author=actor, text=text.strip())


@transaction.atomic
def outgoing_submit(doc: Outgoing, *, actor: Any) -> Outgoing:
    return _step("outgoing", doc, "submit", actor=actor)


@transaction.atomic
def outgoing_review(doc: Outgoing, *, actor: Any) -> Outgoing:
    def write(record: Outgoing, _t: Any) -> None:
        record.reviewed_by = actor

    return _step("outgoing", doc, "review", actor=actor, write=write)


@transaction.atomic
def outgoing_return(doc: Outgoing, *, actor: Any, comment: str) -> Outgoing:
    if not comment.strip():
        raise ValidationError({"comment": _("Say what must be corrected.")})
    doc = _step("outgoing", doc, "return", actor=actor)
    OutgoingComment.objects.create(document=doc, author=actor, text=comment.strip())
    return doc


@transaction.atomic
def outgoing_sign(doc: Outgoing, *, actor: Any, on: dt.date | None = None) -> Outgoing:
    """Approve and sign: the capacity (head, acting, KT., TL., TUQ.) and the signature block are computed
    from `org` powers on the signing date (Art. 13), never typed."""
    day = on or selectors.today()

    def write(record: Outgoing, _t: Any) -> None:
        capacity = permissions.capacity_of(actor, record, day)
        if capacity is None:
            raise PermissionDenied(_("You may not sign this document on that date."))
        facts = permissions.signer_facts(actor, record, day)
        authority, title = rules.signature_block(capacity, facts.title)
        staff = powers_of(actor, day).staff
        record.signed_by = actor
        record.signed_on = day
        record.capacity = capacity
        record.authority_line = authority
        record.title_line = title
        record.signer_name = staff.full_name if staff else actor.get_full_name() or actor.get_username()

    return _step("outgoing", doc, "sign", actor=actor, write=write)


@transaction.atomic
def outgoing_issue(
    doc: Outgoing, *, actor: Any, on: dt.date | None = None, channel: str = Channel.PLATFORM
) -> Outgoing:
    """Number and issue a signed document (Art. 15-18): the next number of the year's series of its register
    (secret documents apart), the symbol of its type and drafting unit, the issue date; a dispatch line per
    recipient. A reply closes the incoming document it answers (effect `correspondence.link_reply`)."""
    day = on or selectors.today()

    def write(record: Outgoing, _t: Any) -> None:
        agency = record.agency
        register = rules.outgoing_register(record.secrecy)
        number = next_number(record.agency_id, register, rules.number_year(day))
        record.register = register
        record.year = rules.number_year(day)
        record.number = number
        record.number_symbol = rules.number_and_symbol(
            number,
            record.doc_type,
            rules.agency_symbol(agency.code),
            rules.unit_symbol(record.drafting_unit.code, agency.code),
        )
        record.issued_on = day
        record.issued_by = actor

    doc = _step("outgoing", doc, "issue", actor=actor, write=write)
    now = timezone.now()
    Dispatch.objects.bulk_create(
        [Dispatch(document=doc, recipient=r, channel=channel, sent_at=now, sent_by=actor) for r in doc.recipients]
    )
    return doc


@transaction.atomic
def outgoing_dispatch(doc: Outgoing, *, actor: Any, recipient: str, channel: str = Channel.POST) -> Dispatch:
    """Log one more sending of an issued document (Art. 18)."""
    _require(permissions.is_clerk(actor) and permissions.can_view_outgoing(actor, doc))
    if doc.status != "issued":
        raise ValidationError(_("Only an issued document is sent."))
    if not recipient.strip():
        raise ValidationError({"recipient": _("Name the recipient.")})
    return Dispatch.objects.create(
        document=doc, recipient=recipient.strip(), channel=channel, sent_at=timezone.now(), sent_by=actor
    )


@transaction.atomic
def outgoing_register_signed(
    *,
    actor: Any,
    drafting_unit: Any,
    summary: str,
    signer: Any,
    doc_type: str = DocType.CONG_VAN,
    body: str = "",
    recipients: Iterable[str] | str = (),
    secrecy: str = Secrecy.NONE,
    on: dt.date | None = None,
) -> Outgoing:
    """For other apps and the desk: record a document `signer` has signed on paper and number and issue it
    at once. The signer's capacity is still computed from `org` on the day (refused if he may not sign)."""
    _require(permissions.is_clerk(actor), _("Only the clerical desk (the Office) issues documents."))
    doc = Outgoing(
        agency_id=drafting_unit.agency_id,
        doc_type=doc_type,
        summary=summary.strip(),
        body=body,
        drafting_unit=drafting_unit,
        drafter=actor,
        secrecy=secrecy,
        recipients_text=_recipients(recipients),
        status="reviewed",
    )
    _save(doc, actor)
    _version(doc, actor)
    doc = outgoing_sign(doc, actor=signer, on=on)
    return outgoing_issue(doc, actor=actor, on=on)


# --- Delegations of signature (Art. 13(3)-(4)) ---------------------------------------------------------


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _refuse_overlap(new: rules.DelegationTerms, candidates: list[Delegation]) -> None:
    clash = rules.delegation_conflicts(new, [selectors.delegation_terms(d) for d in candidates])
    if not clash:
        return
    other = next(d for d in candidates if d.pk == clash[0].ref)
    if other.end_on is None:
        period = _("from %(start)s, without an end date") % {"start": _day(other.start_on)}
    else:
        period = _("from %(start)s until %(end)s") % {"start": _day(other.start_on), "end": _day(other.end_on)}
    raise ValidationError(
        _(
            "The unit already holds a delegation %(kind)s for %(types)s %(period)s (%(basis)s): a delegation of "
            "the same kind for the same document type cannot run on the same day. End that one first."
        )
        % {
            "kind": other.get_kind_display(),
            "types": ", ".join(other.doc_types) or _("every type"),
            "period": period,
            "basis": other.basis,
        }
    )


@transaction.atomic
def delegation_create(
    *,
    actor: Any,
    unit: Any,
    kind: str,
    doc_types: Iterable[str],
    start_on: dt.date | None,
    end_on: dt.date | None = None,
    basis: str,
    agency: Any = None,
) -> Delegation:
    """Record a written delegation of signature to the head of `unit`: by order (TL., Decree 30/2020
    Art. 13(4)) or by authorisation (TUQ., Art. 13(3)), for the document types named, from `start_on` to
    `end_on` (both included; a TL. delegation may have no end). Only the Director (acting included) or an
    administrator records one, for the agency of the actor (`agency` for an administrator). Refused: a unit
    of another agency or the leadership board, an unknown kind or type, no type, no written basis, an end
    before the start, a TUQ. without an end, and a delegation of the same kind to the same unit sharing a
    type and a day with this one (`rules.delegation_conflicts`). From `start_on`, the unit's head signs
    its documents of those types "TL. GIÁM ĐỐC" or "TUQ. GIÁM ĐỐC" (`rules.signing_capacity`)."""
    agency_id = int(agency.pk) if agency is not None else _agency_id(actor)
    _require(
        permissions.can_manage_delegations(actor, agency_id),
        _("Only the Director records or ends a delegation of signature."),
    )
    if unit is None:
        raise ValidationError({"unit": _("Choose the unit whose head signs.")})
    _same_agency_unit(unit, agency_id, "unit")
    problems: dict[str, str] = {}
    if not rules.delegable_unit(unit.kind):
        problems["unit"] = _("The signature is delegated to the head of a unit, not to the Board of Directors.")
    if kind not in rules.DELEGATION_KINDS:
        problems["kind"] = _("Choose TL. (by order) or TUQ. (by authorisation).")
    types = rules.types_in_order(doc_types, DocType.values)
    unknown = rules.unknown_types(types, DocType.values)
    if unknown:
        problems["doc_types"] = _("Not a type of administrative document: %(types)s.") % {"types": ", ".join(unknown)}
    elif not types:
        problems["doc_types"] = _("Name the document types the unit head signs under this delegation.")
    basis = (basis or "").strip()
    if not basis:
        problems["basis"] = _(
            "Give the written basis of the delegation (the decision or the rules that delegate the signature)."
        )
    if start_on is None:
        problems["start_on"] = _("Give the first day of the delegation.")
    elif not rules.dates_in_order(start_on, end_on):
        problems["end_on"] = _("The delegation cannot end before it starts.")
    elif end_on is None and rules.needs_end_date(kind):
        problems["end_on"] = _("A delegation by authorisation (TUQ.) is limited in time: give its last day.")
    if problems:
        raise ValidationError(problems)
    assert start_on is not None
    # The unit's row is locked until commit: two delegations of one unit are checked one after the other.
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    new = rules.DelegationTerms(
        unit=str(unit.pk), kind=kind, doc_types=frozenset(types), start_on=start_on, end_on=end_on
    )
    _refuse_overlap(new, selectors.delegations_of_unit(agency_id, unit.pk, kind))
    delegation = Delegation(
        agency_id=agency_id,
        unit=unit,
        kind=kind,
        doc_types=types,
        start_on=start_on,
        end_on=end_on,
        basis=basis,
    )
    return _save(delegation, actor)


@transaction.atomic
def delegation_end(delegation: Delegation, *, actor: Any, end_on: dt.date | None) -> Delegation:
    """End a delegation of signature on `end_on`, its last day (the same day as its first is allowed; it
    signs nothing after). Only the Director (acting included) or an administrator; the end comes forward,
    never later than an end already written (a longer delegation is a new written one)."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    _require(
        permissions.can_manage_delegations(actor, delegation.agency_id),
        _("Only the Director records or ends a delegation of signature."),
    )
    if end_on is None:
        raise ValidationError({"end_on": _("Give the last day of the delegation.")})
    problem = rules.end_problem(delegation.start_on, delegation.end_on, end_on)
    if problem == "before_start":
        raise ValidationError(
            {
                "end_on": _("The delegation starts on %(start)s: it cannot end before that day.")
                % {"start": _day(delegation.start_on)}
            }
        )
    if problem == "after_end":
        raise ValidationError(
            {
                "end_on": _("The delegation already ends on %(end)s; it can only be ended earlier.")
                % {"end": _day(delegation.end_on)}
            }
        )
    delegation.end_on = end_on
    return _save(delegation, actor)


# --- Drafting dossiers for the Province ------------------------------------------------------------------


@transaction.atomic
def dossier_create(
    *,
    actor: Any,
    kind: str,
    title: str,
    lead_unit: Any,
    for_body: str = "ppc",
    is_legal: bool = False,
    duty: str = "",
    source: Incoming | None = None,
    source_note: str = "",
    deadline: dt.date | None = None,
    officer: Any = None,
) -> Dossier:
    """Open a drafting dossier (regulation 3.1-3.3) from an incoming assignment or the annual programme."""
    _require(permissions.can_create_dossier(actor), _("Only the leadership or the Office opens a drafting dossier."))
    if kind not in DossierKind.values:
        raise ValidationError({"kind": _("Unknown kind of draft.")})
    if not title.strip():
        raise ValidationError({"title": _("Write the title.")})
    if source is not None and source.agency_id != lead_unit.agency_id:
        raise ValidationError({"source": _("The assigning document must belong to the same agency.")})
    dossier = Dossier(
        agency_id=lead_unit.agency_id,
        kind=kind,
        for_body=for_body,
        title=title.strip(),
        is_legal=is_legal,
        duty=duty,
        source=source,
        source_note=source_note,
        lead_unit=lead_unit,
        officer=officer,
        deadline=deadline,
    )
    return _save(dossier, actor)


@transaction.atomic
def dossier_step(
    dossier: Dossier, action: str, *, actor: Any, stage_deadline: dt.date | None = None, note: str = ""
) -> Dossier:
    """Move a dossier to its next stage (table `correspondence.dossier`), with the stage's deadline."""
    step = workflow.DOSSIER.get(action)
    if step is not None and "stage_deadline" in step.needs and stage_deadline is None:
        raise ValidationError({"stage_deadline": _("Give the deadline of the stage.")})
    if action == "issue":
        raise ValidationError(_("Record the issuance with the issued document's file."))

    def write(record: Dossier, _t: Any) -> None:
        record.stage_deadline = stage_deadline
        if note:
            record.note = (record.note + "\n" + note).strip()

    return _step("dossier", dossier, action, actor=actor, write=write)


@transaction.atomic
def dossier_comment(
    dossier: Dossier, *, actor: Any, commenter: str, text: str, accepted: bool | None = None, response: str = ""
) -> DossierComment:
    """Record a comment received and, when known, whether it was taken in and why (tiếp thu, giải trình)."""
    _require("drafting" in permissions.dossier_roles(actor, dossier))
    if not commenter.strip() or not text.strip():
        raise ValidationError(_("Give who commented and the comment."))
    return DossierComment.objects.create(
        dossier=dossier,
        stage=dossier.stage,
        commenter=commenter.strip(),
        text=text.strip(),
        accepted=accepted,
        response=response.strip(),
    )


@transaction.atomic
def dossier_answer(comment: DossierComment, *, actor: Any, accepted: bool, response: str) -> DossierComment:
    _require("drafting" in permissions.dossier_roles(actor, comment.dossier))
    if not response.strip():
        raise ValidationError({"response": _("Explain how the comment was taken in or why not.")})
    comment.accepted, comment.response = accepted, response.strip()
    comment.save(update_fields=["accepted", "response"])
    return comment


@transaction.atomic
def dossier_issue(dossier: Dossier, *, actor: Any, content: bytes, name: str) -> Dossier:
    """The Province issued it: the issued document is imported into the legal documents (legal app) and
    linked to the dossier. Nothing changes if the file is not a readable legal document."""
    from stttt.legal.importer import ImportRefused
    from stttt.legal.services import document_import_file

    _require("drafting" in permissions.dossier_roles(actor, dossier))
    problem = uploads.check(name, content)
    if problem:
        raise ValidationError({"file": problem})
    try:
        result = document_import_file(content, name=name, actor=actor)
    except ImportRefused as exc:
        raise ValidationError({"file": str(exc)}) from None

    def write(record: Dossier, _t: Any) -> None:
        record.legal_document = result.document
        record.stage_deadline = None

    return _step("dossier", dossier, "issue", actor=actor, write=write)


# --- Exchange ----------------------------------------------------------------------------------------------


@transaction.atomic
def incoming_import(*, actor: Any, content: bytes, name: str = "", allow_duplicate: bool = False) -> Incoming:
    """Register an electronic document received as a file (JSON form or edXML, `exchange.read`): channel
    "document exchange platform", its files checked like any upload (Art. 21(2))."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stttt.correspondence.exchange import ExchangeError, read

    try:
        item = read(content, name)
    except ExchangeError as exc:
        raise ValidationError({"file": str(exc)}) from None
    return incoming_register(
        actor=actor,
        issuer=item.issuer,
        number_symbol=item.number_symbol,
        doc_date=item.date,
        summary=item.summary,
        doc_type=item.doc_type,
        channel=Channel.PLATFORM,
        urgency=item.urgency,
        secrecy=item.secrecy,
        pages=item.pages,
        files=[SimpleUploadedFile(file_name, data) for file_name, data in item.files],
        allow_duplicate=allow_duplicate,
    )
