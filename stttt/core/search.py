"""Diacritic-insensitive filtering of querysets built on SearchableModel: the one search path of every app.

Each word of the query must occur in the row's folded `search_text`. The lookups are served by the
indexes of `core.searchindex`: on PostgreSQL the trigram index answers the `LIKE '%word%'` itself; on
SQLite the FTS5 trigram table finds the rows. Words shorter than three letters, which no trigram index can
look up, are checked on the rows found, as a position in the text (`strpos`/`instr`) rather than a `LIKE`:
PostgreSQL would otherwise put `LIKE '%ty%'` into the trigram index condition, where it reads the whole
index (about 30–100 ms a word over a million licences).
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet, Value
from django.db.models.functions import StrIndex

from stttt.core.searchindex import MIN_TRIGRAM, searchable_models, sqlite_filter
from stttt.core.text import terms


def search(queryset: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Rows whose folded text contains every word of the query (`giay phep` finds `Giấy phép`)."""
    words = terms(query)
    indexed = [word for word in words if len(word) >= MIN_TRIGRAM]
    short = [word for word in words if len(word) < MIN_TRIGRAM]
    if indexed and field == "search_text" and queryset.model in searchable_models():
        if connections[queryset.db].vendor == "sqlite":
            queryset = sqlite_filter(queryset, indexed)
        else:
            for word in indexed:
                queryset = queryset.filter(**{f"{field}__contains": word})
        for number, word in enumerate(short):
            queryset = queryset.alias(**{f"_short_{number}": StrIndex(field, Value(word))}).filter(
                **{f"_short_{number}__gt": 0}
            )
        return queryset
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset
