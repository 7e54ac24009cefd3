"""Writes of the public portal: its own record of an online filing (reference and tracking secret), the
applicant's accounts. Filing, answering a request and rating are services of `procedures`, called here."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stttt.core import outbox
from stttt.core.text import canonical
from stttt.portal import rules
from stttt.portal.models import Submission
from stttt.procedures import services as procedure_services
from stttt.procedures.choices import Channel
from stttt.procedures.models import Dossier, Procedure

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "HS-"  # hồ sơ
Upload = procedure_services.Upload


def _reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def _guest(key: str, name: str) -> Any:
    """The principal of an applicant without an account: one login-less user per submission (its
    idempotency key), so that the procedures app sees an applicant and a retry finds the same dossier."""
    user, created = get_user_model().objects.get_or_create(
        username=f"portal-{key}"[:150], defaults={"full_name": name[:200], "is_active": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _secret() -> str:
    return "".join(secrets.choice(rules.SECRET_ALPHABET) for _ in range(rules.SECRET_LENGTH))


def submission_create(
    procedure: Procedure,
    *,
    user: Any,
    data: dict[str, Any],
    uploads: list[Upload],
    idempotency_key: str,
    particulars: dict[str, Any] | None = None,
    secret: str | None = None,
) -> tuple[Submission, str | None]:
    """File a dossier online through `procedures.services.dossier_file` (its checks, its records, its
    effects) and give the portal's reference with a tracking secret. All or nothing. A retry with the same
    key returns the same submission and no new secret: `(submission, secret or None)`."""
    key = canonical(idempotency_key)[:60]
    if not key or not key.replace("-", "").isalnum():
        raise ValidationError(_("The form has expired; open it again."))
    applicant = user if getattr(user, "is_authenticated", False) else None
    existing = (
        Submission.objects.filter(
            dossier__idempotency_key=key, dossier__agency=procedure.agency_id, dossier__procedure=procedure
        )
        .select_related("dossier")
        .first()
    )
    if existing is not None:
        return existing, None
    procedure_services.uploads_check(procedure, uploads)  # before a guest principal is created
    email = canonical(str(data.get("applicant_email") or ""))
    with transaction.atomic():
        actor = applicant or _guest(key, canonical(str(data.get("applicant_name") or "")))
        dossier, created = procedure_services.dossier_file(
            procedure,
            actor=actor,
            channel=Channel.ONLINE,
            data=data,
            uploads=uploads,
            particulars=particulars,
            idempotency_key=key,
        )
        if not created:
            found = Submission.objects.filter(dossier=dossier).first()
            if found is not None:
                return found, None
        secret = rules.normalise_secret(secret or "") or _secret()
        submission = Submission.objects.create(
            dossier=dossier,
            reference=_reference(),
            email=email,
            secret_hash=rules.secret_hash(secret, settings.SECRET_KEY),
            account=applicant,
        )
        # The secret is shown once on the done page and e-mailed once; the outbox wipes the text once sent.
        outbox.email(
            email,
            subject=f"Hồ sơ {submission.reference} đã được nộp trực tuyến",
            body=(
                f"Kính gửi {dossier.applicant_name},\n\nHồ sơ “{procedure.name}” đã được nộp.\n"
                f"Mã tra cứu: {submission.reference}\nMã bí mật: {secret}\n\n"
                f"Dùng hai mã này để theo dõi hồ sơ trên Cổng dịch vụ công của {procedure.agency.name}. "
                "Không chia sẻ mã bí mật cho người khác.\n"
            ),
            key=f"portal.submission:{submission.pk}",
            topic="portal.filed",
            sensitive=True,
        )
        outbox.sms_message(
            dossier.applicant_phone,
            body=(
                f"{procedure.agency.name}: đã nhận hồ sơ nộp trực tuyến. Mã tra cứu {submission.reference}, "
                f"mã bí mật {secret}. Không chia sẻ mã bí mật."
            ),
            key=f"portal.submission:{submission.pk}",
            topic="portal.filed",
            sensitive=True,
        )
    return submission, secret


def applicant_actor(submission: Submission, user: Any) -> Any:
    """Who acts for the applicant: their account when signed in as the owner, else the submission's principal."""
    if getattr(user, "is_authenticated", False) and user.pk == submission.dossier.submitted_by_id:
        return user
    return submission.dossier.submitted_by


def supplement_answer(submission: Submission, *, user: Any, uploads: list[Upload], note: str = "") -> Dossier:
    """Answer an open request with documents, as the applicant (`procedures.services.dossier_supplement_answer`)."""
    return procedure_services.dossier_supplement_answer(
        submission.dossier, actor=applicant_actor(submission, user), uploads=uploads, note=note
    )


def withdraw(submission: Submission, *, user: Any, expected_version: int | None, reasons: str = "") -> Dossier:
    """Withdraw the dossier at the applicant's request, before a decision: the workflow's `withdraw` step
    taken as the applicant (control sheet, audit history and the step's effects as for any step)."""
    return procedure_services.dossier_transition(
        submission.dossier.pk,
        "withdraw",
        actor=applicant_actor(submission, user),
        expected_version=expected_version,
        note=reasons,
    )


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


def pending_keep(key: str, uploads: list[Upload]) -> None:
    """Keep the documents of a filing form sent back with an error, under its key (one per component; a new
    choice replaces the kept one). Only documents that pass the upload checks are kept."""
    from django.core.files.base import ContentFile

    from stttt.portal.models import PendingUpload
    from stttt.procedures import rules as procedure_rules

    key = canonical(key)[:60]
    if not key:
        return
    for upload in uploads:
        if upload.component is None or procedure_rules.upload_problem(
            upload.name, len(upload.content), upload.content[:16]
        ):
            continue
        with transaction.atomic():
            for old in PendingUpload.objects.filter(form_key=key, component=upload.component):
                old.file.delete(save=False)
                old.delete()
            PendingUpload.objects.create(
                form_key=key,
                component=upload.component,
                original_name=upload.name[:255],
                file=ContentFile(upload.content, name="pending"),
            )


def pending_uploads(key: str) -> dict[int, Any]:
    """The kept documents of the filing form `key`, by component id."""
    from stttt.portal.models import PendingUpload

    return {p.component_id: p for p in PendingUpload.objects.filter(form_key=canonical(key)[:60])} if key else {}


def pending_discard(key: str) -> None:
    from stttt.portal.models import PendingUpload

    for pending in PendingUpload.objects.filter(form_key=canonical(key)[:60]):
        pending.file.delete(save=False)
        pending.delete()
