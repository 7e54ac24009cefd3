"""Error pages, homes and header by role, forms' error summaries, the briefing's month and links."""

import re

import pytest
from django.template import loader
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

from stttt.web.tests.conftest import client_for

HOME = "/"


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="(/[^"#]*)', html))


# --- error pages ----------------------------------------------------------------------------------------


def test_500_page_is_static_vietnamese_and_needs_no_database():
    html = loader.get_template("500.html").render()
    assert "Lỗi hệ thống" in html and 'href="/cong-khai/"' in html and 'lang="vi"' in html
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Lỗi hệ thống" in response.content.decode()


@pytest.mark.django_db
def test_404_and_403_pages_have_the_layout_and_a_way_back(world):
    response = Client().get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html and 'class="site-header"' in html and 'data-testid="ways-back"' in html
    response = client_for(world.officer).get(reverse("work:leadership"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Không có quyền truy cập" in html and 'class="site-header"' in html and reverse("portal:index") in html


@pytest.mark.django_db
def test_csrf_failure_page_is_vietnamese_with_the_layout():
    response = Client(enforce_csrf_checks=True).post(reverse("accounts:login"), {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in html and 'class="site-header"' in html and "/cong-khai/" in html


@pytest.mark.django_db
def test_lockout_page_is_vietnamese_with_the_layout():
    html = loader.get_template("accounts/locked_out.html").render({}, RequestFactory().get("/"))
    assert 'class="site-header"' in html and "Account temporarily locked" not in html


# --- homes and header by role ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitors_and_citizens_go_to_the_portal(world):
    assert Client().get(HOME)["Location"] == reverse("portal:index")
    assert client_for(world.citizen).get(HOME)["Location"] == reverse("portal:mine")


@pytest.mark.django_db
def test_citizens_and_district_officers_never_see_the_staff_menu(world):
    staff_entries = [reverse(n) for n in ("org:index", "procedures:index", "licensing:index", "work:index")]
    for user, page in ((world.citizen, reverse("portal:index")), (world.district_officer_a, HOME)):
        html = client_for(user).get(page).content.decode()
        nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        for entry in staff_entries:
            assert f'href="{entry}"' not in nav, (user, entry)
    html = client_for(world.officer).get(HOME).content.decode()
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert all(f'href="{entry}"' in nav for entry in staff_entries)


@pytest.mark.django_db
def test_staff_menu_groups_the_capabilities_and_marks_the_one_being_read(world):
    html = client_for(world.officer).get(reverse("work:index"), follow=True).content.decode()
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    groups = re.findall(r'<li class="nav-group( current)?" data-testid="nav-group-(\w+)">', nav)
    assert [key for _current, key in groups][:2] == ["operations", "services"]
    assert [key for current, key in groups if current] == ["operations"]
    operations = nav.split('data-testid="nav-group-operations"', 1)[1].split("</details>", 1)[0]
    assert f'href="{reverse("work:index")}"' in operations
    assert f'href="{reverse("procedures:index")}"' not in operations


@pytest.mark.django_db
def test_district_officer_home_lists_the_district_reports(world):
    response = client_for(world.district_officer_a).get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("work:district_report", args=[world.report_a.pk]) in html
    assert reverse("work:district_report", args=[world.report_b.pk]) not in html
    assert 'data-testid="figures-' not in html


@pytest.mark.django_db
def test_staff_home_is_my_work_and_only_leaders_see_department_figures(world):
    html = client_for(world.officer).get(HOME).content.decode()
    assert reverse("work:task", args=[world.task.pk]) in html  # in my charge
    assert reverse("work:task", args=[world.other_task.pk]) not in html
    assert 'data-testid="figures-' not in html
    html = client_for(world.desk).get(HOME).content.decode()
    assert reverse("procedures:dossier", args=[world.dossier.pk]) in html  # to receive
    html = client_for(world.director).get(HOME).content.decode()
    assert 'data-testid="figures-' in html


@pytest.mark.django_db
def test_links_on_each_home_open(world):
    for role, user in world.roles().items():
        client = client_for(user)
        response = client.get(HOME, follow=True)
        for link in _links(response.content.decode()):
            if link.startswith(("/static/", "/i18n/")):
                continue
            status = client.get(link).status_code
            assert status in (200, 302), (role, link, status)


# --- forms ----------------------------------------------------------------------------------------------


def _described_ids_exist(html: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for value in re.findall(r'aria-describedby="([^"]+)"', html):
        for target in value.split():
            assert target in ids, f"aria-describedby points at missing id {target!r}"


@pytest.mark.django_db
def test_task_form_error_summary_describedby_and_checkbox_labels(world):
    client = client_for(world.director)
    html = client.get(reverse("work:task_create")).content.decode()
    _described_ids_exist(html)
    # each coordinating-unit checkbox sits inside its label
    assert re.search(r'<label for="id_coordinating_units_0">\s*<input[^>]+id="id_coordinating_units_0"', html)
    response = client.post(reverse("work:task_create"), {"title": ""})
    html = response.content.decode()
    assert 'data-testid="error-summary"' in html
    _described_ids_exist(html)


@pytest.mark.django_db
def test_login_form_describedby_points_at_existing_ids():
    html = Client().post(reverse("accounts:login"), {"username": "x", "password": "y"}).content.decode()
    _described_ids_exist(html)
    assert 'data-testid="error-summary"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["11/2026", "2026-13", "2026-02-31", "tháng 11"])
def test_a_wrong_month_is_an_error_never_another_month(world, month):
    response = client_for(world.officer).get(reverse("work:briefing"), {"month": month})
    html = response.content.decode()
    assert response.status_code == 400
    assert "không phải là tháng" in html and "YYYY-MM" in html
    assert 'data-testid="briefing-units"' not in html


@pytest.mark.django_db
def test_briefing_links_only_the_tasks_the_user_may_open(world):
    month = world.other_task.deadline.strftime("%Y-%m")
    client = client_for(world.officer)
    html = client.get(reverse("work:briefing"), {"month": month}).content.decode()
    assert world.other_task.title in html  # overdue tasks of every unit are reported...
    assert reverse("work:task", args=[world.other_task.pk]) not in html  # ...but linked only when visible
    html = client_for(world.director).get(reverse("work:briefing"), {"month": month}).content.decode()
    assert reverse("work:task", args=[world.other_task.pk]) in html


@pytest.mark.django_db
def test_citizens_and_district_officers_cannot_download_the_staffing_plan(world):
    for user in (world.citizen, world.district_officer_a):
        client = client_for(user)
        for fmt in ("xlsx", "docx", "pdf"):
            response = client.get(reverse("org:plan_file", args=[fmt]))
            assert response.status_code == 302 and response["Location"] == HOME, (user, fmt)
        assert client.get(reverse("org:plan")).status_code == 302


def test_demo_district_office_names_keep_the_district_capitals():
    from stttt.work.demo import DISTRICTS, office_name

    for _code, name, _kind, _slug in DISTRICTS:
        assert office_name(name).endswith(name)
    assert office_name("Thị xã Bình Long") == "Phòng Văn hóa và Thông tin Thị xã Bình Long"
