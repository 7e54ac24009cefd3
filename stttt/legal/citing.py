"""Which records in stttt cite a provision: other apps register their models here.

An app whose model has a foreign key to `legal.Provision` calls, from its `AppConfig.ready()`:

    from stttt.legal import citing
    citing.register(Procedure, "legal_basis", _("Administrative procedures"))

and every provision page then lists those records, with no change to `legal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class CitingSource:
    model: type[models.Model]
    field_name: str
    label: Any

    def records(self, provisions: Any) -> models.QuerySet:
        """Records of this model citing any of `provisions` (a provision or an iterable/queryset of them)."""
        if isinstance(provisions, models.Model):
            return self.model._default_manager.filter(**{self.field_name: provisions})
        return self.model._default_manager.filter(**{f"{self.field_name}__in": provisions})


_registry: dict[tuple[str, str], CitingSource] = {}


def register(model: type[models.Model], field_name: str, label: Any = None) -> None:
    """Declare that `model.field_name` (a ForeignKey or ManyToManyField to Provision) cites provisions.

    Registering the same model and field again replaces the entry (safe when `ready()` runs twice).
    """
    field = model._meta.get_field(field_name)
    related = getattr(field, "related_model", None)
    if related is None or isinstance(related, str) or related._meta.label != "legal.Provision":
        raise ValueError(f"{model._meta.label}.{field_name} does not point to legal.Provision")
    _registry[(model._meta.label, field_name)] = CitingSource(
        model, field_name, label or model._meta.verbose_name_plural
    )


def unregister(model: type[models.Model], field_name: str) -> None:
    _registry.pop((model._meta.label, field_name), None)


def sources() -> list[CitingSource]:
    return list(_registry.values())


def citing_records(provision: Any, *, limit: int = 50) -> list[tuple[Any, list[models.Model], int]]:
    """For each registered source: (label, first records citing the provision, total count)."""
    found = []
    for source in sources():
        queryset = source.records(provision)
        total = queryset.count()
        found.append((source.label, list(queryset[:limit]), total))
    return found
