"""Pure rules of Vietnamese legal drafting used to read, cite and check a legal document (no ORM, no I/O).

The conventions come from the Law on Promulgation of Legal Documents 2015 (Luật Ban hành văn bản quy
phạm pháp luật, "LPLD") and Decree 34/2016/NĐ-CP, which govern how articles, clauses and points are
numbered and cited; they are the rules the importer and the citation parser rely on.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from stttt.core.text import fold

# ---------------------------------------------------------------------------------------------------------
# Point letters

POINT_LETTERS: tuple[str, ...] = (
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
)


def letter_ascii(letter: str) -> str:
    """ASCII form of a point letter, as eIds and keyboards write it: `đ` -> `dd`."""
    return "dd" if letter == "đ" else letter


def letter_from_ascii(text: str) -> str:
    """A point letter typed in any form (`đ`, `Đ`, `dd`) as the Vietnamese letter."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    return "đ" if text in ("dd", "đ") else text


def next_letter(letter: str | None) -> str | None:
    """The letter after `letter` in the Vietnamese sequence of points.

    Decree 34/2016/NĐ-CP, Annex I (presentation of legal documents): points are marked with the letters
    of the Vietnamese alphabet in order, a, b, c, d, đ, e, g, h, i, k, l, … Returns `a` when there is no
    previous point and None after `y`."""
    if letter is None:
        return POINT_LETTERS[0]
    try:
        index = POINT_LETTERS.index(letter)
    except ValueError:
        return None
    return POINT_LETTERS[index + 1] if index + 1 < len(POINT_LETTERS) else None


def repair_point_label(previous: str | None, label: str) -> str:
    """The label a point must have: when the source repeats the previous label (`d)` twice), the sequence
    of Decree 34/2016/NĐ-CP (Annex I) says the next letter is meant; any other label is kept as written."""
    if previous is not None and label == previous:
        expected = next_letter(previous)
        if expected is not None:
            return expected
    return label


# ---------------------------------------------------------------------------------------------------------
# Roman numerals (chapters)

_ROMAN = (
    ("M", 1000),
    ("CM", 900),
    ("D", 500),
    ("CD", 400),
    ("C", 100),
    ("XC", 90),
    ("L", 50),
    ("XL", 40),
    ("X", 10),
    ("IX", 9),
    ("V", 5),
    ("IV", 4),
    ("I", 1),
)


def roman_to_int(text: str) -> int | None:
    """`IV` -> 4; None when `text` is not a Roman numeral."""
    text = text.strip().upper()
    if not text or not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", text):
        return None
    value, index = 0, 0
    for symbol, number in _ROMAN:
        while text.startswith(symbol, index):
            value += number
            index += len(symbol)
    return value


def int_to_roman(value: int) -> str:
    out = []
    for symbol, number in _ROMAN:
        while value >= number:
            out.append(symbol)
            value -= number
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------
# Paths, eIds and citations
#
# A provision is addressed by its part (the Decision or the attached Regulation) and a path of
# (kind, num) steps: (("article", "3"), ("clause", "14"), ("point", "đ")). Chapters stand alone.

Step = tuple[str, str]

_EID_PREFIX = {"chapter": "chp", "article": "art", "clause": "para", "point": "point", "indent": "indent"}
_EID_KIND = {prefix: kind for kind, prefix in _EID_PREFIX.items()}
DECISION_PREFIX = "dec__"
ROOT_CITATION = {"decision": "QĐ", "regulation": "Quy định"}
ROOT_EID = {"decision": "decision", "regulation": "regulation"}


@dataclass(frozen=True)
class Reference:
    """A parsed reference to a provision: its part and its path."""

    part: str
    path: tuple[Step, ...]


def eid_for(part: str, path: tuple[Step, ...]) -> str:
    """Akoma Ntoso-style eId: `art_3__para_14__point_dd`; chapters `chp_2`; the Decision's own provisions
    prefixed `dec__` so they never collide with the Regulation's."""
    if not path:
        return ROOT_EID[part]
    pieces = []
    for kind, num in path:
        if kind == "chapter":
            num = str(roman_to_int(num) or num)
        elif kind == "point":
            num = letter_ascii(num)
        pieces.append(f"{_EID_PREFIX[kind]}_{num}")
    eid = "__".join(pieces)
    return DECISION_PREFIX + eid if part == "decision" else eid


