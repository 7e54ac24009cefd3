"""Powers come from assignments; acting appointments move the Director's and heads' business (5.2, 5.3)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from stttt.org import services
from stttt.org.powers import approvers_for, leader_in_charge, powers_of

WEEK_START = datetime.date(2025, 3, 10)
WEEK_END = datetime.date(2025, 3, 16)


def test_director_and_deputy_powers(org):
    day = datetime.date(2025, 1, 2)
    director = powers_of(org.director.user, day)
    assert director.is_director and not director.is_deputy_director
    assert director.headed_unit_codes == {"BGD"}
    deputy = powers_of(org.deputy1.user, day)
    assert deputy.is_deputy_director and not deputy.is_director
    head = powers_of(org.div_head.user, day)
    assert head.headed_unit_codes == {"P1"} and head.unit_codes == {"P1"}
    assert powers_of(None, day).staff is None


def test_deputy_acting_director_receives_directors_approvals_only_that_week(org):
    services.acting_appoint(org.deputy1, org.board, start_on=WEEK_START, end_on=WEEK_END)
    before, first, last, after = (
        WEEK_START - datetime.timedelta(days=1),
        WEEK_START,
        WEEK_END,
        WEEK_END + datetime.timedelta(days=1),
    )
    assert approvers_for("BGD", before) == [org.director.user]
    assert approvers_for("BGD", first) == [org.deputy1.user]
    assert approvers_for("BGD", last) == [org.deputy1.user]
    assert approvers_for("BGD", after) == [org.director.user]
    assert powers_of(org.deputy1.user, first).is_director
    assert powers_of(org.deputy1.user, first).is_acting_director
    assert not powers_of(org.deputy1.user, after).is_director
    assert leader_in_charge("P1", first) == org.deputy1.user
    assert leader_in_charge("P1", after) == org.director.user


def test_deputy_in_charge_of_unit(org):
    services.area_assign(org.deputy2, unit=org.division, start_on=datetime.date(2024, 6, 1))
    assert leader_in_charge("P1", datetime.date(2025, 1, 1)) == org.deputy2.user
    assert leader_in_charge("P1", datetime.date(2024, 5, 31)) == org.director.user
    assert approvers_for("P1", datetime.date(2025, 1, 1)) == [org.div_head.user, org.deputy2.user, org.director.user]
    assert powers_of(org.deputy2.user, datetime.date(2025, 1, 1)).units_in_charge == {"P1"}


def test_deputy_head_acting_for_head(org):
    services.acting_appoint(org.div_deputy, org.division, start_on=WEEK_START, end_on=WEEK_END)
    assert approvers_for("P1", WEEK_START)[0] == org.div_deputy.user
    assert approvers_for("P1", WEEK_END + datetime.timedelta(days=1))[0] == org.div_head.user
    assert "P1" in powers_of(org.div_deputy.user, WEEK_START).headed_unit_codes
    assert "P1" not in powers_of(org.div_deputy.user, WEEK_END + datetime.timedelta(days=1)).headed_unit_codes


def test_only_deputies_may_act(org):
    with pytest.raises(ValidationError):
        services.acting_appoint(org.div_head, org.board, start_on=WEEK_START, end_on=WEEK_END)
    with pytest.raises(ValidationError):
        services.acting_appoint(org.office_deputy, org.division, start_on=WEEK_START, end_on=WEEK_END)
    services.acting_appoint(org.deputy1, org.board, start_on=WEEK_START, end_on=WEEK_END)
    with pytest.raises(ValidationError):
        services.acting_appoint(org.deputy2, org.board, start_on=WEEK_END, end_on=WEEK_END)


def test_demo_deputy_acting_director_for_a_week(db):
    """The demo's phogiamdoc1 acts for the Director from 07/12/2026 to 13/12/2026 (5.2)."""
    import io

    from stttt.accounts.models import User
    from stttt.org import demo

    demo.load(io.StringIO())
    director, deputy = User.objects.get(username="giamdoc"), User.objects.get(username="phogiamdoc1")
    week = [datetime.date(2026, 12, 7) + datetime.timedelta(days=i) for i in range(7)]
    for day in week:
        assert approvers_for("BGD", day) == [deputy]
        assert approvers_for("VP", day)[-1] == deputy
    for day in (datetime.date(2026, 12, 6), datetime.date(2026, 12, 14)):
        assert approvers_for("BGD", day) == [director]
        assert approvers_for("VP", day)[-1] == director
        assert not powers_of(deputy, day).is_director


def test_leader_in_charge_of_finer_and_coarser_citations(org):
    from stttt.org.models import Duty
    from stttt.org.selectors import OrgNotFound

    day = datetime.date(2025, 1, 2)
    for citation in ("3.8.a", "3.8.b"):
        duty = services.duty_save(org.agency, citation=citation, title=citation, lead_unit=org.division)
        services.area_assign(org.deputy2, duty=duty, start_on=datetime.date(2024, 1, 1))
    services.duty_save(org.agency, citation="3.9.a", title="x", lead_unit=org.office)
    assert leader_in_charge("3.8.a", day) == org.deputy2.user
    assert leader_in_charge("3.8.a.1", day) == org.deputy2.user
    assert leader_in_charge("3.8", day) == org.deputy2.user
    assert leader_in_charge("3.9.a", day) == org.director.user
    for unknown in ("3.99", "3.8.dd"):
        with pytest.raises(OrgNotFound):
            leader_in_charge(unknown, day)
    assert Duty.objects.count() == 3
