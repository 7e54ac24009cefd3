"""Inputs for the tests, made from the seed by program (never edited by hand)."""

from __future__ import annotations

import re
import textwrap

from stttt.legal.demo import seed_path


def seed_markdown() -> str:
    return seed_path().read_text(encoding="utf-8")


def strip_markdown(markdown: str) -> str:
    """The seed as a portal shows it: no Markdown marks, headings as plain lines."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = line.replace("**", "")
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def portal_text(markdown: str, *, width: int = 72, header: bool = True) -> str:
    """Plain text copied from a portal: Markdown stripped, a `|` header table, long lines broken at
    arbitrary places (every `width` characters, between words)."""
    plain = strip_markdown(markdown)
    out = []
    if header:
        out += [
            "| ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
            "| --- | --- |",
            "| Số: 12/2023/QĐ-UBND | Độc lập - Tự do - Hạnh phúc |",
            "|  | Bình Phước, ngày 23 tháng 03 năm 2023 |",
            "",
        ]
    for line in plain.splitlines():
        if len(line) <= width:
            out.append(line)
        else:
            out += textwrap.wrap(line, width=width, break_on_hyphens=False, break_long_words=False)
    return "\n".join(out) + "\n"


def edited_seed(markdown: str) -> str:
    """A second version of the seed: one point reworded, one clause added, one point removed."""
    edited = markdown.replace(
        "thu hồi giấy phép xuất bản bản tin cho các cơ quan",
        "thu hồi, gia hạn giấy phép xuất bản bản tin cho các cơ quan",
    )
    edited = edited.replace(
        "35. Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao và theo quy định của pháp luật.",
        "35. Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao và theo quy định của pháp luật.\n\n"
        "36. Quản lý hoạt động trí tuệ nhân tạo trên địa bàn tỉnh theo phân công.",
    )
    edited = re.sub(
        r"\nc\) Tiếp nhận, hướng dẫn hoàn thiện thủ tục xin cấp giấy phép sử dụng tần số[^\n]*\n", "\n", edited
    )
    edited = edited.replace(
        "có hiệu lực thi hành kể từ ngày 03 tháng 3 năm 2023", "có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2024"
    )
    assert edited != markdown
    return edited
