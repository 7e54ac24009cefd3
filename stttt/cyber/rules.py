"""The rules of information security by level, incidents and warnings, as pure functions (no ORM, no I/O).

Each function cites the provision it implements; the figures come from `facts.py`. Tests at every
boundary are in `tests/test_rules.py`.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from stttt.core.calendar import WorkingCalendar
from stttt.core.legalfacts import fact


def value(key: str) -> int:
    return int(fact(f"cyber.{key}").value)


# --- Levels -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SystemFacts:
    """What the inventory knows of a system that decides its level (Decree 85/2016 Art. 6-11)."""

    system_type: str = "internal"  # SystemType
    private_or_personal: bool = False
    secret_level: str = "none"  # SecretLevel
    online_service: str = "none"  # OnlineService
    conditional_business: bool = False
    personal_data_users: int = 0
    infra_scope: str = "none"  # InfraScope
    national_critical: bool = False


@dataclass(frozen=True)
class Criterion:
    level: int
    fact_key: str  # the LegalFact it applies

    @property
    def basis(self) -> str:
        return fact(self.fact_key).basis

    @property
    def text(self) -> str:
        return str(fact(self.fact_key).label)


def criteria_met(f: SystemFacts) -> list[Criterion]:
    """Every criterion of Decree 85/2016 Art. 7-11 that the facts meet, highest level first.

    Art. 7: internal and public information only -> 1. Art. 8: internal with private or personal data; online
    services at level 2 or below; fewer than 10,000 users' personal data; infrastructure of one agency -> 2.
    Art. 9: full online services or conditional business; 10,000 users or more; infrastructure of a sector or
    province; Confidential secrets -> 3. Art. 10: nationwide infrastructure; Secret; national critical -> 4.
    Art. 11: Top secret -> 5."""
    found: list[Criterion] = []
    secrets = {"confidential": "level3_confidential", "secret": "level4_secret", "top_secret": "level5_top_secret"}
    if f.secret_level in secrets:
        key = secrets[f.secret_level]
        found.append(Criterion(value(key), f"cyber.{key}"))
    if f.national_critical:
        found.append(Criterion(value("level4_national_critical"), "cyber.level4_national_critical"))
    scope = {
        "nationwide": "level4_nationwide_infrastructure",
        "province": "level3_shared_infrastructure",
        "one_agency": "level2_one_agency_infrastructure",
    }
    if f.infra_scope in scope:
        key = scope[f.infra_scope]
        found.append(Criterion(value(key), f"cyber.{key}"))
    if f.system_type == "citizen_service":
        if f.online_service == "full" or f.conditional_business:
            found.append(Criterion(value("level3_full_online"), "cyber.level3_full_online"))
        elif f.online_service == "basic":
            found.append(Criterion(value("level2_basic_online"), "cyber.level2_basic_online"))
    if f.personal_data_users >= value("personal_data_users"):
        found.append(Criterion(3, "cyber.personal_data_users"))
    if f.private_or_personal:
        found.append(Criterion(value("level2_internal_private"), "cyber.level2_internal_private"))
    if not found:
        found.append(Criterion(value("level1_internal_public"), "cyber.level1_internal_public"))
    return sorted(found, key=lambda c: -c.level)


def implied_level(f: SystemFacts) -> int:
    """The level the criteria imply: the highest met (Decree 85/2016 Art. 5: the highest component level)."""
    return criteria_met(f)[0].level


def under_classified(proposed: int | None, f: SystemFacts) -> Criterion | None:
    """The criterion a proposal falls short of, when it asks for a lower level than the criteria imply
    (Decree 85/2016 Art. 7-11, Art. 15(3): the dossier explains the level against the criteria)."""
    if proposed is None:
        return None
    top = criteria_met(f)[0]
    return top if proposed < top.level else None


def check_level(level: int) -> None:
    """Law on Network Information Security 2015 Art. 21(1): levels 1 to 5."""
    if not 1 <= level <= value("levels"):
        raise ValueError(_("A security level is a whole number from 1 to 5."))


# --- Appraisal and approval (Decree 85/2016 Art. 12, 14) -------------------------------------------------


def approver(level: int) -> str:
    """Who approves the level (Decree 85/2016 Art. 12): `department` for levels 1-2 (Art. 12(1)), `owner`
    for level 3 (Art. 12(2)(b)), `ministry` for levels 4-5 (Art. 12(3); the owner approves after the
    Ministry's appraisal)."""
    check_level(level)
    if level <= value("approval_by_specialised_unit"):
        return "department"
    if level == value("level3_approver"):
        return "owner"
    return "ministry"


def appraisal_due(received: dt.date, level: int, cal: WorkingCalendar) -> dt.date:
    """The day the appraisal is due, counted from the complete dossier: 15 days for levels 1-3, 30 days for
    levels 4-5 (Decree 85/2016 Art. 14; the level-4 figure from the provincial procedure listing)."""
    check_level(level)
    days = value("appraisal_days") if level < value("level4_appraiser") else value("appraisal_days_level4")
    return cal.add_plain_days(received, days)


def approval_due(appraised: dt.date, cal: WorkingCalendar) -> dt.date:
    """The day the approval is due: 07 working days after the appraisal (Decree 85/2016 Art. 14)."""
    return cal.add_working_days(appraised, value("approval_working_days"))


# --- The TCVN 11930:2017 checklist -------------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    code: str
    group: str  # "management" | "technical"
    title: str
    from_level: int


# (code, group, title, first level that requires it). Management subgroups: TCVN 11930 cl. 5.1.1-5.1.5;
# technical: network, server, application, data (cl. 5.2, unsure). Cumulative: Circular 12/2022 Art. 9.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("QL.1", "management", "Chính sách an toàn thông tin", 1),
    Requirement("QL.2", "management", "Tổ chức bảo đảm an toàn thông tin (đơn vị, cán bộ phụ trách)", 1),
    Requirement("QL.3", "management", "Bảo đảm nguồn nhân lực (tuyển dụng, đào tạo, nâng cao nhận thức)", 1),
    Requirement("QL.4", "management", "Quản lý thiết kế, xây dựng hệ thống (an toàn trong thiết kế, kiểm thử)", 1),
    Requirement("QL.5", "management", "Quản lý vận hành hệ thống (quy trình vận hành, xử lý sự cố)", 1),
    Requirement("QL.6", "management", "Phương án ứng cứu sự cố và kế hoạch dự phòng", 2),
    Requirement("QL.7", "management", "Đánh giá rủi ro và kiểm tra, đánh giá định kỳ bởi tổ chức độc lập", 3),
    Requirement("QL.8", "management", "Giám sát an toàn thông tin 24/7 (SOC) và quy trình phản ứng", 4),
    Requirement("QL.9", "management", "Phê duyệt an ninh nhân sự vận hành và quản lý thay đổi nghiêm ngặt", 5),
    Requirement("KT.1", "technical", "An toàn mạng: phân vùng mạng, tường lửa, kiểm soát truy cập từ bên ngoài", 1),
    Requirement("KT.2", "technical", "An toàn máy chủ: xác thực, cấu hình cứng hóa, cập nhật bản vá", 1),
    Requirement("KT.3", "technical", "An toàn ứng dụng: xác thực, kiểm tra dữ liệu đầu vào, nhật ký", 1),
    Requirement("KT.4", "technical", "An toàn dữ liệu: sao lưu và phục hồi", 1),
    Requirement("KT.5", "technical", "Phòng chống mã độc quản lý tập trung", 2),
    Requirement("KT.6", "technical", "Thu thập, lưu trữ nhật ký hệ thống tập trung", 2),
    Requirement("KT.7", "technical", "Phát hiện và phòng chống xâm nhập (IDS/IPS)", 3),
    Requirement("KT.8", "technical", "Xác thực đa yếu tố cho quản trị viên", 3),
    Requirement("KT.9", "technical", "Mã hóa dữ liệu khi truyền và lưu trữ", 3),
    Requirement("KT.10", "technical", "Dự phòng nóng các thành phần quan trọng, chống tấn công từ chối dịch vụ", 4),
    Requirement("KT.11", "technical", "Trung tâm dữ liệu dự phòng, tách biệt vật lý mạng quản trị", 5),
)


