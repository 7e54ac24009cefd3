"""Child processes with a database of their own, for tests that must run as an operator would (production
settings, a database file shared by threads, a backup and a restore, a migration from an old state).

Migrating a new database takes a minute; the tests that only need a migrated one get a copy of the test
database as it was just after its migrations (`migrated_environment` in `stttt/conftest.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stttt.config.env import SQLITE_FILE


def suite_database_url() -> str:
    """The suite's PostgreSQL server URL, or "" when the suite runs on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else ""


def child_environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    """The environment of a child process with the production settings: its own data folder (key, media,
    cache) and the database at `database_url`, or the SQLite file in that folder."""
    env = {**os.environ, "STTTT_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "stttt.config.settings"}
    env.pop("SECRET_KEY", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def sqlite_file(data_dir: Path) -> Path:
    """Where a child process with `child_environment(data_dir)` keeps its SQLite database."""
    return data_dir / SQLITE_FILE


@contextmanager
def new_databases(*names: str, template: str = "") -> Iterator[list[str]]:
    """New PostgreSQL databases on the suite's server, one per name (made unique), empty or copies of
    `template`, dropped after; their URLs. Only when the suite runs on PostgreSQL."""
    import psycopg

    server = suite_database_url().rsplit("/", 1)[0]
    created = [f"stttt_child_{uuid.uuid4().hex[:8]}_{name}" for name in names]
    copy = f" TEMPLATE {template}" if template else ""
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for database in created:
            admin.execute(f"CREATE DATABASE {database}{copy}")
    try:
        yield [f"{server}/{database}" for database in created]
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            for database in created:
                admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


@contextmanager
def database_environment(data_dir: Path, copy_of: str = "") -> Iterator[dict[str, str]]:
    """A child environment whose database is new, on the suite's engine: empty, or a copy of `copy_of` (an
    SQLite file copied into `data_dir`, or the PostgreSQL database of that name as a template). A PostgreSQL
    database is dropped after."""
    if suite_database_url():
        with new_databases("copy" if copy_of else "empty", template=copy_of) as (url,):
            yield child_environment(data_dir, url)
        return
    if copy_of:
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(copy_of, sqlite_file(data_dir))
    yield child_environment(data_dir)


def run_python(code: str, env: dict[str, str], *args: str, timeout: int = 600) -> str:
    """Runs `code` in a new Python process; its standard output. Fails the test with the end of both outputs
    when the process fails."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=timeout
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return result.stdout
