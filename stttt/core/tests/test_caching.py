"""The shared cache of what rarely changes: built once per revision, built anew after a bump (issue 13)."""

import datetime as dt

import pytest

from stttt.core import caching

pytestmark = pytest.mark.django_db


def test_built_once_then_kept_until_its_revision_is_bumped():
    built = []

    def build():
        built.append(1)
        return {"rows": len(built)}

    first = caching.remember("test:thing", build, revisions_of=["test-data"])
    again = caching.remember("test:thing", build, revisions_of=["test-data"])
    assert first == again == {"rows": 1} and len(built) == 1
    caching.bump("test-data")
    assert caching.remember("test:thing", build, revisions_of=["test-data"]) == {"rows": 2}
    assert caching.remember("test:other", build, revisions_of=["unrelated"]) == {"rows": 3}


def test_a_none_is_kept_too_and_shared_only_values_come_from_the_shared_cache():
    calls = []
    assert caching.remember("test:none", lambda: calls.append(1), local=False) is None
    assert caching.remember("test:none", lambda: calls.append(1), local=False) is None
    assert len(calls) == 1


def test_revision_time_moves_forward_with_a_bump():
    before = caching.revision_time("test-clock")
    caching.bump("test-clock")
    after = caching.revision_time("test-clock")
    assert after >= before and after.tzinfo is dt.UTC
    assert caching.fingerprint("a", 1) == caching.fingerprint("a", 1) != caching.fingerprint("a", 2)


@pytest.mark.parametrize("key", ["test:years:1:['a', 'b']", "test:" + "x" * 300, "test:tab\there"])
def test_a_key_a_memcached_style_store_would_refuse_is_kept_under_its_digest(key, recwarn):
    built = []
    assert caching.remember(key, lambda: built.append(1) or "kept", local=False) == "kept"
    assert caching.remember(key, lambda: built.append(1) or "again", local=False) == "kept"
    assert caching.remember(key + "!", lambda: "other", local=False) == "other"  # digests of keys differ
    assert len(built) == 1 and not [w for w in recwarn if "CacheKeyWarning" in type(w.message).__name__]
