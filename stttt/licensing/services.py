"""Writes of the licensing app: one function per use case, one transaction each, audited. Every licence
belongs to an agency (`org.Agency`): numbers run per agency, districts are the agency's, and only the
agency's staff write to its register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.core.text import canonical
from stttt.licensing import permissions, rules
from stttt.licensing.choices import LEADER_EVENTS, EventType, HolderType, Issuer
from stttt.licensing.kinds import KINDS, Kind, kind_for_procedure
from stttt.licensing.models import Application, ExpiryWarning, Licence, LicenceEvent
from stttt.org import powers
from stttt.org.models import Agency
from stttt.org.selectors import districts_of


def department_name(agency: Agency) -> str:
    """The name of the issuing agency, as written in its register (`issuer_name`)."""
    return agency.name


def warning_days() -> tuple[int, ...]:
    """Days before expiry at which holders and staff are warned (setting STTTT_LICENCE_WARNING_DAYS)."""
    return tuple(settings.STTTT_LICENCE_WARNING_DAYS)


def _provision(citation: str, agency: Agency) -> Any:
    """The provision of the agency's regulation the citation names; None when the agency has no regulation
    loaded or the regulation has no such provision (the citation string stays authoritative)."""
    from stttt.legal.selectors import ProvisionNotFound, provision_get

    if agency.regulation_id is None:
        return None
    try:
        return provision_get(citation, document=agency.regulation)
    except ProvisionNotFound:
        return None


def district_check(agency: Agency, district: str, *, active_only: bool = True) -> str:
    """`district` when it is the code of a district of the agency (or empty); a clear error otherwise."""
    district = canonical(district or "")
    if district and not districts_of(agency, active_only=active_only).filter(code=district).exists():
        raise ValidationError(
            {
                "district": _("Choose a district, town or city of the agency's province (“%(code)s” is not one).")
                % {"code": district}
            }
        )
    return district


def _clean_subject(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for spec in kind.subject:
        value = data.get(spec.name)
        if spec.type == "list":
            if isinstance(value, str):
                value = [canonical(line) for line in value.splitlines() if canonical(line)]
            value = [canonical(str(v)) for v in (value or []) if canonical(str(v))]
        elif spec.type == "int" and value not in (None, ""):
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = canonical(str(value))
        elif value is not None:
            value = canonical(str(value))
        if value not in (None, "", []):
            cleaned[spec.name] = value
    extra = set(data) - {s.name for s in kind.subject}
    for name in extra:
        cleaned[name] = data[name]
    return cleaned


def subject_validate(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    cleaned = _clean_subject(kind, data)
    problems = rules.subject_problems(kind.subject, cleaned)
    if problems:
        raise ValidationError({f"subject_{k}": v for k, v in problems.items()})
    return cleaned


def _next_number(kind: Kind, year: int, agency_id: int) -> tuple[int, str]:
    """The next number of the symbol in the year, in the agency's own sequence."""
    same_symbol = [k.code for k in KINDS.values() if k.symbol == kind.symbol]
    last = (
        (
            Licence.objects.filter(
                agency_id=agency_id, kind__in=same_symbol, year=year, issuer=Issuer.DEPARTMENT
            ).aggregate(m=Max("sequence"))["m"]
        )
        or 0
    )
    return last + 1, rules.number(last + 1, kind.symbol)


def _save_with_number(licence: Licence, kind: Kind, given_number: str) -> Licence:
    """Save a new licence with the given number, or the next number of its symbol and year; two approvals
    at the same moment meet at the unique constraint and the second takes the following number."""
    taken = ValidationError({"number": _("This number is already used by another licence of the issuer in that year.")})
    if (
        given_number
        and Licence.objects.filter(
            agency_id=licence.agency_id, issuer_name=licence.issuer_name, year=licence.year, number=given_number
        ).exists()
    ):
        raise taken
    for _attempt in range(5):
        if given_number:
            licence.number, licence.sequence = given_number, None
        else:
            licence.sequence, licence.number = _next_number(kind, licence.year, licence.agency_id)
        licence.full_clean(exclude=["token", "dossier"], validate_constraints=False)
        try:
            with transaction.atomic():
                licence.save()
            return licence
        except IntegrityError:
            if given_number:
                break
    raise taken


# --- applications (what a dossier asks for) ----------------------------------------------------------


@transaction.atomic
def application_save(dossier: Any, *, holder_type: str, district: str, subject: dict[str, Any]) -> Application | None:
    """Keep the subject an applicant filled in for a licensing procedure (run by the filing step's effect
    `licensing.record_application`); None when the procedure issues no licence kind. The district is one of
    the dossier's agency."""
    kind = kind_for_procedure(dossier.procedure.code)
    if kind is None:
        return None
    if holder_type not in HolderType.values:
        raise ValidationError({"holder_type": _("Choose an organisation or an individual.")})
    district = district_check(dossier.agency, district)
    cleaned = subject_validate(kind, subject)
    application, _created = Application.objects.update_or_create(
        dossier=dossier,
        defaults={"kind": kind.code, "holder_type": holder_type, "district": district, "subject": cleaned},
    )
    return application


# --- issue --------------------------------------------------------------------------------------------


def licence_issue_from_dossier(dossier: Any, *, actor: Any, on: dt.date | None = None) -> Licence | None:
    """The licence that an approved dossier produces (run by the approval step's effect
    `licensing.issue_licence`, inside the step's transaction), in the register of the dossier's agency:
    holder and subject from the dossier and its application, number in the administrative
    format, validity from the kind, the provision the procedure is empowered by. Idempotent per dossier;
    None for procedures that produce no licence kind."""
    kind = kind_for_procedure(dossier.procedure.code)
    if kind is None:
        return None
    existing = Licence.objects.filter(dossier=dossier).first()
    if existing is not None:
        return existing
    day = on or timezone.localdate()
    application = Application.objects.filter(dossier=dossier).first()
    subject = dict(application.subject) if application else {}
    if not subject and dossier.subject and kind.subject:
        subject[kind.subject[0].name] = dossier.subject
    authority, title = permissions.signer_of(actor)
    citation = dossier.procedure.empowering_citation or kind.citation
    agency = dossier.agency
    licence = Licence(
        agency=agency,
        kind=kind.code,
        year=day.year,
        issuer=Issuer.DEPARTMENT,
        issuer_name=department_name(agency),
        holder_type=application.holder_type if application else HolderType.ORGANISATION,
        holder_name=dossier.applicant_name,
        holder_id_number=dossier.applicant_id_number,
        holder_address=dossier.applicant_address,
        holder_phone=dossier.applicant_phone,
        holder_email=dossier.applicant_email,
        district=application.district if application else "",
        subject=subject,
        issued_on=day,
        valid_from=day,
        valid_until=rules.add_months(day, kind.validity_months) if kind.validity_months else None,
        signer_title=" ".join(x for x in (authority, title) if x),
        signer_name=str(actor or ""),
        dossier=dossier,
        citation=citation,
        provision=_provision(citation, agency),
        recorded_by=actor,
    )
    licence._change_reason = "issue"  # type: ignore[attr-defined]
    return _save_with_number(licence, kind, canonical(dossier.result_number or ""))


RECORD_FIELDS = (
    "holder_type",
    "holder_name",
    "holder_id_number",
    "holder_address",
    "holder_phone",
    "holder_email",
    "district",
    "issued_on",
    "valid_from",
    "valid_until",
    "conditions",
    "number",
    "issuer",
    "issuer_name",
    "signer_title",
    "signer_name",
)


@transaction.atomic
def licence_record(
    kind_code: str, *, actor: Any, data: dict[str, Any], subject: dict[str, Any], agency: Agency | None = None
) -> Licence:
    """Record a licence issued outside a dossier of this system: a district's certificate (3.8.c), an online
    game approved by the Ministry (3.8.c), or a licence issued on paper before the system. It goes into the
    register of the actor's agency (`agency`: for an administrator, who has none). The number is given,
    or the agency's next number when the agency issued it."""
    agency = agency or powers.agency_of(actor)
    if agency is None or not permissions.can_record(actor, agency.pk):
        raise PermissionDenied(_("Only the Department's staff record licences."))
    kind = KINDS.get(kind_code)
    if kind is None:
        raise ValidationError({"kind": _("Unknown kind of licence.")})
    values: dict[str, Any] = {name: data.get(name) for name in RECORD_FIELDS if data.get(name) not in (None, "")}
    for name, value in list(values.items()):
        if isinstance(value, str):
            values[name] = canonical(value)
    if not values.get("holder_name"):
        raise ValidationError({"holder_name": _("The holder's name is required.")})
    if not values.get("issued_on"):
        raise ValidationError({"issued_on": _("The date of issue is required.")})
    values.setdefault("issuer", kind.issuer if kind.issuer in Issuer.values else Issuer.DEPARTMENT)
    values["district"] = district_check(agency, values.get("district", ""), active_only=False)
    if values["issuer"] == Issuer.DEPARTMENT:
        values.setdefault("issuer_name", department_name(agency))
    elif not values.get("issuer_name"):
        raise ValidationError({"issuer_name": _("Name the body that issued it.")})
    if values["issuer"] != Issuer.DEPARTMENT and not values.get("number"):
        raise ValidationError({"number": _("Give the number of the licence as issued.")})
    values.setdefault("valid_from", values["issued_on"])
    if "valid_until" not in values and kind.validity_months:
        values["valid_until"] = rules.add_months(values["valid_from"], kind.validity_months)
    if values.get("valid_until") and values["valid_until"] < values["valid_from"]:
        raise ValidationError({"valid_until": _("The expiry date cannot be before the licence takes effect.")})
    number = values.pop("number", "")
    licence = Licence(
        agency=agency,
        kind=kind.code,
        year=values["issued_on"].year,
        subject=subject_validate(kind, subject),
        citation=kind.citation,
        provision=_provision(kind.citation, agency),
        recorded_by=actor,
        **values,
    )
    licence._change_reason = "record"  # type: ignore[attr-defined]
    return _save_with_number(licence, kind, number)


# --- life events --------------------------------------------------------------------------------------


@transaction.atomic
def licence_event_add(
    licence_id: int,
    event_type: str,
    *,
    actor: Any,
    effective_on: dt.date,
    legal_basis: str,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    end_on: dt.date | None = None,
    new_valid_until: dt.date | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    dossier: Any = None,
) -> LicenceEvent:
    """Record an amendment, extension, suspension (with its end date), revocation or end of a licence.

    Suspending and revoking are a leader's decision (`permissions.can_decide`); the other events are
    recorded by the Department's staff. The licence row is locked so two decisions do not cross."""
    if event_type not in EventType.values:
        raise ValidationError({"type": _("Unknown event.")})
    licence = Licence.objects.select_for_update().select_related("agency").get(pk=licence_id)
    if event_type in LEADER_EVENTS:
        if not permissions.can_decide(actor, licence):
            raise PermissionDenied(_("Suspending or revoking a licence is decided by the leader in charge."))
    elif not permissions.can_record(actor, licence.agency_id):
        raise PermissionDenied(_("Only the Department's staff record licence events."))
    today = timezone.localdate()
    status = licence.status_on(max(today, effective_on))
    current_until = licence.valid_until_on(max(today, effective_on))
    legal_basis = canonical(legal_basis)
    problem = rules.event_problem(
        event_type, status, effective_on, licence.issued_on, end_on, new_valid_until, current_until, legal_basis
    )
    if problem:
        raise ValidationError(problem)
    cleaned: dict[str, Any] = {}
    if event_type == EventType.AMEND:
        kind = licence.kind_spec
        changes = dict(changes or {})
        holder = canonical(str(changes.pop("holder_name", "") or ""))
        cleaned = _clean_subject(kind, changes)
        unknown = set(cleaned) - {s.name for s in kind.subject}
        if unknown:
            raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
        if holder:
            cleaned["holder_name"] = holder
        if not cleaned:
            raise ValidationError(_("Say what the amendment changes."))
    event = LicenceEvent(
        licence=licence,
        type=event_type,
        effective_on=effective_on,
        end_on=end_on if event_type == EventType.SUSPEND else None,
        new_valid_until=new_valid_until if event_type == EventType.EXTEND else None,
        changes=cleaned,
        legal_basis=legal_basis,
        decision_number=canonical(decision_number),
        decision_date=decision_date,
        reason=canonical(reason),
        dossier=dossier,
        decided_by=actor,
    )
    event.full_clean()
    event.save()
    if event_type == EventType.AMEND:
        licence.save(update_fields=["updated_at"])  # refresh the search text with the holder's new name
    return event


# --- expiry warnings ----------------------------------------------------------------------------------


def staff_recipients(licence: Licence, day: dt.date) -> list[str]:
    """E-mail addresses of the staff of the licence's agency who process its kind (everyone holding a
    post in the processing division on `day`). Raises `permissions.DivisionUnknown`."""
    from stttt.org.selectors import assignments_at

    unit_code = permissions.division_of(licence.kind, licence.agency)
    emails = (
        assignments_at(day)
        .filter(unit__agency_id=licence.agency_id, unit__code=unit_code)
        .exclude(staff__user__isnull=True)
        .values_list("staff__user__email", flat=True)
    )
    return sorted({email for email in emails if email})


