"""An optional PostgreSQL read replica for reads that tolerate a little lag (docs/deployment.md).

With `DATABASE_REPLICA_URL` set, the database alias `replica` exists. Nothing goes there by default: a
replica lags behind, and a page that reads what the same user has just written must read the primary.
A selector whose readers accept data a few seconds old (public registers, statistics, exports) opts in
with `replica.reads(queryset)`; everything else, and every write, uses the primary.

`Router` keeps the two consistent: rows read from the replica load their related rows from the replica
too, relations between the two aliases are allowed (they hold the same data), and migrations run on the
primary only (the replica copies them).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db import connections
from django.db.models import Model, QuerySet

ALIAS = "replica"
PRIMARY = "default"

Q = TypeVar("Q", bound=QuerySet[Any])


def configured() -> bool:
    return ALIAS in settings.DATABASES


def reads(queryset: Q) -> Q:
    """`queryset` read from the replica when there is one and no transaction is open on the primary."""
    if not configured() or connections[PRIMARY].in_atomic_block:
        return queryset
    return queryset.using(ALIAS)


class Router:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        instance = hints.get("instance")
        if instance is not None and instance._state.db == ALIAS:
            return ALIAS
        return None

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        both = {obj1._state.db, obj2._state.db}
        return True if both <= {PRIMARY, ALIAS} else None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db != ALIAS
