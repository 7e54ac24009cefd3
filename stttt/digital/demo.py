"""Demo data of the digital app, in both demo agencies.

Bình Phước: the year's digital-transformation plan with targets tied to the national programme and tasks (one
the Department's own, also a `work` task), twelve indicators with their formulas and DTI points, the reporting
entities (the eleven districts, whose officers fill their own figures, and a few provincial departments), last
year's collection (all submitted) and this year's (one late, one returned, one not yet), the published DTI
figures of two years (invented for the demo, entered as data), the data catalogue with stttt's own registers as
open data, three sharing requests (one answered in time, one overdue, one open), three appraisals (one
appraised, one due soon, one consulting), the IT enterprise register with two years of figures, and
digital-signature requests (one certificate expiring soon).
Bình Dương: a smaller set of the same records, so that every page has a record of the other agency.

Idempotent: rows are found by natural keys (`core.demo.ensure`), and workflow steps are taken through the
services only from the state before them. Dates are relative to the day the demo is loaded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from stttt.core.calendar import calendar
from stttt.core.demo import DemoLogin, ensure
from stttt.digital import rules, services
from stttt.digital.models import (
    Appraisal,
    Collection,
    Dataset,
    EnterpriseYear,
    Indicator,
    ITEnterprise,
    Programme,
    ProgrammeTask,
    PublishedScore,
    ReportingEntity,
    SharingRequest,
    SignatureRequest,
    Submission,
    Target,
)
from stttt.org.models import Agency, District, Unit

AGENCIES = {
    "STTTT-BP": {
        "unit": "BCVTCNTT",
        "head": "truongphong_bcvtcntt",
        "officer": "chuyenvien_bcvtcntt",
        "director": "giamdoc",
    },
    "STTTT-BD": {
        "unit": "BD-CDSBCVT",
        "head": "bd.truongphong_cds",
        "officer": "bd.chuyenvien_cds",
        "director": "bd.giamdoc",
    },
}

PD, DI = "provincial_agency", "district"
# code, name, formula, numerator, denominator, pillar, points, benchmark, unit, reporters
INDICATORS = [
    (
        "dvc-toan-trinh",
        "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
        "rate",
        "Số TTHC cung cấp DVCTT toàn trình",
        "Tổng số TTHC thuộc thẩm quyền",
        "government",
        40,
        80,
        "%",
        f"{PD},{DI}",
    ),
    (
        "ho-so-truc-tuyen",
        "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến",
        "rate",
        "Số hồ sơ nộp trực tuyến",
        "Tổng số hồ sơ tiếp nhận",
        "government",
        40,
        50,
        "%",
        f"{PD},{DI}",
    ),
    (
        "van-ban-ky-so",
        "Tỷ lệ văn bản đi được ký số",
        "rate",
        "Số văn bản đi ký số",
        "Tổng số văn bản đi",
        "government",
        30,
        100,
        "%",
        f"{PD},{DI}",
    ),
    (
        "cbccvc-ky-nang-so",
        "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số",
        "rate",
        "Số người được bồi dưỡng",
        "Tổng số CBCCVC",
        "human_resources",
        30,
        100,
        "%",
        f"{PD},{DI}",
    ),
    (
        "chuyen-trach-cds",
        "Số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số",
        "sum",
        "",
        "",
        "human_resources",
        20,
        60,
        "người",
        f"{PD},{DI}",
    ),
    (
        "he-thong-cap-do",
        "Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ cấp độ an toàn thông tin",
        "rate",
        "Số hệ thống được phê duyệt cấp độ",
        "Tổng số hệ thống thông tin",
        "security",
        40,
        100,
        "%",
        f"{PD},{DI}",
    ),
    (
        "van-ban-chi-dao",
        "Số văn bản chỉ đạo, kế hoạch về chuyển đổi số được ban hành",
        "sum",
        "",
        "",
        "institutions",
        30,
        40,
        "văn bản",
        f"{PD},{DI}",
    ),
    (
        "tin-bai-cds",
        "Số tin, bài tuyên truyền về chuyển đổi số",
        "sum",
        "",
        "",
        "awareness",
        30,
        600,
        "tin, bài",
        f"{PD},{DI}",
    ),
    (
        "ho-cap-quang",
        "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
        "rate",
        "Số hộ có cáp quang",
        "Tổng số hộ gia đình",
        "infrastructure",
        40,
        80,
        "%",
        DI,
    ),
    ("to-cong-nghe-so", "Số thành viên tổ công nghệ số cộng đồng", "sum", "", "", "society", 40, 1500, "người", DI),
    (
        "dn-nen-tang-so",
        "Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
        "sum",
        "",
        "",
        "economy",
        40,
        1200,
        "doanh nghiệp",
        DI,
    ),
    (
        "tt-khong-tien-mat",
        "Tỷ lệ cơ sở y tế, trường học chấp nhận thanh toán không dùng tiền mặt",
        "rate",
        "Số cơ sở chấp nhận",
        "Tổng số cơ sở",
        "economy",
        30,
        90,
        "%",
        PD,
    ),
]

DEPARTMENTS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo"]


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _figures(code: str, formula: str, kind: str, seed: int, year_offset: int) -> dict[str, str]:
    """Plausible figures for an entity (seed) and a year (0 this year, -1 the year before)."""
    growth = 1.0 + 0.15 * year_offset
    if formula == "rate":
        den = 40 + 13 * seed if kind == PD else 120 + 37 * seed
        if code == "ho-cap-quang":
            den = 8000 + 900 * seed
        share = min(0.97, (0.35 + (sum(map(ord, code)) % 30) / 100 + 0.03 * (seed % 7)) * growth)
        return {code + rules.NUM: str(int(den * share)), code + rules.DEN: str(den)}
    base = {
        "chuyen-trach-cds": 3,
        "van-ban-chi-dao": 2,
        "tin-bai-cds": 25,
        "to-cong-nghe-so": 90,
        "dn-nen-tang-so": 60,
    }.get(code, 5)
    return {code: str(max(0, int((base + seed) * growth)))}


def _indicators(agency: Agency) -> list[Any]:
    found = []
    for order, (code, name, formula, num, den, pillar, points, bench, unit, who) in enumerate(INDICATORS, start=1):
        found.append(
            ensure(
                Indicator,
                {"agency": agency, "code": code},
                {
                    "name": name,
                    "formula": formula,
                    "numerator_label": num,
                    "denominator_label": den,
                    "pillar": pillar,
                    "max_points": Decimal(points),
                    "benchmark": Decimal(bench),
                    "unit": unit,
                    "reporters": who,
                    "order": order,
                    "basis": "Quyết định 922/QĐ-BTTTT ngày 20/5/2022, Phụ lục 1",
                },
            )
        )
    return found


def _entities(agency: Agency, *, with_districts: bool) -> list[Any]:
    found = []
    for order, name in enumerate(DEPARTMENTS, start=1):
        found.append(
            ensure(
                ReportingEntity,
                {"agency": agency, "name": name},
                {"kind": PD, "order": order, "email": f"cds.{order}@{agency.code.lower()}.example.vn"},
            )
        )
    for district in District.objects.filter(agency=agency, active=True).order_by("order", "pk"):
        found.append(
            ensure(
                ReportingEntity,
                {"agency": agency, "name": f"UBND {district.name}"},
                {"kind": DI, "order": district.order, "district": district if with_districts else None},
            )
        )
    return found


def _collection(
    agency: Agency, actor: Any, year: int, deadline: dt.date, title: str, number: str, programme: Programme | None
) -> Collection:
    found = Collection.objects.filter(agency=agency, year=year, title=title).first()
    if found is not None:
        return found
    return services.collection_create(
        actor=actor,
        agency=agency,
        year=year,
        title=title,
        number=number,
        deadline=deadline,
        indicators=list(Indicator.objects.filter(agency=agency)),
        programme=programme,
        instructions="Các cơ quan, địa phương nhập số liệu đến ngày 31/12 của năm đánh giá; "
        "tỷ lệ nhập tử số và mẫu số.",
    )


def _submit(
    sub: Submission, actor: Any, year_offset: int, seed: int, *, at: dt.datetime | None, draft_only: bool = False
) -> None:
    """Fill and submit an entity's figures through the services, once (from a not-started submission)."""
    if sub.status != "not_started" or actor is None:
        return
    raw: dict[str, str] = {}
    for ind in sub.collection.indicators.all():
        if sub.entity.kind in ind.reporter_kinds:
            raw |= _figures(ind.code, ind.formula, sub.entity.kind, seed, year_offset)
    services.submission_save(sub, actor=actor, raw=raw, note="", submit=not draft_only)
    if at is not None and not draft_only:  # the demo's past submissions keep their day (saved with history)
        sub.refresh_from_db()
        sub.submitted_at = at
        sub.save(update_fields=["submitted_at"])


