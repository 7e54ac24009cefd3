"""Staff lists, inboxes and dashboards are kept whole for their reader (`core.pagecache.reader_page`) until any
data changes, however it is written (`core.datarevision`), or the day turns; each answer carries a fresh CSRF
token; a hard reload, a notice or another session is rendered (issue 13)."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.core import caching, datarevision
from stttt.core.models import CalendarDay
from stttt.testing.departments import SmallDepartment
from stttt.work import services
from stttt.work.models import Task

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def dept():
    return SmallDepartment()


def _client(dept, user, **extra) -> Client:
    client = Client(HTTP_HOST=dept.agency.host_names.split(",")[0].strip(), **extra)
    client.force_login(user)
    return client


def _task(dept, title: str) -> Task:
    return services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title=title,
        source_number="1/UBND",
        source_date=dt.date(2026, 1, 2),
        deadline=timezone.localdate() + dt.timedelta(days=30),
    )


def rendered(response) -> bool:
    return bool(response.templates)


def _kept_twice(client: Client, url: str) -> tuple[str, str]:
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert rendered(first) and not rendered(second)
    return first.content.decode(), second.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda task: Task.objects.filter(pk=task.pk).update(title="Đổi bằng update"), id="update"),
        pytest.param(lambda task: setattr(task, "title", "Đổi bằng save") or task.save(), id="save"),
        pytest.param(lambda task: Task.objects.filter(pk=task.pk).delete(), id="delete"),
        pytest.param(
            lambda task: connection.cursor().execute(
                "UPDATE work_task SET title = %s WHERE id = %s", ["Đổi bằng SQL", task.pk]
            ),
            id="raw-sql",
        ),
    ],
)
def test_the_page_is_kept_for_its_reader_until_any_write(dept, change):
    task = _task(dept, "Việc ban đầu")
    client, url = _client(dept, dept.director), reverse("work:tasks")
    first, second = _kept_twice(client, url)
    assert "Việc ban đầu" in second and TOKEN.sub("", first) == TOKEN.sub("", second)

    change(task)
    after = client.get(url)
    assert rendered(after)
    assert ("Việc ban đầu" in after.content.decode()) is False


def test_writes_inside_one_transaction_each_reach_the_page(dept):
    """The suite's transaction never commits: a write after a page was built still renews the revision."""
    client, url = _client(dept, dept.director), reverse("work:tasks")
    for title in ("Việc thứ nhất", "Việc thứ hai", "Việc thứ ba"):
        _task(dept, title)
        page = client.get(url)
        assert rendered(page) and title in page.content.decode()
        assert not rendered(client.get(url))


@pytest.mark.django_db(transaction=True)
def test_a_transaction_renews_the_revision_when_it_commits():
    revision = lambda: caching.revision(datarevision.NAME)  # noqa: E731
    before = datarevision.current()  # a page is being built
    with transaction.atomic():
        CalendarDay.objects.create(date=dt.date(2031, 1, 1), kind="holiday", name="Một")
        inside = revision()
        assert inside != before  # the page built meanwhile is not kept under the new revision
        CalendarDay.objects.create(date=dt.date(2031, 1, 2), kind="holiday", name="Hai")
        CalendarDay.objects.filter(date__year=2031).update(name="Ba")
        assert revision() == inside  # nothing read it since: one renewal is enough until the commit
    assert revision() != inside
    committed = revision()
    CalendarDay.objects.filter(date__year=2031).delete()  # outside a transaction: at once
    assert revision() != committed


def test_visits_change_no_revision(dept):
    """The session's idle renewal, page limits and sign-in attempts are written by plain page views."""
    client = _client(dept, dept.director)
    before = datarevision.current()
    session = client.session
    session["stttt_renewed_at"] = 1
    session.save()
    assert caching.revision(datarevision.NAME) == before


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('SELECT "work_task"."id" FROM "work_task"', False),
        ("(SELECT 1) UNION (SELECT 2)", False),
        ("WITH RECURSIVE n(i) AS (SELECT 1) SELECT i FROM n", False),
        ('SAVEPOINT "s1"', False),
        ('RELEASE SAVEPOINT "s1"', False),
        ('INSERT INTO "work_task" ("title") VALUES (%s)', True),
        ('UPDATE "work_task" SET "title" = %s', True),
        ('DELETE FROM "work_task" WHERE "id" = %s', True),
        ("INSERT INTO licensing_licence (id) WITH RECURSIVE copy(n) AS (SELECT 1) SELECT n FROM copy", True),
        ("WITH moved AS (UPDATE work_task SET title = 'x' RETURNING id) SELECT id FROM moved", True),
        ('INSERT OR IGNORE INTO "work_task" ("title") VALUES (%s)', True),
        ("TRUNCATE work_task", True),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('INSERT INTO "core_ratecounter" ("key") VALUES (%s)', False),
        ('DELETE FROM "axes_accessattempt"', False),
    ],
)
def test_what_counts_as_a_write(sql, writes):
    assert datarevision.writes_data(sql) is writes


def test_each_reader_session_language_and_day_is_kept_apart(dept, monkeypatch):
    _task(dept, "Việc chung")
    url = reverse("work:tasks")
    # signing in writes the user's last login, which renews the revision: the sessions are opened first
    director, elsewhere, deputy = (_client(dept, user) for user in (dept.director, dept.director, dept.deputy))
    _kept_twice(director, url)
    assert rendered(elsewhere.get(url))  # the same person in another session
    assert rendered(deputy.get(url))
    assert rendered(director.get(url, {"deadline": "overdue"}))
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with monkeypatch.context() as patched:
        patched.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
        assert rendered(director.get(url))
    assert not rendered(director.get(url))
    director.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = director.get(url)
    assert rendered(english) and english["Content-Language"] == "en"


def test_a_hard_reload_is_rendered(dept):
    client, url = _client(dept, dept.director), reverse("work:tasks")
    _kept_twice(client, url)
    assert rendered(client.get(url, headers={"cache-control": "no-cache"}))


def test_each_answer_carries_a_fresh_token_that_a_form_accepts(dept):
    client, url = _client(dept, dept.director, enforce_csrf_checks=True), reverse("work:reports")
    first, second = _kept_twice(client, url)
    assert TOKEN.findall(first) and TOKEN.findall(second) and "\x00" not in second
    assert not set(TOKEN.findall(first)) & set(TOKEN.findall(second))
    posted = client.post(url, {"csrfmiddlewaretoken": TOKEN.findall(second)[0]})
    assert posted.status_code != 403  # the form's own checks answer, not the CSRF check


def test_a_notice_waiting_is_shown_on_a_rendered_page(dept):
    task = _task(dept, "Việc để huỷ")
    client, url = _client(dept, dept.director), reverse("work:tasks")
    _kept_twice(client, url)
    refused = client.post(reverse("work:task_cancel", args=[task.pk]), {"reason": ""})  # a notice, no write
    assert refused.status_code == 302
    shown = client.get(url)
    assert rendered(shown) and 'class="message error' in shown.content.decode()
    again, kept = client.get(url), client.get(url)
    assert 'class="message' not in again.content.decode() and not rendered(kept)


def test_a_post_is_rendered_each_time_and_a_head_is_kept_as_a_get(dept):
    client, url = _client(dept, dept.director), reverse("work:reports")
    _kept_twice(client, url)
    assert rendered(client.post(url, {}))  # the form's errors, rendered
    tasks = reverse("work:tasks")
    assert rendered(client.head(tasks)) and not rendered(client.head(tasks))
