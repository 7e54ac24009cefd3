"""Rules of Art. 4 and 5 at every boundary, without the database."""

import datetime

import pytest

from stttt.org import rules
from stttt.org.choices import AssignmentKind, Position, StaffCategory, UnitKind
from stttt.org.rules import Holding, OrgFacts, UnitFacts

DAY = datetime.date(2026, 1, 1)
CS, PE, CW = StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE, StaffCategory.CONTRACT_WORKER


def people(unit, count, category, *, deputies=0, head=True, prefix="X"):
    out = []
    for i in range(count):
        if i == 0 and head:
            position = Position.HEAD
        elif 0 < i <= deputies or (not head and i < deputies):
            position = Position.DEPUTY_HEAD
        else:
            position = Position.STAFF
        out.append(Holding(f"{prefix}{unit}{i}", f"Người {i}", category, unit, position))
    return out


def facts(units, holdings, cap=3, quotas=()):
    return OrgFacts(DAY, cap, tuple(units), tuple(holdings), tuple(quotas))


def codes(findings, provision=None):
    return sorted(f.code for f in findings if provision is None or f.provision == provision)


# 4.2.a -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, rules.Leadership(False, 0, 0)),
        (4, rules.Leadership(False, 0, 0)),
        (5, rules.Leadership(True, 1, 1)),
        (7, rules.Leadership(True, 1, 1)),
        (8, rules.Leadership(True, 1, 2)),
        (30, rules.Leadership(True, 1, 2)),
    ],
)
def test_4_2_a_division_leadership_by_civil_servants(count, expected):
    assert rules.division_leadership(count) == expected


@pytest.mark.parametrize(
    ("count", "deputies", "errors"),
    [
        (4, 0, ["division_too_small"]),
        (5, 1, []),
        (5, 2, ["too_many_deputies"]),
        (7, 1, []),
        (7, 2, ["too_many_deputies"]),
        (8, 2, []),
        (8, 3, ["too_many_deputies"]),
    ],
)
@pytest.mark.parametrize("kind", [UnitKind.DIVISION, UnitKind.OFFICE, UnitKind.INSPECTORATE])
def test_4_2_a_findings_at_the_boundaries(kind, count, deputies, errors):
    unit = UnitFacts("P", "Phòng", kind)
    found = rules.evaluate(facts([unit], people("P", count, CS, deputies=deputies)))
    assert codes([f for f in found if f.severity == "error"], "4.2.a") == errors


def test_4_2_a_contract_workers_and_public_employees_do_not_count():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    holdings = (
        people("P", 4, CS) + people("P", 3, CW, head=False, prefix="C") + people("P", 2, PE, head=False, prefix="V")
    )
    assert "division_too_small" in codes(rules.evaluate(facts([unit], holdings)))
    assert rules.headcount(holdings, "P", CS) == 4


def test_4_2_a_concurrent_and_acting_do_not_double_count():
    p1, p2 = UnitFacts("P1", "Phòng 1", UnitKind.DIVISION), UnitFacts("P2", "Phòng 2", UnitKind.DIVISION)
    holdings = people("P1", 5, CS, deputies=1) + people("P2", 4, CS, prefix="Y")
    # someone of P1 also serves in P2 concurrently; and a deputy of P2 acts as its head: still 4 in P2
    holdings.append(Holding("XP11", "Người 1", CS, "P2", Position.STAFF, AssignmentKind.CONCURRENT))
    holdings.append(Holding("YP21", "Người 1", CS, "P2", Position.HEAD, AssignmentKind.ACTING))
    assert rules.headcount(holdings, "P2", CS) == 4
    assert rules.headcount(holdings, "P1", CS) == 5
    found = rules.evaluate(facts([p1, p2], holdings))
    assert [f.unit for f in found if f.code == "division_too_small"] == ["P2"]


def test_concurrent_deputy_takes_a_deputy_post():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    holdings = people("P", 6, CS, deputies=1)
    holdings.append(Holding("Z", "Người Z", CS, "P", Position.DEPUTY_HEAD, AssignmentKind.CONCURRENT))
    assert "too_many_deputies" in codes(rules.evaluate(facts([unit], holdings)))


