"""Writes of the press app: one transaction each, permission and rule checks, audit rows (who did it).

Views, API and CLI call these; none of them sets a status itself: a change of state goes through the workflow
tables (`workflow.transition`). Intake computes the deadline, the timeliness and the flags with `rules`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.core.calendar import calendar
from stttt.core.workflow import TransitionRefused
from stttt.org import powers
from stttt.press import permissions, rules, selectors, workflow
from stttt.press.choices import ChangeKind, Conclusion, ItemKind, OutletKind
from stttt.press.models import (
    DepositItem,
    FlaggedArticle,
    OfficeChange,
    Outlet,
    PressConference,
    Reading,
    Reminder,
    RepresentativeOffice,
)

# Which kinds of item each kind of outlet deposits.
OUTLET_ITEM_KINDS: dict[str, tuple[str, ...]] = {
    OutletKind.PRINT: (ItemKind.PRESS_PRINT,),
    OutletKind.ELECTRONIC: (ItemKind.PRESS_ELECTRONIC,),
    OutletKind.BROADCAST: (ItemKind.PRESS_ELECTRONIC,),
    OutletKind.BULLETIN: (ItemKind.BULLETIN,),
    OutletKind.PUBLISHER: (ItemKind.PUBLICATION, ItemKind.E_PUBLICATION),
}


def _save(obj: Any, actor: Any, **kwargs: Any) -> Any:
    if actor is not None and getattr(actor, "is_authenticated", False):
        obj._history_user = actor
    obj.full_clean(**kwargs)
    obj.save()
    return obj


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Only the press and publishing division may do this."))


def _agency_id(actor: Any) -> int:
    agency_id = powers.powers_of(actor).agency_id if getattr(actor, "is_authenticated", False) else None
    if agency_id is None and getattr(actor, "is_superuser", False):
        from stttt.org.selectors import agency_get

        agency_id = agency_get().pk
    if agency_id is None:
        raise PermissionDenied(_("Only the press and publishing division may do this."))
    return int(agency_id)


def _step(kind: str, record: Any, action: str, *, actor: Any, write: Any = None) -> Any:
    try:
        return workflow.transition(kind, record, action, actor=actor, write=write)
    except TransitionRefused as exc:
        raise ValidationError(str(exc)) from None


# --- Outlets ---------------------------------------------------------------------------------------------------

OUTLET_FIELDS = (
    "name",
    "kind",
    "governing_body",
    "address",
    "email",
    "phone",
    "field",
    "licence_number",
    "licence_issued_on",
    "licence_valid_until",
    "licence",
    "release_weekdays",
    "release_monthdays",
    "skips_days_off",
    "active",
    "note",
)


@transaction.atomic
def outlet_save(*, actor: Any, data: dict[str, Any], outlet: Outlet | None = None) -> Outlet:
    """Add an outlet to the agency's register, or change one (its licence, its schedule)."""
    _require(permissions.may_manage(actor))
    if outlet is None:
        outlet = Outlet(agency_id=_agency_id(actor))
    elif not powers.same_agency(actor, outlet.agency_id):
        raise PermissionDenied
    for name in OUTLET_FIELDS:
        if name in data:
            setattr(outlet, name, data[name])
    for name in ("release_weekdays", "release_monthdays"):
        values = getattr(outlet, name) or []
        limit = 6 if name == "release_weekdays" else 31
        low = 0 if name == "release_weekdays" else 1
        if not all(isinstance(v, int) and low <= v <= limit for v in values):
            raise ValidationError(
                {name: _("Give whole numbers from %(low)s to %(high)s.") % {"low": low, "high": limit}}
            )
    if outlet.licence is not None and outlet.licence.agency_id != outlet.agency_id:
        raise ValidationError({"licence": _("The licence belongs to another agency.")})
    return _save(outlet, actor)


# --- Intake ----------------------------------------------------------------------------------------------------


def licence_facts(kind: str, outlet: Outlet, licence: Any, release_date: dt.date) -> rules.LicenceFacts | None:
    """The licence an item was published under, as it stood on its release date: the licensing register's licence
    (bulletins, publications) or the outlet's press licence (print press)."""
    if licence is not None:
        rule = rules.intake_rule(kind)
        subject = licence.subject_on(release_date)
        return rules.LicenceFacts(
            kind=licence.kind,
            status=licence.status_on(release_date),
            valid_from=licence.valid_from,
            valid_until=licence.valid_until_on(release_date),
            title=str(subject.get(rule.licence_title_field, "")) if rule.licence_title_field else "",
        )
    if kind == ItemKind.PRESS_PRINT and outlet.licence_number:
        return rules.LicenceFacts(
            kind="press",
            status="valid",
            valid_from=outlet.licence_issued_on or release_date,
            valid_until=outlet.licence_valid_until,
        )
    return None


