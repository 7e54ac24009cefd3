"""The leadership boards show charts beside their tables (issue 11: numbers compared at a glance): inline
SVG with a title, a description of the data and a legend, no script."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stttt.work import services
from stttt.work.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _svg(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[html.index("<svg", start) : html.index("</svg>", start) + 6]


def test_the_leadership_board_charts_tasks_by_unit_with_a_legend(dept, client):
    services.task_create(
        actor=dept.director,
        lead_unit=dept.division,
        title="Việc quá hạn",
        source_number="1/UBND",
        source_date=dt.date(2020, 1, 2),
        deadline=dt.date(2020, 2, 1),
    )
    assert client.login(username="gd", password=PASSWORD)
    html = client.get(reverse("work:leadership")).content.decode()
    svg = _svg(html, "chart-tasks-by-unit")
    assert "<title" in svg and "<desc" in svg and 'role="img"' in svg
    assert dept.division.name in svg  # the unit with open tasks, by name
    assert svg.count('width="12" height="12"') == 3  # legend: overdue, due soon, on schedule
    assert "<script" not in svg and "style=" not in svg


def test_the_unit_board_charts_its_counts(dept, client):
    assert client.login(username="gd", password=PASSWORD)
    html = client.get(reverse("work:unit", args=[dept.division.code])).content.decode()
    assert "<title" in _svg(html, "chart-unit")


def test_a_district_request_charts_each_numeric_indicator_of_the_submitted_districts(dept, district_request, client):
    report = district_request.reports.get(district=dept.district_a)
    services.district_report_save(
        report, actor=dept.officer_a, raw={"dai": "12", "loa": "40", "ty-le": "87.5"}, submit=True
    )
    assert client.login(username="gd", password=PASSWORD)
    html = client.get(reverse("work:district_request", args=[district_request.pk])).content.decode()
    block = html[html.index('data-testid="district-charts"') :]
    assert block.count("<svg") == 3
    assert "Thành phố Đồng Xoài" in block and "Số đài truyền thanh" in block and "Tỷ lệ phủ sóng (%)" in block
    assert "Huyện Bù Đăng" not in block.split("</div>")[0]  # not submitted: no bar


def test_the_list_of_district_requests_charts_submissions_for_the_department_only(dept, district_request, client):
    report = district_request.reports.get(district=dept.district_a)
    services.district_report_save(report, actor=dept.officer_a, raw={"dai": "1", "loa": "2"}, submit=True)
    assert client.login(username="gd", password=PASSWORD)
    svg = _svg(client.get(reverse("work:district_requests")).content.decode(), "chart-submissions")
    assert district_request.title in svg and svg.count('width="12" height="12"') == 2
    client.logout()
    assert client.login(username="vhtt_a", password=PASSWORD)
    assert 'class="chart"' not in client.get(reverse("work:district_requests")).content.decode()


@pytest.mark.parametrize("open_count", [2, 3])
def test_the_unit_board_lists_the_most_pressing_open_tasks_and_links_to_all(dept, client, monkeypatch, open_count):
    """At the limit the board lists every open task; one more and it lists the most pressing ones (earliest
    deadline first) and links to the unit's task list, which pages through them all."""
    from stttt.work import selectors

    def division_task(title, deadline=None):
        return services.task_create(
            actor=dept.director,
            lead_unit=dept.division,
            title=title,
            source_number="1/UBND",
            source_date=dt.date(2020, 1, 2),
            deadline=deadline,
        )

    monkeypatch.setattr(selectors, "BOARD_SIZE", 2)
    for day in range(open_count, 0, -1):  # created latest deadline first
        division_task(f"Việc hạn ngày {day}", dt.date(2031, 1, day))
    assert client.login(username="gd", password=PASSWORD)
    html = client.get(reverse("work:unit", args=[dept.division.code])).content.decode()
    listed = [day for day in range(1, open_count + 1) if f"Việc hạn ngày {day}<" in html]
    assert listed == [1, 2]  # the two earliest deadlines
    if open_count == 2:
        assert 'data-testid="all-open"' not in html
    else:
        link = f"{reverse('work:tasks')}?unit={dept.division.code}&amp;state=open"
        assert 'data-testid="all-open"' in html and link in html
        assert "2 nhiệm vụ cấp bách nhất trong 3 nhiệm vụ đang mở" in html
        # The link lists every open task of the unit, and only those.
        services.task_cancel(division_task("Việc đã hủy"), actor=dept.director, reason="Không còn cần")
        listing = client.get(link.replace("&amp;", "&")).content.decode()
        assert [day for day in range(1, 4) if f"Việc hạn ngày {day}<" in listing] == [1, 2, 3]
        assert "Việc đã hủy" not in listing
        assert "Việc đã hủy" in client.get(link.split("&amp;")[0]).content.decode()
