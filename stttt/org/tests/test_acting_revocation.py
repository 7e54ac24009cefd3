"""Revoking an acting appointment takes effect the same day; a cancelled future one never grants anything.

The end date of an assignment is the last day, inclusive; a revocation on day D ends it on D - 1."""

import datetime

from stttt.org import services
from stttt.org.models import Assignment
from stttt.org.powers import approvers_for, forget_powers, powers_of

ONE = datetime.timedelta(days=1)
START = datetime.date(2025, 3, 10)
END = datetime.date(2025, 3, 16)


def _powers(staff, day):
    forget_powers(staff.user)
    return powers_of(staff.user, day)


def test_revocation_takes_effect_on_its_day(org):
    acting = services.acting_appoint(org.deputy1, org.board, start_on=START, end_on=END)
    revoked_on = START + 2 * ONE
    assert _powers(org.deputy1, revoked_on).is_director
    services.acting_cancel(acting, on=revoked_on)
    assert _powers(org.deputy1, revoked_on - ONE).is_director  # the days before keep their effect
    assert not _powers(org.deputy1, revoked_on).is_director
    assert not _powers(org.deputy1, revoked_on + ONE).is_director
    assert approvers_for("BGD", revoked_on) == [org.director.user]
    acting.refresh_from_db()
    assert acting.end_on == revoked_on - ONE


def test_revocation_on_the_first_day_grants_nothing(org):
    acting = services.acting_appoint(org.div_deputy, org.division, start_on=START, end_on=END)
    assert "P1" in _powers(org.div_deputy, START).headed_unit_codes
    services.acting_cancel(acting, on=START)
    assert "P1" not in _powers(org.div_deputy, START).headed_unit_codes
    assert approvers_for("P1", START)[0] == org.div_head.user


def test_cancelling_a_future_appointment_never_grants_it(org):
    acting = services.acting_appoint(org.deputy1, org.board, start_on=START, end_on=END)
    pk = acting.pk
    services.acting_cancel(acting, on=START - 5 * ONE)
    for day in (START - ONE, START, START + ONE, END):
        assert not _powers(org.deputy1, day).is_director
        assert approvers_for("BGD", day) == [org.director.user]
    assert not Assignment.objects.filter(pk=pk).exists()
    assert Assignment.history.filter(id=pk, history_type="-").exists()  # the record is kept