def citation_for(part: str, path: tuple[Step, ...]) -> str:
    """Short citation users type: `3`, `3.14`, `3.14.đ`, `4.2.a.1`; chapters `Chương II`; the
    Decision's own articles `QĐ.2`."""
    if not path:
        return ROOT_CITATION[part]
    short = f"Chương {path[0][1]}" if path[0][0] == "chapter" else ".".join(num for _kind, num in path)
    return f"QĐ.{short}" if part == "decision" else short


_SPOKEN_UNIT = {"chapter": "Chương", "article": "Điều", "clause": "khoản", "point": "điểm"}


def spoken_for(path: tuple[Step, ...]) -> str:
    """The citation as Vietnamese legal writing says it: `điểm đ khoản 14 Điều 3`."""
    words = []
    for kind, num in reversed(path):
        if kind == "indent":
            words.append(f"gạch đầu dòng thứ {num}")
        else:
            words.append(f"{_SPOKEN_UNIT[kind]} {num}")
    return " ".join(words)


def full_citation(
    part: str, path: tuple[Step, ...], *, doc_type: str, number: str, date: datetime.date | None, issuer: str
) -> str:
    """The full form: `điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo Quyết định số 01/2024/QĐ-UBND
    ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh …` (number, date and issuer from the document)."""
    document = f"{doc_type} số {number}"
    if date:
        document += f" {vietnamese_date(date)}"
    if issuer:
        document += f" của {issuer}"
    head = spoken_for(path)
    where = f"Quy định ban hành kèm theo {document}" if part == "regulation" else document
    return f"{head} {where}".strip()


def basis_sentence(*, doc_type: str, number: str, date: datetime.date | None, issuer: str) -> str:
    """The legal-basis line citing a whole document, as the preamble of an administrative document writes
    it (Decree 30/2020/NĐ-CP, Annex I): `Căn cứ Quyết định số 01/2024/QĐ-UBND ngày 05 tháng 01 năm 2024
    của Ủy ban nhân dân tỉnh …`."""
    return f"Căn cứ {full_citation('decision', (), doc_type=doc_type, number=number, date=date, issuer=issuer)}"


