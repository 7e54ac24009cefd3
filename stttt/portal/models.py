"""The public side of a dossier: how its applicant follows it (reference and tracking secret, or an account).
The applicant's rating of the service is a record of `procedures` (`procedures.Rating`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stttt.core import audit


class Submission(models.Model):
    """A dossier filed on the portal. The reference is given at once (the dossier code comes when the desk
    receives it); the tracking secret is shown once and kept only as a keyed hash."""

    dossier = models.OneToOneField(
        "procedures.Dossier", on_delete=models.CASCADE, related_name="submission", verbose_name=_("dossier")
    )
    reference = models.CharField(pgettext_lazy("lookup", "reference"), max_length=20, unique=True)
    secret_hash = models.CharField(_("tracking secret (hash)"), max_length=64)
    email = models.EmailField(_("e-mail"), blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_submissions",
        verbose_name=_("applicant account"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("online submission")
        verbose_name_plural = _("online submissions")

    def __str__(self) -> str:
        return self.reference


audit.track(Submission)


def _pending_path(instance: PendingUpload, filename: str) -> str:
    import uuid

    return f"portal/pending/{uuid.uuid4().hex}"


class PendingUpload(models.Model):
    """A document chosen on a filing form that was sent back with an error: kept under the form's key so
    that the applicant does not choose it again; used (and deleted) when the form is filed."""

    form_key = models.CharField(_("form key"), max_length=80, db_index=True)
    component = models.ForeignKey(
        "procedures.Component", on_delete=models.CASCADE, related_name="+", verbose_name=_("component")
    )
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to=_pending_path)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending upload")
        verbose_name_plural = _("pending uploads")
        constraints = [models.UniqueConstraint(fields=["form_key", "component"], name="portal_pending_once")]

    def __str__(self) -> str:
        return self.original_name
