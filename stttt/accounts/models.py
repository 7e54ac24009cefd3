"""Users of stttt. Staff users are tied to a person in `org`; their powers come from assignments there."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

from stttt.accounts import recovery
from stttt.core import audit


class User(AbstractUser):  # type: ignore[django-manager-missing]  # django-otp devices: reverse managers unseen
    """A login. Custom from the first migration so that later apps can extend it without pain."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


audit.track(User, excluded_fields=["password", "last_login"])


class RecoveryDevice(ThrottlingMixin, Device):
    """A user's single-use recovery codes for the second factor, kept only as hashes (`recovery`).

    django-otp finds it among the user's devices; a code that matches is deleted in the same statement
    that checks it was still there, so it signs in once even when two requests race."""

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token: str) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        used = next((code for code in self.codes.all() if recovery.matches(token, code.digest)), None)
        if used is not None and RecoveryCode.objects.filter(pk=used.pk).delete()[0] == 1:
            self.throttle_reset()
            return True
        self.throttle_increment()
        return False


class RecoveryCode(models.Model):
    """One unused recovery code: its salted hash, never the code."""

    device = models.ForeignKey(RecoveryDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(_("hash"), max_length=128)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"{self.device} #{self.pk}"
