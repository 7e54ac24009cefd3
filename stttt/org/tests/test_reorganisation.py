"""Reorganisations are dated events; the organisation can be read as of any date and history stays."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from stttt.org import selectors, services
from stttt.org.choices import Position, ReorgKind, StaffCategory, UnitKind
from stttt.org.models import Assignment, ReorgEvent, UnitFunction

ON = datetime.date(2025, 7, 1)
BEFORE = ON - datetime.timedelta(days=1)


def alive(org, day):
    return set(selectors.units_at(org.agency, day).values_list("code", flat=True))


def test_rename_keeps_the_old_name_for_earlier_dates(org):
    services.unit_rename(org.division, name="Phòng Mới", on=ON)
    assert selectors.unit_name_at(org.division, BEFORE) == "Phòng Một"
    assert selectors.unit_name_at(org.division, ON) == "Phòng Mới"
    names = {u.code: u.name for u in selectors.snapshot_at(org.agency, BEFORE).units}
    assert names["P1"] == "Phòng Một"
    assert ReorgEvent.objects.get(kind=ReorgKind.RENAME).old_name == "Phòng Một"


def test_merge_moves_people_and_ends_old_units(org):
    services.units_merge([org.office, org.division], code="VP2", name="Văn phòng mới", on=ON)
    assert {"VP", "P1"} <= alive(org, BEFORE) and "VP2" not in alive(org, BEFORE)
    assert not {"VP", "P1"} & alive(org, ON) and "VP2" in alive(org, ON)
    head = org.div_head
    old = Assignment.objects.get(staff=head, unit__code="P1")
    assert old.end_on == BEFORE
    assert Assignment.objects.get(staff=head, unit__code="VP2").start_on == ON
    # the merged unit now has two heads: the check says so
    assert any(f.code == "several_heads" and f.unit == "VP2" for f in selectors.findings_at(org.agency, ON))
    assert not any(f.unit == "VP2" for f in selectors.findings_at(org.agency, BEFORE))


def test_split_and_dissolve(org):
    staff_codes = list(Assignment.objects.filter(unit=org.division).values_list("staff__code", flat=True))
    moves = {code: ("P1A" if i % 2 else "P1B") for i, code in enumerate(staff_codes)}
    services.unit_split(
        org.division,
        parts=[{"code": "P1A", "name": "Phòng 1A"}, {"code": "P1B", "name": "Phòng 1B"}],
        moves=moves,
        on=ON,
    )
    assert "P1" in alive(org, BEFORE) and "P1" not in alive(org, ON)
    assert {"P1A", "P1B"} <= alive(org, ON)
    assert Assignment.objects.filter(unit__code="P1").count() == len(staff_codes)  # history kept
    with pytest.raises(ValidationError):
        services.unit_dissolve(org.office, on=ON)  # people still there
    for a in Assignment.objects.filter(unit=org.office):
        services.assignment_end(a, on=BEFORE)
    services.unit_dissolve(org.office, on=ON)
    assert "VP" in alive(org, BEFORE) and "VP" not in alive(org, ON)


def test_split_without_moving_everyone_is_refused_and_changes_nothing(org):
    with pytest.raises(ValidationError):
        services.unit_split(org.division, parts=[{"code": "P1A", "name": "Phòng 1A"}], moves={}, on=ON)
    assert "P1A" not in alive(org, ON)


def test_function_transfer(org):
    function = services.function_add(org.centre, title="Công báo", valid_from=datetime.date(2010, 1, 1))
    services.function_transfer(function, on=ON, to_external="Văn phòng UBND tỉnh")
    function.refresh_from_db()
    assert function.valid_to == BEFORE
    services.function_add(org.centre, title="Số hóa", valid_from=datetime.date(2010, 1, 1))
    moved = UnitFunction.objects.get(title="Số hóa")
    services.function_transfer(moved, on=ON, to_unit=org.division)
    assert UnitFunction.objects.get(title="Số hóa", unit=org.division).valid_from == ON


def test_reassign_ends_the_old_post(org):
    person = org.people["P13"]
    services.staff_reassign(person, org.office, position=Position.STAFF, on=ON)
    posts = list(Assignment.objects.filter(staff=person).order_by("start_on"))
    assert [(p.unit.code, p.end_on) for p in posts] == [("P1", BEFORE), ("VP", None)]
    with pytest.raises(ValidationError):
        services.assignment_create(person, org.division, position=Position.STAFF, start_on=ON)


def test_unit_establish_checks_parent(org):
    with pytest.raises(ValidationError):
        services.unit_establish(org.agency, code="X", name="X", kind=UnitKind.CENTRE_DIVISION, on=ON)
    with pytest.raises(ValidationError):
        services.unit_establish(org.agency, code="Y", name="Y", kind=UnitKind.DIVISION, parent=org.division, on=ON)


def test_changes_are_audited_with_the_actor(org, django_user_model):
    actor = django_user_model.objects.create_user("hr", password="x-Secret-123")
    person = services.staff_save(
        org.agency, code="N1", full_name="Người Mới", category=StaffCategory.CIVIL_SERVANT, actor=actor
    )
    assignment = services.assignment_create(person, org.office, position=Position.STAFF, start_on=ON, actor=actor)
    assert assignment.history.first().history_user == actor
    assert person.history.first().history_user == actor
