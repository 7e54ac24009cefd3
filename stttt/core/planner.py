"""Hints for SQLite's query planner (issue 13). SQLite keeps, per index, only the average number of rows per
value (`sqlite_stat1`), not a histogram: to it, each of a dossier's thirteen statuses holds a thirteenth of the
rows, so "the open ones" look like most of a Department's decade of dossiers and it reads the whole table. A
condition marked `rare` is one the data makes selective; on PostgreSQL, whose statistics know, it is the plain
condition."""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Func, Q


class Rare(Func):
    """`unlikely(condition)` on SQLite: the planner uses the indexes of a condition it expects to hold rarely.
    Elsewhere the condition itself."""

    template = "%(expressions)s"
    output_field = BooleanField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(compiler, connection, template="unlikely(%(expressions)s)", **extra_context)


def rare(condition: Q) -> Rare:
    """`condition`, which holds for few rows, as a filter (`queryset.filter(rare(Q(status__in=OPEN)))`)."""
    return Rare(condition)
