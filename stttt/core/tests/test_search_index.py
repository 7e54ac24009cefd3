"""The one search path on its indexes: the same rows as a plain scan of the folded text, on either engine,
kept in step on insert, update and delete, and answered from the index rather than a table scan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from stttt.core import searchindex
from stttt.core.search import search, words_to_look_up
from stttt.core.searchindex import COMMON_SHARE, STATISTICS_TARGET, fts_table, searchable_models, trigram_index
from stttt.core.text import matches
from stttt.licensing.models import Licence
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

QUERIES = ["nguyen", "Nguyễn Văn", "cong ty tnhh", "ĐỒNG XOÀI", "so 1", "GP-STTTT", "uye", "a", "xyzzy", "phu"]


@pytest.fixture
def licences(db):
    SmallDepartment()
    populate(Counts(dossiers=0, licences=150, tasks=0, years=1), until=dt.date(2026, 6, 1))  # forgets samples
    return Licence.objects.all()


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_exactly_what_a_scan_finds(licences, query):
    expected = {pk for pk, text in licences.values_list("pk", "search_text") if matches(query, text)}
    assert set(search(licences, query).values_list("pk", flat=True)) == expected


def test_the_index_follows_inserts_updates_and_deletes(licences):
    licence = licences.order_by("pk").first()
    licence.holder_name = "Công ty Quỳnh Trâm Độc Bản"
    licence.save()
    assert list(search(Licence.objects.all(), "quynh tram doc ban")) == [licence]
    Licence.objects.filter(pk=licence.pk).update(search_text="khong con gi")
    assert not search(Licence.objects.all(), "quynh tram").exists()
    assert list(search(Licence.objects.all(), "khong con")) == [licence]


def test_every_searchable_model_has_its_index(db):
    assert Licence in searchable_models() and len(searchable_models()) >= 5
    with connection.cursor() as cursor:
        for model in searchable_models():
            if connection.vendor == "sqlite":
                cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [fts_table(model)])
            else:
                cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = %s", [trigram_index(model)])
            assert cursor.fetchone(), model


def test_the_search_is_answered_from_the_index(licences):
    sql, params = search(licences.order_by("-issued_on"), "cong ty xyzzy").query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan and fts_table(Licence) in plan
        else:
            # A tiny table is cheaper to scan, or to read in date order and filter: ask for the trigram index
            # (a GIN index is read by a bitmap scan, never by a plain index scan).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert trigram_index(Licence) in plan


def test_a_short_word_is_checked_on_the_rows_found_not_looked_up_in_the_trigram_index(licences):
    """No trigram index can look up "ty": in PostgreSQL's index condition it would read the whole index."""
    sql, params = search(licences, "cong ty minh").query.sql_with_params()
    assert "%ty%" not in str(params)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "%ty%" not in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_the_search_text_is_sampled_finely_enough_to_estimate_a_common_word(db):
    with connection.cursor() as cursor:
        for model in searchable_models():
            cursor.execute(
                "SELECT attstattarget FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'search_text'",
                [model._meta.db_table],
            )
            assert cursor.fetchone() == (STATISTICS_TARGET,), model


def test_only_the_words_rarer_than_the_common_share_are_looked_up():
    shares = {"hiem": COMMON_SHARE - 0.001, "thuong": COMMON_SHARE}
    assert words_to_look_up(["hiem", "thuong"], shares) == ["hiem"]
    assert words_to_look_up(["hiem", "thuong"], {}) == ["hiem", "thuong"]  # no sample yet: every word


def test_a_common_word_is_checked_on_the_rows_found_not_looked_up_in_the_trigram_index(licences):
    """Intersecting the posting lists of common trigrams took 70–180 ms over 1.7 million licences (PostgreSQL) and
    700–1,000 ms over 425,000 (SQLite's FTS5 table)."""
    shares = searchindex.word_shares(Licence, ["cong", "xyzzy"])
    assert shares["cong"] >= COMMON_SHARE and shares["xyzzy"] == 0  # 70% of holders are companies
    _sql, params = search(licences, "cong ty xyzzy").query.sql_with_params()
    looked_up = [str(param) for param in params if param not in ("cong", "ty")]  # the words checked by position
    assert any("xyzzy" in param for param in looked_up) and not any("cong" in param for param in looked_up)
    common_only = search(licences, "Công ty")
    assert set(common_only) == {licence for licence in licences if matches("Công ty", licence.search_text)}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's sample is its own statistics")
def test_sqlite_samples_rows_spread_evenly_over_the_table(licences, monkeypatch):
    monkeypatch.setattr(searchindex, "SQLITE_SAMPLE_ROWS", 10)
    texts = list(Licence.objects.order_by("pk").values_list("search_text", flat=True))
    sample = searchindex._sample(Licence._meta.db_table, "default", -1)  # a period of its own: not kept before
    searchindex.forget_samples()
    assert len(sample) == 10 and sample[0] == texts[0]
    assert sample[-1] in texts[-len(texts) // 5 :]  # the sample reaches the end of the table
