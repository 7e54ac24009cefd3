"""A small Department whose Posts-Telecom-IT division leads the security duty (3.15.a), with owner bodies,
systems and an owner account; and a second agency beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from stttt.accounts.models import User
from stttt.cyber import services
from stttt.cyber.models import InfoSystem, Owner
from stttt.org.models import Duty
from stttt.testing.departments import PASSWORD, SmallDepartment


class World:
    def __init__(self, prefix: str = "") -> None:
        d = self.d = SmallDepartment(prefix, code="STTTT-C" if not prefix else "STTTT-C2")
        Duty.objects.create(agency=d.agency, citation="3.15.a", title="Đơn vị chuyên trách ATTT", lead_unit=d.other)
        self.security = d.outsider  # a member of the Posts-Telecom-IT division
        self.staff = d.officer  # staff of another division
        self.director = d.director
        self.health = services.owner_save(actor=d.director, agency=d.agency, code="soyte", name=f"{prefix}Sở Y tế")
        self.town = services.owner_save(actor=d.director, agency=d.agency, code="ubnd-tp", name=f"{prefix}UBND TP")
        self.mail = services.system_save(
            actor=d.director,
            owner=self.health,
            code="mail",
            name=f"{prefix}Thư điện tử Sở Y tế",
            private_or_personal=True,
            products="Microsoft Exchange Server 2016 CU23",
        )
        self.centre = services.system_save(
            actor=d.director,
            owner=self.health,
            code="ttdl",
            name=f"{prefix}Trung tâm dữ liệu ngành y tế",
            system_type="infrastructure",
            infra_scope="province",
        )
        self.portal = services.system_save(
            actor=d.director,
            owner=self.town,
            code="portal",
            name=f"{prefix}Cổng thông tin thành phố",
            system_type="citizen_service",
            online_service="basic",
            products="WordPress 6.4\nMicrosoft Exchange Server 2019",
        )
        self.account = User.objects.create_user(
            f"{prefix.lower()}donvi_yte", password=PASSWORD, full_name="Cán bộ Sở Y tế"
        )
        services.owner_account_link(self.health, actor=d.director, user=self.account)
        self.other_account = User.objects.create_user(
            f"{prefix.lower()}donvi_tp", password=PASSWORD, full_name="Cán bộ UBND TP"
        )
        services.owner_account_link(self.town, actor=d.director, user=self.other_account)


@pytest.fixture
def world(db) -> World:
    return World()


@pytest.fixture
def two(db) -> tuple[World, World]:
    return World(), World("B")


def day(n: int = 0) -> dt.date:
    from stttt.cyber.selectors import today

    return today() - dt.timedelta(days=n)


def reload(obj: Any) -> Any:
    return type(obj)._default_manager.get(pk=obj.pk)


__all__ = ["InfoSystem", "Owner", "World", "day", "reload"]
