"""Demo data of sector supervision for both demo agencies (idempotent: `stttt.core.demo.ensure` writes only
what differs, so a second `stttt demo` writes nothing).

The first agency gets the province's operators with their licences and reports (one report late, one overdue),
fifty BTS sites spread over its districts, cable routes, postal service points and quality figures, two disputes
and two complaints and an advertising check, the flood plan with its roster and one outage handled, the commune
radio network with a broadcast request confirmed by most stations, and external-information plans. The second
agency gets a smaller set (its names carry "Bình Dương", for the scoping tests). Company names of real operators
are used; every tax code, phone and e-mail address is invented (e-mails at example.vn).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar, cast

from django.utils import timezone

from stttt.core.demo import DemoLogin
from stttt.core.demo import ensure as _ensure_row
from stttt.supervision import rules
from stttt.supervision.models import (
    BroadcastConfirmation,
    BroadcastRequest,
    CableRoute,
    Case,
    CaseStep,
    EmergencyContact,
    EmergencyPlan,
    ExternalActivity,
    ExternalPlan,
    Holding,
    Incident,
    IncidentUpdate,
    InfrastructurePlan,
    Operator,
    OperatorReport,
    PostalPoint,
    QualityFigure,
    RadioStation,
    ReportKind,
    Site,
)

YEAR = 2026
MINISTRY = "Bộ Thông tin và Truyền thông"

TELECOM_FIELDS = [
    {"name": "mobile_subscribers", "label": "Thuê bao di động"},
    {"name": "subscribers_4g_5g", "label": "Trong đó thuê bao 4G/5G", "part_of": "mobile_subscribers"},
    {"name": "fixed_broadband", "label": "Thuê bao băng rộng cố định"},
    {"name": "bts_sites", "label": "Số trạm BTS đang phát sóng"},
]
INTERNET_FIELDS = [
    {"name": "fixed_broadband", "label": "Thuê bao băng rộng cố định"},
    {"name": "ftth", "label": "Trong đó thuê bao cáp quang (FTTH)", "part_of": "fixed_broadband"},
]
POSTAL_FIELDS = [
    {"name": "items", "label": "Sản lượng bưu gửi (cái)"},
    {"name": "revenue_million", "label": "Doanh thu (triệu đồng)"},
    {"name": "service_points", "label": "Số điểm phục vụ"},
]

# (district code, commune, latitude, longitude) of the first agency: approximate centres.
BP_COMMUNES = [
    ("dong-xoai", "Phường Tân Phú", 11.5370, 106.8950),
    ("dong-xoai", "Phường Tân Bình", 11.5290, 106.8800),
    ("dong-xoai", "Xã Tiến Hưng", 11.5000, 106.8600),
    ("dong-xoai", "Xã Tân Thành", 11.5650, 106.8400),
    ("binh-long", "Phường An Lộc", 11.6520, 106.6030),
    ("binh-long", "Xã Thanh Lương", 11.6900, 106.6300),
    ("phuoc-long", "Phường Long Thủy", 11.8330, 106.9950),
    ("phuoc-long", "Phường Phước Bình", 11.8150, 106.9700),
    ("chon-thanh", "Phường Hưng Long", 11.4300, 106.6500),
    ("chon-thanh", "Xã Minh Hưng", 11.4700, 106.6200),
    ("bu-dang", "Thị trấn Đức Phong", 11.8050, 107.2350),
    ("bu-dang", "Xã Bom Bo", 11.8900, 107.1700),
    ("bu-dop", "Thị trấn Thanh Bình", 12.0200, 106.8300),
    ("bu-gia-map", "Xã Phú Nghĩa", 12.0150, 107.0100),
    ("dong-phu", "Thị trấn Tân Phú", 11.4800, 106.9900),
    ("hon-quan", "Thị trấn Tân Khai", 11.5900, 106.6100),
    ("loc-ninh", "Thị trấn Lộc Ninh", 11.8370, 106.5880),
    ("loc-ninh", "Xã Lộc Thái", 11.7800, 106.6100),
    ("phu-rieng", "Xã Phú Riềng", 11.7100, 106.9300),
    ("phu-rieng", "Xã Bù Nho", 11.7600, 106.9500),
]
BD_COMMUNES = [
    ("thu-dau-mot", "Phường Phú Cường", 10.9800, 106.6550),
    ("thuan-an", "Phường Lái Thiêu", 10.9050, 106.7000),
    ("di-an", "Phường Dĩ An", 10.9050, 106.7700),
    ("ben-cat", "Phường Mỹ Phước", 11.1500, 106.5950),
    ("tan-uyen", "Phường Uyên Hưng", 11.0700, 106.7950),
]


M = TypeVar("M")


def ensure(model: type[M], lookup: dict[str, Any], values: dict[str, Any] | None = None) -> M:
    """`stttt.core.demo.ensure`, typed by the model."""
    return cast(M, _ensure_row(model, lookup, values))  # type: ignore[arg-type]


def _d(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")


def _aware(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).first()


def _district(agency: Any, code: str) -> Any:
    from stttt.org.models import District

    return District.objects.filter(agency=agency, code=code).first()


def _licence(agency: Any, holder: str) -> Any:
    from stttt.licensing.models import Licence

    return Licence.objects.filter(agency=agency, holder_name=holder).order_by("pk").first()


def _operators(agency: Any, rows: list[tuple[str, str, str, str, bool]]) -> dict[str, Operator]:
    found = {}
    for n, (key, name, short, sector, owns) in enumerate(rows):
        found[key] = ensure(
            Operator,
            {"agency": agency, "name": name},
            {
                "short_name": short,
                "sector": sector,
                "owns_infrastructure": owns,
                "email": f"baocao.{key}@example.vn",
                "phone": f"0909 000 {n + 100}",
                "representative": "Giám đốc chi nhánh",
            },
        )
    return found


def _kinds(agency: Any) -> dict[str, ReportKind]:
    rows = [
        (
            "telecom-quarterly",
            "Báo cáo tình hình cung cấp dịch vụ viễn thông hằng quý",
            "telecom",
            "quarterly",
            TELECOM_FIELDS,
        ),
        (
            "internet-quarterly",
            "Báo cáo tình hình cung cấp dịch vụ Internet hằng quý",
            "internet",
            "quarterly",
            INTERNET_FIELDS,
        ),
        ("postal-half-yearly", "Báo cáo hoạt động bưu chính 6 tháng", "postal", "half_yearly", POSTAL_FIELDS),
    ]
    return {
        code: ensure(
            ReportKind,
            {"agency": agency, "code": code},
            {
                "name": name,
                "sector": sector,
                "frequency": freq,
                "fact_key": f"supervision.report_due_days_{freq}",
                "fields": fields,
            },
        )
        for code, name, sector, freq, fields in rows
    }


def _schedule(kinds: dict[str, ReportKind], operators: list[Operator]) -> None:
    for kind in kinds.values():
        for operator in operators:
            if operator.sector != kind.sector:
                continue
            for start, end in rules.periods(kind.frequency, YEAR):
                ensure(
                    OperatorReport,
                    {"operator": operator, "kind": kind, "period_end": end},
                    {"period_start": start, "due_on": rules.report_due(kind.frequency, end)},
                )


def _report(
    operator: Operator, kind: ReportKind, end: dt.date, *, late_days: int = -3, figures: dict, accepted: bool = True
) -> None:
    report = OperatorReport.objects.get(operator=operator, kind=kind, period_end=end)
    ensure(
        OperatorReport,
        {"pk": report.pk},
        {
            "status": "accepted" if accepted else "submitted",
            "submitted_on": report.due_on + dt.timedelta(days=late_days),
            "figures": figures,
        },
    )


def _sites(
    agency: Any,
    communes: list[tuple[str, str, float, float]],
    owners: list[Operator],
    count: int,
    prefix: str,
    plan: Any,
) -> list[Site]:
    made = []
    kinds = ["ground_tower", "ground_tower", "rooftop", "pole", "ground_tower"]
    for i in range(count):
        district_code, commune, lat, lon = communes[i % len(communes)]
        owner = owners[i % len(owners)]
        # Deterministic spread around the commune centre (about 3 km).
        dlat = ((i * 37) % 41 - 20) / 600
        dlon = ((i * 53) % 43 - 21) / 600
        kind = kinds[i % len(kinds)]
        without_permit = i in (7, 23, 41)
        conformity = "not_conforming" if i in (12, 33) else "unreviewed" if i % 10 == 9 else "conforms"
        status = "down" if i in (18, 44) else "planned" if i == 48 else "operating"
        site = ensure(
            Site,
            {"agency": agency, "code": f"{prefix}-{i + 1:03d}"},
            {
                "name": f"Trạm {commune.split(' ', 1)[1]} {i // len(communes) + 1}",
                "kind": kind,
                "owner": owner,
                "district": _district(agency, district_code),
                "commune": commune,
                "latitude": _d(lat + dlat),
                "longitude": _d(lon + dlon),
                "height_m": Decimal("42.0") if kind == "ground_tower" else Decimal("15.0"),
                "technologies": "4G, 5G" if i % 3 == 0 else "2G, 4G",
                "permit_number": "" if without_permit or kind == "pole" else f"{100 + i}/GPXD",
                "permit_date": None if without_permit or kind == "pole" else dt.date(2022, 1 + i % 12, 1 + i % 27),
                "status": status,
                "conformity": conformity,
                "plan": plan if conformity != "unreviewed" else None,
                "conformity_note": "Nằm ngoài khu vực được phép xây dựng cột ăng ten loại A1"
                if conformity == "not_conforming"
                else "",
            },
        )
        sharers = [o for j, o in enumerate(owners) if o != owner and (i + j) % 3 == 0]
        if set(site.sharers.all()) != set(sharers):
            site.sharers.set(sharers)
        made.append(site)
    return made


def _first_agency(agency: Any) -> None:
    ops = _operators(
        agency,
        [
            ("vnpt", "Viễn thông Bình Phước (VNPT Bình Phước)", "VNPT", "telecom", True),
            (
                "viettel",
                "Viettel Bình Phước - Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội",
                "Viettel",
                "telecom",
                True,
            ),
            ("mobifone", "MobiFone Tỉnh Bình Phước", "MobiFone", "telecom", True),
            ("fpt", "FPT Telecom Bình Phước", "FPT Telecom", "internet", False),
            ("vnpost", "Bưu điện tỉnh Bình Phước", "Bưu điện tỉnh", "postal", False),
            ("vtpost", "Viettel Post Bình Phước", "Viettel Post", "postal", False),
            ("binhlong", "Công ty TNHH Chuyển phát nhanh Bình Long", "CPN Bình Long", "postal", False),
            ("bptv", "Đài Phát thanh và Truyền hình Bình Phước", "BPTV", "broadcast", False),
            ("songbe", "Công ty TNHH Truyền thông Quảng cáo Sóng Bé", "QC Sóng Bé", "advertising", False),
            ("dieuviet", "Công ty TNHH Điều Việt", "Điều Việt", "social", False),
            ("gamebp", "Công ty CP Giải trí số Đồng Xoài", "Giải trí số Đồng Xoài", "games", False),
        ],
    )
    for key, title, number, issued_by, issued, holder in [
        ("vnpt", "Giấy phép thiết lập mạng viễn thông công cộng", "GP-VT-01", MINISTRY, dt.date(2019, 5, 20), ""),
        ("viettel", "Giấy phép cung cấp dịch vụ viễn thông", "GP-VT-02", MINISTRY, dt.date(2020, 3, 12), ""),
        ("mobifone", "Giấy phép thiết lập mạng viễn thông công cộng", "GP-VT-03", MINISTRY, dt.date(2021, 7, 1), ""),
        ("fpt", "Giấy phép cung cấp dịch vụ viễn thông (Internet)", "GP-VT-04", MINISTRY, dt.date(2018, 9, 9), ""),
        (
            "binhlong",
            "Giấy phép bưu chính",
            "",
            "Sở Thông tin và Truyền thông",
            None,
            "Công ty TNHH Chuyển phát nhanh Bình Long",
        ),
        (
            "dieuviet",
            "Giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "",
            "Sở Thông tin và Truyền thông",
            None,
            "Công ty TNHH Điều Việt",
        ),
        (
            "bptv",
            "Giấy phép sử dụng tần số vô tuyến điện",
            "GP-TS-01",
            "Cục Tần số vô tuyến điện",
            dt.date(2022, 1, 10),
            "",
        ),
    ]:
        licence = _licence(agency, holder) if holder else None
        ensure(
            Holding,
            {"operator": ops[key], "title": title},
            {
                "number": licence.number if licence else number,
                "issued_by": issued_by,
                "issued_on": getattr(licence, "issued_on", None) or issued,
                "licence": licence,
            },
        )
    kinds = _kinds(agency)
    _schedule(kinds, list(ops.values()))
    q = [end for _s, end in rules.periods("quarterly", YEAR)]
    h = [end for _s, end in rules.periods("half_yearly", YEAR)]
    base = {"vnpt": 410_000, "viettel": 620_000, "mobifone": 180_000}
    for key, subs in base.items():
        for n, end in enumerate(q[:3]):
            if key == "mobifone" and n == 2:
                continue  # MobiFone's third quarter is still awaited: the late list
            figures = {
                "mobile_subscribers": subs + n * 4000,
                "subscribers_4g_5g": int((subs + n * 4000) * 0.8),
                "fixed_broadband": subs // 6,
                "bts_sites": 300 + n * 5,
            }
            _report(
                ops[key],
                kinds["telecom-quarterly"],
                end,
                figures=figures,
                late_days=4 if (key, n) == ("viettel", 1) else -2,
            )
    for n, end in enumerate(q[:3]):
        _report(
            ops["fpt"],
            kinds["internet-quarterly"],
            end,
            figures={"fixed_broadband": 52_000 + n * 900, "ftth": 51_000 + n * 900},
        )
    for key, items in (("vnpost", 1_200_000), ("vtpost", 900_000), ("binhlong", 40_000)):
        _report(
            ops[key],
            kinds["postal-half-yearly"],
            h[0],
            figures={"items": items, "revenue_million": items // 100, "service_points": 12 if key == "vnpost" else 6},
            late_days=9 if key == "vtpost" else -1,
        )
    plan = ensure(
        InfrastructurePlan,
        {
            "agency": agency,
            "title": "Phương án phát triển hạ tầng viễn thông thụ động (Quy hoạch tỉnh thời kỳ 2021–2030)",
        },
        {"valid_until": 2030, "approved_on": dt.date(2024, 1, 15), "status": "in_force"},
    )
    sites = _sites(agency, BP_COMMUNES, [ops["vnpt"], ops["viettel"], ops["mobifone"]], 50, "BPC", plan)
    for name, owner, kind, km, communes in [
        (
            "Tuyến cáp quang Đồng Xoài – Phước Long (QL14)",
            "vnpt",
            "overhead",
            "52.40",
            "Tân Phú; Tiến Hưng; Phú Riềng; Long Thủy",
        ),
        ("Tuyến cống bể cáp trung tâm Đồng Xoài", "viettel", "underground", "8.75", "Tân Phú; Tân Bình"),
        (
            "Tuyến cáp quang Chơn Thành – Bình Long (QL13)",
            "mobifone",
            "overhead",
            "31.20",
            "Hưng Long; Minh Hưng; An Lộc",
        ),
    ]:
        ensure(
            CableRoute,
            {"agency": agency, "name": name},
            {
                "owner": ops[owner],
                "kind": kind,
                "length_km": Decimal(km),
                "communes": communes,
                "conformity": "conforms",
            },
        )
    for i, (district_code, commune, lat, lon) in enumerate(BP_COMMUNES[:14]):
        ensure(
            PostalPoint,
            {"agency": agency, "name": f"Bưu cục {commune.split(' ', 1)[1]}"},
            {
                "operator": ops["vnpost"] if i % 4 else ops["vtpost"],
                "kind": "post_office" if i % 3 == 0 else "commune_point" if i % 4 else "agent",
                "district": _district(agency, district_code),
                "commune": commune,
                "latitude": _d(lat + 0.004),
                "longitude": _d(lon - 0.004),
                "public_network": bool(i % 4),
                "active": i != 13,
            },
        )
    for key, indicator, value, target, better, unit in [
        ("vnpt", "Tỷ lệ cuộc gọi được thiết lập thành công", "98.70", "98.00", True, "%"),
        ("viettel", "Tỷ lệ cuộc gọi được thiết lập thành công", "99.10", "98.00", True, "%"),
        ("mobifone", "Tỷ lệ cuộc gọi bị rơi", "2.30", "2.00", False, "%"),
        ("fpt", "Tốc độ tải xuống trung bình", "182.00", "100.00", True, "Mbit/s"),
        ("vnpost", "Tỷ lệ bưu gửi phát đúng thời gian toàn trình", "96.20", "95.00", True, "%"),
        ("vtpost", "Tỷ lệ bưu gửi phát đúng thời gian toàn trình", "93.80", "95.00", True, "%"),
    ]:
        ensure(
            QualityFigure,
            {"operator": ops[key], "indicator": indicator, "period": f"{YEAR}-Q3"},
            {
                "value": Decimal(value),
                "target": Decimal(target),
                "higher_is_better": better,
                "unit": unit,
                "source": "Đo kiểm của Sở",
            },
        )
    _cases(agency, ops, sites)
    _emergency(agency, ops)
    _grassroots(agency, BP_COMMUNES, "Bình Phước")
    _external(agency, "Lộc Ninh")


def _case(agency: Any, reference: str, values: dict, steps: list[tuple[str, str, str, dt.datetime]]) -> Case:
    values["due_on"] = rules.case_due(
        values["kind"], values["received_on"], postal=values["respondent"].sector == "postal"
    )
    case = ensure(Case, {"agency": agency, "reference": reference}, values)
    for action, note, username, at in steps:
        ensure(CaseStep, {"case": case, "action": action, "at": at}, {"note": note, "actor": _user(username)})
    return case


def _cases(agency: Any, ops: dict[str, Operator], sites: list[Site]) -> None:
    head = "truongphong_bcvtcntt"
    _case(
        agency,
        f"TC-{YEAR}-001",
        {
            "kind": "dispute",
            "title": "Tranh chấp giá thuê vị trí trên cột anten trạm BPC-004",
            "claimant": "MobiFone Tỉnh Bình Phước",
            "respondent": ops["vnpt"],
            "site": sites[3],
            "received_on": dt.date(YEAR, 10, 20),
            "status": "mediation",
            "description": "MobiFone đề nghị xem xét mức giá thuê vị trí lắp đặt thiết bị trên cột anten của VNPT "
            "tăng 40% so với hợp đồng cũ.",
        },
        [
            ("open", "Tiếp nhận văn bản đề nghị của MobiFone.", head, _aware(YEAR, 10, 20, 9, 0)),
            ("start", "Đề nghị VNPT giải trình căn cứ xác định giá thuê.", head, _aware(YEAR, 10, 22, 14, 0)),
            ("mediate", "Mời hai bên họp thương lượng ngày 05/11 tại Sở.", head, _aware(YEAR, 10, 29, 10, 0)),
        ],
    )
    _case(
        agency,
        f"TC-{YEAR}-002",
        {
            "kind": "dispute",
            "title": "Tranh chấp sử dụng chung cống bể cáp tuyến trung tâm Đồng Xoài",
            "claimant": "FPT Telecom Bình Phước",
            "respondent": ops["viettel"],
            "site": None,
            "received_on": dt.date(YEAR, 6, 3),
            "status": "closed",
            "closed_on": dt.date(YEAR, 7, 10),
            "outcome": "Hai bên thống nhất ký phụ lục hợp đồng thuê 2 ống cống, giá theo chi phí.",
            "description": "FPT Telecom đề nghị được thuê ống trong tuyến cống bể cáp của Viettel để ngầm hóa cáp.",
        },
        [
            ("open", "Tiếp nhận đề nghị của FPT Telecom.", head, _aware(YEAR, 6, 3, 8, 30)),
            ("start", "Khảo sát hiện trạng tuyến cống bể.", head, _aware(YEAR, 6, 10, 9, 0)),
            (
                "resolve",
                "Hai bên thống nhất ký phụ lục hợp đồng thuê 2 ống cống, giá theo chi phí.",
                head,
                _aware(YEAR, 7, 2, 15, 0),
            ),
            ("close", "", head, _aware(YEAR, 7, 10, 8, 0)),
        ],
    )
    _case(
        agency,
        f"KN-{YEAR}-001",
        {
            "kind": "complaint",
            "title": "Phản ánh sóng di động yếu tại xã Bom Bo",
            "claimant": "UBND xã Bom Bo",
            "respondent": ops["mobifone"],
            "site": sites[11],
            "received_on": dt.date(YEAR, 11, 18),
            "status": "handling",
            "description": "Người dân thôn Bù Cà Mau phản ánh không gọi được trong giờ cao điểm.",
        },
        [
            ("open", "Tiếp nhận văn bản của UBND xã.", head, _aware(YEAR, 11, 18, 10, 0)),
            ("start", "Yêu cầu MobiFone đo kiểm và báo cáo trong 10 ngày.", head, _aware(YEAR, 11, 19, 9, 0)),
        ],
    )
    _case(
        agency,
        f"KN-{YEAR}-002",
        {
            "kind": "complaint",
            "title": "Khiếu nại chậm phát bưu gửi tại Lộc Ninh",
            "claimant": "Ông Nguyễn Văn Hải",
            "respondent": ops["vtpost"],
            "site": None,
            "received_on": dt.date(YEAR, 11, 28),
            "status": "received",
            "description": "Bưu gửi gửi ngày 10/11 đến 26/11 mới phát, quá thời gian toàn trình công bố.",
        },
        [("open", "Tiếp nhận đơn qua Bộ phận một cửa.", "chuyenvien_bcvtcntt", _aware(YEAR, 11, 28, 14, 0))],
    )
    _case(
        agency,
        f"QC-{YEAR}-001",
        {
            "kind": "advertising",
            "title": "Quảng cáo thực phẩm bảo vệ sức khỏe chưa có xác nhận nội dung trên trang tin",
            "claimant": "Phòng Thông tin - Báo chí - Xuất bản (rà soát định kỳ)",
            "respondent": ops["songbe"],
            "site": None,
            "received_on": dt.date(YEAR, 11, 5),
            "status": "handling",
            "description": "Trang tin do công ty vận hành đăng quảng cáo thực phẩm bảo vệ sức khỏe không thể hiện "
            "khuyến cáo bắt buộc.",
        },
        [
            ("open", "Phát hiện qua rà soát định kỳ.", "truongphong_ttbcxb", _aware(YEAR, 11, 5, 9, 0)),
            ("start", "Yêu cầu công ty gỡ bỏ và giải trình.", "truongphong_ttbcxb", _aware(YEAR, 11, 6, 9, 0)),
        ],
    )


def _emergency(agency: Any, ops: dict[str, Operator]) -> None:
    plan = ensure(
        EmergencyPlan,
        {"agency": agency, "title": f"Phương án bảo đảm thông tin liên lạc phục vụ phòng, chống thiên tai năm {YEAR}"},
        {
            "year": YEAR,
            "hazards": "Lũ, lụt, sạt lở; dông lốc, sét",
            "status": "in_force",
            "summary": "Ứng trực 24/24 trong mùa mưa bão; máy phát điện dự phòng tại các trạm trọng yếu; "
            "ưu tiên khôi phục liên lạc cho Ban Chỉ huy phòng chống thiên tai các cấp; chuyển vùng nội mạng khi cần.",
        },
    )
    for key, name, role, phone in [
        ("vnpt", "Trần Quốc Hưng", "Phó Giám đốc kỹ thuật", "0912 100 201"),
        ("viettel", "Lê Minh Tuấn", "Trưởng phòng Kỹ thuật", "0981 100 202"),
        ("mobifone", "Phạm Thị Lan", "Trưởng đài viễn thông", "0903 100 203"),
        ("vnpost", "Nguyễn Thị Hòa", "Phó Giám đốc", "0918 100 204"),
        ("bptv", "Đỗ Văn Nam", "Trưởng phòng Kỹ thuật", "0919 100 205"),
    ]:
        ensure(EmergencyContact, {"plan": plan, "operator": ops[key], "name": name}, {"role": role, "phone": phone})
    incident = ensure(
        Incident,
        {"agency": agency, "title": "Mất liên lạc di động do lũ tại huyện Bù Đăng"},
        {
            "plan": plan,
            "cause": "Lũ quét, mất điện lưới",
            "started_at": _aware(YEAR, 9, 14, 4, 30),
            "communes": "Thị trấn Đức Phong; Xã Bom Bo; Xã Đoàn Kết",
            "sites_down": 0,
            "status": "closed",
            "restored_at": _aware(YEAR, 9, 15, 16, 0),
            "description": "Mưa lớn kéo dài gây lũ quét, 9 trạm BTS mất điện lưới.",
        },
    )
    if set(incident.operators.all()) != {ops["vnpt"], ops["viettel"], ops["mobifone"]}:
        incident.operators.set([ops["vnpt"], ops["viettel"], ops["mobifone"]])
    for action, note, down, at in [
        ("open", "9 trạm BTS mất điện lưới, 3 xã mất liên lạc một phần.", 9, _aware(YEAR, 9, 14, 4, 30)),
        ("update", "Điều 4 máy phát điện lưu động; còn 5 trạm mất sóng.", 5, _aware(YEAR, 9, 14, 18, 0)),
        (
            "update",
            "VNPT và Viettel chuyển vùng nội mạng cho khách hàng MobiFone; còn 2 trạm.",
            2,
            _aware(YEAR, 9, 15, 8, 0),
        ),
        ("restore", "Điện lưới phục hồi, toàn bộ trạm phát sóng trở lại.", 0, _aware(YEAR, 9, 15, 16, 0)),
        ("close", "Rà soát, bổ sung máy phát dự phòng cho 3 trạm trọng yếu.", None, _aware(YEAR, 9, 20, 9, 0)),
    ]:
        ensure(
            IncidentUpdate,
            {"incident": incident, "action": action, "at": at},
            {"note": note, "sites_down": down, "actor": _user("truongphong_bcvtcntt")},
        )


def _grassroots(agency: Any, communes: list[tuple[str, str, float, float]], province: str) -> None:
    stations = []
    for i, (district_code, commune, _lat, _lon) in enumerate(communes):
        kind = "ip" if i % 3 != 2 else ("fm" if i % 2 else "wired")
        stations.append(
            ensure(
                RadioStation,
                {"agency": agency, "name": f"Đài truyền thanh {commune}"},
                {
                    "kind": kind,
                    "district": _district(agency, district_code),
                    "commune": commune,
                    "loudspeaker_clusters": 6 + i % 9,
                    "status": "broken" if i == 5 else "degraded" if i % 7 == 3 else "working",
                    "connected_to_source": kind == "ip",
                    "upgrade_year": None if kind == "ip" else YEAR + 1,
                    "contact_email": f"dai.{i + 1}@example.vn",
                },
            )
        )
    request = ensure(
        BroadcastRequest,
        {"agency": agency, "title": f"Tuyên truyền phòng, chống sốt xuất huyết mùa mưa ({province})"},
        {
            "content": "Ngành y tế khuyến cáo người dân diệt lăng quăng, bọ gậy; ngủ màn; "
            "khi sốt cao cần đến cơ sở y tế "
            "gần nhất, không tự ý điều trị tại nhà.",
            "priority": "priority",
            "broadcast_from": dt.date(YEAR, 11, 24),
            "broadcast_until": dt.date(YEAR, 12, 7),
            "times_per_day": 2,
            "status": "sent",
            "sent_on": dt.date(YEAR, 11, 23),
        },
    )
    asked = stations[: max(len(stations) * 3 // 5, 3)]
    if set(request.stations.all()) != set(asked):
        request.stations.set(asked)
    for i, station in enumerate(asked[:-2] if len(asked) > 4 else asked[:-1]):  # most, not all, confirmed
        ensure(
            BroadcastConfirmation,
            {"request": request, "station": station},
            {"confirmed_on": dt.date(YEAR, 11, 24 + i % 2), "times_broadcast": 2},
        )
    draft = ensure(
        BroadcastRequest,
        {"agency": agency, "title": f"Thông báo lịch cắt điện và phương án bảo đảm thông tin ({province})"},
        {
            "content": "Thông báo lịch tạm ngừng cấp điện để bảo trì lưới điện; các doanh nghiệp viễn thông bảo đảm "
            "nguồn dự phòng cho trạm BTS.",
            "priority": "normal",
            "broadcast_from": dt.date(YEAR, 12, 10),
            "broadcast_until": dt.date(YEAR, 12, 12),
            "times_per_day": 1,
        },
    )
    if not draft.stations.exists():
        draft.stations.set(stations[:5])


def _external(agency: Any, border_district: str) -> None:
    for submitted_by, title, received, status, opinion in [
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            f"Kế hoạch thông tin đối ngoại năm {YEAR + 1}",
            dt.date(YEAR, 11, 15),
            "appraising",
            "",
        ),
        (
            f"UBND huyện {border_district}",
            f"Kế hoạch thông tin đối ngoại vùng biên giới năm {YEAR + 1}",
            dt.date(YEAR, 11, 25),
            "received",
            "",
        ),
        (
            "Ban Quản lý Khu kinh tế",
            f"Kế hoạch quảng bá môi trường đầu tư năm {YEAR}",
            dt.date(YEAR, 1, 10),
            "approved",
            "Thống nhất nội dung; đề nghị bổ sung sản phẩm song ngữ Việt – Anh.",
        ),
    ]:
        ensure(
            ExternalPlan,
            {"agency": agency, "title": title},
            {
                "submitted_by": submitted_by,
                "year": received.year if status == "approved" else YEAR + 1,
                "received_on": received,
                "due_on": rules.external_plan_due(received),
                "status": status,
                "opinion": opinion,
                "decided_on": received + dt.timedelta(days=12) if status == "approved" else None,
            },
        )
    approved = ExternalPlan.objects.filter(agency=agency, status="approved").first()
    for title, kind, held, organiser, audience in [
        ("Họp báo định kỳ quý III của UBND tỉnh", "Họp báo", dt.date(YEAR, 10, 8), "Sở Thông tin và Truyền thông", 40),
        (
            "Ấn phẩm giới thiệu tiềm năng đầu tư (song ngữ)",
            "Ấn phẩm",
            dt.date(YEAR, 6, 1),
            "Ban Quản lý Khu kinh tế",
            2000,
        ),
        (
            "Triển lãm ảnh Biên giới hòa bình, hữu nghị",
            "Triển lãm",
            dt.date(YEAR, 8, 30),
            f"UBND huyện {border_district}",
            1500,
        ),
        (
            "Chuyên mục đối ngoại trên Cổng thông tin điện tử tỉnh",
            "Chuyên mục",
            dt.date(YEAR, 3, 15),
            "Sở Thông tin và Truyền thông",
            None,
        ),
    ]:
        ensure(
            ExternalActivity,
            {"agency": agency, "title": title},
            {
                "kind": kind,
                "held_on": held,
                "organiser": organiser,
                "audience": audience,
                "plan": approved if kind == "Ấn phẩm" else None,
            },
        )


def _second_agency(agency: Any) -> None:
    ops = _operators(
        agency,
        [
            ("bd-vnpt", "Viễn thông Bình Dương (VNPT Bình Dương)", "VNPT Bình Dương", "telecom", True),
            ("bd-viettel", "Viettel Bình Dương", "Viettel Bình Dương", "telecom", True),
            ("bd-vnpost", "Bưu điện tỉnh Bình Dương", "Bưu điện Bình Dương", "postal", False),
            ("bd-ads", "Công ty CP Quảng cáo số Bình Dương", "QC số Bình Dương", "advertising", False),
        ],
    )
    kinds = _kinds(agency)
    _schedule(kinds, list(ops.values()))
    q = [end for _s, end in rules.periods("quarterly", YEAR)]
    for key, subs in (("bd-vnpt", 520_000), ("bd-viettel", 880_000)):
        _report(
            ops[key],
            kinds["telecom-quarterly"],
            q[0],
            figures={
                "mobile_subscribers": subs,
                "subscribers_4g_5g": subs * 4 // 5,
                "fixed_broadband": subs // 5,
                "bts_sites": 500,
            },
        )
    sites = _sites(agency, BD_COMMUNES, [ops["bd-vnpt"], ops["bd-viettel"]], 12, "BDG", None)
    _case(
        agency,
        f"TC-{YEAR}-001",
        {
            "kind": "dispute",
            "title": "Tranh chấp vị trí cột anten tại Phú Cường (Bình Dương)",
            "claimant": "Viettel Bình Dương",
            "respondent": ops["bd-vnpt"],
            "site": sites[0],
            "received_on": dt.date(YEAR, 11, 2),
            "status": "handling",
            "description": "Đề nghị dùng chung cột anten thay vì xây mới tại Phú Cường (Bình Dương).",
        },
        [("open", "Tiếp nhận đề nghị (Bình Dương).", "bd.truongphong_cds", _aware(YEAR, 11, 2, 9, 0))],
    )
    plan = ensure(
        EmergencyPlan,
        {"agency": agency, "title": f"Phương án thông tin liên lạc phòng, chống thiên tai Bình Dương {YEAR}"},
        {"year": YEAR, "hazards": "Ngập úng đô thị; dông lốc", "status": "in_force"},
    )
    ensure(
        EmergencyContact,
        {"plan": plan, "operator": ops["bd-vnpt"], "name": "Võ Thành Long"},
        {"role": "Trực kỹ thuật", "phone": "0913 200 301"},
    )
    ensure(
        Incident,
        {"agency": agency, "title": "Ngập úng làm gián đoạn cáp quang tại Dĩ An (Bình Dương)"},
        {
            "plan": plan,
            "cause": "Ngập úng",
            "started_at": _aware(YEAR, 10, 3, 17, 0),
            "communes": "Phường Dĩ An",
            "sites_down": 2,
        },
    )
    _grassroots(agency, BD_COMMUNES, "Bình Dương")
    ensure(
        ExternalPlan,
        {"agency": agency, "title": f"Kế hoạch thông tin đối ngoại Bình Dương năm {YEAR + 1}"},
        {
            "submitted_by": "Sở Ngoại vụ Bình Dương",
            "year": YEAR + 1,
            "received_on": dt.date(YEAR, 11, 20),
            "due_on": rules.external_plan_due(dt.date(YEAR, 11, 20)),
        },
    )


def load(stdout) -> list[DemoLogin]:
    from stttt.org.models import Agency

    for code, build in (("STTTT-BP", _first_agency), ("STTTT-BD", _second_agency)):
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            continue
        build(agency)
        stdout.write(
            f"supervision {code}: {Operator.objects.filter(agency=agency).count()} organisations, "
            f"{Site.objects.filter(agency=agency).count()} sites\n"
        )
    return []
