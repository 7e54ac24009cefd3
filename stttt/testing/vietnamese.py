"""Plausible Vietnamese names, addresses and subjects for generated data, with their diacritics.

The parts are common words (the most frequent family names, everyday given names, usual street and
business words); combinations are drawn by the caller's seeded `random.Random`, so data is deterministic.
"""

from __future__ import annotations

import random

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lâm",
    "Mai",
    "Tạ",
    "Quách",
    "Châu",
    "Lương",
    "Tô",
    "Thái",
    "Hà",
    "Cao",
    "Kiều",
    "Đoàn",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Minh",
    "Ngọc",
    "Thanh",
    "Hữu",
    "Đức",
    "Quốc",
    "Thu",
    "Hoài",
    "Xuân",
    "Kim",
    "Gia",
    "Bảo",
    "Anh",
    "Công",
    "Đình",
    "Mỹ",
    "Phương",
    "Tuấn",
]
GIVEN = [
    "An",
    "Anh",
    "Bình",
    "Châu",
    "Chi",
    "Cường",
    "Dũng",
    "Duy",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Khoa",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "My",
    "Nam",
    "Nga",
    "Ngân",
    "Nhung",
    "Phong",
    "Phúc",
    "Phương",
    "Quân",
    "Quang",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thư",
    "Thủy",
    "Tiến",
    "Trang",
    "Trí",
    "Trung",
    "Tú",
    "Tuấn",
    "Tùng",
    "Uyên",
    "Vân",
    "Việt",
    "Vinh",
    "Yến",
    "Đông",
    "Hiền",
    "Lộc",
    "Nhân",
    "Sang",
    "Tài",
    "Thịnh",
    "Toàn",
    "Trọng",
]
STREETS = [
    "Hùng Vương",
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Huệ",
    "Quang Trung",
    "Phú Riềng Đỏ",
    "Lê Quý Đôn",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Điện Biên Phủ",
    "Võ Thị Sáu",
    "Tôn Đức Thắng",
    "Lý Thường Kiệt",
    "Phan Bội Châu",
    "Cách Mạng Tháng Tám",
    "Trường Chinh",
    "Nguyễn Văn Linh",
    "Đồng Khởi",
    "Ngô Quyền",
    "Bà Triệu",
]
WARDS = [
    "Tân Phú",
    "Tân Bình",
    "Tân Đồng",
    "Tân Xuân",
    "Tiến Thành",
    "Long Thủy",
    "Phước Bình",
    "Sơn Giang",
    "Hưng Chiến",
    "An Lộc",
    "Thác Mơ",
]
BUSINESS_FORMS = [
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Doanh nghiệp tư nhân",
    "Hộ kinh doanh",
    "Cơ sở in",
    "Nhà sách",
    "Trung tâm",
    "Hợp tác xã",
]
BUSINESS_WORDS = [
    "Minh Phát",
    "Sông Bé",
    "Đồng Xoài",
    "Bình Long",
    "Phước Long",
    "Thành Công",
    "Hưng Thịnh",
    "Tân Tiến",
    "Ánh Dương",
    "Hoàng Gia",
    "Trường Sơn",
    "Đại Nam",
    "Việt Tiến",
    "Phú Thịnh",
    "An Khang",
    "Bình Minh",
    "Hải Âu",
    "Sao Việt",
    "Toàn Cầu",
    "Kim Ngân",
    "Thiên Phú",
]
PRODUCTS = [
    "bản tin nội bộ",
    "tờ rơi tuyên truyền",
    "sách giáo khoa",
    "lịch treo tường",
    "bao bì sản phẩm",
    "tạp chí chuyên ngành",
    "trang thông tin điện tử tổng hợp",
    "điểm cung cấp dịch vụ trò chơi điện tử",
    "thiết bị thu tín hiệu vệ tinh",
    "hội chợ triển lãm sách",
    "dịch vụ bưu chính trong tỉnh",
    "máy photocopy màu",
]
TASK_TOPICS = [
    "chuyển đổi số cấp xã",
    "an toàn thông tin mạng",
    "phổ cập dịch vụ viễn thông công ích",
    "công tác tuyên truyền bầu cử",
    "xây dựng chính quyền số",
    "thông tin cơ sở",
    "kiểm tra hoạt động in",
    "cải cách hành chính năm",
    "báo chí địa phương",
    "phòng chống tin giả",
    "hạ tầng băng rộng",
    "dịch vụ công trực tuyến toàn trình",
]
TASK_VERBS = ["Triển khai", "Báo cáo kết quả", "Tham mưu kế hoạch", "Kiểm tra, đôn đốc", "Tổng kết", "Xây dựng đề án"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def organisation(rng: random.Random) -> str:
    return f"{rng.choice(BUSINESS_FORMS)} {rng.choice(BUSINESS_WORDS)}"


def address(rng: random.Random, place: str) -> str:
    return f"Số {rng.randint(1, 999)} đường {rng.choice(STREETS)}, phường {rng.choice(WARDS)}, {place}"


def phone(rng: random.Random) -> str:
    return f"0{rng.choice('3789')}{rng.randint(10_000_000, 99_999_999)}"


def task_title(rng: random.Random) -> str:
    return f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_TOPICS)}"
