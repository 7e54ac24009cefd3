"""Work pages cost as many queries at 10 as at 1,000 tasks, reports and district requests (issue 13)."""

import pytest
from django.urls import reverse

from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    assert_constant_queries(
        lambda d: [
            (d.director, reverse("work:leadership")),
            (d.director, reverse("work:tasks")),
            (d.head, reverse("work:tasks")),
            (d.director, reverse("work:unit", args=[d.division.code])),
            (d.director, reverse("work:briefing")),
            (d.director, reverse("work:reports")),
            (d.director, reverse("work:district_requests")),
            (d.district_officer_a, reverse("work:district_requests")),
            (d.director, reverse("work:questions")),
            (d.director, reverse("work:coordinations")),
        ]
    )