# 4.2.b -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (6, rules.Leadership(False, 0, 0)),
        (7, rules.Leadership(True, 1, 1)),
        (9, rules.Leadership(True, 1, 1)),
        (10, rules.Leadership(True, 1, 2)),
    ],
)
def test_4_2_b_centre_division_leadership_by_public_employees(count, expected):
    assert rules.centre_division_leadership(count) == expected


@pytest.mark.parametrize(
    ("count", "deputies", "errors"),
    [
        (6, 0, ["division_too_small"]),
        (7, 1, []),
        (7, 2, ["too_many_deputies"]),
        (9, 1, []),
        (9, 2, ["too_many_deputies"]),
        (10, 2, []),
        (10, 3, ["too_many_deputies"]),
    ],
)
def test_4_2_b_centre_division_findings_at_the_boundaries(count, deputies, errors):
    centre = UnitFacts("TT", "Trung tâm", UnitKind.PUBLIC_SERVICE_UNIT)
    division = UnitFacts("TT-A", "Phòng A", UnitKind.CENTRE_DIVISION, "TT")
    holdings = people("TT", 1, PE, prefix="G") + people("TT-A", count, PE, deputies=deputies)
    found = rules.evaluate(facts([centre, division], holdings))
    assert codes([f for f in found if f.severity == "error" and f.unit == "TT-A"], "4.2.b") == errors


def test_4_2_b_civil_servants_do_not_count_in_a_centre_division():
    division = UnitFacts("TT-A", "Phòng A", UnitKind.CENTRE_DIVISION, "TT")
    holdings = people("TT-A", 6, PE) + people("TT-A", 2, CS, head=False, prefix="C")
    assert "division_too_small" in codes(rules.evaluate(facts([division], holdings)))


@pytest.mark.parametrize(("deputies", "errors"), [(0, []), (2, []), (3, ["too_many_deputies"])])
def test_4_2_b_ict_centre_has_at_most_two_deputies(deputies, errors):
    centre = UnitFacts("TT", "Trung tâm", UnitKind.PUBLIC_SERVICE_UNIT)
    found = rules.evaluate(facts([centre], people("TT", 1 + deputies, PE, deputies=deputies)))
    assert codes([f for f in found if f.severity == "error"], "4.2.b") == errors


# 4.1.b -------------------------------------------------------------------------------------------------


def board(deputies):
    holdings = [Holding("GD", "Giám đốc", CS, "BGD", Position.DIRECTOR)]
    holdings += [Holding(f"P{i}", f"Phó {i}", CS, "BGD", Position.DEPUTY_DIRECTOR) for i in range(deputies)]
    return holdings


@pytest.mark.parametrize(
    ("deputies", "cap", "expected"),
    [(0, 0, True), (2, 3, True), (3, 3, True), (4, 3, False), (1, 0, False), (5, None, None)],
)
def test_4_1_b_deputy_directors_within_cap(deputies, cap, expected):
    assert rules.deputy_directors_within_cap(deputies, cap) is expected


