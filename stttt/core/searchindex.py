"""The indexes behind `core.search`: every `SearchableModel`'s folded `search_text` can be searched for
substrings without reading the whole table.

- PostgreSQL: a trigram GIN index (`pg_trgm`, `gin_trgm_ops`) on `search_text`, which serves the
  `LIKE '%word%'` that `search` writes for words of three letters or more.
- SQLite (the embedded default): an external-content FTS5 table with the trigram tokenizer, kept in step
  by triggers (so bulk inserts are indexed too); `search` asks it for the rows containing each word.

Both are installed after every `migrate` (post_migrate, like the audit triggers), for every searchable
model at once: a new searchable model is indexed without a migration of its own. The text is already
folded (no diacritics, lower case) by `SearchableModel`, so the indexes need no `unaccent`.
"""

from __future__ import annotations

import time
from functools import cache, lru_cache
from typing import Any

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, models

MIN_TRIGRAM = 3  # a word shorter than a trigram cannot be looked up in either index
#: PostgreSQL estimates how many rows a `LIKE '%word%'` keeps from a sample of the column; with the default
#: sample (100) a common word is guessed ten times too rare, and the planner then reads every match through
#: the trigram index and sorts them rather than walking the list's index and stopping at its first page.
STATISTICS_TARGET = 1000
#: A word in at least this share of a table's rows is not looked up in the index: its trigrams' posting lists
#: cover much of the index, and intersecting those of a query of common words ("cong ty tnhh minh phat") took
#: 70–180 ms over 1.7 million licences on PostgreSQL, 700–1,000 ms over 425,000 in SQLite's FTS5 table. It is
#: checked on the rows the rarer words find, or, when every word is common, on the rows of the list's scope (an
#: agency's register) read by its own indexes: at this share a first page of 25 is found within about 500 rows.
COMMON_SHARE = 0.05
#: How long a process keeps a table's sample (PostgreSQL renews it with each ANALYZE).
SAMPLE_SECONDS = 600
#: Rows in SQLite's sample of a table (spread evenly over its ids), as many as PostgreSQL's.
SQLITE_SAMPLE_ROWS = STATISTICS_TARGET


@cache
def searchable_models() -> tuple[type[models.Model], ...]:
    from stttt.core.models import SearchableModel

    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, SearchableModel) and model._meta.managed and not model._meta.proxy
    )


def fts_table(model: type[models.Model]) -> str:
    return f"{model._meta.db_table}_fts"


def trigram_index(model: type[models.Model]) -> str:
    return f"{model._meta.db_table}_search_trgm"[:63]


def install(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Create the missing indexes; returns the tables newly indexed (their index is filled at once)."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    done = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for model in searchable_models():
            table = model._meta.db_table
            if table not in existing:
                continue
            if connection.vendor == "postgresql":
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [trigram_index(model)])
                if cursor.fetchone() is None:
                    cursor.execute(
                        f"CREATE INDEX {trigram_index(model)} ON {connection.ops.quote_name(table)} "
                        "USING gin (search_text gin_trgm_ops)"
                    )
                    done.append(table)
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(table)} ALTER COLUMN search_text "
                    f"SET STATISTICS {STATISTICS_TARGET}"
                )
            elif connection.vendor == "sqlite" and _install_fts(cursor, model, existing):
                done.append(table)
    return done


def _install_fts(cursor: Any, model: type[models.Model], existing: set[str]) -> bool:
    table, fts = model._meta.db_table, fts_table(model)
    pk = model._meta.pk.column
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{fts}_%"])
    triggers = {name for (name,) in cursor.fetchall()}
    wanted = {f"{fts}_ai", f"{fts}_ad", f"{fts}_au"}
    if fts in existing and triggers == wanted:
        return False
    # A migration that rebuilt the table dropped its triggers: the index may have missed changes since.
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_text, content='{table}', "
        f"content_rowid='{pk}', tokenize='trigram')"
    )
    add = f"INSERT INTO {fts}(rowid, search_text) VALUES (new.{pk}, new.search_text);"
    remove = f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.{pk}, old.search_text);"
    cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
    cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {remove} END")
    cursor.execute(
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF search_text ON {table} BEGIN {remove} {add} END"
    )
    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    return True


def word_shares(model: type[models.Model], words: list[str], using: str = DEFAULT_DB_ALIAS) -> dict[str, float]:
    """The share of `model`'s rows whose search text contains each word, estimated from a sample of the column
    (PostgreSQL's own, the rows ANALYZE read; on SQLite rows spread evenly over the table's ids); empty when
    there is no sample."""
    table, period = model._meta.db_table, int(time.monotonic() // SAMPLE_SECONDS)
    if not _sample(table, using, period):
        return {}
    return {word: _share(table, using, period, word) for word in words}


def forget_samples() -> None:
    """Read the columns' samples anew on the next search (after an ANALYZE this process ran)."""
    _sample.cache_clear()
    _share.cache_clear()


@lru_cache(maxsize=4096)
def _share(table: str, using: str, period: int, word: str) -> float:
    """One word's share of the sample, counted once per period (a thousand texts: 0.2 ms a word)."""
    sample = _sample(table, using, period)
    return sum(word in text for text in sample) / len(sample)


@lru_cache(maxsize=64)
def _sample(table: str, using: str, period: int) -> tuple[str, ...]:
    """Sampled values of `table`'s search text, for one `period`: on PostgreSQL the column's histogram and most
    common values; on SQLite the rows at evenly spaced ids."""
    connection = connections[using]
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT min(rowid), max(rowid) FROM {quoted}")
            low, high = cursor.fetchone()
            if low is None:
                return ()
            ids = list(range(low, high + 1, max(1, (high - low) // SQLITE_SAMPLE_ROWS)))[:SQLITE_SAMPLE_ROWS]
            cursor.execute(f"SELECT search_text FROM {quoted} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)
            return tuple(text for (text,) in cursor.fetchall())
        cursor.execute(
            "SELECT histogram_bounds::text::text[], most_common_vals::text::text[] FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s AND attname = 'search_text'",
            [table],
        )
        row = cursor.fetchone()
    return tuple((row[0] or []) + (row[1] or [])) if row else ()


def on_post_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    install(using)


def sqlite_filter(queryset: models.QuerySet, words: list[str]) -> models.QuerySet:
    """Rows of `queryset` whose search text contains every word (three letters or more), from FTS5."""
    from django.db.models.expressions import RawSQL

    model = queryset.model
    fts = fts_table(model)
    # Each word a quoted trigram phrase ("" escapes a quote); FTS5 ANDs the phrases.
    match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    rows = RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match])  # the table name comes from model metadata
    return queryset.filter(pk__in=rows)
