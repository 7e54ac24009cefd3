"""Which records in stttt cite a provision: other apps register their models here.

An app whose model has a foreign key to `legal.Provision` calls, from its `AppConfig.ready()`:

    from stttt.legal import citing
    citing.register(Procedure, "legal_basis", _("Administrative procedures"))

and every provision page then lists those records, with no change to `legal`. Records that are not
public pass `visible_to(user, queryset) -> queryset`, the app's own permission-aware filter: a
provision page shows each visitor only what they may see (an anonymous visitor gets AnonymousUser).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

Visibility = Callable[[Any, models.QuerySet], models.QuerySet]


@dataclass(frozen=True)
class CitingSource:
    model: type[models.Model]
    field_name: str
    label: Any
    visible_to: Visibility | None = None  # None: public records

    def records(self, provisions: Any) -> models.QuerySet:
        """Records of this model citing any of `provisions` (a provision or an iterable/queryset of them)."""
        if isinstance(provisions, models.Model):
            return self.model._default_manager.filter(**{self.field_name: provisions}).distinct()
        return self.model._default_manager.filter(**{f"{self.field_name}__in": provisions}).distinct()


_registry: dict[tuple[str, str], CitingSource] = {}


def _resolve(model: type[models.Model], field_name: str) -> str:
    """The lookup path from `model` to Provision: `provision`, `duty__provision`… A field pointing to a
    model that itself has exactly one link to Provision (a Task's `duty`) is followed through it."""
    current: Any = model
    for part in field_name.split("__"):
        field = current._meta.get_field(part)
        current = getattr(field, "related_model", None)
        if current is None or isinstance(current, str):
            break
    if current is not None and not isinstance(current, str) and current._meta.label == "legal.Provision":
        return field_name
    if current is not None and not isinstance(current, str):
        links = [
            f.name
            for f in current._meta.get_fields()
            if getattr(f, "related_model", None) is not None
            and not isinstance(f.related_model, str)
            and f.related_model._meta.label == "legal.Provision"
            and (f.many_to_one or f.many_to_many)
            and not f.auto_created
        ]
        if len(links) == 1:
            return f"{field_name}__{links[0]}"
    raise ValueError(f"{model._meta.label}.{field_name} does not lead to legal.Provision")


def register(
    model: type[models.Model], field_name: str, label: Any = None, *, visible_to: Visibility | None = None
) -> None:
    """Declare that `model` cites provisions through `field_name`: a ForeignKey or ManyToManyField to
    Provision, a lookup path (`duty__provision`), or a link to a model that has one link to Provision.

    Registering the same model and field again replaces the entry (safe when `ready()` runs twice).
    """
    path = _resolve(model, field_name)
    _registry[(model._meta.label, field_name)] = CitingSource(
        model, path, label or model._meta.verbose_name_plural, visible_to
    )


def unregister(model: type[models.Model], field_name: str) -> None:
    _registry.pop((model._meta.label, field_name), None)


def sources() -> list[CitingSource]:
    return list(_registry.values())


def citing_records(provision: Any, *, user: Any, limit: int = 50) -> list[tuple[Any, list[models.Model], int]]:
    """For each registered source: (label, first records citing the provision that `user` may see, count)."""
    found = []
    for source in sources():
        queryset = source.records(provision)
        if source.visible_to is not None:
            queryset = source.visible_to(user, queryset)
        total = queryset.count()
        found.append((source.label, list(queryset[:limit]), total))
    return found
