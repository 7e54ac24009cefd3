"""Diacritic-insensitive filtering of querysets built on SearchableModel: the one search path of every app.

Each word of the query must occur in the row's folded `search_text`. The lookups are served by the
indexes of `core.searchindex`: on PostgreSQL the trigram index answers the `LIKE '%word%'` itself; on
SQLite the FTS5 trigram table finds the rows. Words shorter than three letters, which no trigram index can
look up, are checked on the rows found, as a position in the text (`strpos`/`instr`) rather than a `LIKE`:
PostgreSQL would otherwise put `LIKE '%ty%'` into the trigram index condition, where it reads the whole
index (about 30–100 ms a word over a million licences). For the same reason a word common to many rows
(`searchindex.COMMON_SHARE`, from a sample of the column) is checked the same way, on either engine.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet, Value
from django.db.models.functions import StrIndex

from stttt.core.searchindex import COMMON_SHARE, MIN_TRIGRAM, searchable_models, sqlite_filter, word_shares
from stttt.core.text import terms


def search(queryset: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Rows whose folded text contains every word of the query (`giay phep` finds `Giấy phép`)."""
    words = terms(query)
    indexed = [word for word in words if len(word) >= MIN_TRIGRAM]
    checked = [word for word in words if len(word) < MIN_TRIGRAM]  # on the rows found, not by the index
    if indexed and field == "search_text" and queryset.model in searchable_models():
        looked_up = words_to_look_up(indexed, word_shares(queryset.model, indexed, queryset.db))
        checked += [word for word in indexed if word not in looked_up]
        if connections[queryset.db].vendor == "sqlite":
            queryset = sqlite_filter(queryset, looked_up) if looked_up else queryset
        else:
            for word in looked_up:
                queryset = queryset.filter(**{f"{field}__contains": word})
        for number, word in enumerate(checked):
            queryset = queryset.alias(**{f"_checked_{number}": StrIndex(field, Value(word))}).filter(
                **{f"_checked_{number}__gt": 0}
            )
        return queryset
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset


def words_to_look_up(words: list[str], shares: dict[str, float]) -> list[str]:
    """The words to ask the trigram index for: those in fewer than `COMMON_SHARE` of the rows (every word,
    without a sample). A common word is checked on the rows found; when all are common, the rows are those of
    the list's own scope (every search of stttt is within an agency's records), read by its own indexes."""
    return [word for word in words if shares.get(word, 0.0) < COMMON_SHARE]
