"""Writes of the public portal: online submission (through `procedures.services`), answering a supplement
request, rating, applicant accounts. One transaction each."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.core.text import canonical
from stttt.licensing import services as licensing_services
from stttt.portal import rules
from stttt.portal.models import Rating, Submission
from stttt.procedures import services as procedure_services
from stttt.procedures.choices import Status
from stttt.procedures.models import Component, Dossier, Procedure

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass
class Upload:
    component: Component | None
    name: str
    content: bytes


def _reference() -> str:
    return "BP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def _guest(key: str, name: str) -> Any:
    """The principal of an applicant without an account: one login-less user per submission (its
    idempotency key), so that the procedures app sees an applicant and a retry finds the same dossier."""
    user, created = get_user_model().objects.get_or_create(
        username=f"portal-{key}"[:150], defaults={"full_name": name[:200], "is_active": True})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _check_uploads(procedure: Procedure, uploads: list[Upload]) -> None:
    from stttt.procedures import rules as procedure_rules

    errors: dict[str, list[str]] = {}
    for upload in uploads:
        problem = procedure_rules.upload_problem(upload.name, len(upload.content), upload.content[:16])
        if problem:
            field = f"file_{upload.component.pk}" if upload.component else "file"
            errors.setdefault(field, []).append(f"{upload.name}: {problem}")
    given = {u.component.pk for u in uploads if u.component is not None}
    for component in procedure.components.all():
        if component.required and component.pk not in given:
            errors.setdefault(f"file_{component.pk}", []).append(_("Attach this document."))
    if errors:
        raise ValidationError(errors)


def submission_create(procedure: Procedure, *, user: Any, data: dict[str, Any], uploads: list[Upload],
                      idempotency_key: str, holder_type: str = "organisation", district: str = "",
                      subject: dict[str, Any] | None = None) -> tuple[Submission, str | None]:
    """File a dossier online: the dossier (procedures), what it asks to be licensed (licensing), its
    documents, and the reference with a tracking secret. All or nothing. A retry with the same key returns
    the same submission and no new secret: `(submission, secret or None)`."""
    key = canonical(idempotency_key)[:60]
    if not key or not key.replace("-", "").isalnum():
        raise ValidationError(_("The form has expired; open it again."))
    applicant = user if getattr(user, "is_authenticated", False) else None
    existing = Submission.objects.filter(dossier__idempotency_key=key).select_related("dossier").first()
    if existing is not None:
        return existing, None
    _check_uploads(procedure, uploads)
    email = canonical(str(data.get("applicant_email") or ""))
    with transaction.atomic():
        actor = applicant or _guest(key, canonical(str(data.get("applicant_name") or "")))
        dossier, created = procedure_services.dossier_submit(procedure, actor=actor, data=data, idempotency_key=key)
        if not created:
            found = Submission.objects.filter(dossier=dossier).first()
            if found is not None:
                return found, None
        licensing_services.application_save(dossier, holder_type=holder_type, district=district,
                                            subject=subject or {})
        for upload in uploads:
            procedure_services.dossier_file_add(dossier, actor=actor, name=upload.name, content=upload.content,
                                                component=upload.component)
        secret = secrets.token_urlsafe(9)
        submission = Submission.objects.create(dossier=dossier, reference=_reference(), email=email,
                                               secret_hash=rules.secret_hash(secret, settings.SECRET_KEY),
                                               account=applicant)
    if email:
        send_mail(
            subject=f"Hồ sơ {submission.reference} đã được nộp trực tuyến",
            message=(f"Kính gửi {dossier.applicant_name},\n\nHồ sơ “{procedure.name}” đã được nộp.\n"
                     f"Mã tra cứu: {submission.reference}\nMã bí mật: {secret}\n\n"
                     "Dùng hai mã này để theo dõi hồ sơ trên Cổng dịch vụ công của Sở. "
                     "Không chia sẻ mã bí mật cho người khác.\n"),
            from_email=None, recipient_list=[email], fail_silently=True,
        )
    return submission, secret


def applicant_actor(submission: Submission, user: Any) -> Any:
    """Who acts for the applicant: their account when signed in as the owner, else the submission's principal."""
    if getattr(user, "is_authenticated", False) and user.pk == submission.dossier.submitted_by_id:
        return user
    return submission.dossier.submitted_by


@transaction.atomic
def supplement_answer(submission: Submission, *, user: Any, uploads: list[Upload], note: str = "") -> Dossier:
    """Answer a request to complete or supplement the dossier: attach the documents and hand it back
    (Decree 61/2018 Arts 17, 19). Only while such a request is open."""
    dossier = submission.dossier
    if dossier.status == Status.AWAITING_SUPPLEMENT:
        action = "supplement_received"
    elif dossier.status == Status.INCOMPLETE:
        action = "resubmit"
    else:
        raise ValidationError(_("No supplement is requested for this dossier now."))
    if not uploads:
        raise ValidationError({"file": [_("Attach at least one document.")]})
    errors = []
    from stttt.procedures import rules as procedure_rules

    for upload in uploads:
        problem = procedure_rules.upload_problem(upload.name, len(upload.content), upload.content[:16])
        if problem:
            errors.append(f"{upload.name}: {problem}")
    if errors:
        raise ValidationError({"file": errors})
    actor = applicant_actor(submission, user)
    for upload in uploads:
        procedure_services.dossier_file_add(dossier, actor=actor, name=upload.name, content=upload.content,
                                            component=upload.component)
    return procedure_services.dossier_transition(dossier.pk, action, actor=actor, note=note)


RATEABLE = frozenset({Status.APPROVED, Status.REFUSED, Status.FORWARDED, Status.RETURNED})


@transaction.atomic
def rating_save(dossier: Dossier, *, contacts: int, agencies: str, publicity: str, complaint: bool,
                comment: str = "") -> Rating:
    """Rate the service once the result is out, on the indicators of Circular 01/2018/TT-VPCP Art. 13."""
    if dossier.status not in RATEABLE or dossier.resolved_at is None:
        raise ValidationError(_("The service can be rated once the result is out."))
    if Rating.objects.filter(dossier=dossier).exists():
        raise ValidationError(_("This dossier has already been rated."))
    if contacts < 0 or agencies not in rules.AGENCIES or publicity not in rules.PUBLICITY:
        raise ValidationError(_("Answer every question."))
    resolved = timezone.localtime(dossier.resolved_at).date()
    time_score = rules.indicator_time(resolved, dossier.statutory_due_date)
    steps = [(timezone.localtime(s.at).date(), s.due_date) for s in dossier.steps.all()]
    return Rating.objects.create(
        dossier=dossier, unit_code=dossier.procedure.division_code, quarter=rules.quarter_of(resolved),
        indicator_1=time_score, indicator_2=rules.indicator_steps(steps),
        indicator_3=rules.indicator_contacts(contacts), indicator_4=rules.indicator_agencies(agencies),
        indicator_6=rules.indicator_publicity(publicity), indicator_7=rules.indicator_attitude(complaint, time_score),
        comment=canonical(comment)[:2000])


@transaction.atomic
def account_create(*, email: str, full_name: str, password: str) -> Any:
    """An applicant's own account (no staff powers: those come only from `org`)."""
    from django.contrib.auth.password_validation import validate_password

    email = canonical(email).lower()
    User = get_user_model()
    if not email or User.objects.filter(username__iexact=email).exists():
        raise ValidationError({"email": [_("An account with this e-mail already exists.")]})
    user = User(username=email, email=email, full_name=canonical(full_name))
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def submission_claim(submission: Submission, *, user: Any) -> Submission:
    """Attach a dossier tracked by its secret to the signed-in applicant's account."""
    if not getattr(user, "is_authenticated", False):
        raise ValidationError(_("Sign in first."))
    if submission.account_id not in (None, user.pk):
        raise ValidationError(_("This dossier belongs to another account."))
    submission.account = user
    submission.save(update_fields=["account"])
    return submission
