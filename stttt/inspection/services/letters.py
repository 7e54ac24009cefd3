"""Complaints, denunciations, petitions; the denouncer's identity; citizen reception."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from stttt.core.text import canonical
from stttt.inspection import permissions, rules, workflow
from stttt.inspection.choices import Channel, LetterKind
from stttt.inspection.models import DenouncerIdentity, IdentityAccess, Letter, ReceptionDay, ReceptionEntry
from stttt.inspection.services.common import cal, need, next_number, today, transition


@transaction.atomic
def letter_receive(
    *,
    agency: Any,
    actor: Any,
    kind: str,
    channel: str,
    summary: str,
    subject: str,
    received_on: dt.date | None = None,
    sender_name: str = "",
    sender_address: str = "",
    identity: dict[str, str] | None = None,
    denounced: Any = None,
    code: str = "",
) -> Letter:
    """Log a letter from any channel with the first time limit of its kind (complaint: acceptance, Law on
    Complaints Art. 27; denunciation: processing, Law on Denunciations Art. 24; petition: Circular 05/2021).
    A denouncer's name and address go to the protected identity, never on the letter (Art. 47(2))."""
    day = received_on or today()
    if not permissions.can_act(actor, agency.pk):
        raise PermissionDenied(_("Letters are logged by the Inspectorate."))
    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("Say whether it is a complaint, a denunciation or a petition.")})
    if channel not in Channel.values:
        raise ValidationError({"channel": pgettext("petition", "Unknown channel.")})
    need(summary, "summary", _("Write the content."))
    need(subject, "subject", _("Say what or whom it is about."))
    if day > today():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    who = dict(identity or {})
    if kind == LetterKind.DENUNCIATION:
        who.setdefault("full_name", sender_name)
        who.setdefault("address", sender_address)
        sender_name = sender_address = ""
        need(
            who.get("full_name"), "sender_name", _("A denunciation names its denouncer (Law on Denunciations Art. 23).")
        )
    letter = Letter(
        agency=agency,
        code=canonical(code) or next_number(Letter, agency.pk, day.year, "code", "received_on", "ĐT"),
        kind=kind,
        channel=channel,
        received_on=day,
        summary=canonical(summary),
        subject=canonical(subject),
        sender_name=canonical(sender_name),
        sender_address=canonical(sender_address),
        denounced=denounced,
        due_on=rules.intake_deadline(cal(), kind, day),
    )
    letter.full_clean()
    letter.save()
    if kind == LetterKind.DENUNCIATION:
        DenouncerIdentity.objects.create(
            letter=letter,
            full_name=canonical(who.get("full_name", "")),
            id_number=canonical(who.get("id_number", "")),
            address=canonical(who.get("address", "")),
            phone=canonical(who.get("phone", "")),
        )
    return letter


def _resolve_deadline(letter: Letter) -> dt.date:
    c = cal()
    assert letter.accepted_on is not None
    if letter.kind == LetterKind.COMPLAINT:
        return rules.complaint_resolve_deadline(
            c, letter.accepted_on, complex_case=letter.complex_case, remote=letter.remote
        )
    if letter.kind == LetterKind.DENUNCIATION:
        return rules.denunciation_resolve_deadline(c, letter.accepted_on, letter.extensions)
    return rules.petition_deadline(c, letter.received_on)


def letter_transition(
    letter_id: int,
    action: str,
    *,
    actor: Any,
    on: dt.date | None = None,
    assignee: Any = None,
    forwarded_to: str = "",
    reason: str = "",
    result: str = "",
    complex_case: bool = False,
    especially_complex: bool = False,
    remote: bool = False,
    published: bool = False,
    expected_version: int | None = None,
) -> Letter:
    """Assign, accept (the resolution deadline computed), forward, return, extend (complex cases), resolve."""
    day = on or today()

    def write(letter: Letter, step: Any) -> None:
        if day > today():
            raise ValidationError(_("The date cannot be in the future."))
        if action == "assign":
            if assignee is None or not permissions.is_inspector(assignee, letter.agency_id):
                raise ValidationError({"assignee": _("Assign a member of the Inspectorate.")})
            if letter.denounced_id == assignee.pk:
                raise ValidationError({"assignee": _("The person denounced cannot handle the denunciation.")})
            letter.assigned_to = assignee
        elif action == "accept":
            if day < letter.received_on:
                raise ValidationError(_("Acceptance cannot come before receipt."))
            letter.accepted_on = day
            letter.complex_case = complex_case
            letter.remote = remote
            letter.especially_complex = especially_complex
            letter.due_on = _resolve_deadline(letter)
        elif action == "forward":
            need(forwarded_to, "forwarded_to", _("Name the competent body."))
            letter.forwarded_to = canonical(forwarded_to)
            letter.reason = canonical(reason)
        elif action == "return":
            need(reason, "reason", _("Give the reasons."))
            letter.reason = canonical(reason)
        elif action == "extend":
            need(reason, "reason", _("Give the reason for the extension."))
            if letter.kind == LetterKind.DENUNCIATION:
                problem = rules.denunciation_extension_problem(
                    letter.extensions, especially_complex=letter.especially_complex or especially_complex
                )
                if problem:
                    raise ValidationError(problem)
                letter.extensions += 1
                letter.especially_complex = letter.especially_complex or especially_complex
            elif letter.kind == LetterKind.COMPLAINT:
                if letter.complex_case:
                    raise ValidationError(_("The complaint already has the period of a complex case (Art. 28)."))
                letter.complex_case = True
            else:
                raise ValidationError(_("A petition has no extension."))
            letter.reason = canonical(reason)
            letter.due_on = _resolve_deadline(letter)
        elif action == "resolve":
            need(result, "result", _("Write the decision or conclusion."))
            letter.result = canonical(result)
            letter.resolved_on = day
            letter.published = published

    return transition(
        workflow.LETTERS, Letter, letter_id, action, actor=actor, write=write, expected_version=expected_version
    )


