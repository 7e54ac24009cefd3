"""Who must use a second factor (stttt.org.mfa_policy; accounts asks through STTTT_MFA_POLICY)."""

import pytest
from django.contrib.auth.models import Permission

from stttt.accounts import mfa
from stttt.accounts.models import User
from stttt.testing.departments import SmallDepartment

pytestmark = pytest.mark.django_db


def test_leaders_admins_desk_and_personal_data_powers_need_mfa_others_do_not():
    dept = SmallDepartment()
    admin = User.objects.create_user("quantri", password="x", is_superuser=True)
    for user in (admin, dept.director, dept.deputy, dept.head, dept.other_head, dept.desk):
        assert mfa.required_for(user), user.username
    for user in (dept.officer, dept.outsider, dept.district_officer_a, dept.citizen):
        assert not mfa.required_for(user), user.username
    dept.officer.user_permissions.add(Permission.objects.get(codename="view_all_dossiers"))
    officer = User.objects.get(pk=dept.officer.pk)  # permissions are cached on the object
    assert mfa.required_for(officer)


def test_the_policy_is_a_setting(settings):
    dept = SmallDepartment()
    settings.STTTT_MFA_POLICY = ""
    assert not mfa.required_for(dept.director)  # without the organisation's policy: admins only