def requirements_for(level: int) -> list[Requirement]:
    """The requirements a level-`level` security plan must meet: its own and every lower level's
    (Circular 12/2022 Art. 9, cumulative; TCVN 11930:2017 management and technical groups)."""
    check_level(level)
    return [r for r in REQUIREMENTS if r.from_level <= level]


# --- Obligations after approval ---------------------------------------------------------------------------


def assessment_months(level: int) -> int:
    """How often a system of `level` is checked and assessed: 24 months for levels 1-2 (Circular 12/2022,
    unsure), 12 for levels 3-4 and 6 for level 5 (Directive 14/CT-TTg)."""
    check_level(level)
    if level <= 2:
        return value("assessment_months_level1_2")
    if level <= 4:
        return value("assessment_months_level3_4")
    return value("assessment_months_level5")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the last day of the month when that month is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def next_assessment_due(level: int | None, approved_on: dt.date | None, last_done: dt.date | None) -> dt.date | None:
    """The next periodic assessment: one period after the last one, or after the approval when none was done
    yet (Circular 12/2022; Directive 14/CT-TTg). None for a system whose level is not approved."""
    if level is None or approved_on is None:
        return None
    start = max(d for d in (approved_on, last_done) if d is not None)
    return add_months(start, assessment_months(level))