def _load_collections(agency: Agency, people: dict[str, Any], programme: Programme, today: dt.date) -> None:
    clerk, head = people["officer"], people["head"]
    last = _collection(
        agency,
        head,
        today.year - 1,
        dt.date(today.year, 1, 20),
        f"Số liệu chỉ số chuyển đổi số năm {today.year - 1}",
        "12/STTTT-CĐS",
        None,
    )
    this = _collection(
        agency,
        head,
        today.year,
        today - dt.timedelta(days=4),
        f"Số liệu chỉ số chuyển đổi số năm {today.year}",
        "1890/STTTT-CĐS",
        programme,
    )
    late_at = timezone.now() - dt.timedelta(days=1)
    on_time = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=6), dt.time(9, 0)))
    last_at = timezone.make_aware(dt.datetime.combine(dt.date(today.year, 1, 15), dt.time(9, 0)))
    for collection, offset in ((last, -1), (this, 0)):
        subs = list(collection.submissions.select_related("entity__district").order_by("entity__kind", "entity__order"))
        for seed, sub in enumerate(subs, start=1):
            officer = None
            if sub.entity.district is not None:
                post = sub.entity.district.officers.select_related("user").first()
                officer = post.user if post else None
            actor = officer or (clerk if sub.entity.district_id is None else None)
            if offset == -1:
                _submit(sub, actor, -1, seed, at=last_at)
                continue
            name = sub.entity.name
            if name == "Sở Giáo dục và Đào tạo":
                continue  # not yet submitted: on the late list
            if name == "Sở Y tế":
                _submit(sub, actor, 0, seed, at=None, draft_only=True)  # a draft only
                continue
            _submit(sub, actor, 0, seed, at=late_at if seed == 6 else on_time)
            sub.refresh_from_db()
            if seed == 9 and sub.status == "submitted":
                services.submission_return(
                    sub,
                    actor=head,
                    reason="Số hộ có cáp quang lớn hơn số hộ theo niên giám thống kê; đề nghị rà soát lại mẫu số.",
                )


