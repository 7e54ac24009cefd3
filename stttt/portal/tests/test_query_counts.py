"""Public pages and registers cost as many queries at 10 as at 1,000 records (issue 13)."""

import pytest
from django.urls import reverse

from stttt.licensing.kinds import KINDS
from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_public_pages_cost_the_same_at_10_and_1000_rows():
    registers = [(None, reverse("portal:register", args=[kind.slug])) for kind in list(KINDS.values())[:3]]
    assert_constant_queries(
        lambda d: [
            (None, reverse("portal:index")),
            (None, reverse("portal:catalog")),
            (None, reverse("portal:registers")),
            *registers,
            (None, reverse("portal:register", args=["danh-sach-3-8-c"])),
            (None, reverse("portal:figures")),
            (d.director, reverse("portal:ratings")),
            (d.citizen, reverse("portal:mine")),
        ]
    )
