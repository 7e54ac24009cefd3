"""No English in Vietnamese mode on the role homes and the work pages (checked against every catalogue)."""

import pytest
from django.urls import reverse

from stttt.web.tests.conftest import client_for
from stttt.web.tests.untranslated import english_phrases, untranslated

pytestmark = pytest.mark.django_db


def test_the_check_finds_english_when_the_page_is_english(world):
    client = client_for(world.officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode().replace('<html lang="en">', '<html lang="vi">')
    found = untranslated(html)
    assert "My tasks" in found and "Log out" in found
    assert untranslated('<html lang="vi"><p lang="en">My tasks</p><p>Nhiệm vụ của tôi</p></html>') == []
    assert english_phrases("<p>Decree 61/2018/NĐ-CP Art. 19 (the period restarts)</p>")


def _pages(world):
    work = [
        reverse("work:tasks"),
        reverse("work:briefing"),
        reverse("work:task", args=[world.task.pk]),
        reverse("work:reports"),
        reverse("work:questions"),
        reverse("work:coordinations"),
        reverse("work:unit", args=[world.division.code]),
        reverse("work:task_create"),
        reverse("work:district_requests"),
        reverse("work:district_request", args=[world.request.pk]),
    ]
    return {
        "director": ["/", reverse("work:leadership"), *work],
        "head": ["/", *work],
        "officer": ["/", *work],
        "desk": ["/", reverse("work:tasks")],
        "district": ["/", reverse("work:district_requests"), reverse("work:district_report", args=[world.report_a.pk])],
        "citizen": ["/"],
    }


def test_role_homes_and_work_pages_are_all_vietnamese(world):
    problems = []
    for role, urls in _pages(world).items():
        client = client_for(world.roles()[role])
        for url in urls:
            response = client.get(url, follow=True)
            assert response.status_code == 200, (role, url, response.status_code)
            html = response.content.decode()
            assert '<html lang="vi">' in html
            problems += [(role, url, text) for text in untranslated(html) + english_phrases(html)]
    assert problems == []
