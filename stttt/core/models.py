"""Base models that every app builds on (no domain here)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

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

    def build_search_text(self) -> str:
        return fold(" ".join(str(getattr(self, name) or "") for name in self.search_fields))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)
