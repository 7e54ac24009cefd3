"""A leader's home draws each card's figures as a chart beside the numbers (issue 11): inline SVG with a
title and a description of the data, no script."""

from __future__ import annotations

import pytest

from stttt.web.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_leaders_home_charts_the_figures_of_a_card(world):
    html = client_for(world.director).get("/").content.decode()
    card = html.split('data-testid="figures-work"', 1)[1].split("</section>", 1)[0]
    svg = card[card.index("<svg") : card.index("</svg>") + 6]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<script" not in svg and "style=" not in svg
    assert "<desc" in svg and ": 1" in svg.split("<desc", 1)[1]  # the overdue task, in words


def test_staff_who_are_not_leaders_get_no_chart(world):
    html = client_for(world.officer).get("/").content.decode()
    assert 'class="chart"' not in html