def _programme(agency: Agency, people: dict[str, Any], today: dt.date) -> Programme:
    year = today.year
    programme = Programme.objects.filter(agency=agency, year=year).first() or services.programme_create(
        actor=people["head"],
        agency=agency,
        year=year,
        title=f"Kế hoạch chuyển đổi số của tỉnh năm {year}",
        number="45/KH-UBND",
        issued_on=dt.date(year, 2, 10),
        summary="Triển khai Chương trình Chuyển đổi số quốc gia (Quyết định 749/QĐ-TTg) trên địa bàn tỉnh.",
    )
    ind = {i.code: i for i in Indicator.objects.filter(agency=agency)}
    targets = [
        ("MT1", "80% dịch vụ công trực tuyến được cung cấp toàn trình", "749/QĐ-TTg, I.2.a", 80, "%", "dvc-toan-trinh"),
        ("MT2", "50% hồ sơ thủ tục hành chính được nộp trực tuyến", "749/QĐ-TTg, I.2.a", 50, "%", "ho-so-truc-tuyen"),
        ("MT3", "80% hộ gia đình có kết nối cáp quang", "749/QĐ-TTg, I.2.c", 80, "%", "ho-cap-quang"),
        ("MT4", "100% văn bản đi được ký số (trừ văn bản mật)", "749/QĐ-TTg, I.2.a", 100, "%", "van-ban-ky-so"),
    ]
    for code, title, national, value, unit, icode in targets:
        if not Target.objects.filter(programme=programme, code=code).exists():
            services.target_add(
                programme,
                actor=people["head"],
                code=code,
                title=title,
                national_target=national,
                value=Decimal(value),
                unit=unit,
                indicator=ind.get(icode),
            )
    tasks = [
        (
            "Rà soát, tái cấu trúc quy trình để cung cấp dịch vụ công trực tuyến toàn trình",
            "Sở Nội vụ",
            dt.date(year, 9, 30),
            None,
        ),
        ("Triển khai ký số trên hệ thống quản lý văn bản cho 100% công chức", "Sở Y tế", dt.date(year, 6, 30), None),
        (
            "Hướng dẫn, đôn đốc thu thập số liệu chỉ số DTI và tổng hợp báo cáo của tỉnh",
            "",
            today + dt.timedelta(days=20),
            people["unit"],
        ),
    ]
    for title, assignee, deadline, unit in tasks:
        if ProgrammeTask.objects.filter(programme=programme, title=title).exists():
            continue
        services.programme_task_add(
            programme,
            actor=people["director"],
            title=title,
            assignee=assignee,
            deadline=deadline,
            lead_unit=unit,
            target=programme.targets.first(),
        )
    done = ProgrammeTask.objects.filter(programme=programme, assignee="Sở Y tế", status="open").first()
    if done is not None:
        services.programme_task_close(
            done, actor=people["head"], result="Đã ký số 98% văn bản đi trong 6 tháng.", on=dt.date(year, 6, 25)
        )
    return programme


