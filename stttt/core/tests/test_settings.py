"""Configuration from the environment: defaults that work on a fresh machine, clear errors otherwise."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from stttt.config import env


def test_default_database_is_sqlite_in_the_data_folder_with_wal_and_immediate(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = env.database(tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "stttt.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://app@db.example:5433/stttt")
    config = env.database(tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == ("db.example", 5433, "stttt", "app")
    assert config["OPTIONS"]["options"] == "-c jit=off"  # no query compiled for the web's short reads


def test_postgres_jit_stays_as_the_url_sets_it(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://app@db/stttt?options=-c%20jit%3Don&sslmode=require")
    options = env.database(tmp_path)["OPTIONS"]
    assert (options["options"], options["sslmode"]) == ("-c jit=on", "require")


def test_the_sessions_of_the_app_run_without_jit(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.parametrize("url", ["foo://bar", "not a url", "postgres//missing-colon"])
def test_unreadable_database_url_is_a_configuration_error(monkeypatch, tmp_path, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database(tmp_path)


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = env.secret_key(tmp_path, production=False)
    assert len(first) >= 50
    assert env.secret_key(tmp_path, production=False) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_secret_key_is_required_in_production(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        env.secret_key(tmp_path, production=True)


def test_data_folder_is_created_on_first_use(tmp_path, monkeypatch):
    monkeypatch.setenv("STTTT_DATA_DIR", str(tmp_path / "new" / "data"))
    assert env.data_dir(tmp_path).is_dir()


def _run_stttt(*args, **extra_env):
    environment = {**os.environ, **extra_env}
    # As an operator's shell would be: no test-only settings module, no async-safety override set by
    # the browser tests of this process.
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "-m", "stttt", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_bad_database_url_stops_start_up_with_one_clear_line(tmp_path):
    result = _run_stttt("check", DATABASE_URL="foo://nowhere", STTTT_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("stttt: configuration error: DATABASE_URL")
    assert "Traceback" not in result.stderr


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _run_stttt(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        STTTT_PRODUCTION="1",
        SECRET_KEY="x" * 20 + "k3y-for-the-deploy-check-only-9f8e7d6c5b4a3",
        ALLOWED_HOSTS="stttt.example.gov.vn",
        STTTT_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked(settings):
    assert settings.DEBUG is False
    assert env.env_bool("STTTT_NOT_SET_ANYWHERE") is False


def test_time_zone_and_language(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
