"""The contract other apps call: open_referral and referrals_for."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from stttt.inspection.models import Referral
from stttt.inspection.selectors import referrals_for
from stttt.inspection.services import open_referral

pytestmark = pytest.mark.django_db


def test_open_referral_keeps_the_source_and_is_found_from_it(dept):
    source = dept.staff["CV1"]  # any model instance of another app
    referral = open_referral(
        agency=dept.agency,
        source=source,
        summary="  Bài viết sai sự thật  ",
        provision="NĐ 119/2020 Điều 8",
        actor=dept.officer,
    )
    assert referral.status == "open"
    assert referral.summary == "Bài viết sai sự thật"
    assert referral.source_label == str(source)
    assert referral.source_app == "org"
    assert list(referrals_for(source)) == [referral]
    assert list(referrals_for(dept.staff["CV2"])) == []


def test_open_referral_refuses_bad_input_and_outsiders(dept, other_dept):
    source = dept.staff["CV1"]
    with pytest.raises(ValidationError):
        open_referral(agency=dept.agency, source=source, summary="   ", actor=dept.officer)
    with pytest.raises(PermissionDenied):
        open_referral(agency=dept.agency, source=source, summary="x", actor=other_dept.officer)
    with pytest.raises(PermissionDenied):
        open_referral(agency=dept.agency, source=source, summary="x", actor=dept.citizen)
    with pytest.raises(ValidationError):
        open_referral(agency=other_dept.agency, source=source, summary="x", actor=other_dept.officer)
    assert Referral.objects.count() == 0
