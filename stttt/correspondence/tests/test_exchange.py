"""An issued document exported (JSON, edXML) imports as an incoming document of another agency with the
same particulars and files; hostile or broken files are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from stttt.correspondence import exchange, services

pytestmark = pytest.mark.django_db


def _issued(dept):
    doc = services.outgoing_create(
        actor=dept.officer,
        drafting_unit=dept.division,
        summary="V/v phối hợp",
        body="Nội dung.",
        recipients=["Sở Khác"],
        urgency="khan",
    )
    services.outgoing_submit(doc, actor=dept.officer)
    services.outgoing_sign(doc, actor=dept.deputy)
    return services.outgoing_issue(doc, actor=dept.clerk)


@pytest.mark.parametrize("form", ["json", "edxml"])
def test_round_trip(dept, other, form):
    sent = _issued(dept)
    item = exchange.of_outgoing(sent)
    data = exchange.to_json(item) if form == "json" else exchange.to_edxml(item)
    again = exchange.read(data)
    assert (again.number_symbol, again.summary, again.urgency, again.date) == (
        sent.number_symbol,
        sent.summary,
        "khan",
        sent.issued_on,
    )
    assert again.signer["authority"] == "KT. GIÁM ĐỐC" and again.files[0][1] == item.files[0][1]
    received = services.incoming_import(actor=other.clerk, content=data, name=f"x.{form}")
    assert received.issuer == dept.agency.name and received.number_symbol == sent.number_symbol
    assert received.channel == "platform" and received.files.count() == 1
    assert received.doc_date == sent.issued_on


@pytest.mark.parametrize(
    "content",
    [
        b"not a document",
        b"{}",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
        b"<x/>",
        b'{"format": "stttt.correspondence/1", '
        b'"document": {"issuer": "A", "number_symbol": "1/A", "date": "x", "summary": "s"}}',
    ],
)
def test_bad_files_are_refused(dept, content):
    with pytest.raises(ValidationError):
        services.incoming_import(actor=dept.clerk, content=content, name="x")


def test_import_refuses_a_damaged_attachment_type(dept):
    data = exchange.to_json(
        exchange.Exchanged(
            issuer="A", number_symbol="1/A", date=dt.date(2026, 1, 2), summary="s", files=[("virus.exe", b"MZ...")]
        )
    )
    with pytest.raises(ValidationError):
        services.incoming_import(actor=dept.clerk, content=data, name="x.json")
