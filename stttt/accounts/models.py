"""Users of stttt. Staff users are tied to a person in `org`; their powers come from assignments there."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit


class User(AbstractUser):
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
