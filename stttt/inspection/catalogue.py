"""The catalogue of violated provisions a violation record picks from: sector decrees' articles with their
fine range for an individual (an organisation's is twice it: `facts` organisation_multiplier), additional
sanctions and remedial measures.

Every entry is marked `unsure` unless its range was read in a source (see its note): the catalogue is a
starting set for the demo and the rules, to be checked against the official text and completed by the
Inspectorate. Codes are stable ("<decree>-<article>-<clause>[-<point>]"); a record keeps the code and a copy of
the range as it was when recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PRESS, PUBLISHING, POST, TELECOM, IT, ADVERTISING = "press", "publishing", "post", "telecom", "it", "advertising"

SECTORS: dict[str, Promise] = {
    PRESS: _("Press"),
    PUBLISHING: _("Publishing"),
    POST: _("Postal services"),
    TELECOM: _("Telecoms and radio frequencies"),
    IT: _("IT and electronic transactions"),
    ADVERTISING: _("Advertising"),
}

#: The fact holding each sector's maximum fine for an individual.
SECTOR_MAX_FACT = {
    PRESS: "inspection.max_fine_press",
    PUBLISHING: "inspection.max_fine_publishing",
    POST: "inspection.max_fine_post",
    TELECOM: "inspection.max_fine_telecom",
    IT: "inspection.max_fine_it",
    ADVERTISING: "inspection.max_fine_advertising",
}


@dataclass(frozen=True)
class Provision:
    code: str
    sector: str
    citation: str  # "Decree 119/2020 Art. 7(2)(a), as amended by Decree 14/2022"
    act: str  # the act described by the provision (Vietnamese: it is quoted on records and decisions)
    min_fine: int  # individual, VND
    max_fine: int  # individual, VND
    additional: str = ""  # additional sanctions the provision allows
    remedial: str = ""  # remedial measures
    suspension_months: tuple[int, int] | None = None  # licence suspension range, when allowed
    unsure: bool = True
    note: str = ""


PROVISIONS: tuple[Provision, ...] = (
    Provision(
        "119-2020-7-3",
        PRESS,
        "Nghị định 119/2020/NĐ-CP Điều 7 khoản 3 (sửa đổi bởi Nghị định 14/2022/NĐ-CP)",
        "Mạo danh nhà báo, phóng viên; lợi dụng tư cách nhà báo can thiệp, cản trở hoạt động đúng pháp luật",
        10_000_000,
        30_000_000,
        note="Range 10-30 M after Decree 14/2022 read on thuvienphapluat.vn (summary of the amendment); the "
        "article and clause were not read.",
    ),
    Provision(
        "119-2020-8-1",
        PRESS,
        "Nghị định 119/2020/NĐ-CP Điều 8 khoản 1",
        "Không thực hiện chế độ báo cáo, không thông báo thay đổi theo quy định của cơ quan báo chí",
        3_000_000,
        5_000_000,
        remedial="Buộc thực hiện chế độ báo cáo",
    ),
    Provision(
        "119-2020-10-2",
        PRESS,
        "Nghị định 119/2020/NĐ-CP Điều 10 khoản 2",
        "Xuất bản bản tin, đặc san không đúng nội dung, tôn chỉ mục đích ghi trong giấy phép",
        10_000_000,
        20_000_000,
        additional="Tước quyền sử dụng giấy phép từ 01 tháng đến 03 tháng",
        remedial="Buộc thu hồi bản tin, đặc san vi phạm",
        suspension_months=(1, 3),
    ),
    Provision(
        "119-2020-18-2",
        PRESS,
        "Nghị định 119/2020/NĐ-CP Điều 18 khoản 2",
        "Không nộp lưu chiểu báo chí hoặc nộp lưu chiểu không đúng thời hạn",
        2_000_000,
        5_000_000,
        remedial="Buộc nộp lưu chiểu",
    ),
    Provision(
        "119-2020-10-4",
        PRESS,
        "Nghị định 119/2020/NĐ-CP Điều 10 khoản 4",
        "Đăng, phát thông tin sai sự thật gây ảnh hưởng nghiêm trọng",
        40_000_000,
        60_000_000,
        additional="Tước quyền sử dụng giấy phép từ 01 tháng đến 03 tháng",
        remedial="Buộc cải chính, xin lỗi",
        suspension_months=(1, 3),
    ),
    Provision(
        "119-2020-24-1",
        PUBLISHING,
        "Nghị định 119/2020/NĐ-CP Điều 24 khoản 1",
        "Không nộp xuất bản phẩm lưu chiểu hoặc nộp không đủ số lượng",
        3_000_000,
        5_000_000,
        remedial="Buộc nộp xuất bản phẩm lưu chiểu",
    ),
    Provision(
        "119-2020-27-3",
        PUBLISHING,
        "Nghị định 119/2020/NĐ-CP Điều 27 khoản 3",
        "Xuất bản tài liệu không kinh doanh không có giấy phép",
        10_000_000,
        20_000_000,
        remedial="Buộc tiêu hủy xuất bản phẩm vi phạm",
    ),
    Provision(
        "15-2020-101-1-a",
        IT,
        "Nghị định 15/2020/NĐ-CP Điều 101 khoản 1 điểm a (sửa đổi bởi Nghị định 14/2022/NĐ-CP)",
        "Cung cấp, chia sẻ thông tin giả mạo, sai sự thật, xuyên tạc, vu khống, xúc phạm uy tín của cơ quan, tổ "
        "chức, danh dự, nhân phẩm của cá nhân trên mạng xã hội",
        10_000_000,
        20_000_000,
        remedial="Buộc gỡ bỏ thông tin sai sự thật",
    ),
    Provision(
        "15-2020-94-2",
        IT,
        "Nghị định 15/2020/NĐ-CP Điều 94 khoản 2",
        "Gửi tin nhắn quảng cáo, thư điện tử quảng cáo khi chưa được người nhận đồng ý",
        10_000_000,
        20_000_000,
        note="Decree 15/2020 allows up to 80 M for spam (baobinhduong.vn); this clause's range was not read.",
    ),
    Provision(
        "15-2020-5-3",
        POST,
        "Nghị định 15/2020/NĐ-CP Điều 5 khoản 3",
        "Cung ứng dịch vụ bưu chính không có giấy phép bưu chính theo quy định",
        20_000_000,
        30_000_000,
    ),
    Provision(
        "15-2020-30-1",
        TELECOM,
        "Nghị định 15/2020/NĐ-CP Điều 30 khoản 1",
        "Không thực hiện đúng quy định về thông tin thuê bao di động",
        20_000_000,
        30_000_000,
        remedial="Buộc thu hồi số thuê bao vi phạm",
    ),
    Provision(
        "38-2021-34-2",
        ADVERTISING,
        "Nghị định 38/2021/NĐ-CP Điều 34 khoản 2",
        "Quảng cáo trên trang thông tin điện tử không tách biệt với nội dung thông tin",
        10_000_000,
        15_000_000,
        remedial="Buộc tháo gỡ, xóa quảng cáo vi phạm",
    ),
)

BY_CODE: dict[str, Provision] = {p.code: p for p in PROVISIONS}


def provision_choices() -> list[tuple[str, str]]:
    return [(p.code, f"{p.citation} — {p.act}") for p in PROVISIONS]


def get(code: str) -> Provision:
    return BY_CODE[code]
