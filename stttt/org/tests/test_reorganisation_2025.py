"""The reorganisation since 2025 as dated events over the agency and its districts (issue 15): pages and
queries as of a date before an event show Bình Phước's Department as it was, after it its successor; every
date is tested on the day before, the day of and the day after."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from stttt.accounts.models import User
from stttt.org import demo, selectors
from stttt.org.models import District, ReorgEvent
from stttt.org.services import reorganisation

MERGE = datetime.date(2025, 3, 1)
PROVINCE = datetime.date(2025, 7, 1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def agency(demo_org):
    return selectors.agency_get("STTTT-BP")


@pytest.mark.parametrize(
    ("day", "successor"),
    [
        (MERGE - DAY, None),
        (MERGE, "Sở Khoa học và Công nghệ tỉnh Bình Phước"),
        (MERGE + DAY, "Sở Khoa học và Công nghệ tỉnh Bình Phước"),
        (PROVINCE - DAY, "Sở Khoa học và Công nghệ tỉnh Bình Phước"),
        (PROVINCE, "Sở Khoa học và Công nghệ tỉnh Đồng Nai"),
        (PROVINCE + DAY, "Sở Khoa học và Công nghệ tỉnh Đồng Nai"),
    ],
)
def test_successor_on_each_side_of_the_events(agency, day, successor):
    assert selectors.agency_history(agency, day)["successor"] == successor


def test_districts_exist_until_the_end_of_district_level_government(agency):
    total = District.objects.filter(agency=agency).count()
    assert total and len(selectors.agency_history(agency, PROVINCE - DAY)["districts"]) == total
    assert selectors.agency_history(agency, PROVINCE)["districts"] == []
    assert selectors.districts_of(agency, at=PROVINCE + DAY).count() == 0
    assert selectors.districts_of(agency).count() == total  # still offered in forms: records keep their district


def test_events_are_cited_flagged_and_loaded_once(agency):
    events = ReorgEvent.objects.filter(agency=agency, kind__in=["agency_merge", "province_merge", "districts_end"])
    assert events.count() == 3
    assert all(e.basis and e.source_url and e.certainty == "verify" for e in events)
    transfer = ReorgEvent.objects.get(agency=agency, kind="duties_transfer")
    assert [u.code for u in transfer.units.all()] == ["TTBCXB"]
    data = reorganisation.load_yaml(demo.REORGANISATION)
    assert reorganisation.agency_events_load(agency, data["events"]) == 0


def test_unknown_kind_is_refused(agency):
    with pytest.raises(ValueError):
        reorganisation.agency_events_load(agency, [{"kind": "rename", "from": MERGE, "basis": "x"}])


def test_org_page_as_of_a_date(client, agency):
    client.force_login(User.objects.get(username="chuyenvien_ttbcxb"))
    before = client.get(reverse("org:index"), {"at": "2024-06-01"}).content.decode()
    panel = before.split('data-testid="org-history"')[1].split("</aside>")[0]
    assert "Sở Thông tin và Truyền thông tỉnh Bình Phước" in panel and "Đồng Xoài" in panel
    after = client.get(reverse("org:index"), {"at": "2026-06-01"}).content.decode()
    panel = after.split('data-testid="org-history"')[1].split("</aside>")[0]
    assert "Sở Khoa học và Công nghệ tỉnh Đồng Nai" in panel and "202/2025/QH15" in panel
    assert "Đồng Xoài" not in panel