@dataclass(frozen=True)
class Compliance:
    """One owner's standing: systems, approved levels, assessments overdue, warnings overdue."""

    systems: int
    approved: int
    assessments_overdue: int
    warnings_overdue: int

    @property
    def rate(self) -> int:
        """Share of the owner's duties in order, in percent: systems with an approved level and not overdue."""
        if self.systems == 0:
            return 100
        good = max(self.approved - self.assessments_overdue, 0)
        return round(100 * good / self.systems)

    @property
    def compliant(self) -> bool:
        return self.systems == self.approved and not self.assessments_overdue and not self.warnings_overdue


# --- Incidents (Decision 05/2017/QĐ-TTg; Circular 20/2017/TT-BTTTT) ---------------------------------------


@dataclass(frozen=True)
class IncidentDeadlines:
    notify: dt.date  # initial notification to the national centre and the response team
    verify: dt.date  # verification and classification by the Department
    final_report: dt.date | None  # the closing report, once recovered


def incident_deadlines(
    detected: dt.date, received: dt.date, recovered: dt.date | None, cal: WorkingCalendar
) -> IncidentDeadlines:
    """The response steps' deadlines: the initial notification within 05 days of detection (Circular
    20/2017 Art. 11), verification within 2 working days of the report and the closing report within 5
    working days of recovery (Department's practice, unsure)."""
    return IncidentDeadlines(
        notify=cal.add_plain_days(detected, value("incident_notify_days")),
        verify=cal.add_working_days(received, value("incident_verify_days")),
        final_report=cal.add_working_days(recovered, value("incident_final_report_days")) if recovered else None,
    )


def is_serious(severity: str) -> bool:
    """A serious incident goes under the national emergency-response plan (Decision 05/2017/QĐ-TTg); the
    others under Circular 20/2017."""
    return severity == fact("cyber.serious_incident").value


# --- Warnings ------------------------------------------------------------------------------------------


def normalise_product(text: str) -> str:
    return " ".join(text.lower().split())


def product_matches(inventory_products: str, product: str, versions: str = "") -> list[str]:
    """The lines of a system's product list (one "product version" a line) that a warning on `product`
    (and any of the comma-separated `versions`, all when empty) affects. Matching ignores case and spacing."""
    wanted = normalise_product(product)
    if not wanted:
        return []
    wanted_versions = [normalise_product(v) for v in versions.split(",") if v.strip()]
    found = []
    for line in inventory_products.splitlines():
        text = normalise_product(line)
        if wanted not in text:
            continue
        rest = text.replace(wanted, " ", 1)
        if wanted_versions and not any(v in rest.split() or v in rest for v in wanted_versions):
            continue
        found.append(line.strip())
    return found


def acknowledgement_due(relayed: dt.date, cal: WorkingCalendar) -> dt.date:
    """Regulation Art. 3.15.đ: the agency acknowledges a relayed warning within 2 working days (the
    Department's rule, unsure)."""
    return cal.add_working_days(relayed, value("warning_ack_working_days"))


def remediation_due(relayed: dt.date, days: int | None) -> dt.date:
    """The day the agency must have remedied the warning: the national centre's time when it gives one, else
    15 days (the Department's rule, unsure)."""
    return relayed + dt.timedelta(days=days if days else value("warning_remediation_days"))


def delivery_overdue(status: str, ack_due: dt.date, remediation_due_on: dt.date, today: dt.date) -> bool:
    """A relayed warning is overdue when it is not acknowledged after its acknowledgement day, or not
    remedied after its remediation day (Civil Code 2015 Art. 148(1): a period ends with its last day)."""
    if status == "sent":
        return today > ack_due or today > remediation_due_on
    if status == "acknowledged":
        return today > remediation_due_on
    return False


def month_key(day: dt.date) -> str:
    return day.strftime("%Y-%m")
