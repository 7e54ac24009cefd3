"""Legal facts of sector supervision, each with the provision it comes from (`stttt.core.legalfacts`).

Rules read every value here (`fact("supervision.<name>").value`). Where the article or the figure could not be
checked against the official text from this workstation the fact is `unsure=True` and its note says what to
check; the Department sets those values itself until they are confirmed ([verify] in docs/supervision.md).
"""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

TELECOM_LAW = "Luật Viễn thông số 24/2023/QH15 (24/11/2023, hiệu lực 01/7/2024)"
POSTAL_LAW = "Luật Bưu chính số 49/2010/QH12 (17/6/2010, hiệu lực 01/01/2011)"
FREQUENCY_LAW = "Luật Tần số vô tuyến điện số 42/2009/QH12, sửa đổi bởi Luật số 09/2022/QH15"
ADVERTISING_LAW = "Luật Quảng cáo số 16/2012/QH13 (21/6/2012), đã được sửa đổi, bổ sung"
GRASSROOTS_DECREE = "Nghị định 49/2024/NĐ-CP (10/5/2024, hiệu lực 01/7/2024) về hoạt động thông tin cơ sở"
GRASSROOTS_CIRCULAR = "Thông tư 39/2020/TT-BTTTT (24/11/2020, hiệu lực 18/01/2021)"
GRASSROOTS_SCHEME = "Quyết định 135/QĐ-TTg năm 2020 (Đề án nâng cao hiệu quả thông tin cơ sở dựa trên CNTT)"
EXTERNAL_DECREE = "Nghị định 72/2015/NĐ-CP (07/9/2015) về quản lý hoạt động thông tin đối ngoại"

_NOT_CHECKED = _("The article number could not be checked against the official text; check it.")

