"""A public register page is revalidated with its ETag: 304 without rendering while nothing changed, a new page
once a licence changes (issue 13)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stttt.licensing import selectors, services
from stttt.licensing.kinds import KINDS
from stttt.testing.departments import SmallDepartment
from stttt.testing.scale import Counts, populate

pytestmark = pytest.mark.django_db


def test_register_answers_304_until_a_licence_changes():
    dept = SmallDepartment()
    populate(Counts(dossiers=0, licences=30, tasks=0, years=1), seed=3)
    licence = selectors.licences_with_status().filter(agency=dept.agency, current_status="valid").first()
    assert licence is not None
    visitor = Client(HTTP_HOST=dept.agency.host_names.split(",")[0])
    url = reverse("portal:register", args=[KINDS[licence.kind].slug])

    first = visitor.get(url)
    assert first.status_code == 200 and first["ETag"] and "no-cache" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as captured:
        again = visitor.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert not [q for q in captured if "licensing_" in q["sql"]], "the check reads no licence, it renders nothing"
    assert visitor.get(url + "?page=2", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

    services.licence_event_add(
        licence.pk,
        "amend",
        actor=dept.director,
        effective_on=timezone.localdate() - dt.timedelta(days=1),
        legal_basis="Điều 3 Quyết định số 01/2024/QĐ-UBND",
        changes={"holder_name": "Công ty Đổi Tên Mới"},
    )
    changed = visitor.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    # Any write of a licence or an event, wherever it comes from, is a new version (here an event deleted).
    licence.events.get().delete()
    again = visitor.get(url, HTTP_IF_NONE_MATCH=changed["ETag"])
    assert again.status_code == 200 and again["ETag"] not in (first["ETag"], changed["ETag"])


def test_signed_in_readers_get_no_etag():
    dept = SmallDepartment()
    client = Client(HTTP_HOST=dept.agency.host_names.split(",")[0])
    client.force_login(dept.officer)
    response = client.get(reverse("portal:register", args=[next(iter(KINDS.values())).slug]))
    assert response.status_code == 200 and not response.has_header("ETag")
