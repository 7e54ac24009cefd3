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


SQLITE_OPTIONS = {
    # IMMEDIATE takes the write lock at BEGIN, so a concurrent writer waits for the busy timeout
    # instead of failing when a read transaction upgrades to a write.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}


def database(folder: Path) -> dict[str, Any]:
    """DATABASE_URL, or the embedded SQLite database in the data folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{folder / 'stttt.sqlite3'}"
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL cannot be read ({exc}); expected e.g. "
            "postgres://user@host:5432/name or sqlite:////path/file.sqlite3"
        ) from None
    engine = config.get("ENGINE", "")
    if not engine:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: unknown scheme in {url!r}.")
    if engine.endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
    return config
