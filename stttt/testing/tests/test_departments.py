from stttt.org import powers
from stttt.testing.departments import SmallDepartment


def test_two_small_departments_live_side_by_side(db):
    a, b = SmallDepartment(), SmallDepartment("B-", code="STTTT-B", province="Thứ Hai")
    mine = powers.powers_of(a.director)
    theirs = powers.powers_of(b.director)
    assert mine.is_director and theirs.is_director
    assert mine.agency_id == a.agency.pk and theirs.agency_id == b.agency.pk
    officer = powers.powers_of(b.district_officer_a)
    assert officer.is_district_officer and officer.agency_id == b.agency.pk
    assert powers.agency_of(a.citizen) is None
    assert not powers.is_department_staff(a.citizen) and not powers.is_department_staff(a.district_officer_a)
    assert powers.is_department_staff(a.officer)


def test_home_figures_are_of_the_leaders_own_agency(db):
    from django.apps import apps

    from stttt.procedures.services import catalog_load

    a, b = SmallDepartment(), SmallDepartment("B-", code="STTTT-B", province="Thứ Hai")
    catalog_load(agency=a.agency)
    procedures = apps.get_app_config("procedures")
    mine = dict((str(label), value) for label, value in procedures.summary(a.director))
    theirs = dict((str(label), value) for label, value in procedures.summary(b.director))
    assert max(mine.values()) > 0 and set(theirs.values()) == {0}
    assert procedures.summary(a.citizen) == []
    for config in apps.get_app_configs():
        if hasattr(config, "summary") and config.label not in {"legal"}:
            assert config.summary(a.citizen) == [], config.label
