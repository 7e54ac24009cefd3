"""A small Department (the shared test builder) with an applicant, the catalogue loaded for its agency, and
one helper that files a dossier the way every entry point does (`services.dossier_file`)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from stttt.procedures import services
from stttt.procedures.choices import Channel
from stttt.procedures.models import Procedure
from stttt.procedures.services import catalog_load
from stttt.testing.departments import START, SmallDepartment  # noqa: F401

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4 test document"


def at(year, month, day, hour=9, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


class Department(SmallDepartment):
    def __init__(self, prefix: str = "", **kwargs) -> None:
        super().__init__(prefix, **kwargs)
        self.deputy_staff = self.staff["PGD"]
        self.applicant = self.user("doanhnghiep", "Công ty A")


def documents(procedure, prefix="giay-to"):
    """A PDF for each required component of the procedure."""
    return [services.Upload(c, f"{prefix}-{c.pk}.pdf", PDF) for c in procedure.components.all() if c.required]


def file_dossier(procedure, actor, data, *, when=None, key=None, channel=Channel.ONLINE, particulars=None):
    """File a dossier with its required documents through the one filing service."""
    dossier, _created = services.dossier_file(
        procedure,
        actor=actor,
        channel=channel,
        data=data,
        uploads=documents(procedure),
        particulars=particulars,
        idempotency_key=key,
        now=when,
    )
    return dossier


@pytest.fixture
def dept(db):
    return Department()


@pytest.fixture
def catalog(dept):
    catalog_load(agency=dept.agency)
    return {p.code: p for p in Procedure.objects.filter(agency=dept.agency)}