def identity_reveal(letter: Letter, *, actor: Any) -> DenouncerIdentity | None:
    """The denouncer's identity for those the law allows (the assigned inspector, the Chief Inspector; never
    the person denounced): every attempt is logged, allowed or not (Law on Denunciations 2018 Art. 47, 56).
    Raises `PermissionDenied` for anyone else. Not in a transaction of its own: the log of a refused attempt
    must stay when the refusal is raised."""
    letter = Letter.objects.get(pk=letter.pk)  # the assignment as it is now, not as the caller last read it
    allowed = permissions.can_see_identity(actor, letter)
    if getattr(actor, "is_authenticated", False):
        IdentityAccess.objects.create(letter=letter, user=actor, allowed=allowed)
    if not allowed:
        raise PermissionDenied(_("The denouncer's identity is protected (Law on Denunciations 2018 Art. 47)."))
    return DenouncerIdentity.objects.filter(letter=letter).first()


@transaction.atomic
def reception_day_schedule(*, agency: Any, actor: Any, date: dt.date, leader: Any, place: str) -> ReceptionDay:
    """A reception day of the Director or a Deputy Director (Law on Citizen Reception 2013 Art. 18)."""
    if not (permissions.is_chief_inspector(actor, agency.pk) or permissions.is_director(actor, agency.pk)):
        raise PermissionDenied(_("The reception schedule is set by the Director or the Chief Inspector."))
    if not permissions.is_board(leader, agency.pk):
        raise ValidationError({"leader": _("Citizens are received by the Director or a Deputy Director.")})
    need(place, "place", _("Give the place."))
    if ReceptionDay.objects.filter(agency=agency, date=date).exists():
        raise ValidationError({"date": _("There is already a reception that day.")})
    day = ReceptionDay(agency=agency, date=date, leader=leader, place=canonical(place))
    day.full_clean()
    day.save()
    return day


@transaction.atomic
def reception_entry_add(
    *,
    agency: Any,
    actor: Any,
    citizen_name: str,
    content: str,
    outcome: str = "",
    received_on: dt.date | None = None,
    day: ReceptionDay | None = None,
    letter_kind: str = "",
    subject: str = "",
    follow_up: str = "",
) -> ReceptionEntry:
    """A line of the reception book; when the citizen lodges a complaint, denunciation or petition, the letter
    is logged with it (a denouncer's name goes to the protected identity, not into the book)."""
    on = received_on or (day.date if day else today())
    if not permissions.can_act(actor, agency.pk):
        raise PermissionDenied(_("The reception book is kept by the Inspectorate."))
    need(content, "content", _("Write the content."))
    need(citizen_name, "citizen_name", _("Name the citizen."))
    if day is not None and day.agency_id != agency.pk:
        raise ValidationError(_("The reception day belongs to another agency."))
    letter = None
    if letter_kind:
        letter = letter_receive(
            agency=agency,
            actor=actor,
            kind=letter_kind,
            channel=Channel.RECEPTION,
            summary=content,
            subject=subject or content[:200],
            received_on=on,
            sender_name=citizen_name,
        )
    entry = ReceptionEntry(
        agency=agency,
        day=day,
        received_on=on,
        citizen_name="" if letter_kind == LetterKind.DENUNCIATION else canonical(citizen_name),
        content=canonical(content) if letter_kind != LetterKind.DENUNCIATION else _("Denunciation (see the letter)"),
        received_by=actor,
        outcome=canonical(outcome),
        letter=letter,
        follow_up=canonical(follow_up),
    )
    entry.full_clean()
    entry.save()
    return entry