@transaction.atomic
def item_receive(
    *,
    actor: Any,
    outlet: Outlet,
    kind: str,
    title: str,
    release_date: dt.date,
    received_at: dt.datetime | None = None,
    issue_number: str = "",
    distribution_date: dt.date | None = None,
    period_end: dt.date | None = None,
    postmarked_at: dt.datetime | None = None,
    copies: int | None = None,
    print_run: int | None = None,
    electronic_format: str = "",
    reprint: bool = False,
    licence: Any = None,
    field: str = "",
) -> DepositItem:
    """Take in a deposit: check it against its intake rule and its licence, record its timeliness and flags."""
    _require(permissions.may_manage(actor))
    if not powers.same_agency(actor, outlet.agency_id):
        raise PermissionDenied
    if kind not in OUTLET_ITEM_KINDS.get(outlet.kind, ()):
        raise ValidationError({"kind": _("This outlet does not deposit items of this kind.")})
    if not title.strip():
        raise ValidationError({"title": _("Give the title.")})
    if licence is None and rules.intake_rule(kind).licence_kind and outlet.licence is not None:
        licence = outlet.licence
    if licence is not None and licence.agency_id != outlet.agency_id:
        raise ValidationError({"licence": _("The licence belongs to another agency.")})
    rule = rules.intake_rule(kind)
    if rule.formats and electronic_format and electronic_format.upper() not in rule.formats:
        raise ValidationError(
            {"electronic_format": _("Accepted formats: %(formats)s.") % {"formats": ", ".join(rule.formats)}}
        )
    if rule.deadline == "days_before" and distribution_date is None:
        raise ValidationError({"distribution_date": _("Give the date distribution begins.")})
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"received_at": _("The time of receipt cannot be in the future.")})
    deadline = rules.deposit_deadline(kind, release_date, distribution_date)
    moment = rules.deposit_moment(received_at, postmarked_at)
    item = DepositItem(
        agency_id=outlet.agency_id,
        outlet=outlet,
        kind=kind,
        title=title.strip(),
        issue_number=issue_number,
        release_date=release_date,
        period_end=period_end,
        distribution_date=distribution_date,
        received_at=received_at,
        postmarked_at=postmarked_at,
        copies=copies,
        print_run=print_run,
        electronic_format=electronic_format.upper(),
        reprint=reprint,
        licence=licence,
        deadline=deadline,
        timeliness=rules.timeliness(deadline, moment),
        flags=rules.licence_flags(
            kind, release_date, title, licence_facts(kind, outlet, licence, release_date), copies
        ),
        field=field or outlet.field,
        received_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return _save(item, actor)


# --- Reading ---------------------------------------------------------------------------------------------------


@transaction.atomic
def item_assign(item: DepositItem, *, actor: Any, reader: Any, on: dt.date | None = None) -> DepositItem:
    """The head assigns an item to a reader of the division; the reading is due in working days."""
    if reader is None:
        raise ValidationError({"reader": _("Choose a reader.")})
    if not selectors.readers(item.agency_id).filter(pk=reader.pk).exists():
        raise ValidationError({"reader": _("The reader must be a member of the press and publishing division.")})
    day = on or timezone.localdate()

    def write(obj: DepositItem, _step_: Any) -> None:
        obj.reader = reader
        obj.assigned_on = day
        obj.reading_due_on = rules.reading_due(day, calendar().add_working_days)

    item = _step("item", item, "assign", actor=actor, write=write)
    reading = Reading.objects.filter(item=item).first()
    if reading is None:
        _save(Reading(item=item, reader=reader), actor)
    elif reading.reader_id != reader.pk:
        reading.reader = reader
        _save(reading, actor)
    return item


READING_FIELDS = (
    "content_summary",
    "legal_conformity",
    "licence_conformity",
    "conclusion",
    "provision_violated",
    "findings",
)


def _reading_write(item: DepositItem, actor: Any, data: dict[str, Any]) -> Reading:
    reading = Reading.objects.select_for_update().filter(item=item).first() or Reading(item=item, reader=actor)
    for name in READING_FIELDS:
        if name in data:
            setattr(reading, name, (data[name] or "").strip() if isinstance(data[name], str) else data[name])
    if reading.conclusion not in Conclusion.values:
        raise ValidationError({"conclusion": _("Choose a conclusion.")})
    return reading


@transaction.atomic
def reading_save(item: DepositItem, *, actor: Any, data: dict[str, Any]) -> Reading:
    """The reader saves the form without submitting it."""
    if item.reader_id != getattr(actor, "pk", None) or item.status not in ("assigned", "returned"):
        raise PermissionDenied(_("Only the reader of the item may fill its reading form while it is open."))
    return _save(_reading_write(item, actor, data), actor)


@transaction.atomic
def reading_submit(item: DepositItem, *, actor: Any, data: dict[str, Any]) -> DepositItem:
    """The reader submits the form to the head. A violation names the provision violated and what was found."""
    reading = _reading_write(item, actor, data)
    errors = {}
    if not reading.content_summary:
        errors["content_summary"] = _("Summarise the content read.")
    if reading.conclusion == Conclusion.VIOLATION:
        if not reading.provision_violated:
            errors["provision_violated"] = _("Name the provision violated.")
        if not reading.findings:
            errors["findings"] = _("Say what was found.")
    if errors:
        raise ValidationError(errors)
    item = _step("item", item, "submit", actor=actor)
    reading.submitted_at = timezone.now()
    _save(reading, actor)
    return item


@transaction.atomic
def reading_review(item: DepositItem, action: str, *, actor: Any, note: str = "") -> DepositItem:
    """The head returns, approves, or approves the violation and refers it to the Inspectorate (the effect
    `press.refer_to_inspection` runs in this transaction: if the referral fails, nothing is changed)."""
    if action not in ("return", "approve", "refer"):
        raise ValidationError(_("Unknown action."))
    if action == "return" and not note.strip():
        raise ValidationError({"note": _("Say what to correct.")})
    reading = Reading.objects.filter(item=item).first()
    if reading is not None:
        reading.reviewed_by = actor
        reading.reviewed_at = timezone.now()
        reading.review_note = note.strip()
        _save(reading, actor)
    return _step("item", item, action, actor=actor)


@transaction.atomic
def article_flag(
    *,
    actor: Any,
    outlet: Outlet,
    title: str,
    published_on: dt.date,
    topic: str,
    tone: str,
    url: str = "",
    note: str = "",
    item: DepositItem | None = None,
) -> FlaggedArticle:
    """A reader flags an article for the leadership's press picture."""
    _require(permissions.may_manage(actor))
    if not powers.same_agency(actor, outlet.agency_id) or (item is not None and item.agency_id != outlet.agency_id):
        raise PermissionDenied
    article = FlaggedArticle(
        agency_id=outlet.agency_id,
        outlet=outlet,
        item=item,
        title=title.strip(),
        published_on=published_on,
        topic=topic.strip(),
        tone=tone,
        url=url,
        note=note,
        flagged_by=actor,
    )
    return _save(article, actor)


# --- Reminders -------------------------------------------------------------------------------------------------


@transaction.atomic
def reminders_send(agency: Any, day: dt.date, *, now: dt.datetime | None = None) -> int:
    """Remind each outlet whose deposit was due on `day` (past its deadline) and not received: one e-mail per
    outlet, kind and day (outbox, sent once the transaction commits), recorded as a `Reminder`. The scheduled run
    (`tasks.remind_missing_deposits`) calls it on working days for `rules.days_to_remind`."""
    now = now or timezone.now()
    sent = 0
    for row in selectors.due_list(agency, day, now=now):
        if row["state"] != "missing" or row["reminded"]:
            continue
        outlet = row["outlet"]
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Legal deposit not received — %(outlet)s, %(date)s") % {
                "outlet": outlet.name,
                "date": day.strftime("%d/%m/%Y"),
            }
            body = _(
                "The Department has not received the legal deposit of %(outlet)s released on %(date)s, due by "
                "%(deadline)s (%(basis)s). Please deposit it at once; a deposit by post counts from its postmark."
            ) % {
                "outlet": outlet.name,
                "date": day.strftime("%d/%m/%Y"),
                "deadline": timezone.localtime(row["deadline"]).strftime("%H:%M %d/%m/%Y"),
                "basis": rules.intake_rule(row["kind"]).basis,
            }
        messages = outbox.email(
            outlet.email,
            subject=subject,
            body=body,
            key=f"press.deposit:{outlet.pk}:{row['kind']}:{day.isoformat()}",
            topic="press.deposit_reminder",
        )
        Reminder.objects.create(
            agency=agency, outlet=outlet, kind=row["kind"], due_date=day, recipients=outlet.email or ""
        )
        sent += 1 if messages or not outlet.email else 0
    return sent


