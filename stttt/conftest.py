"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

CHROMIUM = os.environ.get("STTTT_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background fetches that the machine would refuse.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


MIGRATED = pytest.StashKey[str]()  # the SQLite file, or the PostgreSQL database, kept just after migrating


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request, tmp_path_factory):
    """pytest-django's test database, also kept as it is just after its migrations (`migrated_environment`):
    copying it takes a second where migrating a new database takes a minute."""
    from django.db import connection, connections

    from stttt.testing.childdb import new_databases

    if connection.vendor != "sqlite":
        with django_db_blocker.unblock():
            connections.close_all()  # a template database must have no other session
        with new_databases("migrated", template=connection.settings_dict["NAME"]) as (url,):
            request.config.stash[MIGRATED] = url.rsplit("/", 1)[1]
            yield
        return
    copy = str(tmp_path_factory.mktemp("migrated") / "migrated.sqlite3")
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    request.config.stash[MIGRATED] = copy
    yield


@pytest.fixture
def migrated_environment(request, django_db_setup, tmp_path):
    """The environment of a child process whose database is a copy of the test database as it was just
    after its migrations (`stttt.testing.childdb`); its data folder is `tmp_path / "migrated"`."""
    from stttt.testing.childdb import database_environment

    with database_environment(tmp_path / "migrated", copy_of=request.config.stash[MIGRATED]) as env:
        yield env


@pytest.fixture
def demo_password(settings):
    return settings.DEMO_PASSWORD


@pytest.fixture(scope="session")
def _browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required for browser tests under CI ({CHROMIUM} not found)")
        pytest.skip(f"Chromium not installed at {CHROMIUM}; run .ci/run or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_browser, live_server):
    """A fresh browser tab pointed at the live test server; the page's base URL is `live_server.url`.

    Fails the test on any console error or any request that leaves the machine's own server.
    """
    context = _browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on(
        "request",
        lambda req: (
            outside.append(req.url)
            if not req.url.startswith(live_server.url) and not req.url.startswith("data:")
            else None
        ),
    )
    yield page
    context.close()
    assert not outside, f"requests outside the app: {outside}"
    assert not errors, f"console errors: {errors}"


@pytest.fixture(autouse=True)
def _one_rate_window(monkeypatch):
    """Rate limits count in fixed windows (`core.throttle.hit`): requests of one test that straddled the turn
    of a minute were counted in two windows, and a limit of 2 let a third through. Time stands still for them."""
    from stttt.core import throttle

    now = throttle.clock()
    monkeypatch.setattr(throttle, "clock", lambda: now - now % 3600 + 1)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached builds do not leak from one test to the next."""
    from django.core.cache import caches

    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
