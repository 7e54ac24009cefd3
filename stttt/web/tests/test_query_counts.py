"""Everyone's home page costs as many queries at 10 as at 1,000 records of each kind (issue 13)."""

import pytest

from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_home_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.director, "/"),
            (d.deputy, "/"),
            (d.desk, "/"),
            (d.head, "/"),
            (d.officer, "/"),
            (d.district_officer_a, "/"),
        ]
    )