# --- Representative offices and resident reporters --------------------------------------------------------------

OFFICE_FIELDS = (
    "kind",
    "press_agency",
    "governing_body",
    "head_name",
    "press_card",
    "address",
    "phone",
    "email",
    "approval",
    "notified_on",
    "starts_on",
)


@transaction.atomic
def office_save(
    *, actor: Any, data: dict[str, Any], office: RepresentativeOffice | None = None
) -> RepresentativeOffice:
    """Record a notified office or resident reporter (Press Law 2016 Art. 22.3, 22.5), or correct one."""
    _require(permissions.may_manage(actor))
    if office is None:
        office = RepresentativeOffice(agency_id=_agency_id(actor))
    elif not powers.same_agency(actor, office.agency_id):
        raise PermissionDenied
    for name in OFFICE_FIELDS:
        if name in data:
            setattr(office, name, data[name])
    return _save(office, actor)


@transaction.atomic
def office_change_record(
    office: RepresentativeOffice,
    *,
    actor: Any,
    kind: str,
    effective_on: dt.date,
    notified_on: dt.date,
    description: str,
) -> OfficeChange:
    """A change notified by the press agency (Art. 22.6) or an opinion given: kept as the office's history."""
    _require(permissions.may_manage(actor))
    if not powers.same_agency(actor, office.agency_id):
        raise PermissionDenied
    if kind not in ChangeKind.values:
        raise ValidationError({"kind": _("Choose the kind of change.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe the change.")})
    change = OfficeChange(
        office=office,
        kind=kind,
        effective_on=effective_on,
        notified_on=notified_on,
        description=description.strip(),
        recorded_by=actor,
    )
    return _save(change, actor)


