"""Diacritic-insensitive filtering of querysets built on SearchableModel: the one search path of every app.

Each word of the query must occur in the row's folded `search_text`. The lookups are served by the
indexes of `core.searchindex`: on PostgreSQL the trigram index answers the `LIKE '%word%'` itself; on
SQLite the FTS5 trigram table finds the rows, and only words shorter than three letters (which no
trigram index can look up) are checked on those rows.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet

from stttt.core.searchindex import MIN_TRIGRAM, searchable_models, sqlite_filter
from stttt.core.text import terms


def search(queryset: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Rows whose folded text contains every word of the query (`giay phep` finds `Giấy phép`)."""
    words = terms(query)
    indexed = [word for word in words if len(word) >= MIN_TRIGRAM]
    if (
        indexed
        and field == "search_text"
        and connections[queryset.db].vendor == "sqlite"
        and queryset.model in searchable_models()
    ):
        queryset = sqlite_filter(queryset, indexed)
        words = [word for word in words if len(word) < MIN_TRIGRAM]
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset
