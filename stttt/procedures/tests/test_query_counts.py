"""Procedures pages cost as many queries at 10 as at 1,000 dossiers (issue 13)."""

import pytest
from django.urls import reverse

from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.desk, reverse("procedures:index")),
            (d.head, reverse("procedures:index")),
            (d.officer, reverse("procedures:index")),
            (d.deputy, reverse("procedures:index")),
            (d.director, reverse("procedures:index")),
            (d.director, reverse("procedures:dossiers")),
            (d.director, reverse("procedures:dossiers") + "?sort=due&page=2"),
            (d.desk, reverse("procedures:catalog")),
            (d.director, reverse("procedures:statistics")),
        ]
    )
