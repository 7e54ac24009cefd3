"""Demo applicants on the portal: dossiers filed online and walked by the demo staff to different steps
(waiting at the desk, awaiting a supplement, in appraisal, result returned and rated). Idempotent: each
demo filing has its own form key, so a second run finds it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from stttt.accounts.services import demo_user_ensure
from stttt.core.demo import DemoLogin
from stttt.org.models import Agency, District
from stttt.portal import rules, services
from stttt.procedures import services as procedure_services
from stttt.procedures.models import Procedure, Rating

PDF = b"%PDF-1.4\n% demo document\n"
DESK, LEADER = "chuyenvien_vp", "giamdoc"
DIVISIONS = {
    "TTBCXB": ("truongphong_ttbcxb", "chuyenvien_ttbcxb"),
    "BCVTCNTT": ("truongphong_bcvtcntt", "chuyenvien_bcvtcntt"),
}

# key, account (None: without account), procedure, applicant data, holder type, district, subject, steps
FILINGS: list[tuple[Any, ...]] = [
    (
        "demo-portal-01",
        "congdan",
        "STTTT.IN.02",
        {
            "applicant_name": "Nguyễn Thị Thu",
            "applicant_id_number": "070190004567",
            "applicant_phone": "0912000111",
            "applicant_address": "Tổ 2, phường Tân Phú, Đồng Xoài",
            "applicant_email": "thu.demo@example.vn",
        },
        "person",
        "dong-xoai",
        {"facility_address": "Ki-ốt 5, chợ Đồng Xoài", "device_model": "Ricoh MP C2011", "serials": ["C2011-889900"]},
        [],
    ),
    (
        "demo-portal-02",
        "congdan",
        "STTTT.PTTH.01",
        {
            "applicant_name": "Khách sạn Mỹ Lệ (Nguyễn Thị Thu)",
            "applicant_id_number": "3801200001",
            "applicant_email": "thu.demo@example.vn",
        },
        "organisation",
        "dong-xoai",
        {"facility_address": "Đường Phú Riềng Đỏ, Đồng Xoài", "channels": ["CNN"]},
        ["receive", "transfer", "assign", "request_supplement"],
    ),
    (
        "demo-portal-03",
        None,
        "2.001740",
        {
            "applicant_name": "Cơ sở in Tân Tiến",
            "applicant_id_number": "3801200002",
            "applicant_address": "Xã Tân Tiến, Đồng Phú",
        },
        "organisation",
        "dong-phu",
        {"facility_address": "Xã Tân Tiến, Đồng Phú", "scope": "In biểu mẫu, nhãn mác"},
        ["receive", "transfer", "assign", "propose", "approve", "return_result", "rate"],
    ),
    (
        "demo-portal-04",
        "doanhnghiep",
        "STTTT.TTDT.01",
        {
            "applicant_name": "Công ty TNHH Demo Bình Phước",
            "applicant_id_number": "3801200003",
            "applicant_email": "demo.dn@example.vn",
        },
        "organisation",
        "chon-thanh",
        {"domain": "tintucchonthanh.vn", "content_scope": "Tin tổng hợp địa phương"},
        ["receive", "transfer", "assign"],
    ),
]


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _walk(submission, steps: list[str]) -> None:
    dossier = submission.dossier
    head, officer = (_user(u) for u in DIVISIONS.get(dossier.procedure.division_code, DIVISIONS["TTBCXB"]))
    actors = {
        "receive": _user(DESK),
        "transfer": _user(DESK),
        "assign": head,
        "request_supplement": officer,
        "propose": officer,
        "approve": _user(LEADER),
        "return_result": _user(DESK),
    }
    for action in steps:
        if action == "rate":
            dossier.refresh_from_db()
            if not Rating.objects.filter(dossier=dossier).exists():
                procedure_services.rating_save(
                    dossier,
                    contacts=0,
                    agencies="desk_only",
                    publicity="both",
                    complaint=False,
                    comment="Cán bộ hướng dẫn nhiệt tình.",
                )
            continue
        kwargs: dict[str, Any] = {}
        if action == "assign":
            kwargs["assignee"] = officer
        if action == "request_supplement":
            kwargs["reasons"] = "Bổ sung hợp đồng thuê địa điểm lắp đặt thiết bị thu."
        procedure_services.dossier_transition(dossier.pk, action, actor=actors[action], **kwargs)


def load(stdout) -> list[DemoLogin]:
    if _user(DESK) is None:
        stdout.write("portal: no org demo staff, no demo filings\n")
        return []
    accounts = {
        "congdan": demo_user_ensure("congdan", full_name="Nguyễn Thị Thu"),
        "doanhnghiep": demo_user_ensure("doanhnghiep", full_name="Công ty TNHH Demo Bình Phước"),
    }
    agency = Agency.objects.order_by("pk").first()
    created = 0
    # the demo's notices are kept in memory, not printed (a console mail backend would print raw MIME)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for key, account, code, data, holder_type, district, subject, steps in FILINGS:
            procedure = Procedure.objects.filter(agency=agency, code=code).first()
            if procedure is None:
                continue
            uploads = [
                services.Upload(c, f"{key}-{c.order}.pdf", PDF) for c in procedure.components.all() if c.required
            ]
            known = District.objects.filter(agency=agency, code=district).exists()
            particulars = {"holder_type": holder_type, "district": district if known else "", "subject": subject}
            demo_secret = rules.demo_secret(key, settings.SECRET_KEY)
            submission, secret = services.submission_create(
                procedure,
                user=accounts.get(account) if account else None,
                data=data,
                uploads=uploads,
                idempotency_key=key,
                particulars=particulars,
                secret=demo_secret,
            )
            if secret is not None:
                created += 1
                _walk(submission, steps)
            if rules.secret_matches(demo_secret, submission.secret_hash, settings.SECRET_KEY):
                line = _("tracking of a demo filing: reference %(reference)s, secret %(secret)s") % {
                    "reference": submission.reference,
                    "secret": demo_secret,
                }
                stdout.write(f"portal: {line}\n")
    stdout.write(f"portal: {created} demo filings\n")
    return [DemoLogin("congdan", _("Applicant (individual) on the public portal"))]
