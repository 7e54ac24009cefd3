"""Demo data of the procedures app: the catalogue, an applicant, and dossiers of last month and this month
walked through the real workflow by the demo staff of `org` (desk, head, officer, leader)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.accounts.services import demo_user_ensure
from stttt.core.calendar import calendar
from stttt.core.demo import DemoLogin
from stttt.org.models import Agency
from stttt.procedures import services, versions
from stttt.procedures.choices import Channel
from stttt.procedures.models import Procedure

PDF = b"%PDF-1.4\n% demo document\n"
# The demo agency's identity on dossiers, when the organisation data does not give it yet.
DEMO_IDENTITY = {"national_code": "000.00.14.H10", "one_stop_unit_code": "VP"}

DESK_USER, LEADER_USER = "chuyenvien_vp", "giamdoc"
DIVISION_USERS: dict[str, tuple[str, str]] = {  # (head, officer) of each division in the org demo
    "TTBCXB": ("truongphong_ttbcxb", "chuyenvien_ttbcxb"),
    "BCVTCNTT": ("truongphong_bcvtcntt", "chuyenvien_bcvtcntt"),
}

# (key, procedure code, applicant, working day of last month received, path of actions with working-day offsets)
LAST_MONTH = [
    (
        "demo-01",
        "1.003868",
        "Hội Nông dân tỉnh",
        1,
        ["receive", "transfer", "assign", ("propose", 4), ("approve", 5), ("return_result", 6)],
    ),
    (
        "demo-02",
        "STTTT.TTDT.01",
        "Công ty Cổ phần Truyền thông Sông Bé",
        2,
        ["receive", "transfer", "assign", ("propose", 6), ("approve", 8), ("return_result", 9)],
    ),
    (
        "demo-03",
        "2.001740",
        "Cơ sở in Minh Phát",
        3,
        ["receive", "transfer", "assign", ("propose", 5), ("approve", 6), ("return_result", 6)],
    ),  # late
    (
        "demo-04",
        "STTTT.IN.02",
        "Công ty TNHH Văn phòng phẩm Đồng Xoài",
        4,
        [
            "receive",
            "transfer",
            "assign",
            ("request_supplement", 1),
            ("supplement_received", 3),
            ("propose", 5),
            ("approve", 6),
        ],
    ),
    (
        "demo-05",
        "STTTT.BCH.02",
        "Công ty TNHH Chuyển phát nhanh Bình Long",
        5,
        ["receive", "transfer", "assign", ("refuse", 3), ("return_result", 4)],
    ),
    ("demo-06", "1.003114", "Nhà sách Phước Long", 6, ["receive", ("withdraw", 2)]),
    (
        "demo-07",
        "STTTT.BC.01",
        "Trường Cao đẳng Bình Phước",
        7,
        ["receive", "transfer", "assign", ("propose", 5), ("forward", 6)],
    ),
    ("demo-08", "STTTT.PTTH.01", "Khách sạn Sao Mai", 12, ["receive", "transfer", "assign"]),
    ("demo-09", "2.001740", "Cơ sở in Hoa Mai", 10, ["receive", "transfer", "assign"]),  # overdue at month end
]
# Two versions of one procedure: a shortened time limit from a date in the middle of last month, announced by a
# FICTIONAL decision of the Provincial People's Committee (no real decision shortening it was found); one
# dossier filed before that date and one after, so their due dates differ, each citing its version's basis.
VERSIONED_CODE = "STTTT.BC.01"
VERSION_FROM_OFFSET = 5  # working days after the first working day of last month
DEMO_DECISION = "Quyết định số 0000/QĐ-UBND (GIẢ ĐỊNH, chỉ dùng cho bản trình diễn) của UBND tỉnh Bình Phước"
VERSIONED_DOSSIERS = [("demo-21", "Hội Văn học Nghệ thuật tỉnh", 2), ("demo-22", "Liên đoàn Lao động tỉnh", 8)]
THIS_MONTH = [
    ("demo-11", "1.003725", "Thư viện tỉnh", ["receive", "transfer", "assign", "propose"]),
    ("demo-12", "STTTT.BCH.01", "Công ty Bưu chính Lộc Ninh", ["receive", "transfer"]),
    ("demo-13", "STTTT.XB.01", "Công ty Phát hành sách Đồng Phú", []),
]


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _walk(dossier, path, start: dt.date, users: dict[str, Any], procedure: Procedure) -> None:
    cal = calendar()
    names = DIVISION_USERS.get(procedure.division_code, DIVISION_USERS["TTBCXB"])
    head, officer = _user(names[0]), _user(names[1])
    actors = {
        "receive": users["desk"],
        "transfer": users["desk"],
        "assign": head,
        "propose": officer,
        "request_supplement": officer,
        "supplement_received": users["desk"],
        "approve": users["leader"],
        "forward": users["leader"],
        "refuse": users["leader"],
        "return_result": users["desk"],
        "withdraw": users["applicant"],
    }
    hour = 8
    now = timezone.now()
    for item in path:
        action, offset = (item, 0) if isinstance(item, str) else item
        day = cal.add_working_days(start, offset)
        hour = 8 if offset else hour + 1
        if _at(day, min(hour, 16)) > now:
            break  # nothing in the demo happens in the future: the rest of the path is still to come
        kwargs: dict[str, Any] = {}
        if action == "assign":
            kwargs["assignee"] = officer
        if action in ("request_supplement", "refuse"):
            kwargs["reasons"] = _("Demo: the dossier lacks a required document.")
        services.dossier_transition(dossier.pk, action, actor=actors[action], now=_at(day, min(hour, 16)), **kwargs)


def _file(procedure: Procedure, applicant: Any, key: str, name: str, when: dt.datetime) -> tuple[Any, bool]:
    uploads = [services.Upload(c, f"{key}-{c.order}.pdf", PDF) for c in procedure.components.all() if c.required]
    when = min(when, timezone.now() - dt.timedelta(hours=1))  # never filed in the future
    return services.dossier_file(
        procedure,
        actor=applicant,
        channel=Channel.ONLINE,
        data={"applicant_name": name},
        uploads=uploads,
        idempotency_key=key,
        now=when,
    )


def _shortened_version(procedure: Procedure, valid_from: dt.date) -> None:
    """Version 2 of `procedure`: 10 working days instead of 20 days, from `valid_from` (once)."""
    if versions.versions_of(procedure).count() > 1:
        return
    row = _("Annex, row 1 (demo)")
    draft = services.version_draft(
        procedure,
        changes={
            "valid_from": valid_from,
            "local_time_limit": 10,
            "local_time_limit_basis": f"{DEMO_DECISION}, {row}",
            "announcements": [{"document": DEMO_DECISION, "row": row, "demo": True}],
            "change_note": _("Demo: the province shortens the time limit to 10 working days."),
        },
    )
    services.version_publish(draft)


def load(stdout) -> list[DemoLogin]:
    agency = Agency.objects.order_by("pk").first()
    if agency is None:
        stdout.write("procedures: no agency, no catalogue\n")
        return []
    missing = {k: v for k, v in DEMO_IDENTITY.items() if not getattr(agency, k)}
    if missing:  # saved through the ORM so the agency's history and the audit log record the filled fields
        for name, value in missing.items():
            setattr(agency, name, value)
        agency.save(update_fields=list(missing))
    count = services.catalog_load(agency=agency)
    linked = services.catalog_link_provisions(agency)
    applicant = demo_user_ensure("doanhnghiep", full_name="Công ty TNHH Demo Bình Phước")
    logins = [DemoLogin("doanhnghiep", _("Applicant (business)"))]
    users = {"desk": _user(DESK_USER), "leader": _user(LEADER_USER), "applicant": applicant}
    if not all(users.values()):
        stdout.write(f"procedures: {count} procedures ({linked} linked); no org demo staff, no demo dossiers\n")
        return logins
    cal = calendar()
    today = timezone.localdate()
    last_month_start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    first_working = cal.working_day_on_or_after(last_month_start)
    created_count = 0
    versioned = Procedure.objects.get(agency=agency, code=VERSIONED_CODE)
    _shortened_version(versioned, cal.add_working_days(first_working, VERSION_FROM_OFFSET))
    for key, name, offset in VERSIONED_DOSSIERS:
        start = cal.add_working_days(first_working, offset)
        dossier, created = _file(versioned, applicant, key, name, _at(start, 8))
        if created:
            created_count += 1
            _walk(dossier, ["receive", "transfer"], start, users, versioned)
    for key, code, name, offset, path in LAST_MONTH:
        procedure = Procedure.objects.get(agency=agency, code=code)
        start = cal.add_working_days(first_working, offset)
        dossier, created = _file(procedure, applicant, key, name, _at(start, 8))
        if created:
            created_count += 1
            _walk(dossier, path, start, users, procedure)
    for index, (key, code, name, path) in enumerate(THIS_MONTH):
        procedure = Procedure.objects.get(agency=agency, code=code)
        start = today - dt.timedelta(days=index)
        while not cal.is_working_day(start):  # the working day before, never the one after (tomorrow)
            start -= dt.timedelta(days=1)
        dossier, created = _file(procedure, applicant, key, name, _at(start, 8))
        if created:
            created_count += 1
            _walk(dossier, path, start, users, procedure)
    stdout.write(f"procedures: {count} procedures ({linked} linked), {created_count} demo dossiers\n")
    return logins