def vietnamese_date(day: datetime.date) -> str:
    """`ngày 03 tháng 3 năm 2023`: a day below 10 and the months 1 and 2 take a leading zero (Decree
    30/2020/NĐ-CP, Annex I, I.5 on the place and date of an administrative document)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


_NUM = r"\d+"
_LETTER = r"(?:dd|đ|[a-y])"
_SHORT = re.compile(
    rf"^(?P<dec>(?:qđ|qd)\s*\.\s*)?(?P<art>{_NUM})(?:\.(?P<cl>{_NUM}))?(?:\.(?P<pt>{_LETTER}))?(?:\.(?P<ind>{_NUM}))?$"
)
_CHAPTER = re.compile(r"^(?:(?P<dec>(?:qđ|qd)\s*\.\s*))?(?:chương|chuong|ch\.?)\s*(?P<num>[ivxlc]+|\d+)$")
_EID = re.compile(
    r"^(?P<dec>dec__)?(?P<body>(?:chp|art|para|point|indent)_[0-9a-z]+(?:__(?:para|point|indent)_[0-9a-z]+)*)$"
)
_SPOKEN_PIECE = re.compile(
    r"(?P<unit>gạch đầu dòng thứ|gach dau dong thu|điểm|diem|khoản|khoan|điều|dieu|chương|chuong)\s+"
    r"(?P<num>dd|đ|[a-y]\b|\d+|[ivxlc]+\b)"
)
_SPOKEN_UNITS = {
    "gạch đầu dòng thứ": "indent",
    "gach dau dong thu": "indent",
    "điểm": "point",
    "diem": "point",
    "khoản": "clause",
    "khoan": "clause",
    "điều": "article",
    "dieu": "article",
    "chương": "chapter",
    "chuong": "chapter",
}
_DECISION_WORDS = re.compile(r"\b(quyết định|quyet dinh)\b(?!\s*(số|so)?\s*\d)")
_REGULATION_WORDS = re.compile(r"\b(quy định|quy dinh)\b")


def parse_reference(text: str) -> Reference | None:
    """Read a reference typed by a user: a short citation (`3.14.đ`, `3.14.dd`, `QĐ.2`), an eId
    (`art_3__para_14__point_dd`, `dec__art_2`) or the spoken form (`điểm đ khoản 14 Điều 3`,
    `Điều 2 Quyết định`). None when it is none of them."""
    raw = unicodedata.normalize("NFC", text or "").strip().lower()
    raw = re.sub(r"\s+", " ", raw)
    if not raw:
        return None
    compact = raw.replace(" ", "")
    if raw in ("qđ", "qd", "quyết định", "quyet dinh", "decision"):
        return Reference("decision", ())
    if raw in ("quy định", "quy dinh", "regulation"):
        return Reference("regulation", ())
    match = _SHORT.match(compact)
    if match:
        path: list[Step] = [("article", str(int(match["art"])))]
        if match["cl"]:
            path.append(("clause", str(int(match["cl"]))))
        if match["pt"]:
            if not match["cl"]:
                return None
            path.append(("point", letter_from_ascii(match["pt"])))
        if match["ind"]:
            if not match["pt"]:
                return None
            path.append(("indent", str(int(match["ind"]))))
        return Reference("decision" if match["dec"] else "regulation", tuple(path))
    match = _CHAPTER.match(raw)
    if match:
        num = match["num"]
        number = int(num) if num.isdigit() else roman_to_int(num)
        if not number:
            return None
        return Reference("decision" if match["dec"] else "regulation", (("chapter", int_to_roman(number)),))
    match = _EID.match(raw)
    if match:
        steps: list[Step] = []
        for piece in match["body"].split("__"):
            prefix, _sep, num = piece.partition("_")
            kind = _EID_KIND[prefix]
            if kind == "chapter":
                if not num.isdigit():
                    return None
                num = int_to_roman(int(num))
            elif kind == "point":
                num = letter_from_ascii(num)
            steps.append((kind, num))
        return Reference("decision" if match["dec"] else "regulation", tuple(steps)) if _well_formed(steps) else None
    pieces = list(_SPOKEN_PIECE.finditer(raw))
    if pieces:
        found: dict[str, str] = {}
        for piece in pieces:
            kind = _SPOKEN_UNITS[piece["unit"]]
            num = piece["num"]
            if kind in found:
                return None
            if kind == "point":
                num = letter_from_ascii(num)
            elif kind == "chapter":
                number = int(num) if num.isdigit() else roman_to_int(num)
                if not number:
                    return None
                num = int_to_roman(number)
            elif not num.isdigit():
                return None
            else:
                num = str(int(num))
            found[kind] = num
        order = ("chapter",) if "chapter" in found else ("article", "clause", "point", "indent")
        if "chapter" in found and len(found) > 1:
            return None
        spoken_path = [(kind, found[kind]) for kind in order if kind in found]
        if not _well_formed(spoken_path):
            return None
        rest = _SPOKEN_PIECE.sub(" ", raw)
        part = "decision" if _DECISION_WORDS.search(rest) and not _REGULATION_WORDS.search(rest) else "regulation"
        return Reference(part, tuple(spoken_path))
    return None


def _well_formed(path: list[Step]) -> bool:
    """A path goes down one level at a time: article, then clause, then point, then indent."""
    if not path:
        return False
    if path[0][0] == "chapter":
        return len(path) == 1
    levels = ["article", "clause", "point", "indent"]
    return [kind for kind, _num in path] == levels[: len(path)]


# ---------------------------------------------------------------------------------------------------------
# Dates

_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


def find_dates(text: str) -> list[tuple[int, datetime.date]]:
    """Every date written `ngày 03 tháng 3 năm 2023` (or `ngày 03/3/2023`) in the text, with its offset."""
    found = []
    for pattern in (_DATE, _DATE_NUMERIC):
        for match in pattern.finditer(text):
            try:
                day = datetime.date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                continue
            found.append((match.start(), day))
    return sorted(found)


def first_date(text: str) -> datetime.date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


# ---------------------------------------------------------------------------------------------------------
# Names of issuing bodies


#: Names that are not capitalised by the general rule below (Decree 30/2020/NĐ-CP, Appendix II: the
#: official name of the ministry is written so).
_ISSUER_NAMES = {"bộ công thương": "Bộ Công Thương", "ngân hàng nhà nước việt nam": "Ngân hàng Nhà nước Việt Nam"}
#: Proper names capitalised wherever they stand in an issuer's name (`Văn phòng Chính phủ`).
_PROPER = {"quốc hội": "Quốc hội", "chính phủ": "Chính phủ", "thường vụ": "Thường vụ"}
_FIELDS_OF = re.compile(r"^(bộ|sở|ủy ban|uỷ ban)\s+(?!nhân dân)(.+?)(?=\s+(?:tỉnh|thành phố)\s|$)")
_PLACE = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\s+(.+)$")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def issuer_name(upper: str) -> str:
    """An issuing body's name as Vietnamese writes it, from the capitals of a document's header.

    Decree 30/2020/NĐ-CP on clerical work, Appendix II (capitalisation of names of agencies) [verify the
    section]: the first letter of the name, of the word for its kind and of each field it works in
    (`Bộ Xây dựng`, `Bộ Khoa học và Công nghệ`, `Bộ Văn hóa, Thể thao và Du lịch`, `Sở Thông tin và Truyền
    thông`, `Ủy ban Thường vụ Quốc hội`); `Quốc hội` and `Chính phủ` everywhere; a People's Council or
    Committee lower-case after its first letter, then its province, city or commune with every word
    capitalised (`Ủy ban nhân dân tỉnh Thái Nguyên`, `Hội đồng nhân dân thành phố Hà Nội`).
    """
    lowered = " ".join(unicodedata.normalize("NFC", upper).lower().split())
    if lowered in _ISSUER_NAMES:
        return _ISSUER_NAMES[lowered]
    fields = _FIELDS_OF.match(lowered)
    if fields:
        pieces = re.split(r"(\s+và\s+|,\s+|\s+-\s+)", fields[2])
        named = "".join(piece if index % 2 else _upper_first(piece) for index, piece in enumerate(pieces))
        lowered = f"{fields[1]} {named}{lowered[fields.end() :]}"
    for proper, written in _PROPER.items():
        lowered = re.sub(rf"(?i)\b{proper}\b", written, lowered)
    lowered = _PLACE.sub(lambda m: f"{m[1]} " + " ".join(_upper_first(w) for w in m[2].split()), lowered)
    return _upper_first(lowered)


@dataclass(frozen=True)
class ForceDelay:
    """The fewest days between signing (or passing) and entry into force, and the provision saying so."""

    days: int
    basis: str


#: Law 64/2025/QH15 is in force from 1 April 2025 [verify the date against its final article]; documents signed
#: before are held to Law 80/2015/QH13.
LPLD_2025_IN_FORCE = datetime.date(2025, 4, 1)
_LOCAL_ISSUERS = ("UBND", "HĐND")


def _local(number: str) -> bool | None:
    """Whether the number's symbol names a local issuer (`…/QĐ-UBND`, `…/NQ-HĐND`) or a central one
    (`…/QH15`, `…/NĐ-CP`, `…/QĐ-TTg`, `…/TT-BXD`); None when there is no symbol."""
    symbol = number.rsplit("/", 1)[-1] if "/" in number else ""
    if not symbol:
        return None
    issuer = symbol.rsplit("-", 1)[-1].upper()
    return issuer.startswith(_LOCAL_ISSUERS)


def min_days_before_force(number: str, signing: datetime.date) -> ForceDelay | None:
    """The minimum delay before a legal document enters into force, by issuer and by the law in force when it
    was signed; None when the issuer cannot be told from the number.

    Law 64/2025/QH15 art. 53(1): no earlier than 45 days after passing or signing for a document of a central
    state body, 10 days for one of a local government (any level). Law 80/2015/QH13 art. 151(1): 45 days for
    central bodies, 10 days for the provincial People's Council and Committee, 7 days for district and commune
    ones; the symbol (`UBND`) does not tell the level, so the provincial 10 days is applied [verify for district
    and commune documents]. Both laws let a document made by the shortened procedure or in a special case take
    effect on signing, which the text alone does not show: a too-early date is a warning, never a refusal.
    """
    local = _local(number)
    if local is None:
        return None
    if signing >= LPLD_2025_IN_FORCE:
        basis = "Luật 64/2025/QH15, Điều 53 khoản 1"
    else:
        basis = "Luật 80/2015/QH13, Điều 151 khoản 1"
    return ForceDelay(10 if local else 45, basis)


def date_conflicts(signing: datetime.date | None, in_force: datetime.date | None, number: str) -> list[str]:
    """Codes of contradictions between the signing date and the entry into force of the document `number`.

    `before_signing`: the stated entry into force precedes the signing date; `too_early`: it comes sooner than
    the minimum delay for its issuer (`min_days_before_force`).
    """
    if signing is None or in_force is None:
        return []
    if in_force < signing:
        return ["before_signing"]
    delay = min_days_before_force(number, signing)
    if delay is not None and (in_force - signing).days < delay.days:
        return ["too_early"]
    return []


# ---------------------------------------------------------------------------------------------------------
# Fields of state management (Article 2)


def fields_from_functions(text: str) -> list[str]:
    """The fields of state management listed in the Department's functions article (Article 2 of the
    Regulation; Circular 11/2022/TT-BTTTT art. 1): the list after `quản lý nhà nước về`, separated by
    semicolons. The last item joins two fields with a comma (`giao dịch điện tử, chuyển đổi số`), which
    the Circular lists separately, so it is split too."""
    match = re.search(r"quản lý nhà nước về\s+(.*)", text, re.IGNORECASE | re.DOTALL)
    if not match:
        return []
    body = re.split(r"\s+tại địa phương|\s*\(", match[1])[0]
    items = [item.strip(" .;,") for item in body.split(";")]
    items = [item for item in items if item]
    if items and "," in items[-1]:
        items = items[:-1] + [piece.strip() for piece in items[-1].split(",") if piece.strip()]
    return items


def field_keywords(name: str) -> list[str]:
    """Folded words that mark a clause as being about this field: its name, and its first term when the
    name lists several (`xuất bản, in, phát hành` -> also `xuat ban`)."""
    folded = fold(name)
    words = {folded}
    if "," in folded:
        words.add(folded.split(",")[0].strip())
    return sorted(words)


# Topics named in clauses of Article 3 that are not fields themselves but belong to some (clause 9,
# advertising, covers advertising in the press, online and in publications).
TOPIC_FIELDS = {"quang cao": ("bao chi", "thong tin dien tu", "xuat ban")}


def fields_of_clause(intro: str, fields: list[tuple[str, list[str]]]) -> list[str]:
    """Codes of the fields a clause of Article 3 belongs to.

    A topical clause begins `Về …` (`Về báo chí`, `Về bưu chính`): its fields are those whose keywords
    occur in that heading. Any other clause (to submit drafts, to inspect, to manage staff…) is a duty
    across the whole sector, which Article 2 calls `thông tin và truyền thông`: it belongs to every field.
    """
    heading = fold(intro)
    codes = [code for code, _kw in fields]
    if not heading.startswith("ve "):
        return codes
    topic = heading.split("(")[0]
    keywords = {code: kws for code, kws in fields}
    matched = [code for code in codes if any(re.search(rf"\b{re.escape(k)}\b", topic) for k in keywords[code])]
    for topic_word, field_words in TOPIC_FIELDS.items():
        if topic_word in topic:
            matched += [code for code in codes if any(w in keywords[code] for w in field_words)]
    ordered = [code for code in codes if code in set(matched)]
    return ordered or codes


def scope_covers(scope: str, citation: str) -> bool:
    """Whether a change of competence over `scope` (a citation prefix: `3`, `3.4`, `3.4.b`; empty for the
    whole regulation) covers the provision `citation`: `3.4` covers `3.4` and `3.4.b`, not `3.14`."""
    return not scope or citation == scope or citation.startswith(scope + ".")


_SUBJECT = re.compile(r"\bcủa\s+((?:Sở|Ban|Văn phòng|Thanh tra|Cục|Chi cục|Trung tâm)\b.+)$")


def subject_of(title: str) -> str:
    """The body a functions-and-organisation regulation is about, read from its title: `Quy định chức
    năng, nhiệm vụ … của Sở Thông tin và Truyền thông tỉnh Lâm Đồng` -> `Sở Thông tin và Truyền thông
    tỉnh Lâm Đồng`; empty when the title names none."""
    found = _SUBJECT.search(re.sub(r"\s+", " ", title or "").strip())
    return found[1].strip().rstrip(".") if found else ""