def _published(agency: Agency, people: dict[str, Any], today: dt.date, scale: float) -> None:
    figures = {
        today.year - 2: {
            "total": (0.3921, 41),
            "government": (0.4312, 38),
            "economy": (0.2950, 47),
            "society": (0.3406, 40),
        },
        today.year - 1: {
            "total": (0.4518, 33),
            "government": (0.5022, 29),
            "economy": (0.3391, 41),
            "society": (0.4127, 35),
        },
    }
    for year, rows in figures.items():
        for index, (value, rank) in rows.items():
            if not PublishedScore.objects.filter(agency=agency, year=year, index=index).exists():
                services.published_score_set(
                    actor=people["head"],
                    agency=agency,
                    year=year,
                    index=index,
                    value=Decimal(str(round(value * scale, 4))),
                    rank=rank,
                    of_provinces=63,
                    source="Báo cáo công bố DTI của Bộ Thông tin và Truyền thông (số liệu minh họa)",
                )


DATASETS = [
    (
        "cong-dan-ho-tich",
        "Cơ sở dữ liệu hộ tịch điện tử",
        "Sở Tư pháp",
        "shared",
        True,
        "daily",
        "Luật Hộ tịch 2014; Nghị định 87/2020/NĐ-CP",
        "Hệ thống đăng ký, quản lý hộ tịch",
    ),
    (
        "dat-dai",
        "Cơ sở dữ liệu đất đai",
        "Sở Tài nguyên và Môi trường",
        "restricted",
        True,
        "realtime",
        "Luật Đất đai 2024",
        "Hệ thống thông tin đất đai",
    ),
    (
        "thu-tuc-tttt",
        "Danh mục thủ tục hành chính lĩnh vực thông tin và truyền thông",
        "Sở Thông tin và Truyền thông",
        "open",
        False,
        "irregular",
        "Nghị định 63/2010/NĐ-CP",
        "stttt",
    ),
    (
        "giay-phep-tttt",
        "Danh sách giấy phép đã cấp lĩnh vực thông tin và truyền thông",
        "Sở Thông tin và Truyền thông",
        "open",
        False,
        "daily",
        "Nghị định 47/2020/NĐ-CP, Chương IV",
        "stttt",
    ),
    (
        "doanh-nghiep-cntt",
        "Danh sách doanh nghiệp công nghệ thông tin trên địa bàn tỉnh",
        "Sở Thông tin và Truyền thông",
        "open",
        False,
        "quarterly",
        "Quy định 3.13.b",
        "stttt",
    ),
    (
        "tram-bts",
        "Hạ tầng trạm thu phát sóng di động",
        "Sở Thông tin và Truyền thông",
        "shared",
        True,
        "monthly",
        "Luật Viễn thông 2023",
        "Hệ thống quản lý hạ tầng viễn thông",
    ),
]


