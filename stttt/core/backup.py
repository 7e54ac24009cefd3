"""Backup and restore of a whole installation: database, uploaded files and key material (docs/operations.md).

The archive is a tar.gz holding
- `database.sqlite3` (SQLite, a consistent snapshot by `VACUUM INTO`, safe while others write) or
  `database.pgdump` (PostgreSQL, `pg_dump -Fc`, one snapshot);
- `media/...`, the uploaded files (MEDIA_ROOT);
- `secret_key` when the key was generated into the data folder (tracking secrets are keyed by it);
- `manifest.json`: format, time, engine, the SHA-256 and size of every member, and the key's source and
  fingerprint (never the key itself when it comes from the environment).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
KEY_MEMBER = "secret_key"
Report = Callable[[str, int, int], None]  # (stage, done, total)


class BackupError(Exception):
    """The backup or the restore cannot proceed; the message says why and what to do."""


class KeyMismatch(BackupError):
    pass


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def key_fingerprint(key: str) -> str:
    return hashlib.sha256(b"stttt-secret-key-fingerprint:" + key.encode()).hexdigest()


def key_source() -> str:
    return "environment" if os.environ.get("SECRET_KEY") else "file"


def key_file() -> Path:
    return Path(settings.DATA_DIR) / "secret_key"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env(config: dict[str, Any]) -> dict[str, str]:
    env = {**os.environ}
    for name, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if config.get(key):
            env[name] = str(config[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def dump_database(target: Path, using: str = DEFAULT_DB_ALIAS) -> str:
    """Write a consistent copy of the database to `target`; returns the archive member name."""
    connection = connections[using]
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        source = str(config["NAME"])
        if source == ":memory:" or "mode=memory" in source:
            raise BackupError("An in-memory SQLite database cannot be backed up.")
        # VACUUM INTO reads one snapshot (a read transaction) while writers go on in WAL mode.
        reader = sqlite3.connect(source, timeout=60)
        try:
            reader.execute("VACUUM INTO ?", [str(target)])
        finally:
            reader.close()
        return SQLITE_MEMBER
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", str(target), "-d", str(config["NAME"])],
            _pg_env(config),
        )
        return PG_MEMBER
    raise BackupError(f"Backups are not supported on {connection.vendor}.")


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def create_backup(output_dir: Path, *, report: Report = _quiet, using: str = DEFAULT_DB_ALIAS) -> Path:
    """Write `stttt-backup-<UTC time>.tar.gz` into `output_dir`; returns its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    name = f"stttt-backup-{started:%Y%m%dT%H%M%S%fZ}.tar.gz"
    final = output_dir / name
    with tempfile.TemporaryDirectory(prefix="stttt-backup-", dir=output_dir) as work_dir:
        work = Path(work_dir)
        report("database", 0, 1)
        member = dump_database(work / "database", using)
        report("database", 1, 1)
        members: dict[str, dict[str, Any]] = {
            member: {"sha256": _sha256(work / "database"), "size": (work / "database").stat().st_size},
        }
        media_root = Path(settings.MEDIA_ROOT)
        files = _media_files()
        source = key_source()
        key = {"source": source, "fingerprint": key_fingerprint(settings.SECRET_KEY)}
        partial = work / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / "database", arcname=member)
            for index, path in enumerate(files, start=1):
                relative = path.relative_to(media_root).as_posix()
                arcname = f"media/{relative}"
                members[arcname] = {"sha256": _sha256(path), "size": path.stat().st_size}
                archive.add(path, arcname=arcname)
                report("media", index, len(files))
            if source == "file" and key_file().exists():
                archive.add(key_file(), arcname=KEY_MEMBER)
                members[KEY_MEMBER] = {"sha256": _sha256(key_file()), "size": key_file().stat().st_size}
            manifest = {
                "format": FORMAT,
                "created_at": started.isoformat(),
                "engine": connections[using].vendor,
                "database": member,
                "secret_key": key,
                "members": members,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(started.timestamp())
            archive.addfile(info, io.BytesIO(data))
        os.replace(partial, final)
    final.chmod(0o600)
    return final


@dataclass
class Restored:
    engine: str
    files: int
    key_note: str


def read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError:
        raise BackupError("The archive has no manifest.json: it is not a stttt backup.") from None
    if handle is None:
        raise BackupError("The archive's manifest.json is not a file.")
    manifest = json.loads(handle.read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _check_key(manifest: dict[str, Any], *, accept_new_key: bool, work: Path) -> str:
    """Decide what happens to the key; raises KeyMismatch when tracking secrets would silently break."""
    saved = manifest["secret_key"]
    current_source = key_source()
    if saved["source"] == "file" and (work / KEY_MEMBER).exists():
        if current_source == "file":
            return "file"  # the backed-up key file is put back in the data folder
        backed_up = (work / KEY_MEMBER).read_text().strip()
        if key_fingerprint(backed_up) == key_fingerprint(settings.SECRET_KEY):
            return "same"
    elif saved["fingerprint"] == key_fingerprint(settings.SECRET_KEY):
        return "same"
    if accept_new_key:
        return "new"
    raise KeyMismatch(
        "The backup was made with a different SECRET_KEY. Tracking secrets given to applicants are keyed by "
        "it and will stop working with this key. Set SECRET_KEY to the key of the backed-up installation "
        "(its fingerprint is in manifest.json), or pass --accept-new-key to restore anyway."
    )


def _safe_extract(archive: tarfile.TarFile, work: Path, manifest: dict[str, Any], report: Report) -> None:
    members = manifest["members"]
    names = [m for m in archive.getmembers() if m.name != MANIFEST]
    for index, member in enumerate(names, start=1):
        if member.name not in members or not member.isfile():
            raise BackupError(f"Unexpected member in the archive: {member.name}")
        archive.extract(member, work, filter="data")
        path = work / member.name
        if _sha256(path) != members[member.name]["sha256"]:
            raise BackupError(f"Checksum mismatch for {member.name}: the archive is damaged.")
        report("check", index, len(names))
    missing = set(members) - {m.name for m in names}
    if missing:
        raise BackupError(f"Members listed in the manifest are missing: {sorted(missing)[:5]}")


def _database_is_empty(using: str) -> bool:
    connection = connections[using]
    return not connection.introspection.table_names()


def restore_database(path: Path, member: str, *, using: str = DEFAULT_DB_ALIAS, replace: bool = False) -> None:
    connection = connections[using]
    config = connection.settings_dict
    if connection.vendor == "sqlite" and member == SQLITE_MEMBER:
        target = Path(str(config["NAME"]))
        connection.close()
        if target.exists() and target.stat().st_size and not replace:
            raise BackupError(f"{target} already holds a database; pass --replace to set it aside and restore.")
        if target.exists():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            for suffix in ("", "-wal", "-shm"):
                old = Path(f"{target}{suffix}")
                if old.exists():
                    old.rename(Path(f"{target}{suffix}.before-restore-{stamp}"))
        partial = target.with_name(target.name + ".restoring")
        shutil.copyfile(path, partial)
        os.replace(partial, target)
        return
    if connection.vendor == "postgresql" and member == PG_MEMBER:
        if not _database_is_empty(using):
            if not replace:
                raise BackupError(
                    f"The database {config['NAME']} is not empty; restore into a new database, "
                    "or pass --replace to drop its tables first."
                )
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        connection.close()
        _run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", str(config["NAME"]), str(path)],
            _pg_env(config),
        )
        return
    raise BackupError(f"This backup holds a {member} dump; the configured database is {connection.vendor}.")


def restore_backup(
    archive_path: Path,
    *,
    accept_new_key: bool = False,
    replace: bool = False,
    report: Report = _quiet,
    using: str = DEFAULT_DB_ALIAS,
) -> Restored:
    if not archive_path.is_file():
        raise BackupError(f"No such file: {archive_path}")
    data_dir = Path(settings.DATA_DIR)
    with (
        tempfile.TemporaryDirectory(prefix="stttt-restore-", dir=data_dir) as work_dir,
        tarfile.open(archive_path, "r:gz") as archive,
    ):
        work = Path(work_dir)
        manifest = read_manifest(archive)
        _safe_extract(archive, work, manifest, report)
        key_decision = _check_key(manifest, accept_new_key=accept_new_key, work=work)
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists() and any(media_root.iterdir()) and not replace:
            raise BackupError(f"{media_root} is not empty; pass --replace to set it aside and restore.")
        report("database", 0, 1)
        restore_database(work / manifest["database"], manifest["database"], using=using, replace=replace)
        cache.clear()  # what was built from the database before (calendar, org chart, regulation) is not served
        report("database", 1, 1)
        if media_root.exists() and any(media_root.iterdir()):
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            media_root.rename(media_root.with_name(f"{media_root.name}.before-restore-{stamp}"))
        media_root.mkdir(parents=True, exist_ok=True)
        files = 0
        if (work / "media").exists():
            for path in sorted((work / "media").rglob("*")):
                if path.is_file():
                    target = media_root / path.relative_to(work / "media")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(path), target)
                    files += 1
        note = ""
        if key_decision == "file":
            current = key_file().read_text().strip() if key_file().exists() else ""
            backed_up = (work / KEY_MEMBER).read_text().strip()
            if current != backed_up:
                if key_file().exists():
                    key_file().rename(key_file().with_name("secret_key.before-restore"))
                shutil.copyfile(work / KEY_MEMBER, key_file())
                key_file().chmod(0o600)
                note = "key-restored"
        elif key_decision == "new":
            note = "key-changed"
        return Restored(engine=manifest["engine"], files=files, key_note=note)
