"""The audit log: hash chain written with each tracked change, refused UPDATE/DELETE, verify, auth events."""

from __future__ import annotations

import io
import threading

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client

from stttt.accounts.models import User
from stttt.core import auditlog
from stttt.core.models import AuditEntry, CalendarDay

pytestmark = pytest.mark.django_db


def _day(name="Nghỉ bù"):
    return CalendarDay.objects.create(date="2026-05-04", kind=CalendarDay.Kind.DAY_OFF, name=name)


def test_a_tracked_change_writes_a_chained_entry_with_old_and_new_values():
    day = _day()
    day.name = "Nghỉ lễ"
    day.save()
    day.delete()
    entries = list(AuditEntry.objects.filter(object_type="core.calendarday").order_by("sequence"))
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert entries[1].changes == {"name": {"old": "Nghỉ bù", "new": "Nghỉ lễ"}}
    assert entries[1].previous_hash == entries[0].hash
    assert entries[0].hash == auditlog.hash_of(entries[0])
    assert auditlog.verify() == (AuditEntry.objects.count(), None)


def test_the_entry_is_rolled_back_with_the_change():
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        _day()
        raise RuntimeError
    assert AuditEntry.objects.count() == before


def test_queryset_delete_of_a_tracked_model_is_audited():
    _day()
    CalendarDay.objects.all().delete()
    assert AuditEntry.objects.filter(object_type="core.calendarday", action="delete").count() == 1


def test_password_hashes_never_reach_the_log():
    user = User.objects.create_user("canbo", password="Mat-khau-dai-2026")
    user.set_password("Mat-khau-moi-2026")
    user.save()
    text = " ".join(str(e.changes) for e in AuditEntry.objects.all())
    assert "md5$" not in text and "pbkdf2" not in text
    assert AuditEntry.objects.filter(action="password_change", object_id=str(user.pk)).count() == 1


@pytest.mark.parametrize("statement", ["UPDATE {table} SET action = 'x'", "DELETE FROM {table}"])
def test_the_database_refuses_raw_update_and_delete_on_the_audit_table(statement):
    _day()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(table=AuditEntry._meta.db_table))


@pytest.mark.parametrize("statement", ["UPDATE {table} SET name = 'x'", "DELETE FROM {table}"])
def test_the_database_refuses_raw_update_and_delete_on_history_tables(statement):
    _day()
    table = CalendarDay.history.model._meta.db_table  # type: ignore[attr-defined]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(table=table))


def test_orm_update_and_delete_of_log_and_history_rows_are_refused():
    _day()
    history = CalendarDay.history.model  # type: ignore[attr-defined]
    for run in (
        lambda: AuditEntry.objects.update(action="x"),
        lambda: AuditEntry.objects.all().delete(),
        lambda: history.objects.update(name="x"),
        lambda: history.objects.all().delete(),
        lambda: User.objects.create_user("bi-xoa").history.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            run()
    assert history.objects.filter(name="x").count() == 0


def test_every_history_table_is_protected():
    tables = auditlog.protected_tables()
    assert AuditEntry._meta.db_table in tables
    assert User.history.model._meta.db_table in tables  # type: ignore[attr-defined]
    assert auditlog.install_triggers() == [t for t in tables if t in connection.introspection.table_names()]


def test_verify_reports_the_row_changed_with_triggers_dropped():
    for index in range(5):
        auditlog.append("note", object_type="core.test", object_id=index, changes={"n": index})
    assert auditlog.verify()[1] is None
    target = AuditEntry.objects.order_by("sequence")[2]
    auditlog.drop_triggers()
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {AuditEntry._meta.db_table} SET changes = %s WHERE id = %s", ['{"n": 99}', target.pk]
            )
    finally:
        auditlog.install_triggers()
    checked, broken = auditlog.verify()
    assert broken is not None and broken.sequence == target.sequence and checked == target.sequence - 1
    assert "changed" in broken.problem
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    assert exit_.value.code == 1
    assert f"#{target.sequence}" in err.getvalue()


def test_verify_reports_a_removed_row_and_a_truncated_tail():
    for index in range(4):
        auditlog.append("note", object_type="core.test", object_id=index)
    auditlog.drop_triggers()
    try:
        middle = AuditEntry.objects.order_by("sequence")[1]
        AuditEntry.objects.filter(pk=middle.pk).delete()
        assert auditlog.verify()[1].sequence == middle.sequence
        AuditEntry.objects.filter(sequence__gte=middle.sequence).delete()
        assert "removed from the end" in auditlog.verify()[1].problem
    finally:
        auditlog.install_triggers()


def test_verify_and_show_commands_on_an_intact_chain():
    day = _day()
    out = io.StringIO()
    call_command("audit", "verify", "--no-progress", stdout=out)
    assert "intact" in out.getvalue().lower() or "toàn vẹn" in out.getvalue().lower()
    out = io.StringIO()
    call_command("audit", "show", "--object", f"core.calendarday:{day.pk}", stdout=out)
    assert "create" in out.getvalue()