@transaction.atomic
def office_act(
    office: RepresentativeOffice, action: str, *, actor: Any, opinion: str = "", on: dt.date | None = None
) -> RepresentativeOffice:
    """A step of the office's table: conditions met, ask to end, or record the end."""
    if action in ("activate", "ask_stop") and not opinion.strip():
        raise ValidationError({"opinion": _("Give the Department's opinion.")})
    day = on or timezone.localdate()

    def write(obj: RepresentativeOffice, _step_: Any) -> None:
        if opinion.strip():
            obj.department_opinion = opinion.strip()
        if action == "end":
            obj.ends_on = day

    office = _step("office", office, action, actor=actor, write=write)
    if opinion.strip() or action == "end":
        kind = ChangeKind.END if action == "end" else ChangeKind.OPINION
        _save(
            OfficeChange(
                office=office,
                kind=kind,
                effective_on=day,
                notified_on=day,
                description=opinion.strip() or str(_("End of activity recorded.")),
                recorded_by=actor,
            ),
            actor,
        )
    return office


# --- Press conferences -------------------------------------------------------------------------------------------


@transaction.atomic
def conference_notify(
    *,
    actor: Any,
    organiser: str,
    notified_at: dt.datetime,
    starts_at: dt.datetime,
    venue: str,
    content: str,
    chair: str,
    organiser_email: str = "",
    report_required: bool = False,
    dossier: Any = None,
) -> PressConference:
    """Record a press conference notice (Press Law 2016 Art. 41.3-4: venue, time, content, chair), with whether it
    came at least 24 hours before."""
    _require(permissions.may_manage(actor))
    agency_id = _agency_id(actor)
    if dossier is not None and dossier.agency_id != agency_id:
        raise ValidationError({"dossier": _("The dossier belongs to another agency.")})
    missing = {
        k: _("Required by Art. 41.4 of the Press Law.")
        for k, v in {"venue": venue, "content": content, "chair": chair, "organiser": organiser}.items()
        if not v.strip()
    }
    if missing:
        raise ValidationError(missing)
    conference = PressConference(
        agency_id=agency_id,
        organiser=organiser.strip(),
        organiser_email=organiser_email,
        notified_at=notified_at,
        starts_at=starts_at,
        venue=venue.strip(),
        content=content.strip(),
        chair=chair.strip(),
        notice_in_time=rules.conference_notice_in_time(notified_at, starts_at),
        report_required=report_required,
        dossier=dossier,
    )
    return _save(conference, actor)


@transaction.atomic
def conference_act(
    conference: PressConference, action: str, *, actor: Any, answer: str = "", report: str = ""
) -> PressConference:
    """Answer, record as held (what was said, where a report is required), or suspend a press conference."""
    if action in ("accept", "object", "suspend") and not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    if action == "record" and conference.report_required and not report.strip():
        raise ValidationError({"report": _("A report is required: record what was said.")})

    def write(obj: PressConference, _step_: Any) -> None:
        if action in ("accept", "object", "suspend"):
            obj.answer = answer.strip()
            obj.answered_at = timezone.now()
        if action == "record":
            obj.report = report.strip()

    conference = _step("conference", conference, action, actor=actor, write=write)
    if action in ("accept", "object", "suspend") and conference.organiser_email:
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Press conference of %(date)s — answer of the Department") % {
                "date": timezone.localtime(conference.starts_at).strftime("%H:%M %d/%m/%Y")
            }
            body = f"{conference.get_status_display()}: {conference.answer}"
        outbox.email(
            conference.organiser_email,
            subject=subject,
            body=body,
            key=f"press.conference:{conference.pk}:{action}",
            topic="press.conference_answer",
        )
    return conference
