"""The public side of a dossier: how its applicant follows it (reference and tracking secret, or an account)
and how they rated the service."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit


class Submission(models.Model):
    """A dossier filed on the portal. The reference is given at once (the dossier code comes when the desk
    receives it); the tracking secret is shown once and kept only as a keyed hash."""

    dossier = models.OneToOneField("procedures.Dossier", on_delete=models.CASCADE, related_name="submission",
                                   verbose_name=_("dossier"))
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    secret_hash = models.CharField(_("tracking secret (hash)"), max_length=64)
    email = models.EmailField(_("e-mail"), blank=True)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="portal_submissions", verbose_name=_("applicant account"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("online submission")
        verbose_name_plural = _("online submissions")

    def __str__(self) -> str:
        return self.reference


class Rating(models.Model):
    """The applicant's assessment after the result, on the indicators of Circular 01/2018/TT-VPCP Art. 13
    that the citizen can judge (3, 4, 6, 7), each scored 0, 1 or 2; indicators 1 and 2 are computed from the
    dossier's own dates when it is rated."""

    dossier = models.OneToOneField("procedures.Dossier", on_delete=models.CASCADE, related_name="rating",
                                   verbose_name=_("dossier"))
    unit_code = models.CharField(_("unit"), max_length=30)
    quarter = models.CharField(_("quarter"), max_length=7)  # YYYY-Qn of the result
    indicator_1 = models.PositiveSmallIntegerField(_("1. total time against the rule"))
    indicator_2 = models.PositiveSmallIntegerField(_("2. time of each step against its rule"))
    indicator_3 = models.PositiveSmallIntegerField(_("3. contacts needed to complete the dossier"))
    indicator_4 = models.PositiveSmallIntegerField(_("4. agencies contacted"))
    indicator_6 = models.PositiveSmallIntegerField(_("6. public disclosure of the procedure"))
    indicator_7 = models.PositiveSmallIntegerField(_("7. attitude of the staff"))
    comment = models.TextField(_("comment"), blank=True)
    rated_at = models.DateTimeField(_("rated at"), auto_now_add=True)

    class Meta:
        ordering = ["-rated_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.CheckConstraint(condition=models.Q(indicator_1__lte=2, indicator_2__lte=2, indicator_3__lte=2,
                                                      indicator_4__lte=2, indicator_6__lte=2, indicator_7__lte=2),
                                   name="portal_rating_scores_0_to_2"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier}: {self.total}"

    @property
    def total(self) -> int:
        return (self.indicator_1 + self.indicator_2 + self.indicator_3 + self.indicator_4 + self.indicator_6
                + self.indicator_7)


audit.track(Submission)
audit.track(Rating)
