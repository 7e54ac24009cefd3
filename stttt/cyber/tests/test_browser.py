"""The main flow in a real browser: an owner body's account submits a level dossier below the criteria; the
specialised unit sees the flag, receives and appraises it; the Director approves at the level the criteria
imply and the system shows it."""

import pytest

from stttt.cyber.models import LevelDossier
from stttt.cyber.tests.conftest import World, reload
from stttt.testing.departments import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def test_owner_submits_staff_appraise_and_the_director_approves(browser_page):
    w = World()
    page = browser_page
    sign_in(page, w.account.username)
    page.goto(f"/an-toan-thong-tin/chu-quan/he-thong/{w.centre.pk}/")
    page.get_by_label("Cấp độ đề xuất").select_option("2")
    page.get_by_label("Thuyết minh cấp độ theo tiêu chí").fill("Phục vụ nội bộ ngành y tế")
    page.get_by_role("button", name="Nộp").click()
    page.wait_for_url("**/an-toan-thong-tin/chu-quan/")
    assert "Thấp hơn tiêu chí" in page.content()
    dossier = LevelDossier.objects.get(system=w.centre)
    page.get_by_test_id("logout").click()

    sign_in(page, w.director.username)
    page.goto(f"/an-toan-thong-tin/ho-so-cap-do/{dossier.pk}/")
    assert "Art. 9(3)" in page.get_by_test_id("flag").inner_text()
    page.get_by_role("button", name="Tiếp nhận hồ sơ đầy đủ").click()
    page.wait_for_url(f"**/ho-so-cap-do/{dossier.pk}/")
    page.get_by_label("Ý kiến thẩm định").fill("Đề nghị xác định cấp độ 3 theo tiêu chí hạ tầng dùng chung.")
    page.get_by_role("button", name="Ghi nhận ý kiến thẩm định").click()
    page.wait_for_url(f"**/ho-so-cap-do/{dossier.pk}/")
    assert page.get_by_test_id("status").inner_text() == "Đã thẩm định, chờ phê duyệt"
    page.get_by_label("Số quyết định").fill("15/QĐ-STTTT")
    page.get_by_label("Cấp độ được phê duyệt").fill("3")
    page.get_by_role("button", name="Phê duyệt cấp độ").click()
    page.wait_for_url(f"**/ho-so-cap-do/{dossier.pk}/")
    assert "duyệt" in page.get_by_test_id("status").inner_text()  # "Approved" as the catalogues say it
    assert reload(w.centre).approved_level == 3
