"""Diacritic-insensitive filtering of querysets built on SearchableModel."""

from __future__ import annotations

from django.db.models import QuerySet

from stttt.core.text import terms


def search(queryset: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Rows whose folded text contains every word of the query (`giay phep` finds `Giấy phép`)."""
    for word in terms(query):
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset
