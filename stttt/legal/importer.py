"""Reading a Vietnamese legal document (Markdown or plain text copied from a portal) into a tree.

Nothing here touches the database: `parse(text)` returns a `ParsedDocument` (metadata, legal bases,
the Decision's and the Regulation's trees, warnings) that `services.document_import` writes. The
parser does not trust Markdown heading levels (the seed mixes them); it reads structure from the words:
`Chương I`, `Điều 3.`, `14.`, `đ)`, `- `. Lines broken at arbitrary places are joined back.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from stttt.core.text import fold
from stttt.legal import rules


class ImportRefused(ValueError):
    """The text cannot be read as a legal document; the message says why."""


# ---------------------------------------------------------------------------------------------------------
# Result types


@dataclass
class ExternalRef:
    doc_type: str
    number: str = ""
    date: datetime.date | None = None
    issuer: str = ""
    title: str = ""

    @property
    def key(self) -> str:
        if self.number:
            return fold(f"{self.doc_type}|{self.number}")
        return fold(f"{self.doc_type}|{self.title}|{self.date.isoformat() if self.date else ''}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "issuer": self.issuer,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class Basis:
    kind: str
    text: str
    references: list[ExternalRef] = field(default_factory=list)


@dataclass
class Node:
    part: str
    kind: str
    num: str = ""
    heading: str = ""
    text: str = ""
    wrap_up: str = ""
    children: list[Node] = field(default_factory=list)
    path: tuple[rules.Step, ...] = ()
    fields: list[str] | None = None  # field codes, when the source says (JSON); None: defaults apply

    @property
    def eid(self) -> str:
        return rules.eid_for(self.part, self.path)

    @property
    def citation(self) -> str:
        return rules.citation_for(self.part, self.path)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Warning_:
    code: str
    message: str
    eid: str | None = None


@dataclass
class ParsedDocument:
    doc_type: str = ""
    number: str = ""
    title: str = ""
    issuer: str = ""
    place: str = ""
    signing_date: datetime.date | None = None
    signer: str = ""
    signer_capacity: str = ""
    signed_on_behalf: str = ""
    effective_from: datetime.date | None = None
    replaces: ExternalRef | None = None
    regulation_title: str = ""
    regulation_caption: str = ""
    recipients: list[str] = field(default_factory=list)
    bases: list[Basis] = field(default_factory=list)
    decision: Node = field(default_factory=lambda: Node("decision", "decision"))
    regulation: Node = field(default_factory=lambda: Node("regulation", "regulation"))
    warnings: list[Warning_] = field(default_factory=list)
    source_format: str = "text"
    fields: list[str] = field(default_factory=list)  # names of the fields of state management (Article 2)

    @property
    def work_uri(self) -> str:
        year = self.signing_date.year if self.signing_date else (re.findall(r"/(\d{4})/", self.number) or ["0"])[0]
        return "/akn/vn/act/{}/{}/{}/{}".format(
            slugify(fold(self.doc_type)),
            slugify(fold(self.issuer)) or "vn",
            year,
            slugify(fold(self.number).replace("/", "-")),
        )

    def nodes(self):
        yield from self.decision.walk()
        yield from self.regulation.walk()

    def warn(self, code: str, message: str, eid: str | None = None) -> None:
        self.warnings.append(Warning_(code, message, eid))


# ---------------------------------------------------------------------------------------------------------
# Lines and paragraphs


@dataclass
class Para:
    text: str
    level: int = 0  # Markdown heading level of its first line (0: none)
    blanks: int = 0  # blank lines before it


_DOC_TYPES = ("QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY ĐỊNH", "QUY CHẾ", "LUẬT")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*\.\s*(.*)$")
_SECTION = re.compile(r"^Mục\s+(\d+|[IVXLC]+)\b\.?\s*(.*)$")
_CLAUSE = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s*(.*)$")
_BULLET = re.compile(r"^[-–•+]\s+(.*)$")
_BASIS = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Xét)\b")  # "Xét Tờ trình…" in resolutions
_SIGN_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(.*)$")
_TERMINAL = (".", ";", ":", "!", "?", "/.", ".)", ";)")


def _is_upper(text: str) -> bool:
    # Symbols with digits (21/2023/QH15, 25/2024/QĐ-UBND) are neither capitals nor lower case.
    letters = [ch for word in text.split() if not any(c.isdigit() for c in word) for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _strong(text: str) -> bool:
    """Lines that begin a unit wherever they stand: a hard-wrapped sentence hardly ever puts `Điều 5.`,
    `Chương II`, `a)` or a document type at the start of a line."""
    return bool(
        _CHAPTER.match(text)
        or _ARTICLE.match(text)
        or _POINT.match(text)
        or text.rstrip(":") in _DOC_TYPES
        or text.startswith(("Nơi nhận", "(Kèm theo"))
    )


def _structural(text: str) -> bool:
    return bool(
        _CHAPTER.match(text)
        or _ARTICLE.match(text)
        or _CLAUSE.match(text)
        or _POINT.match(text)
        or _BULLET.match(text)
        or _BASIS.match(text)
        or _SIGN_PREFIX.match(text)
        or text.startswith(("Nơi nhận", "(Kèm theo"))
        or _is_upper(text)
    )


def _mid_sentence_basis(line: str, previous_line: str) -> bool:
    """ "Thực hiện …" after a full stop is a new sentence of the same paragraph; the legal bases of a
    preamble follow one another after a semicolon."""
    return bool(_BASIS.match(line)) and not previous_line.endswith((";", ";*"))


def _strip_markdown(line: str) -> tuple[str, int]:
    level = 0
    match = re.match(r"^\s{0,3}(#{1,6})\s+(.*)$", line)
    if match:
        level, line = len(match[1]), match[2]
    line = re.sub(r"\*\*|__", "", line)
    line = re.sub(r"(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", line)
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", line)
    line = re.sub(r"^>\s?", "", line)
    return line.strip(), level


def paragraphs(text: str, *, markdown: bool) -> tuple[list[Para], list[list[str]]]:
    """The text as paragraphs (soft-wrapped lines joined) and the rows of any header table."""
    paras: list[Para] = []
    table: list[list[str]] = []
    blanks = 0
    previous_line = ""
    # Hard-wrapped plain text: when the next word would have fitted on the previous line, that line ended
    # its paragraph (a wrap would have carried the word up).
    lengths = sorted(len(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("|"))
    wrap = lengths[-1] if not markdown and lengths and lengths[int(len(lengths) * 0.9)] <= 130 else 0
    for raw in text.splitlines():
        stripped_raw = raw.strip()
        if not stripped_raw:
            blanks += 1
            continue
        if stripped_raw.startswith("|") and not paras:
            cells = [cell.strip() for cell in stripped_raw.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
                table.append([_strip_markdown(c)[0] for c in cells])
            blanks = 0
            continue
        line, level = _strip_markdown(raw) if markdown else (unicodedata.normalize("NFC", stripped_raw), 0)
        line = unicodedata.normalize("NFC", line)
        if not line:
            blanks += 1
            continue
        new = (
            not paras
            or blanks > 0
            or level > 0
            or paras[-1].level > 0
            or _strong(line)
            or (
                _structural(line) and previous_line.endswith(_TERMINAL) and not _mid_sentence_basis(line, previous_line)
            )
            or (_is_upper(previous_line) and not _is_upper(line) and not _CHAPTER.match(previous_line))
            or (_is_upper(line) and _SIGN_PREFIX.match(previous_line) is not None)
            or (_is_upper(line) and not _is_upper(previous_line) and not _CHAPTER.match(previous_line))
            or (
                bool(wrap)
                and len(previous_line) + 1 + len(line.split()[0]) <= wrap
                and not line[:1].islower()
                and not _is_upper(previous_line)
            )
        )
        if new:
            paras.append(Para(line, level, blanks))
        else:
            paras[-1].text = f"{paras[-1].text} {line}"
        previous_line = line
        blanks = 0
    for para in paras:
        para.text = re.sub(r"\s+", " ", para.text).strip()
    return paras, table


# ---------------------------------------------------------------------------------------------------------
# External references in preambles and articles

_REF_TYPES = (
    "Thông tư liên tịch",
    "Bộ luật",
    "Luật",
    "Nghị định",
    "Thông tư",
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Tờ trình",
    "Công văn",
    "Kế hoạch",
)
_REF = re.compile(
    r"(?P<type>" + "|".join(_REF_TYPES) + r")\s+(?:(?:số|số:)\s*(?P<number>[\w./\-Đđ ]+?)\s+|(?P<name>[^;]*?)\s+)"
    r"(?P<date>ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4}))"
)
_TITLE_START = re.compile(r"\s(quy định|hướng dẫn|ban hành|sửa đổi|thu hồi|về|phê duyệt|thành lập|bãi bỏ|thay thế)\b")
_ISSUER_OF_TYPE = {"Luật": "Quốc hội", "Bộ luật": "Quốc hội"}


def _clean_number(number: str) -> str:
    return re.sub(r"\s+", "", number or "")


def parse_references(text: str, *, context_issuer: str = "") -> list[ExternalRef]:
    """Every document named in a sentence, with its number, date, issuer and title when written."""
    found: list[ExternalRef] = []
    matches = list(_REF.finditer(text))
    for index, match in enumerate(matches):
        doc_type = match["type"]
        day = rules.first_date(match["date"])
        ref = ExternalRef(doc_type=doc_type, number=_clean_number(match["number"] or ""), date=day)
        tail = text[match.end() :].strip(" ;.")
        segment = text[matches[index - 1].end() if index else 0 : match.start()]
        if ref.number:
            issuer_match = re.match(r"của\s+(.*)", tail)
            if issuer_match:
                rest = issuer_match[1]
                title_match = _TITLE_START.search(rest)
                if title_match:
                    ref.issuer, ref.title = rest[: title_match.start()].strip(), rest[title_match.start() :].strip()
                else:
                    ref.issuer = rest.strip()
            elif doc_type == "Tờ trình":
                issuer_match = re.search(r"(?:của|và)\s+(.+?)\s+tại\s*$", segment)
                ref.issuer = issuer_match[1].strip() if issuer_match else ""
            ref.title = re.sub(r"\s+của\s+\S.*$", "", ref.title) if ref.title.startswith("của") else ref.title
        else:
            ref.title = f"{doc_type} {match['name']}".strip()
            ref.issuer = _ISSUER_OF_TYPE.get(doc_type, "")
        if context_issuer and ref.issuer and fold(context_issuer).startswith(fold(ref.issuer)):
            ref.issuer = context_issuer
        ref.title = ref.title.rstrip(" ;.")
        found.append(ref)
    return found


# ---------------------------------------------------------------------------------------------------------
# The body: chapters, articles, clauses, points, indents


class _Body:
    """Builds a tree from paragraphs, one at a time, keeping the numbering it expects next."""

    def __init__(self, doc: ParsedDocument, root: Node, *, chapters: bool) -> None:
        self.doc = doc
        self.root = root
        self.chapters = chapters
        self.chapter: Node | None = None
        self.article: Node | None = None
        self.clause: Node | None = None
        self.point: Node | None = None
        self.last: tuple[Node, str] | None = None  # where the last text went (node, attribute)
        self.levels: dict[str, list[tuple[int, str]]] = {"chapter": [], "article": [], "clause": []}
        self.section: str | None = None  # a `Mục` whose title may follow on the next paragraph
        self.in_section = False  # since the last `Mục` of this chapter (its title may run on)

    def _container(self) -> Node:
        return self.point or self.clause or self.article or self.chapter or self.root

    def _append(self, node: Node, attribute: str, text: str) -> None:
        current = getattr(node, attribute)
        setattr(node, attribute, f"{current}\n\n{text}" if current else text)
        self.last = (node, attribute)

    def _section(self, text: str) -> bool:
        """Sections (`Mục 1` and their title) of a chapter are not a level of our tree: their articles
        are read as the chapter's, and a warning names them. True when the paragraph was one."""
        match = _SECTION.match(text) if self.chapters and self.chapter is not None else None
        title = ""
        if match:
            self.article = self.clause = self.point = None
            self.last = None
            if not match[2].strip():
                self.section = match[1]
                return True
            number, title = match[1], match[2].strip(" .")
        elif self.section is not None:
            number, self.section = self.section, None
            if _is_upper(text):
                title = text
        else:
            # A section title set on two lines: capitals before the section's first article.
            return self.in_section and self.article is None and _is_upper(text)
        self.in_section = True
        assert self.chapter is not None
        self.doc.warn(
            "section_ignored",
            _(
                "Section %(num)s (%(title)s) of %(chapter)s is not kept as a level of the tree; its articles "
                "are read as the chapter's."
            )
            % {"num": number, "title": title or "-", "chapter": self.chapter.citation},
        )
        return bool(match) or bool(title)

    def feed(self, para: Para) -> None:
        text = para.text
        match = _CHAPTER.match(text) if self.chapters else None
        if match:
            number = match[1] if not match[1].isdigit() else rules.int_to_roman(int(match[1]))
            self.chapter = Node(
                self.root.part, "chapter", number, heading=match[2].strip(" .").strip(), path=(("chapter", number),)
            )
            self.root.children.append(self.chapter)
            self.article = self.clause = self.point = None
            self.in_section = False
            self.last = None
            self.levels["chapter"].append((para.level, self.chapter.citation))
            return
        if self._section(text):
            return
        match = _ARTICLE.match(text)
        if match:
            number = str(int(match[1]))
            rest = match[2].strip()
            # "Điều 1. Vị trí" has a heading; "Điều 1. Ban hành kèm theo Quyết định này …./." is all text.
            # A heading never ends a sentence, however long it is ("Điều 6. Quyền và trách nhiệm của …").
            is_text = (len(rest.split()) > 12 and rest.endswith(_TERMINAL)) or rest.endswith(("./.", ";"))
            self.article = Node(
                self.root.part,
                "article",
                number,
                heading="" if is_text else rest.rstrip("."),
                text=rest if is_text else "",
                path=(("article", number),),
            )
            (self.chapter or self.root).children.append(self.article)
            self.clause = self.point = None
            self.last = (self.article, "text") if is_text else None
            self.levels["article"].append((para.level, self.article.citation))
            return
        if self.article is not None:
            match = _CLAUSE.match(text)
            expected = int(self.clause.num) + 1 if self.clause else 1
            if match and (int(match[1]) == expected or (self.clause and expected < int(match[1]) <= expected + 2)):
                number = str(int(match[1]))
                if int(number) != expected:
                    self.doc.warn(
                        "numbering_gap",
                        _("Clause %(num)s follows clause %(prev)s.")
                        % {"num": number, "prev": self.clause.num if self.clause else "-"},
                    )
                self.clause = Node(self.root.part, "clause", number, path=(*self.article.path, ("clause", number)))
                self.article.children.append(self.clause)
                self.point = None
                self._append(self.clause, "text", match[2].strip())
                self.levels["clause"].append((para.level, self.clause.citation))
                return
            match = _POINT.match(text)
            if match:
                parent = self.clause or self.article
                previous = self.point.num if self.point else None
                written = match[1]
                label = rules.repair_point_label(previous, written)
                if previous is None or label == rules.next_letter(previous) or label == written:
                    self.point = Node(self.root.part, "point", label, path=(*parent.path, ("point", label)))
                    parent.children.append(self.point)
                    self._append(self.point, "text", match[2].strip())
                    if label != written:
                        self.doc.warn(
                            "label_repaired",
                            _(
                                "Point “%(written)s)” repeats the previous label; the sequence a, b, c, d, đ, e… "
                                "says “%(label)s)” is meant, so it was read as %(citation)s."
                            )
                            % {"written": written, "label": label, "citation": self.point.citation},
                            self.point.eid,
                        )
                    return
            match = _BULLET.match(text)
            if match:
                parent = self._container()
                if all(child.kind == "indent" for child in parent.children) and parent.kind != "chapter":
                    number = str(len(parent.children) + 1)
                    indent = Node(self.root.part, "indent", number, path=(*parent.path, ("indent", number)))
                    parent.children.append(indent)
                    self._append(indent, "text", match[1].strip())
                    return
        # Plain text: the continuation of a paragraph cut by a page break, closing text, or more text.
        if self.last is not None and text[:1].islower():
            node, attribute = self.last
            current = getattr(node, attribute)
            if current and not current.rstrip().endswith(_TERMINAL):
                setattr(node, attribute, f"{current} {text}")
                if para.blanks:
                    self.doc.warn(
                        "paragraph_joined",
                        _(
                            "The text of %(citation)s was split by a page break (“…%(before)s” / “%(after)s…”); "
                            "the two parts were joined."
                        )
                        % {"citation": node.citation, "before": current[-30:], "after": text[:30]},
                        node.eid,
                    )
                return
        container = self._container()
        if container.kind == "chapter" and not container.heading:
            container.heading = text
            self.last = None
            return
        if container.children and container.kind != "chapter":
            self._append(container, "wrap_up", text)
            return
        self._append(container, "text", text)


# ---------------------------------------------------------------------------------------------------------
# The whole document


def _capitalise(text: str) -> str:
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def parse(text: str) -> ParsedDocument:
    """Read a legal document. Raises ImportRefused when the text is not one."""
    text = unicodedata.normalize("NFC", (text or "").replace("\ufeff", "").replace("\r\n", "\n"))
    if not text.strip():
        raise ImportRefused(_("The file is empty."))
    if text.lstrip().startswith("{"):
        return from_json(text)
    markdown = bool(re.search(r"^\s{0,3}#{1,6}\s|\*\*", text, re.MULTILINE))
    paras, table = paragraphs(text, markdown=markdown)
    doc = ParsedDocument(source_format="markdown" if markdown else "text")

    index = 0
    # Header table: issuing body, number, place and date.
    header_number = header_date = None
    for row in table:
        for cell in row:
            number = re.match(r"^Số\s*:?\s*(.+)$", cell)
            if number:
                header_number = _clean_number(number[1])
            place = re.match(r"^(.+?),\s*(ngày .+)$", cell)
            if place and rules.first_date(place[2]):
                doc.place, header_date = place[1].strip(), rules.first_date(place[2])
            if _is_upper(cell) and "CỘNG HÒA" not in cell and "Độc lập" not in cell and not doc.issuer:
                doc.issuer = rules.issuer_name(cell)
    # Document type.
    while index < len(paras) and paras[index].text.rstrip(":") not in _DOC_TYPES:
        if index > 6:
            break
        index += 1
    if index >= len(paras) or paras[index].text.rstrip(":") not in _DOC_TYPES:
        raise ImportRefused(
            _(
                "This is not a legal document: no line names its type (QUYẾT ĐỊNH, NGHỊ ĐỊNH, "
                "THÔNG TƯ…) at its beginning."
            )
        )
    doc.doc_type = _capitalise(paras[index].text.rstrip(":"))
    doc.issuer = doc.issuer or _ISSUER_OF_TYPE.get(doc.doc_type, "")  # a law's header may be cut off
    index += 1
    title: list[str] = []
    while index < len(paras) and not _BASIS.match(paras[index].text) and not _is_upper(paras[index].text):
        title.append(paras[index].text)
        index += 1
    doc.title = " ".join(title)
    if (
        not title
        and doc.issuer
        and index < len(paras)
        and _is_upper(paras[index].text)
        and paras[index].text.rstrip(":") not in _DOC_TYPES
        and fold(paras[index].text) != fold(doc.issuer)
    ):
        doc.title = paras[index].text  # a title set in capitals (laws, many provinces' documents)
        index += 1
    if index < len(paras) and _is_upper(paras[index].text) and paras[index].text.rstrip(":") not in _DOC_TYPES:
        if not doc.issuer:
            doc.issuer = rules.issuer_name(paras[index].text)
        index += 1
    # Legal bases.
    while index < len(paras) and _BASIS.match(paras[index].text):
        sentence = paras[index].text
        kind = {"Căn cứ": "can_cu", "Thực hiện": "thuc_hien"}.get(_BASIS.match(sentence)[1], "de_nghi")  # type: ignore[index]
        doc.bases.append(Basis(kind, sentence, parse_references(sentence, context_issuer=doc.issuer)))
        index += 1
    if not doc.bases and not any(_ARTICLE.match(p.text) for p in paras):
        raise ImportRefused(_("This is not a legal document: it has neither legal bases nor articles."))
    if index < len(paras) and paras[index].text.rstrip(":").strip() in _DOC_TYPES:
        index += 1  # the enacting word "QUYẾT ĐỊNH:"
    # The Decision's own articles.
    body = _Body(doc, doc.decision, chapters=True)
    while index < len(paras):
        para = paras[index]
        if para.text.startswith("Nơi nhận") or _SIGN_PREFIX.match(para.text) or para.text.rstrip(":") in _DOC_TYPES:
            break
        body.feed(para)
        index += 1
    # Recipients and signature, in either order, up to the attached regulation.
    in_recipients = False
    expecting = "capacity"
    while index < len(paras) and paras[index].text.rstrip(":") not in _DOC_TYPES:
        line = paras[index].text
        index += 1
        if line.startswith("Nơi nhận"):
            in_recipients = True
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                doc.recipients.append(rest.lstrip("- ").rstrip(";,."))
            continue
        bullet = _BULLET.match(line)
        if in_recipients and bullet:
            doc.recipients.append(bullet[1].strip().rstrip(";,"))
            continue
        in_recipients = False
        sign = _SIGN_PREFIX.match(line)
        if sign:
            doc.signed_on_behalf = f"{sign[1]}. {_capitalise(sign[2])}"
            expecting = "capacity"
        elif _is_upper(line) and expecting == "capacity":
            doc.signer_capacity = _capitalise(line)
            expecting = "signer"
        elif not doc.signer and expecting == "signer":
            doc.signer = line
            expecting = ""
    # The attached regulation.
    if index < len(paras):
        index += 1
        caption_parts: list[str] = []
        title = []
        while index < len(paras):
            line = paras[index].text
            if (caption_parts and not caption_parts[-1].endswith(")")) or (line.startswith("(") and not caption_parts):
                caption_parts.append(line)
            elif not caption_parts and not _CHAPTER.match(line) and not _ARTICLE.match(line):
                title.append(line)
            else:
                break
            index += 1
        doc.regulation_title = " ".join(title)
        doc.regulation_caption = " ".join(caption_parts)
        reg = _Body(doc, doc.regulation, chapters=True)
        while index < len(paras):
            reg.feed(paras[index])
            index += 1
        _check_levels(doc, [reg], markdown)
    # Metadata from the caption, the header and the Decision's articles.
    caption_number = re.search(r"số\s+([\w\s./\-Đđ]+?)\s+ngày", doc.regulation_caption)
    if caption_number and re.search(r"\s", caption_number[1].strip()):
        doc.warn(
            "number_spacing",
            _("The number “%(raw)s” in the Regulation's caption has stray spaces; read as %(clean)s.")
            % {"raw": caption_number[1].strip(), "clean": _clean_number(caption_number[1])},
        )
    caption_issuer = re.search(r"\bcủa\s+(.+?)\)?$", doc.regulation_caption)
    if caption_issuer:
        doc.issuer = caption_issuer[1].strip(" )")
    doc.number = header_number or (_clean_number(caption_number[1]) if caption_number else "")
    doc.signing_date = header_date or rules.first_date(doc.regulation_caption)
    if not table:
        doc.warn(
            "header_missing",
            _(
                "The document has no header (issuing body, number, place and date); the "
                "number and date were taken from the caption of the attached Regulation."
            ),
        )
    if not doc.place:
        place = re.search(r"\b(?:tỉnh|thành phố)\s+(.+)$", doc.issuer)
        doc.place = place[1] if place else ""
    for node in doc.decision.walk():
        sentence = " ".join(x for x in (node.heading, node.text) if x)
        if "hiệu lực" in sentence and doc.effective_from is None:
            after = sentence.split("hiệu lực", 1)[1]
            doc.effective_from = rules.first_date(after)
        if "thay thế" in sentence and doc.replaces is None:
            refs = parse_references(sentence.split("thay thế", 1)[1], context_issuer=doc.issuer)
            doc.replaces = refs[0] if refs else None
    if not doc.number:
        raise ImportRefused(_("The document's number and symbol (such as 01/2024/QĐ-UBND) could not be found."))
    for conflict in rules.date_conflicts(doc.signing_date, doc.effective_from, doc.number):
        assert doc.signing_date and doc.effective_from
        delay = rules.min_days_before_force(doc.number, doc.signing_date)
        values = {
            "signed": doc.signing_date.strftime("%d/%m/%Y"),
            "force": doc.effective_from.strftime("%d/%m/%Y"),
            "days": delay.days if delay else 0,
            "basis": delay.basis if delay else "",
        }
        if conflict == "before_signing":
            message = (
                _(
                    "The document is dated %(signed)s but enters into force on %(force)s, before it was "
                    "signed; one of the dates is wrong."
                )
                % values
            )
        else:
            message = (
                _(
                    "The document is dated %(signed)s and enters into force on %(force)s, less than the "
                    "%(days)s days the law requires (%(basis)s), unless it was made by the shortened procedure."
                )
                % values
            )
        doc.warn("date_conflict", message)
    for article in doc.regulation.walk():
        if article.kind == "article" and article.num == "2":
            doc.fields = rules.fields_from_functions(article.text)
            break
    if not list(doc.regulation.walk())[1:] and not doc.decision.children:
        raise ImportRefused(_("This is not a legal document: no articles were found."))
    return doc


def _check_levels(doc: ParsedDocument, bodies: list[_Body], markdown: bool) -> None:
    """Record when one kind of unit is marked with several Markdown heading levels."""
    if not markdown:
        return
    names = {"chapter": _("Chapters"), "article": _("Articles"), "clause": _("Clauses")}
    for kind, name in names.items():
        seen: dict[int, list[str]] = {}
        for body in bodies:
            for level, citation in body.levels[kind]:
                seen.setdefault(level, []).append(citation)
        if len(seen) > 1:
            parts = []
            for level, citations in sorted(seen.items()):
                shown = ", ".join(citations[:8]) + ("…" if len(citations) > 8 else "")
                label = _("level %(n)s") % {"n": level} if level else _("no heading")
                parts.append(f"{label}: {shown}")
            doc.warn(
                "heading_levels",
                _(
                    "%(kind)s are marked with inconsistent heading levels (%(detail)s); the "
                    "structure was read from the numbering instead."
                )
                % {"kind": name, "detail": "; ".join(parts)},
            )


# ---------------------------------------------------------------------------------------------------------
# JSON (our own export format), read back


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _ref(data: dict[str, Any] | None) -> ExternalRef | None:
    if not data:
        return None
    return ExternalRef(
        data.get("doc_type", ""),
        data.get("number", ""),
        _date(data.get("date")),
        data.get("issuer", ""),
        data.get("title", ""),
    )


