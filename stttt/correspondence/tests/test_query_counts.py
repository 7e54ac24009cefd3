"""Correspondence lists cost as many queries at 10 as at 1,000 documents (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from stttt.correspondence.models import Delegation, Dossier, Incoming, Outgoing
from stttt.testing.querycounts import assert_constant_queries

pytestmark = pytest.mark.django_db

STATUSES = ("registered", "proposed", "routed", "assigned", "done")
OUT = ("draft", "submitted", "reviewed", "signed", "issued")


def write_rows(d, n: int) -> None:
    """n incoming documents (every state, some confidential, some overdue), n outgoing, n/10 dossiers, n/10
    delegations of signature (past, current and upcoming)."""
    now = timezone.now()
    today = timezone.localdate()
    base = Incoming.objects.filter(agency=d.agency).count()
    incoming = []
    for i in range(n):
        status = STATUSES[i % 5]
        routed = status in ("routed", "assigned", "done")
        incoming.append(
            Incoming(
                agency=d.agency,
                arrival_year=today.year,
                arrival_number=base + i + 1,
                received_at=now - dt.timedelta(hours=i),
                issuer="Ủy ban nhân dân tỉnh",
                number_symbol=f"{i}/UBND-VX",
                doc_date=today - dt.timedelta(days=i % 30),
                summary=f"Về việc số {i}",
                secrecy="mat" if i % 17 == 0 else "",
                duplicate_key=f"k{base + i}",
                status=status,
                registered_by=d.desk,
                lead_unit=(d.division if i % 2 else d.other) if routed else None,
                officer=d.officer if status == "assigned" else None,
                deadline=today + dt.timedelta(days=(i % 11) - 5) if routed else None,
                search_text=f"ve viec so {i}",
            )
        )
    Incoming.objects.bulk_create(incoming)
    outgoing = []
    for i in range(n):
        status = OUT[i % 5]
        issued = status == "issued"
        outgoing.append(
            Outgoing(
                agency=d.agency,
                summary=f"V/v trả lời số {i}",
                drafting_unit=d.division if i % 2 else d.other,
                drafter=d.officer,
                status=status,
                recipients_text="UBND tỉnh",
                register="outgoing" if issued else "",
                year=today.year if issued else None,
                number=(Outgoing.objects.filter(agency=d.agency).count() + i + 1) if issued else None,
                number_symbol=f"{i}/STTTT-TTBCXB" if issued else "",
                issued_on=today - dt.timedelta(days=i % 300) if issued else None,
                signer_name="Cán bộ GD" if status in ("signed", "issued") else "",
                search_text=f"v/v tra loi so {i}",
            )
        )
    Outgoing.objects.bulk_create(outgoing)
    Dossier.objects.bulk_create(
        [
            Dossier(agency=d.agency, kind="plan", title=f"Dự thảo {i}", lead_unit=d.division, deadline=today)
            for i in range(max(1, n // 10))
        ]
    )
    Delegation.objects.bulk_create(
        [
            Delegation(
                agency=d.agency,
                unit=d.division if i % 2 else d.office,
                kind="tuq" if i % 3 == 0 else "tl",
                doc_types=["GM", "TB"] if i % 2 else ["CV"],
                start_on=today + dt.timedelta(days=30 * (i - n // 20)),
                end_on=today + dt.timedelta(days=30 * (i - n // 20) + 29),
                basis=f"Quyết định số {i}/QĐ-STTTT",
            )
            for i in range(max(1, n // 10))
        ]
    )


def test_list_pages_cost_the_same_at_10_and_1000_rows():
    index = reverse("correspondence:index")
    outgoing = reverse("correspondence:outgoing_list")
    assert_constant_queries(
        lambda d: [
            (d.director, index),
            (d.director, index + "?box=overdue"),
            (d.desk, index + "?box=register"),
            (d.deputy, index + "?box=route"),
            (d.head, index + "?box=unit"),
            (d.officer, index + "?box=mine"),
            (d.director, outgoing),
            (d.officer, outgoing + "?box=drafts"),
            (d.head, outgoing + "?box=review"),
            (d.desk, outgoing + "?box=issue"),
            (d.director, reverse("correspondence:dossiers")),
            (d.director, reverse("correspondence:figures")),
            (d.director, reverse("correspondence:delegations")),
            (d.desk, reverse("correspondence:delegations")),
        ],
        rows=write_rows,
    )
