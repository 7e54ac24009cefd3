"""Demo data: the province's main information systems with their levels, two level dossiers (one approved,
one in appraisal and due soon, asking for a lower level than the criteria imply), an incident handled end to
end and an open one, a warning relayed to three bodies of which one is late, a report of false information;
and the same kinds of records, fewer, for the second demo agency. Idempotent (`core.demo.ensure`); dates
are counted back from today so the deadlines read the same on any day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from stttt.accounts.services import demo_user_ensure
from stttt.core.calendar import calendar
from stttt.core.demo import DemoLogin, ensure
from stttt.cyber import rules
from stttt.cyber.models import (
    Assessment,
    ChecklistItem,
    ContentReport,
    Incident,
    IncidentEvent,
    InfoSystem,
    LevelDossier,
    Owner,
    OwnerAccount,
    SecurityWarning,
    WarningDelivery,
)
from stttt.org.models import Agency
from stttt.org.selectors import today

EXCHANGE_2019 = "Microsoft Exchange Server 2019 CU12"
EXCHANGE_2016 = "Microsoft Exchange Server 2016 CU23"

BP_OWNERS = [
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh Bình Phước", "province", "vpubnd@binhphuoc.gov.vn", "Văn phòng UBND tỉnh"),
    (
        "sotttt",
        "Sở Thông tin và Truyền thông tỉnh Bình Phước",
        "department",
        "stttt@binhphuoc.gov.vn",
        "Trung tâm CNTT&TT",
    ),
    ("soyte", "Sở Y tế tỉnh Bình Phước", "department", "syt@binhphuoc.gov.vn", "Phòng Kế hoạch - Tài chính, Sở Y tế"),
    (
        "ubnd-dong-xoai",
        "Ủy ban nhân dân thành phố Đồng Xoài",
        "district",
        "ubnd.dongxoai@binhphuoc.gov.vn",
        "Văn phòng HĐND và UBND thành phố",
    ),
]

# code, owner, name, operator, facts, hosting, interconnections, products, approved (level, days ago, decision)
BP_SYSTEMS: list[tuple[str, str, str, str, dict[str, Any], str, str, str, tuple[int, int, str] | None]] = [
    (
        "cong-dvc",
        "ubnd-tinh",
        "Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Phước",
        "Trung tâm Công nghệ thông tin và Truyền thông (Sở TT&TT)",
        {
            "system_type": "citizen_service",
            "online_service": "full",
            "private_or_personal": True,
            "personal_data_users": 250_000,
            "purpose": "Tiếp nhận, giải quyết thủ tục hành chính trực tuyến cho người dân, doanh nghiệp",
            "users": "Người dân, doanh nghiệp; cán bộ một cửa các cấp",
        },
        "data_centre",
        "Cổng Dịch vụ công quốc gia\nNền tảng LGSP tỉnh\nCơ sở dữ liệu quốc gia về dân cư",
        "Microsoft Windows Server 2019\nMicrosoft SQL Server 2019\nApache Tomcat 9.0",
        (3, 400, "1520/QĐ-UBND"),
    ),
    (
        "qlvb",
        "sotttt",
        "Hệ thống quản lý văn bản và điều hành tỉnh Bình Phước",
        "Trung tâm Công nghệ thông tin và Truyền thông (Sở TT&TT)",
        {
            "private_or_personal": True,
            "purpose": "Gửi, nhận văn bản điện tử, điều hành công việc của các cơ quan nhà nước",
            "users": "Cán bộ, công chức các sở, ngành, huyện, xã",
        },
        "data_centre",
        "Trục liên thông văn bản quốc gia",
        "Red Hat Enterprise Linux 8\nPostgreSQL 13",
        (2, 900, "45/QĐ-STTTT"),
    ),
    (
        "ttdl",
        "sotttt",
        "Trung tâm dữ liệu tỉnh Bình Phước",
        "Trung tâm Công nghệ thông tin và Truyền thông (Sở TT&TT)",
        {
            "system_type": "infrastructure",
            "infra_scope": "province",
            "purpose": "Hạ tầng máy chủ, lưu trữ, mạng dùng chung cho các hệ thống thông tin của tỉnh",
            "users": "Các sở, ngành, UBND cấp huyện",
        },
        "data_centre",
        "Mạng truyền số liệu chuyên dùng\nInternet (2 nhà cung cấp)",
        "VMware vSphere 7.0\nFortinet FortiGate 6.4",
        None,
    ),
    (
        "thu-dien-tu",
        "sotttt",
        "Hệ thống thư điện tử công vụ tỉnh Bình Phước",
        "Trung tâm Công nghệ thông tin và Truyền thông (Sở TT&TT)",
        {"private_or_personal": True, "purpose": "Thư điện tử công vụ", "users": "Cán bộ, công chức toàn tỉnh"},
        "data_centre",
        "Hệ thống quản lý văn bản và điều hành",
        EXCHANGE_2019,
        (2, 500, "112/QĐ-STTTT"),
    ),
    (
        "lgsp",
        "ubnd-tinh",
        "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Bình Phước (LGSP)",
        "Trung tâm Công nghệ thông tin và Truyền thông (Sở TT&TT)",
        {
            "system_type": "infrastructure",
            "infra_scope": "province",
            "purpose": "Kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin của tỉnh và với hệ thống quốc gia",
            "users": "Các hệ thống thông tin của tỉnh",
        },
        "data_centre",
        "Nền tảng NDXP quốc gia\nCổng Dịch vụ công tỉnh\nHệ thống quản lý văn bản",
        "WSO2 API Manager 4.1",
        (3, 300, "2210/QĐ-UBND"),
    ),
    (
        "his-soyte",
        "soyte",
        "Hệ thống thư điện tử và quản lý hồ sơ sức khỏe Sở Y tế",
        "Phòng Kế hoạch - Tài chính, Sở Y tế",
        {
            "private_or_personal": True,
            "personal_data_users": 80_000,
            "purpose": "Thư điện tử nội bộ và hồ sơ sức khỏe điện tử",
            "users": "Cán bộ ngành y tế; người dân có hồ sơ sức khỏe",
        },
        "premises",
        "Cổng Dịch vụ công tỉnh",
        EXCHANGE_2016 + "\nMicrosoft SQL Server 2016",
        None,
    ),
    (
        "cong-ttdt-dong-xoai",
        "ubnd-dong-xoai",
        "Cổng thông tin điện tử thành phố Đồng Xoài",
        "Văn phòng HĐND và UBND thành phố Đồng Xoài",
        {
            "system_type": "citizen_service",
            "online_service": "basic",
            "purpose": "Thông tin chỉ đạo, điều hành; máy chủ thư điện tử của thành phố",
            "users": "Người dân, doanh nghiệp",
        },
        "cloud",
        "",
        "WordPress 6.4\n" + EXCHANGE_2016,
        None,
    ),
]

BD_OWNERS = [
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh Bình Dương", "province", "vpubnd@binhduong.gov.vn", "Văn phòng UBND tỉnh"),
    ("so-tnmt", "Sở Tài nguyên và Môi trường tỉnh Bình Dương", "department", "stnmt@binhduong.gov.vn", "Văn phòng Sở"),
]

BD_SYSTEMS: list[tuple[str, str, str, str, dict[str, Any], str, str, str, tuple[int, int, str] | None]] = [
    (
        "igate-bd",
        "ubnd-tinh",
        "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Dương",
        "Trung tâm Chuyển đổi số tỉnh Bình Dương",
        {"system_type": "citizen_service", "online_service": "full", "private_or_personal": True},
        "data_centre",
        "Cổng Dịch vụ công quốc gia",
        "Apache Tomcat 9.0",
        (3, 200, "880/QĐ-UBND"),
    ),
    (
        "dat-dai-bd",
        "so-tnmt",
        "Cơ sở dữ liệu đất đai tỉnh Bình Dương",
        "Văn phòng Đăng ký đất đai tỉnh Bình Dương",
        {"private_or_personal": True, "personal_data_users": 500_000},
        "data_centre",
        "Hệ thống thông tin giải quyết TTHC",
        "Oracle Database 19c\nApache Tomcat 9.0",
        None,
    ),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def _owners(agency: Agency, rows: list[tuple[str, str, str, str, str]]) -> dict[str, Owner]:
    return {
        code: ensure(  # type: ignore[misc]
            Owner,
            {"agency": agency, "code": code},
            {"name": name, "kind": kind, "email": email, "focal_point": focal},
        )
        for code, name, kind, email, focal in rows
    }


def _systems(agency: Agency, owners: dict[str, Owner], rows: list[Any], day: dt.date) -> dict[str, InfoSystem]:
    found: dict[str, InfoSystem] = {}
    for code, owner, name, operator, facts, hosting, links, products, approved in rows:
        values: dict[str, Any] = {
            "owner": owners[owner],
            "name": name,
            "operator": operator,
            "hosting": hosting,
            "interconnections": links,
            "products": products,
            **facts,
        }
        if approved:
            level, ago, decision = approved
            values.update(
                approval_status="approved",
                approved_level=level,
                approved_on=day - dt.timedelta(days=ago),
                approval_decision=decision,
                last_assessment_on=day - dt.timedelta(days=ago - 100) if ago > 365 else None,
            )
        found[code] = ensure(InfoSystem, {"agency": agency, "code": code}, values)  # type: ignore[assignment]
    return found


def _dossier(
    agency: Agency, system: InfoSystem, reference: str, level: int, values: dict[str, Any], shown: str
) -> LevelDossier:
    dossier: LevelDossier = ensure(  # type: ignore[assignment]
        LevelDossier, {"agency": agency, "reference": reference}, {"system": system, "proposed_level": level, **values}
    )
    for r in rules.requirements_for(level):
        ensure(
            ChecklistItem, {"dossier": dossier, "code": r.code}, {"group": r.group, "title": r.title, "shown": shown}
        )
    return dossier


def _bp(agency: Agency, day: dt.date) -> list[DemoLogin]:
    cal = calendar()
    owners = _owners(agency, BP_OWNERS)
    systems = _systems(agency, owners, BP_SYSTEMS, day)
    portal = systems["cong-dvc"]
    approved_on = portal.approved_on or day
    appraised = approved_on - dt.timedelta(days=6)
    received = appraised - dt.timedelta(days=12)
    _dossier(
        agency,
        portal,
        "HSCD-2025-0001",
        3,
        {
            "explanation": "Hệ thống cung cấp dịch vụ công trực tuyến toàn trình, xử lý thông tin cá nhân của trên "
            "10.000 người sử dụng (Điều 9 Nghị định 85/2016/NĐ-CP).",
            "security_plan": "Tường lửa hai lớp, IPS, WAF, sao lưu hằng ngày, giám sát 24/7 tại SOC tỉnh.",
            "status": "approved",
            "submitted_on": received - dt.timedelta(days=2),
            "received_on": received,
            "appraisal_due": rules.appraisal_due(received, 3, cal),
            "appraised_on": appraised,
            "opinion": "Hồ sơ đáp ứng yêu cầu; đề nghị UBND tỉnh phê duyệt cấp độ 3.",
            "opinion_number": "812/STTTT-BCVTCNTT",
            "approval_due": rules.approval_due(appraised, cal),
            "approved_on": approved_on,
            "approved_level": 3,
            "decision_number": portal.approval_decision,
        },
        "met",
    )
    centre = systems["ttdl"]
    received = day - dt.timedelta(days=12)
    _dossier(
        agency,
        centre,
        f"HSCD-{day.year}-0002",
        2,
        {
            "explanation": "Trung tâm dữ liệu phục vụ hoạt động nội bộ, đề xuất cấp độ 2.",
            "security_plan": "Phân vùng mạng, tường lửa, sao lưu hằng tuần.",
            "status": "in_appraisal",
            "submitted_on": received - dt.timedelta(days=1),
            "received_on": received,
            "appraisal_due": rules.appraisal_due(received, 2, cal),
        },
        "unchecked",
    )
    ensure(InfoSystem, {"pk": centre.pk}, {"approval_status": "in_appraisal"})
    ensure(
        Assessment,
        {"agency": agency, "system": portal, "done_on": day - dt.timedelta(days=300)},
        {
            "kind": "periodic",
            "assessor": "Trung tâm Giám sát an toàn không gian mạng quốc gia",
            "result": "issues",
            "findings": "02 lỗ hổng mức trung bình trên máy chủ ứng dụng; đã khắc phục sau 10 ngày.",
        },
    )
    ensure(InfoSystem, {"pk": portal.pk}, {"last_assessment_on": day - dt.timedelta(days=300)})

    # An incident handled end to end, and one just reported.
    detected = day - dt.timedelta(days=40)
    closed: Incident = ensure(  # type: ignore[assignment]
        Incident,
        {"agency": agency, "reference": f"SC-{detected.year}-0001"},
        {
            "owner": owners["soyte"],
            "title": "Tài khoản thư điện tử bị chiếm quyền, phát tán thư lừa đảo",
            "description": "Một tài khoản thư điện tử của Sở Y tế bị lộ mật khẩu, gửi hơn 2.000 thư lừa đảo đến "
            "các địa chỉ trong tỉnh.",
            "kind": "phishing",
            "severity": "medium",
            "detected_on": detected,
            "received_on": detected,
            "status": "closed",
            "verified_on": detected + dt.timedelta(days=1),
            "national_notified_on": detected + dt.timedelta(days=1),
            "team_notified_on": detected + dt.timedelta(days=1),
            "recovered_on": detected + dt.timedelta(days=4),
            "closed_on": detected + dt.timedelta(days=7),
            "closing_report": "Đã khóa tài khoản, đổi mật khẩu toàn bộ tài khoản quản trị, bật xác thực hai yếu tố; "
            "chặn máy chủ gửi thư giả mạo; không phát hiện rò rỉ dữ liệu hồ sơ sức khỏe.",
        },
    )
    closed.systems.set([systems["his-soyte"]])
    timeline = [
        (0, 9, "report", "Sở Y tế báo cáo sự cố qua cổng thông tin của Sở TT&TT."),
        (1, 8, "verify", "Mức độ: Trung bình. Xác minh: tài khoản bị lộ mật khẩu do thư lừa đảo."),
        (1, 10, "notify", "Trung tâm giám sát quốc gia và Đội ứng cứu sự cố tỉnh."),
        (1, 14, "respond", "Khóa tài khoản, chặn địa chỉ IP gửi thư, rà soát nhật ký."),
        (4, 16, "recover", "Hệ thống thư hoạt động bình thường."),
        (7, 10, "close", "Báo cáo kết thúc ứng cứu sự cố."),
    ]
    for offset, hour, action, note in timeline:
        ensure(
            IncidentEvent,
            {"incident": closed, "action": action},
            {"at": _at(detected + dt.timedelta(days=offset), hour), "note": note},
        )
    fresh: Incident = ensure(  # type: ignore[assignment]
        Incident,
        {"agency": agency, "reference": f"SC-{day.year}-0002"},
        {
            "owner": owners["ubnd-tinh"],
            "title": "Tấn công từ chối dịch vụ vào Cổng Dịch vụ công tỉnh",
            "description": "Lưu lượng truy cập bất thường từ nước ngoài làm Cổng chậm, gián đoạn 20 phút.",
            "kind": "ddos",
            "severity": "high",
            "detected_on": day - dt.timedelta(days=1),
            "received_on": day - dt.timedelta(days=1),
            "status": "reported",
        },
    )
    fresh.systems.set([portal])
    ensure(
        IncidentEvent,
        {"incident": fresh, "action": "report"},
        {"at": _at(day - dt.timedelta(days=1), 15), "note": fresh.description},
    )

    # A warning relayed to three bodies; Đồng Xoài is late.
    received = day - dt.timedelta(days=20)
    relayed = received + dt.timedelta(days=1)
    warning: SecurityWarning = ensure(  # type: ignore[assignment]
        SecurityWarning,
        {"agency": agency, "reference": "NCSC-CB-2026-118"},
        {
            "source": "Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC)",
            "title": "Lỗ hổng thực thi mã từ xa trong Microsoft Exchange Server",
            "description": "Lỗ hổng cho phép kẻ tấn công chưa xác thực thực thi mã từ xa; đã có mã khai thác "
            "công khai. Cập nhật bản vá bảo mật mới nhất của Microsoft.",
            "kind": "vulnerability",
            "severity": "serious",
            "product": "Microsoft Exchange Server",
            "versions": "2016, 2019",
            "received_on": received,
            "remediation_days": 15,
            "relayed_on": relayed,
            "status": "relayed",
        },
    )
    ack_due = rules.acknowledgement_due(relayed, cal)
    fix_due = rules.remediation_due(relayed, 15)
    deliveries = [
        ("sotttt", "Hệ thống thư điện tử công vụ tỉnh Bình Phước: " + EXCHANGE_2019, "remediated", 1, 6),
        ("soyte", "Hệ thống thư điện tử và quản lý hồ sơ sức khỏe Sở Y tế: " + EXCHANGE_2016, "remediated", 2, 12),
        ("ubnd-dong-xoai", "Cổng thông tin điện tử thành phố Đồng Xoài: " + EXCHANGE_2016, "sent", None, None),
    ]
    for owner, matched, status, ack, fix in deliveries:
        ensure(
            WarningDelivery,
            {"warning": warning, "owner": owners[owner]},
            {
                "matched": matched,
                "status": status,
                "ack_due": ack_due,
                "remediation_due": fix_due,
                "acknowledged_on": relayed + dt.timedelta(days=ack) if ack else None,
                "remediated_on": relayed + dt.timedelta(days=fix) if fix else None,
                "note": "Đã cập nhật bản vá tháng 11 và rà soát dấu hiệu khai thác." if fix else "",
            },
        )
    ensure(
        ContentReport,
        {"agency": agency, "reference": f"TTXD-{day.year}-0001"},
        {
            "received_on": day - dt.timedelta(days=5),
            "reporter": "Ban Tuyên giáo Tỉnh ủy",
            "url": "https://www.facebook.com/",
            "platform": "Facebook",
            "category": "fake_news",
            "summary": "Trang giả mạo đăng thông báo sai sự thật của UBND tỉnh Bình Phước về việc cho học sinh "
            "nghỉ học.",
            "assessment": "Thông tin sai sự thật, giả mạo văn bản của UBND tỉnh.",
            "referred_to": "Công an tỉnh (Phòng An ninh mạng) và Cục Phát thanh, truyền hình và thông tin điện tử",
            "status": "referred",
        },
    )
    logins = []
    for username, full_name, owner in (
        ("donvi_soyte", "Cán bộ CNTT Sở Y tế", "soyte"),
        ("donvi_dongxoai", "Cán bộ CNTT UBND thành phố Đồng Xoài", "ubnd-dong-xoai"),
    ):
        user = demo_user_ensure(username, full_name=full_name)
        ensure(OwnerAccount, {"user": user}, {"owner": owners[owner]})
        logins.append(DemoLogin(username, f"Đơn vị chủ quản hệ thống thông tin · {owners[owner].name}"))
    return logins


def _bd(agency: Agency, day: dt.date) -> None:
    cal = calendar()
    owners = _owners(agency, BD_OWNERS)
    systems = _systems(agency, owners, BD_SYSTEMS, day)
    igate = systems["igate-bd"]
    approved_on = igate.approved_on or day
    _dossier(
        agency,
        igate,
        "HSCD-BD-2026-0001",
        3,
        {
            "explanation": "Dịch vụ công trực tuyến toàn trình tỉnh Bình Dương.",
            "status": "approved",
            "submitted_on": approved_on - dt.timedelta(days=25),
            "received_on": approved_on - dt.timedelta(days=20),
            "appraised_on": approved_on - dt.timedelta(days=8),
            "approval_due": rules.approval_due(approved_on - dt.timedelta(days=8), cal),
            "opinion": "Đồng ý cấp độ 3 (Bình Dương).",
            "approved_on": approved_on,
            "approved_level": 3,
            "decision_number": "880/QĐ-UBND",
        },
        "met",
    )
    incident: Incident = ensure(  # type: ignore[assignment]
        Incident,
        {"agency": agency, "reference": f"SC-BD-{day.year}-0001"},
        {
            "owner": owners["so-tnmt"],
            "title": "Mã độc mã hóa dữ liệu máy trạm Sở Tài nguyên và Môi trường Bình Dương",
            "description": "Ba máy trạm bị mã độc mã hóa dữ liệu (Bình Dương).",
            "kind": "malware",
            "severity": "high",
            "detected_on": day - dt.timedelta(days=3),
            "received_on": day - dt.timedelta(days=3),
            "status": "verified",
            "verified_on": day - dt.timedelta(days=2),
        },
    )
    incident.systems.set([systems["dat-dai-bd"]])
    ensure(
        IncidentEvent,
        {"incident": incident, "action": "report"},
        {"at": _at(day - dt.timedelta(days=3), 10), "note": incident.description},
    )
    warning: SecurityWarning = ensure(  # type: ignore[assignment]
        SecurityWarning,
        {"agency": agency, "reference": "NCSC-CB-BD-2026-07"},
        {
            "source": "Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC)",
            "title": "Lỗ hổng trong Apache Tomcat (Bình Dương)",
            "kind": "vulnerability",
            "severity": "high",
            "product": "Apache Tomcat",
            "versions": "9.0",
            "received_on": day - dt.timedelta(days=6),
            "relayed_on": day - dt.timedelta(days=5),
            "status": "relayed",
        },
    )
    relayed = day - dt.timedelta(days=5)
    ensure(
        WarningDelivery,
        {"warning": warning, "owner": owners["so-tnmt"]},
        {
            "matched": "Cơ sở dữ liệu đất đai tỉnh Bình Dương: Apache Tomcat 9.0",
            "ack_due": rules.acknowledgement_due(relayed, cal),
            "remediation_due": rules.remediation_due(relayed, None),
        },
    )
    ensure(
        ContentReport,
        {"agency": agency, "reference": f"TTXD-BD-{day.year}-0001"},
        {
            "received_on": day - dt.timedelta(days=2),
            "reporter": "Người dân (đường dây nóng Bình Dương)",
            "platform": "TikTok",
            "category": "fraud",
            "summary": "Tài khoản giả danh Sở Tài nguyên và Môi trường Bình Dương hướng dẫn nộp tiền làm sổ đỏ.",
        },
    )


def load(stdout) -> list[DemoLogin]:
    day = today()
    logins: list[DemoLogin] = []
    bp = Agency.objects.filter(code="STTTT-BP").first()
    if bp is None:
        stdout.write("cyber: nothing (no org data)\n")
        return logins
    logins += _bp(bp, day)
    bd = Agency.objects.filter(code="STTTT-BD").first()
    if bd is not None:
        _bd(bd, day)
    stdout.write(f"cyber: {InfoSystem.objects.count()} systems, {Incident.objects.count()} incidents\n")
    return logins
