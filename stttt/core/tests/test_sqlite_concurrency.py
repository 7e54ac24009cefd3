"""The embedded SQLite database lets concurrent writers wait for each other instead of failing.

Run in a child process against a real database file with the production settings (pytest-django's
test database is in memory and forbids threaded connections).
"""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import threading, time, django
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        print("journal", cursor.fetchone()[0])
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    connection.close()
    errors = []

    def increment():
        try:
            # Read, pause, then write: under DEFERRED transactions the second writer fails at once
            # with "database is locked"; under IMMEDIATE it waits for the first to commit.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                (value,) = cursor.fetchone()
                time.sleep(0.3)
                cursor.execute("UPDATE counter SET n = %s", [value + 1])
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=increment) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        print("count", cursor.fetchone()[0])
    print("errors", errors)
    """
)


def test_concurrent_read_then_write_transactions_wait_and_lose_nothing(tmp_path):
    environment = {**os.environ, "STTTT_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "stttt.config.settings"}
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert lines["journal"] == "wal"
    assert lines["errors"] == "[]"
    assert lines["count"] == "4"