@pytest.mark.parametrize(
    ("deputies", "cap", "errors", "warnings"),
    [
        (3, 3, [], []),
        (4, 3, ["deputy_directors_over_cap"], []),
        (2, 2, [], []),
        (3, 2, ["deputy_directors_over_cap"], []),
        (2, None, [], ["cap_unknown"]),
    ],
)
def test_4_1_b_findings_at_the_cap(deputies, cap, errors, warnings):
    unit = UnitFacts("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
    found = rules.evaluate(facts([unit], board(deputies), cap=cap))
    assert codes([f for f in found if f.severity == "error"], "4.1.b") == errors
    assert codes([f for f in found if f.severity == "warning"], "4.1.b") == warnings


def test_acting_deputy_director_does_not_count_against_the_cap_or_as_second_director():
    unit = UnitFacts("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
    holdings = [*board(3), Holding("P0", "Phó 0", CS, "BGD", Position.DIRECTOR, AssignmentKind.ACTING)]
    assert rules.evaluate(facts([unit], holdings, cap=3)) == []


# one head per unit, acting (5.2, 5.3) -----------------------------------------------------------------


def test_one_head_per_unit():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    holdings = [*people("P", 6, CS, deputies=1), Holding("Q", "Người Q", CS, "P", Position.HEAD)]
    assert "several_heads" in codes(rules.evaluate(facts([unit], holdings)))
    board_unit = UnitFacts("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
    two_directors = [*board(1), Holding("GD2", "Giám đốc 2", CS, "BGD", Position.DIRECTOR)]
    assert "several_heads" in codes(rules.evaluate(facts([board_unit], two_directors)))


def test_vacant_head_is_a_warning_unless_someone_acts():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    holdings = people("P", 6, CS, head=False, deputies=2)
    found = rules.evaluate(facts([unit], holdings))
    assert [f.severity for f in found if f.code == "head_vacant"] == ["warning"]
    holdings.append(Holding("XP0", "Người 0", CS, "P", Position.HEAD, AssignmentKind.ACTING))
    assert "head_vacant" not in codes(rules.evaluate(facts([unit], holdings)))


def test_5_2_only_a_deputy_director_may_act_as_director():
    unit = UnitFacts("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
    stranger = Holding("T", "Trưởng phòng", CS, "BGD", Position.DIRECTOR, AssignmentKind.ACTING)
    assert "acting_not_deputy" in codes(rules.evaluate(facts([unit], [*board(1), stranger])), "5.2")
    assert rules.may_act_as_director(board(1)[1:], "BGD")
    assert not rules.may_act_as_director([stranger], "BGD")


def test_5_3_acting_head_should_be_a_deputy_of_the_unit():
    assert rules.may_act_as_head([Holding("A", "A", CS, "P", Position.DEPUTY_HEAD)], "P")
    assert not rules.may_act_as_head([Holding("A", "A", CS, "Q", Position.DEPUTY_HEAD)], "P")
    assert not rules.may_act_as_head([Holding("A", "A", CS, "P", Position.STAFF)], "P")


def test_two_people_acting_in_one_post_is_an_error():
    unit = UnitFacts("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP)
    acting = [Holding(f"P{i}", f"Phó {i}", CS, "BGD", Position.DIRECTOR, AssignmentKind.ACTING) for i in range(2)]
    assert "several_acting" in codes(rules.evaluate(facts([unit], [*board(2), *acting])))


# 4.3.a quotas and positions ----------------------------------------------------------------------------


@pytest.mark.parametrize(("actual", "quota", "exceeded"), [(0, 0, False), (5, 5, False), (6, 5, True)])
def test_4_3_a_quota(actual, quota, exceeded):
    assert rules.quota_exceeded(actual, quota) is exceeded
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    q = rules.QuotaFacts("P", DAY.year, quota, 0)
    found = rules.evaluate(facts([unit], people("P", actual, CS), quotas=[q]))
    assert ("over_quota" in codes(found, "4.3.a")) is exceeded


def test_quota_of_another_year_is_not_applied():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    found = rules.evaluate(facts([unit], people("P", 6, CS), quotas=[rules.QuotaFacts("P", DAY.year - 1, 1, 0)]))
    assert "over_quota" not in codes(found)


def test_post_the_unit_does_not_have():
    unit = UnitFacts("P", "Phòng", UnitKind.DIVISION)
    holdings = [*people("P", 5, CS), Holding("D", "D", CS, "P", Position.DIRECTOR)]
    assert "position_not_in_unit" in codes(rules.evaluate(facts([unit], holdings)))
    assert rules.positions_allowed(UnitKind.LEADERSHIP) == {Position.DIRECTOR, Position.DEPUTY_DIRECTOR, Position.STAFF}


def test_diff_reports_added_and_cleared():
    a = rules.Finding("P", "4.2.a", "error", "x", "c")
    b = rules.Finding("Q", "4.2.a", "error", "y", "c")
    assert rules.diff([a], [b]) == ([b], [a])
