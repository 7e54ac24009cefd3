"""Pages, API and CLI of the press app: who sees what, the flow through the pages, the documents."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from stttt.press import services
from stttt.press.choices import ItemKind, ItemStatus
from stttt.press.rules import LOCAL
from stttt.press.tests.conftest import bulk_items
from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db
TUESDAY = dt.date(2026, 3, 10)


def client_for(dept, user) -> Client:
    client = Client(HTTP_HOST=dept.agency.host_names.split(",")[0])
    if user is not None:
        client.force_login(user)
    return client


def test_the_page_flow_from_intake_to_referral(dept, other):
    officer, head = client_for(dept, dept.officer), client_for(dept, dept.head)
    response = officer.post(
        reverse("press:intake"),
        {
            "outlet": dept.bulletin.pk,
            "kind": ItemKind.BULLETIN,
            "title": "Bản tin Nông nghiệp",
            "issue_number": "5",
            "release_date": "2026-06-02",
            "received_at": "2026-06-02T07:30",
            "copies": 2,
        },
    )
    item = dept.bulletin.items.get()
    assert response.status_code == 302 and item.flags == ["past_term"]
    page = officer.get(item.get_absolute_url()).content.decode()
    assert "Xuất bản quá thời hạn của giấy phép" in page
    assert (
        head.post(
            reverse("press:item_action", args=[item.pk]), {"action": "assign", "reader": dept.officer.pk}
        ).status_code
        == 302
    )
    officer.post(
        reverse("press:item_action", args=[item.pk]),
        {
            "action": "submit",
            "content_summary": "Bản tin số 5.",
            "conclusion": "violation",
            "provision_violated": "Luật Báo chí 2016 Điều 34 khoản 4",
            "findings": "Xuất bản khi giấy phép đã hết hạn.",
        },
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED
    assert "Duyệt vi phạm và chuyển Thanh tra Sở" in head.get(item.get_absolute_url()).content.decode()
    head.post(reverse("press:item_action", args=[item.pk]), {"action": "refer", "note": ""})
    item.refresh_from_db()
    assert item.status == ItemStatus.REFERRED
    assert "Đã chuyển Thanh tra Sở" in officer.get(item.get_absolute_url()).content.decode()
    # the reading form is the reader's, the head's and the leadership's: the other officer sees the item, not the form
    assert "Phiếu đọc" not in client_for(dept, dept.officer2).get(item.get_absolute_url()).content.decode()
    assert (
        "Xuất bản khi giấy phép đã hết hạn"
        not in client_for(dept, dept.officer2).get(item.get_absolute_url()).content.decode()
    )
    assert (
        "Xuất bản khi giấy phép đã hết hạn"
        in client_for(dept, dept.director).get(item.get_absolute_url()).content.decode()
    )
    # nobody else: other units, the public, another agency
    assert client_for(dept, dept.outsider).get(reverse("press:items")).status_code == 403
    assert client_for(dept, None).get(reverse("press:items")).status_code == 302
    assert client_for(other, other.head).get(item.get_absolute_url()).status_code == 404
    for name in (
        "press:index",
        "press:items",
        "press:readings",
        "press:outlets",
        "press:offices",
        "press:conferences",
        "press:picture",
        "press:register",
        "press:intake",
    ):
        assert officer.get(reverse(name)).status_code == 200, name
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        response = head.get(reverse("press:picture_file", args=[fmt]) + "?day=2026-06-02")
        assert response.status_code == 200 and b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).startswith(magic)
    assert head.get(reverse("press:register_file", args=["xlsx"]) + "?year=2026").status_code == 200


def test_api_scoped_to_the_division_and_the_agency(dept, other):
    services.item_receive(
        actor=dept.officer,
        outlet=dept.newspaper,
        kind=ItemKind.PRESS_PRINT,
        title="Báo",
        release_date=TUESDAY,
        received_at=dt.datetime(2026, 3, 10, 7, tzinfo=LOCAL),
    )
    api = client_for(dept, dept.officer)
    rows = api.get("/api/v1/press/items/").json()["results"]
    assert [r["timeliness"] for r in rows] == ["on_time"] and rows[0]["actions"] == []
    head_rows = client_for(dept, dept.head).get("/api/v1/press/items/").json()["results"]
    assert head_rows[0]["actions"] == ["assign"]
    item_id = rows[0]["id"]
    assert (
        client_for(dept, dept.head)
        .post(
            f"/api/v1/press/items/{item_id}/assign/",
            {"reader": dept.officer2.username},
            content_type="application/json",
        )
        .status_code
        == 200
    )
    assert client_for(dept, dept.outsider).get("/api/v1/press/items/").status_code == 403
    assert client_for(other, other.officer).get(f"/api/v1/press/items/{item_id}/").status_code == 404
    assert client_for(other, other.officer).get("/api/v1/press/items/").json()["results"] == []
    due = api.get("/api/v1/press/due/?day=2026-03-10").json()
    assert due[0]["state"] == "on_time"
    assert api.get("/api/v1/press/due/?day=10-03-2026").status_code == 400
    picture = api.get("/api/v1/press/picture/?period=month&day=2026-03-10").json()
    assert picture["deposited"] == 1 and picture["start"] == "2026-03-01"
    created = api.post(
        "/api/v1/press/items/",
        {
            "outlet": dept.newspaper.pk,
            "kind": "press_print",
            "title": "Báo",
            "release_date": "2026-03-11",
            "received_at": "2026-03-11T09:00:00+07:00",
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["timeliness"] == "late"
    refused = api.post(
        "/api/v1/press/items/",
        {
            "outlet": dept.newspaper.pk,
            "kind": "bulletin",
            "title": "Báo",
            "release_date": "2026-03-11",
            "received_at": "2026-03-11T09:00:00+07:00",
        },
        content_type="application/json",
    )
    assert refused.status_code == 400 and "kind" in str(refused.json())


def test_cli(dept, tmp_path, settings):
    settings.STTTT_DEFAULT_AGENCY = dept.agency.code
    out = io.StringIO()
    call_command("press", "due", "--date", "2026-03-10", stdout=out)
    assert '"state": "missing"' in out.getvalue()
    call_command("press", "facts", stdout=out)
    assert "press.print_deposit_hour" in out.getvalue()
    target = tmp_path / "p.pdf"
    call_command("press", "picture", "--date", "2026-03-10", "--format", "pdf", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError) as failure:
        call_command("press", "due", "--date", "10/03/2026", stdout=out)
    assert failure.value.returncode == 2


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.head, reverse("press:items")),
            (d.officer, reverse("press:readings")),
            (d.head, reverse("press:readings")),
            (d.head, reverse("press:outlets")),
            (d.head, reverse("press:index") + "?day=2026-03-10"),
            (d.head, reverse("press:register") + "?year=2026"),
            (d.head, "/api/v1/press/items/"),
        ],
        rows=bulk_items,
    )
