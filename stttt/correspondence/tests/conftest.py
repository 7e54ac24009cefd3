"""A small Department (Office, two divisions, Director, Deputies, heads, officers) and a second agency."""

from __future__ import annotations

import datetime as dt

import pytest

from stttt.correspondence import services
from stttt.testing.departments import SmallDepartment


@pytest.fixture
def dept(db):
    d = SmallDepartment()
    d.clerk = d.desk  # the Office's member is the clerical desk
    return d


@pytest.fixture
def other(db):
    d = SmallDepartment(prefix="X", code="STTTT-X", province="Khác")
    d.clerk = d.desk
    return d


def register(dept, **extra):
    values = dict(
        actor=dept.clerk,
        issuer="Ủy ban nhân dân tỉnh Thử Nghiệm",
        number_symbol="1520/UBND-KGVX",
        doc_date=dt.date(2026, 11, 20),
        summary="Về việc tăng cường quản lý thông tin trên mạng",
    )
    values.update(extra)
    return services.incoming_register(**values)
