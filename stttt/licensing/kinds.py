"""The kinds of licence the Department keeps, as data: what each is called, its symbol, the provision it is
issued under, the procedures that produce it, its default validity and the fields of its subject.

A subject field is (name, label, type, required, public); `public` fields appear in the public registers.
Types: "text", "date", "int", "list" (a list of strings, e.g. device serials).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from stttt.licensing.facts import VALIDITY


@dataclass(frozen=True)
class SubjectField:
    name: str
    label: str | Promise
    type: str = "text"
    required: bool = True
    public: bool = True


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    slug: str  # stable Vietnamese slug of its public register
    symbol: str  # the symbol in the number, e.g. "GP" in 12/GP-STTTT
    citation: str  # the provision of the agency's regulation it is issued (or published) under
    document_title: str  # title printed on the licence document, Vietnamese
    procedures: tuple[str, ...] = ()
    validity_months: int | None = None  # default validity; None: no expiry unless one is given
    issuer: str = "department"  # department, district (delegated) or ministry (published only)
    subject: tuple[SubjectField, ...] = field(default_factory=tuple)
    law: str = ""

    def subject_field(self, name: str) -> SubjectField | None:
        return next((f for f in self.subject if f.name == name), None)


F = SubjectField
FACILITY = F("facility_address", _("facility address"))

KINDS: dict[str, Kind] = {
    k.code: k
    for k in [
        Kind(
            "bulletin",
            _("Bulletin licence"),
            "ban-tin",
            "GP",
            "3.4.b",
            "GIẤY PHÉP XUẤT BẢN BẢN TIN",
            ("STTTT.BC.01",),
            VALIDITY["bulletin"].value,
            subject=(
                F("name", _("bulletin name")),
                F("periodicity", _("periodicity")),
                F("pages", _("pages and format"), required=False),
                F("print_run", _("copies per issue"), "int", False),
                F("language", _("language"), required=False),
                F("responsible_person", _("person responsible")),
            ),
            law="Luật Báo chí 2016 Điều 34; Thông tư 41/2020/TT-BTTTT",
        ),
        Kind(
            "printing",
            _("Printing licence"),
            "hoat-dong-in",
            "GP",
            "3.5.a",
            "GIẤY PHÉP HOẠT ĐỘNG IN",
            ("2.001594", "STTTT.IN.01"),
            subject=(FACILITY, F("scope", _("printed products")), F("equipment", _("main equipment"), "list", False)),
            law="Nghị định 60/2014/NĐ-CP, sửa đổi bởi Nghị định 25/2018/NĐ-CP",
        ),
        Kind(
            "printing_registration",
            _("Printing establishment registration"),
            "dang-ky-co-so-in",
            "XN",
            "3.5.b",
            "GIẤY XÁC NHẬN ĐĂNG KÝ HOẠT ĐỘNG CƠ SỞ IN",
            ("2.001740",),
            subject=(FACILITY, F("scope", _("printed products")), F("equipment", _("main equipment"), "list", False)),
            law="Nghị định 60/2014/NĐ-CP Điều 14",
        ),
        Kind(
            "photocopier",
            _("Colour photocopier registration"),
            "may-photocopy-mau",
            "XN",
            "3.5.b",
            "GIẤY XÁC NHẬN ĐĂNG KÝ SỬ DỤNG MÁY PHOTOCOPY MÀU",
            ("STTTT.IN.02",),
            subject=(FACILITY, F("device_model", _("make and model")), F("serials", _("serial numbers"), "list")),
            law="Nghị định 60/2014/NĐ-CP Điều 16",
        ),
        Kind(
            "non_business_publication",
            _("Non-business publication licence"),
            "xuat-ban-khong-kinh-doanh",
            "GP",
            "3.5.a",
            "GIẤY PHÉP XUẤT BẢN TÀI LIỆU KHÔNG KINH DOANH",
            ("1.003868",),
            subject=(
                F("title", _("title of the document")),
                F("copies", _("copies"), "int"),
                F("printer", _("printing establishment"), required=False),
            ),
            law="Luật Xuất bản 2012 Điều 25",
        ),
        Kind(
            "publication_import",
            _("Publication import licence"),
            "nhap-khau-xuat-ban-pham",
            "GP",
            "3.5.a",
            "GIẤY PHÉP NHẬP KHẨU XUẤT BẢN PHẨM KHÔNG KINH DOANH",
            ("1.003725",),
            VALIDITY["publication_import"].value,
            subject=(
                F("titles", _("titles imported"), "list"),
                F("origin", _("country of origin")),
                F("quantity", _("quantity"), "int", False),
            ),
            law="Luật Xuất bản 2012 Điều 39",
        ),
        Kind(
            "exhibition",
            _("Publication exhibition or fair licence"),
            "trien-lam-hoi-cho",
            "GP",
            "3.5.c",
            "GIẤY PHÉP TỔ CHỨC TRIỂN LÃM, HỘI CHỢ XUẤT BẢN PHẨM",
            ("STTTT.XB.01",),
            subject=(
                F("event_name", _("name of the event")),
                F("venue", _("venue")),
                F("start", _("opens on"), "date"),
                F("end", _("closes on"), "date"),
            ),
            law="Luật Xuất bản 2012 Điều 44",
        ),
        Kind(
            "distribution",
            _("Publication distribution registration"),
            "phat-hanh-xuat-ban-pham",
            "XN",
            "3.5.c",
            "GIẤY XÁC NHẬN ĐĂNG KÝ HOẠT ĐỘNG PHÁT HÀNH XUẤT BẢN PHẨM",
            ("1.003114",),
            subject=(FACILITY, F("outlets", _("sales outlets"), "list", False)),
            law="Luật Xuất bản 2012 Điều 37",
        ),
        Kind(
            "website",
            _("General website licence"),
            "trang-thong-tin-tong-hop",
            "GP",
            "3.8.a",
            "GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP",
            ("STTTT.TTDT.01",),
            VALIDITY["website"].value,
            subject=(
                F("domain", _("domain name")),
                F("content_scope", _("content and sources")),
                F("server_location", _("server location"), required=False),
            ),
            law="Nghị định 72/2013/NĐ-CP, sửa đổi bởi Nghị định 27/2018/NĐ-CP",
        ),
        Kind(
            "postal",
            _("Postal licence"),
            "buu-chinh",
            "GP",
            "3.10.a",
            "GIẤY PHÉP BƯU CHÍNH",
            ("STTTT.BCH.01",),
            VALIDITY["postal"].value,
            subject=(F("service_scope", _("service scope")), F("area", _("area served"))),
            law="Luật Bưu chính 2010 Điều 19; Nghị định 47/2011/NĐ-CP",
        ),
        Kind(
            "postal_notice",
            _("Postal notice confirmation"),
            "thong-bao-buu-chinh",
            "XN",
            "3.10.b",
            "VĂN BẢN XÁC NHẬN THÔNG BÁO HOẠT ĐỘNG BƯU CHÍNH",
            ("STTTT.BCH.02",),
            subject=(F("activity", _("postal activity notified")), F("area", _("area served"))),
            law="Luật Bưu chính 2010 Điều 25",
        ),
        Kind(
            "satellite_tv",
            _("Satellite TV reception registration"),
            "thu-truyen-hinh-ve-tinh",
            "GCN",
            "3.4.e",
            "GIẤY CHỨNG NHẬN ĐĂNG KÝ THU TÍN HIỆU TRUYỀN HÌNH NƯỚC NGOÀI TRỰC TIẾP TỪ VỆ TINH",
            ("STTTT.PTTH.01",),
            VALIDITY["satellite_tv"].value,
            subject=(
                FACILITY,
                F("channels", _("channels received"), "list"),
                F("equipment", _("receiving equipment"), "list", False),
            ),
            law="Nghị định 06/2016/NĐ-CP Điều 30",
        ),
        Kind(
            "game_point",
            _("Public video-game service point certificate"),
            "diem-tro-choi-dien-tu",
            "GCN",
            "3.8.c",
            "GIẤY CHỨNG NHẬN ĐỦ ĐIỀU KIỆN HOẠT ĐỘNG ĐIỂM CUNG CẤP DỊCH VỤ TRÒ CHƠI ĐIỆN TỬ CÔNG CỘNG",
            (),
            VALIDITY["game_point"].value,
            issuer="district",
            subject=(
                F("point_name", _("name of the service point")),
                FACILITY,
                F("machines", _("number of machines"), "int"),
                F("floor_area", _("floor area (m²)"), "int", False),
            ),
            law="Nghị định 72/2013/NĐ-CP Điều 35, sửa đổi bởi Nghị định 27/2018/NĐ-CP",
        ),
        Kind(
            "online_game",
            _("Licensed online game (G1)"),
            "tro-choi-truc-tuyen",
            "QĐ",
            "3.8.c",
            "QUYẾT ĐỊNH PHÊ DUYỆT NỘI DUNG, KỊCH BẢN TRÒ CHƠI ĐIỆN TỬ G1",
            (),
            issuer="ministry",
            subject=(
                F("game_name", _("name of the game")),
                F("publisher", _("publisher")),
                F("age_rating", _("age rating"), required=False),
            ),
            law="Nghị định 72/2013/NĐ-CP Điều 31, sửa đổi bởi Nghị định 27/2018/NĐ-CP",
        ),
    ]
}

# The lists provision 3.8.c requires the Department to publish.
LISTS_38C = ("game_point", "online_game")


def kind_for_procedure(procedure_code: str) -> Kind | None:
    return next((k for k in KINDS.values() if procedure_code in k.procedures), None)


def kind_by_slug(slug: str) -> Kind | None:
    return next((k for k in KINDS.values() if k.slug == slug), None)


def kind_choices() -> list[tuple[str, str | Promise]]:
    return [(k.code, k.label) for k in KINDS.values()]