def _catalogue(agency: Agency, people: dict[str, Any], today: dt.date, *, full: bool) -> None:
    for code, name, owner, level, is_db, freq, basis, system in DATASETS if full else DATASETS[2:4]:
        personal = code in ("cong-dan-ho-tich", "dat-dai")
        ensure(
            Dataset,
            {"agency": agency, "code": code},
            {
                "name": name,
                "owner": owner,
                "access_level": level,
                "is_database": is_db,
                "frequency": freq,
                "legal_basis": basis,
                "system": system,
                "personal_data": personal,
                "content": f"{name} do {owner} quản lý.",
                "keywords": "chuyển đổi số, dữ liệu",
                "licence": "CC-BY-4.0" if level == "open" else "",
                "fields": "mã định danh, tên, địa chỉ, ngày cập nhật",
                "issued_on": dt.date(2024, 3, 1),
                "modified_on": dt.date(today.year, 11, 30),
            },
        )
    cal = calendar()
    target = Dataset.objects.filter(agency=agency, code="giay-phep-tttt").first()
    second = Dataset.objects.filter(agency=agency, code="tram-bts").first() or target
    plan = [
        ("Sở Công Thương", target, today - dt.timedelta(days=40), "agree"),
        ("Công an tỉnh", second, today - dt.timedelta(days=25), None),  # open past its limit
        ("Sở Kế hoạch và Đầu tư", target, cal.next_working_day(today - dt.timedelta(days=3)), None),
    ]
    for requester, dataset, received, action in plan if full else plan[:2]:
        if dataset is None:
            continue
        req = SharingRequest.objects.filter(agency=agency, requester=requester, dataset=dataset).first()
        if req is None:
            req = services.sharing_request_create(
                actor=people["officer"],
                dataset=dataset,
                requester=requester,
                received_on=received,
                purpose="Phục vụ quản lý nhà nước và giải quyết thủ tục hành chính liên thông.",
                number=f"{len(requester)}/CV-YC",
                legal_basis="Nghị định 47/2020/NĐ-CP",
            )
        if action == "agree" and req.status == "received":
            services.sharing_decide(
                req,
                actor=people["head"],
                action="agree",
                on=req.received_on + dt.timedelta(days=6),
                terms="Chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP), cập nhật hằng ngày.",
                method="API qua LGSP",
            )


def _appraisals(agency: Agency, people: dict[str, Any], today: dt.date, *, full: bool) -> None:
    plan = [
        (
            "Nâng cấp Trung tâm dữ liệu tỉnh",
            "Trung tâm Công nghệ thông tin và Truyền thông",
            "investment",
            "feasibility",
            Decimal("25000000000"),
            today - dt.timedelta(days=70),
            "appraise",
        ),
        (
            "Xây dựng kho dữ liệu dùng chung của tỉnh",
            "Sở Thông tin và Truyền thông",
            "investment",
            "economic_technical",
            Decimal("12500000000"),
            today - dt.timedelta(days=18),
            None,
        ),
        (
            "Thuê dịch vụ phần mềm quản lý văn bản năm sau",
            "Văn phòng UBND tỉnh",
            "recurrent",
            "outline_estimate",
            Decimal("1800000000"),
            today - dt.timedelta(days=5),
            "consult",
        ),
    ]
    for title, owner, funding, stage, total, received, action in plan if full else plan[:2]:
        item = Appraisal.objects.filter(agency=agency, title=title).first()
        if item is None:
            item = services.appraisal_create(
                actor=people["officer"],
                agency=agency,
                title=title,
                owner=owner,
                funding=funding,
                stage=stage,
                total=total,
                received_on=received,
                number="TTr-" + str(received.day),
            )
        if item.status != "received":
            continue
        if action == "appraise":
            services.appraisal_consult(
                item, actor=people["officer"], body="Sở Tài chính", sent_on=received + dt.timedelta(days=3)
            )
            item.refresh_from_db()
            services.appraisal_appraise(
                item,
                actor=people["head"],
                outcome="with_changes",
                opinion_number="215/STTTT-BCVTCNTT",
                opinion="Dự án phù hợp Kiến trúc chính quyền số của tỉnh; đề nghị điều chỉnh giải pháp "
                "sao lưu dự phòng "
                "và cập nhật đơn giá thiết bị theo thị trường.",
                approved_total=Decimal("23800000000"),
                on=received + dt.timedelta(days=25),
            )
        elif action == "consult":
            services.appraisal_consult(
                item, actor=people["officer"], body="Sở Tài chính", sent_on=received + dt.timedelta(days=1)
            )


