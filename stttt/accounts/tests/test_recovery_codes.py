"""Recovery codes are stored only as salted hashes, sign in once each, and codes kept in plain text by
django-otp's static plugin before are hashed by the migration (docs/security.md)."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from stttt.accounts import mfa, recovery
from stttt.accounts.models import RecoveryCode, RecoveryDevice, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return User.objects.create_user("lanhdao", password="Mat-khau-dai-2026")


def test_codes_are_stored_as_salted_hashes_never_as_text(user):
    codes = mfa.new_recovery_codes(user)
    assert len(set(codes)) == 10 and all(len(recovery.normalise(c)) == recovery.LENGTH for c in codes)
    digests = list(RecoveryCode.objects.values_list("digest", flat=True))
    assert len(set(digests)) == 10
    for code in codes:
        assert not any(code in d or recovery.normalise(code) in d for d in digests)
    assert all(d.startswith("pbkdf2_sha256$") for d in digests)
    # The same code hashed twice gives two different hashes (a salt of its own).
    assert recovery.digest(codes[0]) != recovery.digest(codes[0])


def test_a_code_signs_in_once_typed_loosely_then_is_burnt(user):
    codes = mfa.new_recovery_codes(user)
    typed = codes[3].lower().replace("-", " ").replace("0", "o")
    assert mfa.verify(user, typed).__class__ is RecoveryDevice
    assert RecoveryCode.objects.filter(device__user=user).count() == 9
    RecoveryDevice.objects.filter(user=user).update(throttling_failure_count=0)
    assert mfa.verify(user, codes[3]) is None  # burnt
    RecoveryDevice.objects.filter(user=user).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert mfa.verify(user, codes[4]) is not None
    assert RecoveryCode.objects.filter(device__user=user).count() == 8


def test_new_codes_replace_the_old_ones(user):
    old = mfa.new_recovery_codes(user)
    mfa.new_recovery_codes(user)
    assert RecoveryCode.objects.filter(device__user=user).count() == 10
    assert mfa.verify(user, old[0]) is None


def test_failures_throttle_the_device(user):
    codes = mfa.new_recovery_codes(user)
    assert mfa.verify(user, "AAAA-AAAA-AAAA") is None
    # Right after a failure even the right code waits (django-otp throttling, factor 1 s doubling).
    assert mfa.verify(user, codes[0]) is None
    assert RecoveryCode.objects.filter(device__user=user).count() == 10


def test_the_migration_hashes_codes_the_static_plugin_kept_in_plain_text(user):
    migration = importlib.import_module("stttt.accounts.migrations.0003_hash_static_recovery_codes")
    with connection.cursor() as cursor:  # the plugin's two tables as its migrations made them
        cursor.execute(
            "CREATE TABLE otp_static_staticdevice (id integer PRIMARY KEY, user_id integer NOT NULL, "
            "name varchar(64), confirmed bool)"
        )
        cursor.execute(
            "CREATE TABLE otp_static_statictoken (id integer PRIMARY KEY, device_id integer, token varchar(16))"
        )
        cursor.execute("INSERT INTO otp_static_staticdevice VALUES (1, %s, 'recovery', true)", [user.pk])
        for n, token in enumerate(["12345678", "87654321"], start=1):
            cursor.execute("INSERT INTO otp_static_statictoken VALUES (%s, 1, %s)", [n, token])
    # RunPython hands the function a schema editor; only its connection is used (SQLite cannot open a
    # real one inside the test's transaction).
    migration.hash_static_codes(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM otp_static_statictoken")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT count(*) FROM otp_static_staticdevice")
        assert cursor.fetchone()[0] == 0
    digests = list(RecoveryCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(digests) == 2 and not any("12345678" in d for d in digests)
    assert mfa.verify(user, "1234 5678") is not None
    assert RecoveryCode.objects.filter(device__user=user).count() == 1
