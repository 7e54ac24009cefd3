"""One search across every public register, grouped by register, diacritics ignored, finding a licence by
what its row shows: the address as amended, an organisation's enterprise code (issue 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stttt.licensing import services

pytestmark = pytest.mark.django_db


def _record(dept, kind, number, subject, **holder):
    data = {
        "holder_type": "organisation",
        "holder_name": "Công ty TNHH In Sao Mai",
        "holder_id_number": "3800111222",
        "holder_address": "1 Trần Hưng Đạo, Đồng Xoài",
        "number": number,
        "issued_on": timezone.localdate() - dt.timedelta(days=30),
        "district": dept.district_a.code,
        **holder,
    }
    return services.licence_record(kind, actor=dept.officer, data=data, subject=subject)


def test_one_box_searches_every_register_grouped_by_register(dept):
    printing = _record(
        dept, "printing", "01/GP-STTTT", {"facility_address": "Số 5 Lê Lợi, Đồng Xoài", "scope": "Sách, báo"}
    )
    copier = _record(
        dept,
        "photocopier",
        "02/XN-STTTT",
        {"facility_address": "Số 9 Phú Riềng Đỏ", "device_model": "Canon C3020", "serials": ["AB12"]},
    )
    person = _record(
        dept,
        "photocopier",
        "03/XN-STTTT",
        {"facility_address": "Ấp 3, Đồng Phú", "device_model": "Ricoh", "serials": ["ZZ9"]},
        holder_type="person",
        holder_name="Lê Văn Tư",
        holder_id_number="070190000999",
        holder_address="Ấp 3, Đồng Phú",
    )
    # the printing works moved: the register shows the new address from today
    services.licence_event_add(
        printing.pk,
        "amend",
        actor=dept.deputy,
        effective_on=timezone.localdate(),
        legal_basis="Nghị định 60/2014/NĐ-CP",
        changes={"facility_address": "Số 77 Hùng Vương, Đồng Xoài"},
    )
    client = Client()
    url = reverse("portal:register_search")
    assert url in client.get(reverse("portal:registers")).content.decode()  # the box on the registers page

    def hits(query: str) -> dict[str, str]:
        html = client.get(url, {"q": query}).content.decode()
        return {kind: html for kind in ("printing", "photocopier") if f'data-testid="hits-{kind}"' in html}

    by_company = client.get(url, {"q": "cong ty in sao mai"}).content.decode()  # no diacritics
    assert 'data-testid="hits-printing"' in by_company and 'data-testid="hits-photocopier"' in by_company
    assert f'data-testid="row-{printing.token}"' in by_company and f'data-testid="row-{copier.token}"' in by_company
    assert by_company.index('data-testid="hits-printing"') < by_company.index('data-testid="hits-photocopier"')

    assert set(hits("3800111222")) == {"printing", "photocopier"}  # the enterprise code shown in the row
    new_address = client.get(url, {"q": "77 hung vuong"}).content.decode()
    assert f'data-testid="row-{printing.token}"' in new_address
    old_address = client.get(url, {"q": "5 le loi"}).content.decode()
    assert f'data-testid="row-{printing.token}"' not in old_address and 'data-testid="no-hits"' in old_address
    # an individual's ID number and home address are not public, so they find nothing
    for private in ("070190000999",):
        assert f'data-testid="row-{person.token}"' not in client.get(url, {"q": private}).content.decode()
    assert f'data-testid="row-{person.token}"' in client.get(url, {"q": "ricoh"}).content.decode()