def expiry_warnings_send(
    *,
    today: dt.date | None = None,
    thresholds: tuple[int, ...] | None = None,
    base_url: str = "",
    agency: Agency | None = None,
) -> list[ExpiryWarning]:
    """E-mail holders and the staff of the licence's agency who process its kind about licences that reach
    a warning threshold; once per licence, threshold and expiry date, so running it twice sends nothing.
    `agency`: only that agency's licences (default: every agency's, each to its own staff). A kind whose
    processing division the agency has not set is an error reported before anything is sent."""
    from stttt.licensing.selectors import licences_with_status, verification_url, with_status

    day = today or timezone.localdate()
    limits = tuple(sorted(set(thresholds or warning_days())))
    if not limits or min(limits) < 0:
        raise ValidationError(_("Warning days must be whole numbers, 0 or more."))
    horizon = day + dt.timedelta(days=max(limits))
    sent: list[ExpiryWarning] = []
    candidates: Any = with_status(licences_with_status(day), "valid", day).filter(
        current_until__isnull=False, current_until__gte=day, current_until__lte=horizon
    )
    if agency is not None:
        candidates = candidates.filter(agency=agency)
    candidates = list(candidates.select_related("agency"))
    staff: dict[tuple[int, str], list[str]] = {}
    unknown: set[str] = set()
    for licence in candidates:
        key = (licence.agency_id, licence.kind)
        if key not in staff:
            try:
                staff[key] = staff_recipients(licence, day)
            except permissions.DivisionUnknown:
                unknown.add(f"{licence.agency.code}: {licence.kind}")
    if unknown:
        raise ValidationError(
            _(
                "No division is set to process these kinds of licence, so nobody would be "
                "warned: %(kinds)s. Set it in the licensing administration (division of a "
                "kind of licence)."
            )
            % {"kinds": ", ".join(sorted(unknown))}
        )
    for licence in candidates:
        until = licence.current_until
        already = set(
            ExpiryWarning.objects.filter(licence=licence, valid_until=until).values_list("days_before", flat=True)
        )
        for threshold in rules.warnings_due(day, until, limits, already):
            recipients = list(
                dict.fromkeys(r for r in [licence.holder_email, *staff[(licence.agency_id, licence.kind)]] if r)
            )
            with transaction.atomic():
                warning, created = ExpiryWarning.objects.get_or_create(
                    licence=licence,
                    days_before=threshold,
                    valid_until=until,
                    defaults={"recipients": ", ".join(recipients)},
                )
                if not created:
                    continue
                # Every threshold already passed for this expiry counts as warned: one e-mail, not several.
                for other in limits:
                    if other > threshold:
                        ExpiryWarning.objects.get_or_create(
                            licence=licence, days_before=other, valid_until=until, defaults={"recipients": ""}
                        )
                # Written with the warning row, sent once it commits (the outbox's key is the warning's).
                outbox.email(
                    recipients,
                    subject=_("Licence %(number)s expires soon (%(until)s)")
                    % {"number": licence.number, "until": f"{until:%d/%m/%Y}"},
                    body=_(
                        "Dear %(holder)s,\n\n%(document)s no. %(number)s issued by %(issuer)s on %(issued)s expires on "
                        "%(until)s (%(days)s days left).\nPlease apply for its renewal or a new licence before it "
                        "expires.\n\nCheck it at: %(url)s\n\n%(issuer)s"
                    )
                    % {
                        "holder": licence.holder_name,
                        "document": licence.kind_spec.document_title.capitalize(),
                        "number": licence.number,
                        "issuer": licence.issuer_name,
                        "issued": f"{licence.issued_on:%d/%m/%Y}",
                        "until": f"{until:%d/%m/%Y}",
                        "days": (until - day).days,
                        "url": verification_url(licence, base_url),
                    },
                    key=f"licensing.expiry_warning:{warning.pk}",
                    topic="licensing.expiry_warning",
                )
                outbox.sms_message(
                    licence.holder_phone,
                    body=_(
                        "%(issuer)s: licence no. %(number)s expires on %(until)s. Please apply for its renewal or "
                        "a new licence before it expires."
                    )
                    % {"issuer": licence.issuer_name, "number": licence.number, "until": f"{until:%d/%m/%Y}"},
                    key=f"licensing.expiry_warning:{warning.pk}",
                    topic="licensing.expiry_warning",
                )
            sent.append(warning)
    return sent
