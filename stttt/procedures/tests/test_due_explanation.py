"""The dossier page explains how the appointment date was counted: a Sunday online filing."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from stttt.core.calendar import calendar
from stttt.procedures import rules
from stttt.procedures.services import dossier_transition

from .conftest import at, file_dossier


@pytest.mark.django_db
def test_rule_for_a_sunday_online_filing():
    cal = calendar()
    sunday = dt.datetime(2024, 10, 6, 20, 0)
    start = cal.counting_start(sunday, paper=False)
    assert start == dt.date(2024, 10, 7)
    due = rules.due_date(cal, start, 5, "working")
    assert due == dt.date(2024, 10, 14)  # 8, 9, 10, 11, 14 October
    text = " ".join(rules.due_date_explanation(cal, sunday, start, 5, "working days", due, paper=False))
    assert "06/10/2024" in text and "07/10/2024" in text and "08/10/2024" in text and "14/10/2024" in text
    assert "147" in text and "148" in text


@pytest.mark.django_db
def test_dossier_page_explains_the_count(dept, catalog):
    procedure = catalog["STTTT.PTTH.01"]
    d = file_dossier(procedure, dept.applicant, {"applicant_name": "Khách sạn Sao Mai"}, when=at(2024, 10, 6, 20))
    d = dossier_transition(d.pk, "receive", actor=dept.desk, now=at(2024, 10, 7, 8))
    client = Client()
    client.force_login(dept.desk)
    html = client.get(reverse("procedures:dossier", args=[d.pk])).content.decode()
    assert 'data-testid="due-explanation"' in html
    explanation = html.split('data-testid="due-explanation">')[1].split("</dd>")[0]
    assert "06/10/2024" in explanation and "07/10/2024" in explanation and "08/10/2024" in explanation
    assert d.statutory_due_date.strftime("%d/%m/%Y") in explanation
