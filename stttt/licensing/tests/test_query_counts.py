"""Licensing pages cost as many queries at 10 as at 1,000 licences (issue 13)."""

import pytest
from django.urls import reverse

from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.director, reverse("licensing:index")),
            (d.head, reverse("licensing:index") + "?page=2"),
        ]
    )
