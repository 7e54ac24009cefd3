"""Base models that every app builds on (no domain here)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from stttt.core import audit
from stttt.core.text import fold


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SearchableModel(models.Model):
    """Keeps `search_text`, the folded text of `search_fields`, so searches ignore diacritics in SQL."""

    search_fields: ClassVar[tuple[str, ...]] = ()
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold(" ".join(str(getattr(self, name) or "") for name in self.search_fields))


class CalendarDay(models.Model):
    """One day whose status differs from the statutory calendar: an extra day off or a swapped working day.

    The Prime Minister fixes each year's Tết and National Day days off and any day swaps (Labour Code
    2019 Art. 112(3)); administrators enter them here. Read through `stttt.core.calendar.calendar()`.
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off")
        WORKING_DAY = "working_day", _("Working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("reason"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("The announcement that decided it, e.g. its number and date."))

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}: {self.name}"


audit.track(CalendarDay)