def _node(data: dict[str, Any], part: str, path: tuple[rules.Step, ...]) -> Node:
    kind = data["kind"]
    node = Node(
        part,
        kind,
        data.get("num", ""),
        data.get("heading", ""),
        data.get("text", ""),
        data.get("wrap_up", ""),
        path=path,
        fields=data.get("fields"),
    )
    for child in data.get("children", []):
        child_path = (
            (*path, (child["kind"], child.get("num", "")))
            if child["kind"] != "chapter"
            else (("chapter", child.get("num", "")),)
        )
        if child["kind"] == "article" and path and path[0][0] == "chapter":
            child_path = (("article", child.get("num", "")),)
        node.children.append(_node(child, part, child_path))
    return node


def from_json(text: str) -> ParsedDocument:
    """A document exported with `stttt legal export --format json`."""
    try:
        data = json.loads(text)
        meta = data["document"]
        roots = {root["kind"]: root for root in data["tree"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportRefused(_("This JSON file is not a legal document exported by stttt.")) from exc
    doc = ParsedDocument(
        doc_type=meta["doc_type"],
        number=meta["number"],
        title=meta.get("title", ""),
        issuer=meta.get("issuer", ""),
        place=meta.get("place", ""),
        signing_date=_date(meta.get("signing_date")),
        signer=meta.get("signer", ""),
        signer_capacity=meta.get("signer_capacity", ""),
        signed_on_behalf=meta.get("signed_on_behalf", ""),
        effective_from=_date(meta.get("effective_from")),
        replaces=_ref(meta.get("replaces")),
        regulation_title=meta.get("regulation_title", ""),
        regulation_caption=meta.get("regulation_caption", ""),
        recipients=list(meta.get("recipients", [])),
        source_format="json",
    )
    for basis in data.get("bases", []):
        doc.bases.append(Basis(basis["kind"], basis["text"], [r for r in map(_ref, basis.get("references", [])) if r]))
    if "decision" in roots:
        doc.decision = _node(roots["decision"], "decision", ())
    if "regulation" in roots:
        doc.regulation = _node(roots["regulation"], "regulation", ())
    for warning in data.get("warnings", []):
        doc.warn(warning["code"], warning["message"], warning.get("eid"))
    doc.fields = [f["name"] for f in data.get("fields", [])]
    return doc


def as_tree(doc: ParsedDocument) -> list[dict[str, Any]]:
    """The parsed tree in the same shape as `selectors.document_tree` (for diffs without importing)."""

    def build(node: Node) -> dict[str, Any]:
        data: dict[str, Any] = {
            "eid": node.eid,
            "citation": node.citation,
            "kind": node.kind,
            "num": node.num,
            "heading": node.heading,
            "text": node.text,
        }
        if node.wrap_up:
            data["wrap_up"] = node.wrap_up
        data["children"] = [build(child) for child in node.children]
        return data

    return [build(doc.decision), build(doc.regulation)]
