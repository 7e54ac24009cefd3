"""The Art. 4 rules read the parameters in force on the day they evaluate (issue 15): the demo amending
decision 999/2024 (fictional) raises 4.2.a's two-deputy threshold from 08 to 09 from 01/07/2024, so the
demo's Posts-Telecoms-IT division (08 civil servants, 02 deputies) is fine the day before and over its
deputies from that day on, the finding citing the amending decision."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from stttt.legal import demo as legal_demo
from stttt.legal.services import consolidation, document_import
from stttt.org import demo, rules, selectors

EFFECTIVE = datetime.date(2024, 7, 1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def amended_org(db):
    seed = document_import(legal_demo.seed_path().read_text(encoding="utf-8"), primary=True).document
    specs = consolidation.load_yaml(legal_demo.PARAMETERS)["parameters"]
    consolidation.parameters_define(specs, work_uri=seed.work_uri)
    demo.load(io.StringIO())
    return selectors.agency_get("STTTT-BP")


def _deputy_findings(agency, day):
    return [f for f in selectors.findings_at(agency, day) if f.code == "too_many_deputies"]


def test_a_finding_appears_from_the_effective_day_and_cites_the_amendment(amended_org):
    assert _deputy_findings(amended_org, EFFECTIVE) == []  # not imported yet: the text as first issued
    consolidation.amending_document_import(legal_demo.DEMO_AMENDMENT.read_text(encoding="utf-8"))
    assert _deputy_findings(amended_org, EFFECTIVE - DAY) == []
    for day in (EFFECTIVE, EFFECTIVE + DAY):
        (finding,) = _deputy_findings(amended_org, day)
        assert (finding.unit, finding.provision) == ("BCVTCNTT", "4.2.a")
        assert finding.amended_by == "Quyết định số 999/2024/QĐ-UBND"
        assert "8" in finding.message and "1" in finding.message


def test_org_check_cli_before_and_after(amended_org):
    consolidation.amending_document_import(legal_demo.DEMO_AMENDMENT.read_text(encoding="utf-8"))
    before, after = io.StringIO(), io.StringIO()
    call_command("org", "check", "--at", "2024-06-30", stdout=before)
    call_command("org", "check", "--at", "2024-07-01", stdout=after)
    assert "BCVTCNTT" not in before.getvalue()
    assert "BCVTCNTT" in after.getvalue() and "999/2024/QĐ-UBND" in after.getvalue()


def test_parameters_of_an_agency_without_regulation_are_the_original_numbers(db):
    demo.load_file(demo.DATA, io.StringIO())
    agency = selectors.agency_get("STTTT-BP")
    assert selectors.rule_parameters_at(agency, EFFECTIVE) == (dict(rules.ORIGINAL_PARAMETERS), {})


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (4, rules.Leadership(False, 0, 0)),
        (5, rules.Leadership(True, 1, 1)),
        (8, rules.Leadership(True, 1, 1)),
        (9, rules.Leadership(True, 1, 2)),
        (10, rules.Leadership(True, 1, 2)),
    ],
)
def test_division_leadership_with_the_amended_threshold(count, expected):
    amended = {**rules.ORIGINAL_PARAMETERS, "division-two-deputies-from": 9}
    assert rules.division_leadership(count, amended) == expected


@pytest.mark.parametrize(("count", "may_exist"), [(5, False), (6, True), (7, True)])
def test_division_minimum_read_from_the_parameters(count, may_exist):
    raised = {**rules.ORIGINAL_PARAMETERS, "division-min-civil-servants": 6}
    assert rules.division_leadership(count, raised).may_exist is may_exist


def test_findings_page_cites_the_amendment_from_its_effective_day(client, amended_org):
    from django.urls import reverse

    from stttt.accounts.models import User

    consolidation.amending_document_import(legal_demo.DEMO_AMENDMENT.read_text(encoding="utf-8"))
    client.force_login(User.objects.get(username="chuyenvien_ttbcxb"))
    before = client.get(reverse("org:findings"), {"at": "2024-06-30"}).content.decode()
    after = client.get(reverse("org:findings"), {"at": "2024-07-01"}).content.decode()
    assert 'data-testid="amended-by"' not in before
    assert 'data-testid="amended-by"' in after and "999/2024/QĐ-UBND" in after