def test_login_success_failure_logout_and_denied_access_are_audited(settings):
    User.objects.create_user("canbo", password="Mat-khau-dai-2026")
    client = Client(REMOTE_ADDR="10.9.8.7")
    client.post("/tai-khoan/dang-nhap/", {"username": "canbo", "password": "sai"}, HTTP_X_REQUEST_ID="req-12345678")
    failed = AuditEntry.objects.get(action="login_failed")
    assert failed.changes == {"username": "canbo"} and failed.address == "10.9.8.7"
    assert failed.request_id == "req-12345678"
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbo", "password": "Mat-khau-dai-2026"})
    assert response.status_code == 302
    assert response["X-Request-ID"]
    login = AuditEntry.objects.get(action="login")
    assert login.actor == "canbo" and login.address == "10.9.8.7"
    client.get("/admin/")
    client.post("/tai-khoan/dang-xuat/")
    assert AuditEntry.objects.filter(action="logout", actor="canbo").exists()
    assert auditlog.verify()[1] is None


def test_a_refused_request_is_audited_with_the_user_and_the_path():
    user = User.objects.create_user("canbo", password="Mat-khau-dai-2026")
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.0.0.5")
    client.force_login(user)
    response = client.post("/tai-khoan/dang-xuat/", HTTP_X_REQUEST_ID="bad id\nwith newline")
    assert response.status_code == 403
    entry = AuditEntry.objects.get(action="access_denied")
    assert entry.actor == "canbo" and entry.address == "10.0.0.5"
    assert entry.changes == {"method": "POST", "path": "/tai-khoan/dang-xuat/"}
    assert entry.request_id == response["X-Request-ID"] and "\n" not in entry.request_id


def test_log_lines_carry_the_request_id_user_and_address(caplog):
    import logging

    from stttt.core.requestid import RequestContext

    user = User.objects.create_user("canbo", password="Mat-khau-dai-2026")
    client = Client(REMOTE_ADDR="10.0.0.6")
    client.force_login(user)
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(RequestContext())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/khong-ton-tai-trang-nay/", HTTP_X_REQUEST_ID="abcdef123456")
    finally:
        logger.removeHandler(handler)
    assert records, "Django logs the 404"
    assert (records[0].request_id, records[0].user, records[0].client) == ("abcdef123456", "canbo", "10.0.0.6")


def test_token_issue_and_revoke_and_lockout_are_audited(settings):
    from rest_framework.authtoken.models import Token

    user = User.objects.create_user("canbo", password="Mat-khau-dai-2026")
    token = Token.objects.create(user=user)
    key = token.key
    token.delete()
    assert [e.action for e in AuditEntry.objects.filter(object_id=str(user.pk)).order_by("sequence")][-2:] == [
        "token_issue",
        "token_revoke",
    ]
    assert key not in str(list(AuditEntry.objects.values_list("changes", flat=True)))

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(3):
        client.post("/tai-khoan/dang-nhap/", {"username": "canbo", "password": "sai"})
    lockout = AuditEntry.objects.filter(action="lockout").first()
    assert lockout is not None
    assert lockout.actor == "canbo" and lockout.address == "10.0.0.7"
    assert AuditEntry.objects.filter(action="login_failed", actor="canbo").count() >= 2


def test_key_mismatch_refuses_the_restore_unless_accepted(tmp_path, settings, monkeypatch):
    import json
    import tarfile

    from stttt.core import backup

    monkeypatch.setenv("SECRET_KEY", settings.SECRET_KEY)
    manifest = {
        "format": 1,
        "created_at": "2026-01-01T00:00:00+00:00",
        "engine": "sqlite",
        "database": "database.sqlite3",
        "members": {},
        "secret_key": {"source": "environment", "fingerprint": backup.key_fingerprint("another key")},
    }
    archive = tmp_path / "b.tar.gz"
    data = json.dumps(manifest).encode()
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    settings.DATA_DIR = tmp_path
    with pytest.raises(backup.KeyMismatch, match="racking secrets"):
        backup.restore_backup(archive)
    assert backup._check_key(manifest, accept_new_key=True, work=tmp_path) == "new"
    manifest["secret_key"]["fingerprint"] = backup.key_fingerprint(settings.SECRET_KEY)
    assert backup._check_key(manifest, accept_new_key=False, work=tmp_path) == "same"


def test_a_damaged_archive_is_refused(tmp_path, settings):
    import json
    import tarfile

    from stttt.core import backup

    payload = b"not the dumped database"
    manifest = {
        "format": 1,
        "created_at": "2026-01-01T00:00:00+00:00",
        "engine": "sqlite",
        "database": "database.sqlite3",
        "members": {"database.sqlite3": {"sha256": "0" * 64, "size": 1}},
        "secret_key": {"source": "environment", "fingerprint": ""},
    }
    archive = tmp_path / "b.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("database.sqlite3", payload), ("manifest.json", json.dumps(manifest).encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    settings.DATA_DIR = tmp_path
    with pytest.raises(backup.BackupError, match="Checksum mismatch"):
        backup.restore_backup(archive)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain():
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite writers are serialised by IMMEDIATE transactions; the in-memory test database "
            "is not shared between threads"
        )
    errors = []
    barrier = threading.Barrier(8)

    def write(worker):
        from django.db import connection as own

        try:
            barrier.wait()
            for index in range(15):
                with transaction.atomic():
                    auditlog.append("note", object_type="core.test", object_id=f"{worker}-{index}")
        except Exception as exc:  # collected and asserted below
            errors.append(repr(exc))
        finally:
            own.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEntry.objects.count() == 120
    assert list(AuditEntry.objects.order_by("sequence").values_list("sequence", flat=True)) == list(range(1, 121))
    assert auditlog.verify() == (120, None)


def test_triggers_off_lifts_the_refusal_only_inside():
    _day()
    table = AuditEntry._meta.db_table
    with auditlog.triggers_off(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET reason = 'migration'")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET reason = 'later'")