FACTS: list[LegalFact] = [
    # --- Reporting by supervised organisations ----------------------------------------------------------
    LegalFact(
        "supervision.report_due_days_monthly",
        _("Days after a month's end within which a monthly report is due"),
        10,
        "days",
        f"{TELECOM_LAW} Art. 13 (enterprises report to the State management bodies); Nghị định 09/2019/NĐ-CP "
        "Art. 12 (reporting periods and cut-off dates)",
        unsure=True,
        note=_(
            "The day of sending is set by each sector's reporting circular; 10 days is the Department's working "
            "setting until the circular in force is checked."
        ),
    ),
    LegalFact(
        "supervision.report_due_days_quarterly",
        _("Days after a quarter's end within which a quarterly report is due"),
        15,
        "days",
        f"{TELECOM_LAW} Art. 13; Nghị định 09/2019/NĐ-CP Art. 12",
        unsure=True,
        note=_("Working setting until the sector's reporting circular in force is checked."),
    ),
    LegalFact(
        "supervision.report_due_days_half_yearly",
        _("Days after a half-year's end within which a six-monthly report is due"),
        15,
        "days",
        f"{POSTAL_LAW} Art. 11 (State management of posts: statistics and reports); Nghị định 09/2019/NĐ-CP Art. 12",
        unsure=True,
        note=_("The postal reporting circular sets the day; working setting until checked."),
    ),
    LegalFact(
        "supervision.report_due_days_yearly",
        _("Days after a year's end within which a yearly report is due"),
        30,
        "days",
        f"{TELECOM_LAW} Art. 13; {POSTAL_LAW} Art. 11; Nghị định 09/2019/NĐ-CP Art. 12",
        unsure=True,
        note=_("Working setting until each sector's reporting circular in force is checked."),
    ),
    LegalFact(
        "supervision.reminder_days_before",
        _("Days before the due date when the organisation is reminded"),
        5,
        "days",
        "Working rule of the Department under regulation Art. 3.17 and 3.29 (no provision of law sets it)",
    ),
    LegalFact(
        "supervision.reminder_days_after",
        _("Days between two reminders of an overdue report"),
        7,
        "days",
        "Working rule of the Department under regulation Art. 3.17 and 3.29 (no provision of law sets it)",
    ),
    # --- Postal ----------------------------------------------------------------------------------------
    LegalFact(
        "supervision.postal_notice_working_days",
        _("Working days after starting operations within which a postal activity notice is filed"),
        7,
        "working_days",
        f"{POSTAL_LAW} Art. 25; Nghị định 47/2011/NĐ-CP Art. 7 (as amended by Nghị định 25/2022/NĐ-CP)",
        unsure=True,
        note=_("From the provincial procedure listings; the amendment by Decree 25/2022 is not checked."),
    ),
    LegalFact(
        "supervision.postal_licence_max_years",
        _("Longest term of a postal licence"),
        10,
        "years",
        f"{POSTAL_LAW} Art. 22(2)",
    ),
    LegalFact(
        "supervision.postal_complaint_months_domestic",
        _("Time for settling a complaint about a domestic postal service"),
        2,
        "months",
        f"{POSTAL_LAW} Art. 39(3)",
        unsure=True,
        note=format_lazy("{} {}", _NOT_CHECKED, _("Three months for international services in the same clause.")),
    ),
    LegalFact(
        "supervision.public_postal_network",
        _("The public postal network and the universal postal service are supervised by the Department"),
        "text",
        "text",
        f"{POSTAL_LAW} Art. 32-33 (public postal network, universal service); regulation Art. 3.10.c-đ",
        unsure=True,
        note=_NOT_CHECKED,
    ),
    # --- Telecommunications and infrastructure ------------------------------------------------------------
    LegalFact(
        "supervision.infrastructure_plan",
        _("The local passive telecom infrastructure plan: sites must conform to it"),
        "text",
        "text",
        f"{TELECOM_LAW} Chapter VIII (technical and specialised plan detailing the provincial plan)",
        unsure=True,
        note=_("The chapter is confirmed; the article number was not seen."),
    ),
    LegalFact(
        "supervision.infrastructure_sharing",
        _("Owners of passive telecom infrastructure share it on fair, cost-based terms"),
        "text",
        "text",
        f"{TELECOM_LAW} Chapter VIII; regulation Art. 3.11.c (the Department handles disputes on sharing)",
        unsure=True,
        note=_("The duty is known from practice; the article of the 2023 Law was not seen."),
    ),
    LegalFact(
        "supervision.site_permit_kinds",
        _("Kinds of site that need a construction permit"),
        ("ground_tower", "rooftop"),
        "text",
        "Luật Xây dựng 2014 Art. 89 (as amended 2020): exemptions for small telecom works; " + TELECOM_LAW,
        unsure=True,
        note=_("Which poles and small cells are exempt depends on the Construction Law's exemptions; check."),
    ),
    LegalFact(
        "supervision.dispute_days",
        _("Days for the Department to handle a dispute on shared infrastructure"),
        30,
        "days",
        f"{TELECOM_LAW} (settlement of disputes in telecom business); regulation Art. 3.11.c",
        unsure=True,
        note=_("No time limit for the Department's mediation was found; 30 days is the Department's working setting."),
    ),
    LegalFact(
        "supervision.telecom_complaint_days",
        _("Days for handling a complaint about telecom service quality brought to the Department"),
        30,
        "days",
        f"{TELECOM_LAW} (rights of users: complaints); regulation Art. 3.11.a",
        unsure=True,
        note=_(
            "The enterprise answers first under its own procedure; the Department's time limit is a working setting."
        ),
    ),
    LegalFact(
        "supervision.advertising_check_days",
        _("Days for checking advertising on the network reported to the Department"),
        15,
        "days",
        f"{ADVERTISING_LAW} Art. 23 (advertising on electronic newspapers and websites); regulation Art. 3.9.b",
        unsure=True,
        note=_("Article of the 2012 Law as amended not checked; the time limit is a working setting."),
    ),
    LegalFact(
        "supervision.frequency_interference",
        _("The Department works with the regional radio-frequency centre on interference"),
        "text",
        "text",
        f"{FREQUENCY_LAW}; regulation Art. 3.12.b",
        unsure=True,
        note=_NOT_CHECKED,
    ),
    # --- Emergency communications (3.21) ------------------------------------------------------------
    LegalFact(
        "supervision.incident_update_hours",
        _("Hours between two updates on an outage while it lasts"),
        24,
        "hours",
        f"{TELECOM_LAW} (telecoms for emergencies and natural disasters); regulation Art. 3.21",
        unsure=True,
        note=_("Operators report outages at once and daily in practice; the provision was not checked."),
    ),
    # --- Grassroots information (3.7) -----------------------------------------------------------------
    LegalFact(
        "supervision.grassroots_decree",
        _("Grassroots information activities and the commune radio station"),
        "text",
        "text",
        GRASSROOTS_DECREE + " (replaces Quyết định 52/2016/QĐ-TTg)",
        unsure=True,
        note=_("The decree as a whole is cited; the article on commune radio stations was not found."),
    ),
    LegalFact(
        "supervision.station_it_scope",
        _("Commune stations to be managed with IT and telecoms; wired and FM stations are outside the circular"),
        ("wired", "fm"),
        "text",
        GRASSROOTS_CIRCULAR + "; " + GRASSROOTS_SCHEME,
        unsure=True,
        note=_(
            "The circular's scope excludes wired and wireless FM stations (checked); its article and the "
            "scheme's date are not."
        ),
    ),
    LegalFact(
        "supervision.broadcast_priority",
        _("Bulletins are normal, priority or emergency; an emergency bulletin is played at once"),
        ("normal", "priority", "emergency"),
        "level",
        GRASSROOTS_CIRCULAR,
        unsure=True,
        note=_("The three levels were checked; the article that sets them was not found."),
    ),
    LegalFact(
        "supervision.broadcast_confirm_days",
        _("Days after the first broadcast day within which a station confirms a priority bulletin"),
        1,
        "days",
        GRASSROOTS_CIRCULAR + "; " + GRASSROOTS_DECREE,
        unsure=True,
        note=_(
            "Emergency: the same day (played at once); priority: the next day; normal: by the last broadcast day. "
            "The days are the Department's working setting."
        ),
    ),
    # --- External information (3.6) -----------------------------------------------------------------
    LegalFact(
        "supervision.external_plan_days",
        _("Days for appraising an external-information plan"),
        15,
        "days",
        f"{EXTERNAL_DECREE}; regulation Art. 3.6.c",
        unsure=True,
        note=_("The decree's article on the plans and any time limit were not checked; working setting."),
    ),
]
