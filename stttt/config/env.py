"""Reading settings from the environment, with errors an operator can act on."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in TRUE_WORDS


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int_list(name: str, default: list[int]) -> list[int]:
    try:
        return [int(item) for item in env_list(name, [str(d) for d in default])]
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be whole numbers separated by commas.") from None


def data_dir(base_dir: Path) -> Path:
    """The folder that holds the embedded database, uploads and the generated key; made on first use."""
    path = Path(os.environ.get("STTTT_DATA_DIR") or base_dir / "var").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key(folder: Path, *, production: bool) -> str:
    """SECRET_KEY from the environment; outside production, generated once and kept in the data folder."""
    value = os.environ.get("SECRET_KEY", "")
    if value:
        return value
    if production:
        raise ImproperlyConfigured("SECRET_KEY must be set in production (STTTT_PRODUCTION=1).")
    key_file = folder / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SQLITE_FILE = "stttt.sqlite3"  # the embedded database, in the data folder
SQLITE_OPTIONS = {
    # IMMEDIATE takes the write lock at BEGIN, so a concurrent writer waits for the busy timeout
    # instead of failing when a read transaction upgrades to a write.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}


def database(folder: Path, variable: str = "DATABASE_URL") -> dict[str, Any]:
    """The database at the URL in `variable`, or the embedded SQLite database in the data folder."""
    url = os.environ.get(variable, "").strip()
    if not url:
        url = f"sqlite:///{folder / SQLITE_FILE}"
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception as exc:
        raise ImproperlyConfigured(
            f"{variable} cannot be read ({exc}); expected e.g. "
            "postgres://user@host:5432/name or sqlite:////path/file.sqlite3"
        ) from None
    engine = config.get("ENGINE", "")
    if not engine:
        raise ImproperlyConfigured(f"{variable} cannot be read: unknown scheme in {url!r}.")
    if engine.endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
    elif engine.endswith("postgresql"):
        config["OPTIONS"] = _without_jit(dict(config.get("OPTIONS") or {}))
    return config


def _without_jit(options: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL's JIT compiler off for the app's sessions, unless the URL says otherwise (`?options=-c jit=on`).
    It compiles any query the planner costs high, which at the national scale includes a page's count over an
    agency's licences: 220 of its 410 ms went to compiling, for a query that runs in a fraction of that."""
    given = str(options.get("options", ""))
    if "jit" not in given:
        options["options"] = f"{given} -c jit=off".strip()
    return options


def media_storage() -> dict[str, Any]:
    """Where uploaded files go: a folder (`MEDIA_ROOT`, shared by the app servers when it is a shared
    volume), or an S3-compatible bucket with STTTT_MEDIA_STORAGE=s3 (django-storages, `stttt[s3]`)."""
    kind = os.environ.get("STTTT_MEDIA_STORAGE", "local").strip().lower() or "local"
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"STTTT_MEDIA_STORAGE must be 'local' or 's3', not {kind!r}.")
    bucket = os.environ.get("STTTT_S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured("STTTT_S3_BUCKET must be set when STTTT_MEDIA_STORAGE=s3.")
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": None,  # private: files are served through the app's permission checks
        "querystring_auth": True,
        "file_overwrite": False,
        "location": os.environ.get("STTTT_S3_PREFIX", "media"),
    }
    # Credentials come from the usual AWS_* variables (or the machine's role), read by boto3 itself.
    for option, variable in (("endpoint_url", "STTTT_S3_ENDPOINT_URL"), ("region_name", "STTTT_S3_REGION")):
        if os.environ.get(variable):
            options[option] = os.environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
