"""Least privilege on dossiers (need to know): a staff member sees a dossier only through a relation to it
— the one-stop desk, the processing division, the assigned officer, a leader in charge, the Director; the
applicant sees their own. Other divisions' staff get 404 and do not see it in lists."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.org import services as org_services
from stttt.org.powers import forget_powers
from stttt.procedures import permissions, selectors

from .conftest import START, file_dossier


@pytest.fixture
def dossier(dept, catalog):
    procedure = next(p for p in catalog.values() if p.division_code == dept.division.code)
    return file_dossier(procedure, dept.applicant, {"applicant_name": "Nguyễn Văn Riêng"})


def _sees(user, dossier):
    forget_powers(user)
    listed = selectors.dossiers_visible_to(user).filter(pk=dossier.pk).exists()
    in_logbook = selectors.dossiers_of_agency(user).filter(pk=dossier.pk).exists()
    allowed = permissions.can_view(user, dossier)
    assert listed == allowed
    if in_logbook:
        assert listed
    return allowed


@pytest.mark.parametrize("who", ["desk", "head", "officer", "officer2", "deputy", "director", "applicant"])
def test_those_with_a_relation_see_it(dept, dossier, who):
    assert _sees(getattr(dept, who), dossier)


@pytest.mark.parametrize("who", ["outsider", "other_head", "deputy2", "citizen", "district_officer_a"])
def test_others_do_not(dept, dossier, who):
    assert not _sees(getattr(dept, who), dossier)


def test_other_divisions_get_404_and_an_empty_list(dept, dossier):
    client = Client()
    client.force_login(dept.outsider)
    assert client.get(reverse("procedures:dossier", args=[dossier.pk])).status_code == 404
    assert "Nguyễn Văn Riêng" not in client.get(reverse("procedures:dossiers")).content.decode()
    client.force_login(dept.officer)
    assert client.get(reverse("procedures:dossier", args=[dossier.pk])).status_code == 200


def test_the_assigned_officer_sees_it_whatever_their_unit(dept, dossier):
    dossier.assignee = dept.outsider  # e.g. an officer who has since moved to another division
    dossier.save(update_fields=["assignee"])
    assert _sees(dept.outsider, dossier)
    assert not _sees(dept.other_head, dossier)


def test_the_deputy_put_in_charge_of_the_division_sees_it(dept, dossier):
    assert not _sees(dept.deputy2, dossier)
    org_services.area_assign(dept.staff["PGD2"], unit=dept.division, start_on=START)
    assert _sees(dept.deputy2, dossier)


def test_the_deputy_acting_as_director_sees_it(dept, dossier):
    today = timezone.localdate()
    org_services.acting_appoint(dept.staff["PGD2"], dept.board, start_on=today, end_on=today)
    assert _sees(dept.deputy2, dossier)


def test_the_deputy_in_charge_of_the_empowering_duty_sees_it(dept, dossier):
    assert not _sees(dept.deputy2, dossier)
    duty = org_services.duty_save(
        dept.agency, citation=dossier.procedure.empowering_citation, title="Cấp phép", lead_unit=dept.division
    )
    org_services.area_assign(dept.staff["PGD2"], duty=duty, start_on=START)
    assert _sees(dept.deputy2, dossier)
