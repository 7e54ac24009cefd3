"""The "History" page opens for whoever may see the record itself, and for nobody else (404)."""

import pytest
from django.apps import apps
from django.urls import reverse

from stttt.web import visibility
from stttt.web.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _url(obj):
    return reverse("web:history", args=[obj._meta.app_label, obj._meta.model_name, obj.pk])


def test_each_role_opens_the_history_of_what_it_sees_and_not_of_the_rest(world):
    cases = {
        # role: (a record it sees, a record it does not see)
        "director": (world.other_task, world.citizen),  # every task of the agency; not another person's account
        "head": (world.task, world.other_task),
        "officer": (world.task, world.other_task),
        "desk": (world.dossier, world.task),
        "district": (world.report_a, world.report_b),
        "citizen": (world.dossier, world.task),
    }
    for role, (seen, unseen) in cases.items():
        client = client_for(world.roles()[role])
        assert client.get(_url(seen)).status_code == 200, (role, seen)
        assert client.get(_url(unseen)).status_code == 404, (role, unseen)


def test_organisation_records_are_for_the_agency_staff(world):
    assert client_for(world.officer).get(_url(world.division)).status_code == 200
    assert client_for(world.citizen).get(_url(world.division)).status_code == 404
    assert client_for(world.district_officer_a).get(_url(world.division)).status_code == 404


def test_other_citizens_and_anonymous_visitors_do_not_see_a_dossier(world):
    assert client_for(world.other_citizen).get(_url(world.dossier)).status_code == 404
    assert client_for(None).get(_url(world.dossier)).status_code == 302  # asked to log in


def test_every_tracked_model_has_a_rule_and_one_without_is_closed(world, monkeypatch):
    missing = [
        m._meta.label_lower
        for m in apps.get_models()
        if hasattr(m, "history") and not m.__name__.startswith("Historical") and visibility.rule_for(m) is None
    ]
    assert missing == []
    client = client_for(world.director)
    assert client.get(_url(world.division)).status_code == 200
    monkeypatch.delitem(visibility.RULES, "org.unit")
    assert client.get(_url(world.division)).status_code == 404
    assert client.get(reverse("web:history", args=["procedures", "dossierstep", 1])).status_code == 404