ENTERPRISES = [
    ("Công ty TNHH Phần mềm Đồng Xoài", "3801234567", "software", "Phần mềm quản lý, cổng thông tin điện tử"),
    ("Công ty Cổ phần Công nghệ số Bình Phước", "3801345678", "digital_technology", "Nền tảng số cho nông nghiệp"),
    ("Công ty TNHH Thiết bị Tin học Phước Long", "3801456789", "hardware", "Phân phối, lắp ráp máy tính"),
    ("Công ty TNHH Truyền thông Số Sông Bé", "3801567890", "digital_content", "Nội dung số, video, quảng cáo"),
    ("Công ty Cổ phần Dịch vụ CNTT Chơn Thành", "3801678901", "it_services", "Dịch vụ hạ tầng, bảo trì hệ thống"),
    ("Công ty TNHH Giải pháp Thông minh Lộc Ninh", "3801789012", "software", "Phần mềm kế toán, bán hàng"),
]


def _enterprises(agency: Agency, today: dt.date, *, full: bool) -> None:
    districts = list(District.objects.filter(agency=agency).order_by("order", "pk"))
    for n, (name, tax, field, products) in enumerate(ENTERPRISES if full else ENTERPRISES[:3], start=1):
        tax_code = tax if full else "37" + tax[2:]
        item = ensure(
            ITEnterprise,
            {"agency": agency, "tax_code": tax_code},
            {
                "name": name if full else name.replace("Bình Phước", "Bình Dương"),
                "field_of_activity": field,
                "products": products,
                "address": f"Số {10 * n} đường Phú Riềng Đỏ",
                "district": districts[n % len(districts)] if districts else None,
                "representative": "Nguyễn Văn " + "ABCDEFGH"[n],
                "status": "dissolved" if n == 6 else "active",
                "founded_on": dt.date(2010 + n, n, 1),
            },
        )
        for year, factor in ((today.year - 2, 1), (today.year - 1, 1.2)):
            ensure(
                EnterpriseYear,
                {"enterprise": item, "year": year},
                {
                    "staff": int(12 * n * factor),
                    "revenue": Decimal(str(round(3500 * n * factor, 1))),
                    "export_revenue": Decimal(str(round(120 * n * factor, 1))),
                },
            )


def _signatures(agency: Agency, people: dict[str, Any], today: dt.date, *, full: bool) -> None:
    plan = [
        ("Sở Nội vụ", "Trần Văn Bình", "Giám đốc Sở", "issue", 20),
        ("UBND huyện Bù Đăng", "UBND huyện Bù Đăng", "", "forward", None),
        ("Sở Y tế", "Lê Thị Hoa", "Phó Giám đốc Sở", None, None),
    ]
    for body, holder, position, action, expires_in in plan if full else plan[:1]:
        req = SignatureRequest.objects.filter(agency=agency, body=body, holder=holder).first()
        if req is None:
            req = services.signature_request_create(
                actor=people["officer"],
                agency=agency,
                kind="individual" if position else "organisation",
                body=body,
                holder=holder,
                position=position,
                received_on=today - dt.timedelta(days=30),
            )
        if action and req.status == "received":
            services.signature_step(req, actor=people["officer"], action="forward", number="88/STTTT-CĐS")
            req.refresh_from_db()
            if action == "issue":
                services.signature_step(
                    req,
                    actor=people["officer"],
                    action="issue",
                    serial="5403A1F2B7",
                    expires_on=today + dt.timedelta(days=expires_in or 365),
                )


def load(stdout) -> list[DemoLogin]:
    today = timezone.localdate()
    for code, names in AGENCIES.items():
        agency = Agency.objects.filter(code=code).first()
        people = {k: _user(v) for k, v in names.items() if k != "unit"}
        unit = Unit.objects.filter(code=names["unit"]).first()
        if agency is None or unit is None or any(p is None for p in people.values()):
            stdout.write(f"digital: no demo agency or staff {code}, skipped\n")
            continue
        people["unit"] = unit
        full = code == "STTTT-BP"
        _indicators(agency)
        _entities(agency, with_districts=full)
        programme = _programme(agency, people, today)
        _load_collections(agency, people, programme, today)
        _published(agency, people, today, 1.0 if full else 1.18)
        _catalogue(agency, people, today, full=full)
        _appraisals(agency, people, today, full=full)
        _enterprises(agency, today, full=full)
        _signatures(agency, people, today, full=full)
        stdout.write(f"digital: {code} loaded\n")
    return []
