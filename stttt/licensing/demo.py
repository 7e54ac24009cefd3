"""Demo registers of Bình Phước: licences of every kind, some suspended, revoked or expired, recorded through
the services by the demo staff of `org` (the leaders decide suspensions and revocations), in the register of
the Bình Phước agency (the agency of the demo staff). The division that processes the kinds no procedure
produces is data (`KindDivision`). Idempotent: a licence is recorded once, by its issuer and number."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from stttt.core.demo import DemoLogin, ensure
from stttt.licensing import services
from stttt.licensing.models import KindDivision, Licence
from stttt.org import powers
from stttt.org.selectors import districts_of

STAFF_USER, LEADER_USER = "chuyenvien_bcvtcntt", "giamdoc"
DEPT = "department"
LOC_NINH, DONG_XOAI = "UBND huyện Lộc Ninh", "UBND thành phố Đồng Xoài"

# (kind, number or "" for the Department's next, holder, holder type, identifier, district, subject,
#  issuer, issuer name, years ago issued, events [(type, days ago, extra)])
ORG, PERSON = "organisation", "person"
LICENCES: list[tuple[Any, ...]] = [
    (
        "website",
        "",
        "Công ty CP Truyền thông Sông Bé",
        ORG,
        "3801100201",
        "dong-xoai",
        {"domain": "songbe24h.vn", "content_scope": "Tin tổng hợp từ báo chí trong tỉnh"},
        DEPT,
        "",
        2,
        [],
    ),
    (
        "website",
        "",
        "Công ty TNHH Du lịch Bà Rá",
        ORG,
        "3801100202",
        "phuoc-long",
        {"domain": "dulichbara.vn", "content_scope": "Tin du lịch, văn hóa"},
        DEPT,
        "",
        4,
        [("suspend", 10, 20)],
    ),
    (
        "website",
        "",
        "Công ty CP Nông sản Bình Phước",
        ORG,
        "3801100203",
        "dong-phu",
        {"domain": "nongsanbinhphuoc.com.vn", "content_scope": "Tin nông nghiệp"},
        DEPT,
        "",
        6,
        [],
    ),
    (
        "website",
        "",
        "Công ty TNHH Điều Việt",
        ORG,
        "3801100204",
        "bu-dang",
        {"domain": "dieuviet.vn", "content_scope": "Tin ngành điều"},
        DEPT,
        "",
        3,
        [("revoke", 40, None)],
    ),
    (
        "postal",
        "",
        "Công ty TNHH Chuyển phát nhanh Bình Long",
        ORG,
        "3801100301",
        "binh-long",
        {"service_scope": "Dịch vụ thư có địa chỉ nhận đến 2 kg", "area": "Nội tỉnh Bình Phước"},
        DEPT,
        "",
        3,
        [],
    ),
    (
        "postal",
        "",
        "Công ty CP Bưu chính Lộc Ninh",
        ORG,
        "3801100302",
        "loc-ninh",
        {"service_scope": "Dịch vụ thư, bưu phẩm", "area": "Nội tỉnh Bình Phước"},
        DEPT,
        "",
        11,
        [],
    ),
    (
        "postal_notice",
        "",
        "Chi nhánh Công ty Giao hàng Miền Đông",
        ORG,
        "0312345678-001",
        "dong-xoai",
        {"activity": "Chi nhánh cung ứng dịch vụ bưu chính", "area": "Tỉnh Bình Phước"},
        DEPT,
        "",
        1,
        [],
    ),
    (
        "printing",
        "",
        "Công ty TNHH In Bình Phước",
        ORG,
        "3801100401",
        "dong-xoai",
        {
            "facility_address": "Khu công nghiệp Đồng Xoài I",
            "scope": "In sách, báo, tạp chí",
            "equipment": ["Máy in offset Heidelberg SM 74"],
        },
        DEPT,
        "",
        5,
        [],
    ),
    (
        "printing",
        "",
        "Cơ sở in Minh Phát",
        ORG,
        "3801100402",
        "chon-thanh",
        {"facility_address": "Quốc lộ 13, Chơn Thành", "scope": "In bao bì, nhãn hàng"},
        DEPT,
        "",
        2,
        [("amend", 100, {"facility_address": "Khu công nghiệp Minh Hưng III, Chơn Thành"})],
    ),
    (
        "printing_registration",
        "",
        "Cơ sở in Hoa Mai",
        ORG,
        "3801100403",
        "hon-quan",
        {"facility_address": "Thị trấn Tân Khai, Hớn Quản", "scope": "In biểu mẫu, danh thiếp"},
        DEPT,
        "",
        1,
        [],
    ),
    (
        "printing_registration",
        "",
        "Cơ sở in Thành Công",
        ORG,
        "3801100404",
        "bu-gia-map",
        {"facility_address": "Xã Phú Nghĩa, Bù Gia Mập", "scope": "In biểu mẫu"},
        DEPT,
        "",
        3,
        [("revoke", 200, None)],
    ),
    (
        "photocopier",
        "",
        "Công ty TNHH Văn phòng phẩm Đồng Xoài",
        ORG,
        "3801100501",
        "dong-xoai",
        {
            "facility_address": "15 Phú Riềng Đỏ, Đồng Xoài",
            "device_model": "Ricoh MP C3004",
            "serials": ["E174M123456", "E174M123457"],
        },
        DEPT,
        "",
        1,
        [],
    ),
    (
        "photocopier",
        "",
        "Nguyễn Văn Hòa",
        PERSON,
        "070085001234",
        "phu-rieng",
        {"facility_address": "Chợ Phú Riềng, ki-ốt 12", "device_model": "Canon iR-ADV C3520", "serials": ["2KL01234"]},
        DEPT,
        "",
        2,
        [],
    ),
    (
        "non_business_publication",
        "",
        "Hội Nông dân tỉnh Bình Phước",
        ORG,
        "",
        "dong-xoai",
        {"title": "Sổ tay kỹ thuật trồng tiêu bền vững", "copies": 2000, "printer": "Công ty TNHH In Bình Phước"},
        DEPT,
        "",
        1,
        [],
    ),
    (
        "non_business_publication",
        "",
        "Bảo tàng tỉnh Bình Phước",
        ORG,
        "",
        "dong-xoai",
        {"title": "Kỷ yếu 50 năm Chiến thắng Phước Long", "copies": 500},
        DEPT,
        "",
        2,
        [],
    ),
    (
        "publication_import",
        "",
        "Thư viện tỉnh Bình Phước",
        ORG,
        "",
        "dong-xoai",
        {"titles": ["Encyclopaedia of Southeast Asia (5 vols)"], "origin": "Singapore", "quantity": 5},
        DEPT,
        "",
        2,
        [],
    ),
    (
        "exhibition",
        "",
        "Công ty Phát hành sách Đồng Phú",
        ORG,
        "3801100601",
        "dong-phu",
        {
            "event_name": "Hội sách Đồng Phú",
            "venue": "Nhà văn hóa huyện Đồng Phú",
            "start": "2025-04-19",
            "end": "2025-04-23",
        },
        DEPT,
        "",
        1,
        [("expire", 200, None)],
    ),
    (
        "distribution",
        "",
        "Nhà sách Phước Long",
        ORG,
        "3801100701",
        "phuoc-long",
        {"facility_address": "12 Đường 6/1, Phước Long", "outlets": ["Nhà sách Phước Long"]},
        DEPT,
        "",
        3,
        [],
    ),
    (
        "distribution",
        "",
        "Công ty CP Sách và Thiết bị Bình Phước",
        ORG,
        "3801100702",
        "dong-xoai",
        {"facility_address": "Quốc lộ 14, Đồng Xoài", "outlets": ["Đồng Xoài", "Bình Long", "Bù Đăng"]},
        DEPT,
        "",
        7,
        [],
    ),
    (
        "satellite_tv",
        "",
        "Khách sạn Sao Mai",
        ORG,
        "3801100801",
        "dong-xoai",
        {"facility_address": "Đường Hùng Vương, Đồng Xoài", "channels": ["CNN", "BBC World News", "NHK World"]},
        DEPT,
        "",
        6,
        [],
    ),
    (
        "satellite_tv",
        "",
        "Khách sạn Bình Long",
        ORG,
        "3801100802",
        "binh-long",
        {"facility_address": "Thị xã Bình Long", "channels": ["CNN", "Australia Plus"]},
        DEPT,
        "",
        3,
        [("extend", 30, 2)],
    ),
    (
        "bulletin",
        "12/GP-UBND",
        "Trường Cao đẳng Bình Phước",
        ORG,
        "",
        "dong-xoai",
        {"name": "Bản tin Cao đẳng Bình Phước", "periodicity": "03 tháng/kỳ", "responsible_person": "Hiệu trưởng"},
        "province",
        "UBND tỉnh Bình Phước",
        2,
        [],
    ),
    (
        "bulletin",
        "05/GP-UBND",
        "Hội Doanh nghiệp tỉnh Bình Phước",
        ORG,
        "",
        "dong-xoai",
        {"name": "Bản tin Doanh nghiệp Bình Phước", "periodicity": "01 tháng/kỳ", "responsible_person": "Chủ tịch Hội"},
        "province",
        "UBND tỉnh Bình Phước",
        0,
        [],
    ),
    (
        "online_game",
        "312/QĐ-BTTTT",
        "Công ty CP VNG",
        ORG,
        "0303490096",
        "",
        {"game_name": "Võ Lâm Truyền Kỳ", "publisher": "Công ty CP VNG", "age_rating": "18+"},
        "ministry",
        "Bộ Thông tin và Truyền thông",
        4,
        [],
    ),
    (
        "online_game",
        "845/QĐ-BTTTT",
        "Công ty CP Funtap",
        ORG,
        "0106797101",
        "",
        {"game_name": "Chiến Thần Lữ Bố", "publisher": "Công ty CP Funtap", "age_rating": "12+"},
        "ministry",
        "Bộ Thông tin và Truyền thông",
        3,
        [("revoke", 90, None)],
    ),
    (
        "online_game",
        "120/QĐ-BTTTT",
        "Công ty TNHH Gamota",
        ORG,
        "0108080808",
        "",
        {"game_name": "Tam Quốc Truyện Kỳ", "publisher": "Công ty TNHH Gamota", "age_rating": "16+"},
        "ministry",
        "Bộ Thông tin và Truyền thông",
        1,
        [],
    ),
]
GAME_POINTS = [
    ("Điểm trò chơi Hòa Bình", "Trần Thị Bình", "loc-ninh", LOC_NINH, []),
    ("Net Cường", "Lê Văn Cường", "dong-xoai", DONG_XOAI, [("revoke", 60, None)]),
    ("Cyber Thành Tâm", "Phạm Thành Tâm", "chon-thanh", "UBND thị xã Chơn Thành", []),
    ("Game Center Tân Phú", "Võ Thị Hạnh", "dong-xoai", DONG_XOAI, [("suspend", 5, 60)]),
    ("Điểm game An Lộc", "Đỗ Minh Trí", "binh-long", "UBND thị xã Bình Long", []),
    ("Net Phước Bình", "Huỳnh Văn Lộc", "phuoc-long", "UBND thị xã Phước Long", []),
    ("Internet Đức Liễu", "Nguyễn Thị Mai", "bu-dang", "UBND huyện Bù Đăng", [("revoke", 300, None)]),
    ("Game Thanh Hòa", "Trịnh Văn Nam", "bu-dop", "UBND huyện Bù Đốp", []),
    ("Điểm game Đa Kia", "Lý Thị Thu", "bu-gia-map", "UBND huyện Bù Gia Mập", []),
    ("Net Tân Lập", "Cao Văn Sơn", "dong-phu", "UBND huyện Đồng Phú", []),
    ("Game Tân Khai", "Phan Thị Lan", "hon-quan", "UBND huyện Hớn Quản", []),
    ("Net Lộc Thái", "Đặng Văn Hùng", "loc-ninh", LOC_NINH, []),
    ("Cyber Bù Nho", "Mai Thị Hoa", "phu-rieng", "UBND huyện Phú Riềng", []),
    ("Game Tiến Thành", "Bùi Văn Tài", "dong-xoai", DONG_XOAI, []),
]


# Kinds of licence no procedure of the Bình Phước catalogue produces, and the division that processes them
# (video games, 3.8.c: the Post, Telecommunications and IT division).
KIND_DIVISIONS = {"game_point": "BCVTCNTT", "online_game": "BCVTCNTT"}

# Holders whose licence ends soon, so that `stttt licensing warn-expiring` has something to send.
EXPIRING_SOON = {"Khách sạn Sao Mai": 25, "Cao Văn Sơn": 50, "Công ty TNHH Chuyển phát nhanh Bình Long": 6}


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _event(licence: Licence, event: tuple[str, int, Any], leader: Any, staff: Any, today: dt.date) -> None:
    kind, days_ago, extra = event
    effective = max(today - dt.timedelta(days=days_ago), licence.issued_on)
    kwargs: dict[str, Any] = {
        "effective_on": effective,
        "decision_date": effective,
        "legal_basis": f"Demo: {licence.kind_spec.law}",
        "decision_number": f"{days_ago}/QĐ-STTTT",
    }
    if kind == "suspend":
        kwargs["end_on"] = effective + dt.timedelta(days=extra)
    if kind == "extend":
        kwargs["new_valid_until"] = (licence.valid_until or today) + dt.timedelta(days=365 * extra)
    if kind == "amend":
        kwargs["changes"] = extra
    actor = leader if kind in ("suspend", "revoke") else staff
    services.licence_event_add(licence.pk, kind, actor=actor, **kwargs)


def load(stdout) -> list[DemoLogin]:
    staff, leader = _user(STAFF_USER), _user(LEADER_USER)
    if staff is None or leader is None:
        stdout.write("licensing: no org demo staff, no demo licences\n")
        return []
    agency = powers.agency_of(staff)
    if agency is None:
        stdout.write("licensing: the demo staff has no agency, no demo licences\n")
        return []
    for kind, unit_code in KIND_DIVISIONS.items():
        ensure(KindDivision, {"agency": agency, "kind": kind}, {"unit_code": unit_code})
    # Districts are the agency's (org data); a demo row whose district the agency does not have (yet) is
    # recorded without one.
    known = set(districts_of(agency, active_only=False).values_list("code", flat=True))
    today = timezone.localdate()
    rows = list(LICENCES)
    for index, (point, owner, district, issuer, events) in enumerate(GAME_POINTS, start=1):
        rows.append(
            (
                "game_point",
                f"{index:02d}/GCN-UBND",
                owner,
                PERSON,
                f"0700900{index:05d}",
                district,
                {
                    "point_name": point,
                    "facility_address": f"Số {index * 7}, {issuer.split(' ', 2)[-1]}",
                    "machines": 10 + index,
                },
                "district",
                issuer,
                index % 4,
                events,
            )
        )
    created = 0
    for index, (
        kind,
        number,
        holder,
        holder_type,
        identifier,
        district,
        subject,
        issuer,
        issuer_name,
        years,
        events,
    ) in enumerate(rows):
        issued = today.replace(month=1, day=1) - dt.timedelta(days=365 * years - 37 * (index % 9) - 20)
        issued = min(issued, today - dt.timedelta(days=3))
        name = issuer_name or services.department_name(agency)
        mine = Licence.objects.filter(agency=agency)
        if number and mine.filter(issuer_name=name, number=number).exists():
            continue
        if not number and mine.filter(holder_name=holder, kind=kind).exists():
            continue
        data = {
            "holder_type": holder_type,
            "holder_name": holder,
            "holder_id_number": identifier,
            "holder_address": "" if holder_type == PERSON else f"{district.replace('-', ' ').title()}, Bình Phước",
            "holder_phone": f"0271 38{index:02d} {index:03d}",
            "holder_email": f"demo{index}@example.vn",
            "district": district if district in known else "",
            "issuer": issuer,
            "issuer_name": issuer_name,
            "number": number,
            "issued_on": issued,
            "conditions": "Tuân thủ quy định của pháp luật hiện hành." if index % 3 == 0 else "",
        }
        if holder in EXPIRING_SOON:
            data["valid_until"] = today + dt.timedelta(days=EXPIRING_SOON[holder])
        licence = services.licence_record(kind, actor=staff, data=data, subject=subject)
        for event in events:
            _event(licence, event, leader, staff, today)
        created += 1
    stdout.write(
        f"licensing: {created} demo licences recorded, {Licence.objects.filter(agency=agency).count()} "
        f"in the registers of {agency.code}\n"
    )
    return []
