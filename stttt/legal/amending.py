"""Amending documents as pure functions (no ORM): read the amending instructions of a text, build the new
provisions they quote, apply them to a document tree, read dated parameters from provisions, and word the
notes a consolidated text (văn bản hợp nhất) puts under each changed provision.

The instructions are the usual Vietnamese drafting (Law on Promulgation of Legal Documents; Decree
34/2016/NĐ-CP, Annex II, on how amending documents are written):

- `Sửa đổi, bổ sung điểm a khoản 2 Điều 4 như sau:` / `Sửa đổi …` / `Thay thế …` / `Điều 4 được sửa đổi,
  bổ sung như sau:` — replace the provision with the quoted text;
- `Bổ sung khoản 4 vào sau khoản 3 Điều 6 như sau:` / `Bổ sung điểm e vào khoản 2 Điều 4 như sau:` — insert;
- `Bãi bỏ khoản 3 Điều 5` (several joined by `,` or `và`) — repeal.

Trees are the dicts of `selectors.document_tree` (eid, citation, kind, num, heading, text, wrap_up, children).
"""

from __future__ import annotations

import copy
import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from stttt.legal import rules

LEVELS = ("article", "clause", "point", "indent")
_PIECE = re.compile(r"\b(điểm|khoản|Điều)\s+(đ|[a-z]|\d+)\b", re.IGNORECASE)
_KIND = {"điểm": "point", "khoản": "clause", "điều": "article"}
_LEAD = re.compile(r"^(?:\d{1,3}\.|[a-zđ]\))\s+")
_INSERT = re.compile(r"^Bổ sung (?P<what>.+?) vào (?P<sau>sau )?(?P<where>.+?)(?: như sau)?\s*:?$", re.IGNORECASE)
_REPLACE = re.compile(r"^(?:Sửa đổi, bổ sung|Sửa đổi|Thay thế) (?P<what>.+?)(?: như sau)?\s*:$", re.IGNORECASE)
_REPLACE_PASSIVE = re.compile(r"^(?P<what>.+?) được (?:sửa đổi, bổ sung|sửa đổi|thay thế) như sau\s*:$", re.IGNORECASE)
_REPEAL = re.compile(r"^Bãi bỏ (?P<what>.+?)[.;]?$", re.IGNORECASE)
_TARGET = re.compile(
    r"(?:ban hành kèm theo |của )?(?P<type>Quyết định|Nghị định|Thông tư|Nghị quyết)\s+số\s+"
    r"(?P<number>\d+\s*/\s*\d{4}\s*/\s*[A-ZĐa-zđ0-9\-]+)"
)
_ARTICLE_LINE = re.compile(r"^Điều\s+(\d+)\s*\.\s*(.*)$")
_LINE_OF = {
    "article": _ARTICLE_LINE,
    "clause": re.compile(r"^(\d{1,3})\.\s+(.*)$"),
    "point": re.compile(r"^([a-zđ])\)\s*(.*)$"),
    "indent": re.compile(r"^[-–•+]\s+(.*)$"),
}
_END = re.compile(r"^(Nơi nhận|TM\.|KT\.|TL\.|Q\.)")
_QUOTES = "“”\"'‘’"
PERIOD_MONTHS = {"tháng": 1, "quý": 3, "năm": 12}


class AmendmentError(ValueError):
    """An amending instruction that cannot be applied (its target is missing or already there)."""


@dataclass(frozen=True)
class Instruction:
    """One amending instruction as written, with what it targets (a path in the amended Regulation)."""

    order: int
    action: str  # replace, insert, repeal (choices.AmendmentAction)
    path: tuple[rules.Step, ...]
    after: tuple[rules.Step, ...]  # insert: the sibling it follows; empty: appended to its parent
    sentence: str
    new_lines: tuple[str, ...]
    source_path: tuple[rules.Step, ...]  # where the instruction sits in the amending Decision

    @property
    def eid(self) -> str:
        return rules.eid_for("regulation", self.path)

    @property
    def citation(self) -> str:
        return rules.citation_for("regulation", self.path)

    @property
    def after_eid(self) -> str:
        return rules.eid_for("regulation", self.after) if self.after else ""

    @property
    def source_eid(self) -> str:
        return rules.eid_for("decision", self.source_path) if self.source_path else ""


# ---------------------------------------------------------------------------------------------------------
# Reading the instructions


def _lines(text: str) -> list[str]:
    """The text's lines without Markdown emphasis, headings, tables or blank lines."""
    out = []
    for raw in unicodedata.normalize("NFC", text or "").splitlines():
        line = raw.strip()
        if not line or line.startswith("|"):
            continue
        line = re.sub(r"^#{1,6}\s*", "", line).replace("**", "").replace("__", "").strip()
        if line:
            out.append(re.sub(r"\s+", " ", line))
    return out


def target_number(text: str) -> str | None:
    """The number of the document an amending text amends: the one named in its first amending sentence
    (`… ban hành kèm theo Quyết định số 25/2024/QĐ-UBND …`), else in its title."""
    for line in _lines(text):
        if re.search(r"sửa đổi|bổ sung|bãi bỏ|thay thế", line, re.IGNORECASE):
            found = _TARGET.search(line)
            if found:
                return re.sub(r"\s+", "", found["number"])
    return None


def _path(words: str, context: tuple[rules.Step, ...] = ()) -> tuple[rules.Step, ...] | None:
    """`điểm a khoản 2 Điều 4` -> (("article","4"),("clause","2"),("point","a")); levels the words leave
    out (`khoản 4` in `Bổ sung khoản 4 vào sau khoản 3 Điều 6`) come from `context`."""
    found: dict[str, str] = {}
    for piece in _PIECE.finditer(words):
        kind = _KIND[piece[1].lower()]
        num = piece[2].lower()
        if (kind == "point") == num.isdigit():  # points are letters, the rest numbers
            return None
        found[kind] = num if kind == "point" else str(int(num))
    if not found:
        return None
    deepest = max(LEVELS.index(kind) for kind in found)
    given = dict(context)
    path = []
    for kind in LEVELS[: deepest + 1]:
        num = found.get(kind) or given.get(kind)
        if num is None:
            return None
        path.append((kind, num))
    return tuple(path)


def is_amending(text: str) -> bool:
    """Whether the text amends another document: it names one and holds at least one instruction."""
    return target_number(text) is not None and bool(parse_instructions(text))


def parse_instructions(text: str) -> list[Instruction]:
    """Every amending instruction of the text, in order, with the lines of new text each one quotes."""
    lines = _lines(text)
    found: list[Instruction] = []
    article: str | None = None
    clause: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _END.match(line):
            break
        heading = _ARTICLE_LINE.match(line)
        if heading:
            article, clause = heading[1], None
            line = heading[2]
        lead = re.match(r"^(\d{1,3})\.\s+", line)
        if lead:
            clause = lead[1]
        sentence = _LEAD.sub("", line)
        parsed = _instruction(sentence)
        if parsed is None:
            continue
        action, path, after = parsed
        body: list[str] = []
        if action != "repeal":
            while index < len(lines) and not _END.match(lines[index]):
                candidate = lines[index]
                if _instruction(_LEAD.sub("", candidate)) is not None and not _inside_quote(body):
                    break
                if _ARTICLE_LINE.match(candidate) and not _inside_quote(body) and body:
                    break
                body.append(candidate)
                index += 1
                if body and body[-1].rstrip(" ./;").endswith(("”", '"')) and body[0][:1] in _QUOTES:
                    break
        source: list[rules.Step] = [("article", article)] if article else []
        if article and clause:
            source.append(("clause", clause))
        for target in path:
            found.append(
                Instruction(len(found) + 1, action, target, after, sentence, tuple(_unquote(body)), tuple(source))
            )
    return found


_LOOKS_AMENDING = re.compile(
    r"^(Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm từ)\b.*\b(Điều|khoản|điểm|cụm từ)\b", re.IGNORECASE
)
_LEAD_IN = re.compile(r"một số điều", re.IGNORECASE)  # Article 1's lead-in: "Sửa đổi, bổ sung một số điều …"


def unread_instructions(text: str) -> list[str]:
    """Sentences that look like amending instructions but that `parse_instructions` does not apply (a word
    substitution, the Decision's own articles…): the import reports them instead of ignoring them."""
    read = {i.sentence for i in parse_instructions(text)}
    found = []
    for line in _lines(text):
        sentence = _LEAD.sub("", line)
        looks = _LOOKS_AMENDING.match(sentence) and not _LEAD_IN.search(sentence)
        if looks and sentence not in read and _instruction(sentence) is None:
            found.append(sentence)
    return found


def _instruction(
    sentence: str,
) -> tuple[str, list[tuple[rules.Step, ...]], tuple[rules.Step, ...]] | None:
    insert = _INSERT.match(sentence)
    if insert and _PIECE.search(insert["what"]):
        where = _path(insert["where"])
        if where is None:
            return None
        if insert["sau"]:
            target = _path(insert["what"], where)
            return ("insert", [target], where) if target else None
        target = _path(insert["what"], where)
        return ("insert", [target], ()) if target else None
    for pattern in (_REPLACE, _REPLACE_PASSIVE):
        replace = pattern.match(sentence)
        if replace and _PIECE.search(replace["what"]):
            target = _path(replace["what"])
            return ("replace", [target], ()) if target else None
    repeal = _REPEAL.match(sentence)
    if repeal and _PIECE.search(repeal["what"]):
        pieces = re.split(r"\s*(?:,|;|\bvà\b)\s*(?=(?:điểm|khoản|Điều)\b)", repeal["what"], flags=re.IGNORECASE)
        # a piece may leave out the levels the last one names: "điểm b, điểm c khoản 1 Điều 6"
        last = _path(pieces[-1])
        if last is None:
            return None
        targets = [_path(piece, last) for piece in pieces]
        if any(t is None for t in targets):
            return None
        return "repeal", [t for t in targets if t], ()
    return None


def _inside_quote(body: list[str]) -> bool:
    """Whether the quoted new text started and has not closed yet."""
    if not body or body[0][:1] not in _QUOTES:
        return False
    return not body[-1].rstrip(" ./;").endswith(("”", '"'))


def _unquote(body: list[str]) -> list[str]:
    if not body:
        return []
    lines = list(body)
    lines[0] = lines[0].lstrip(_QUOTES).strip()
    closing = re.sub(r"[”\"’]\s*[./;]*\s*$", "", lines[-1].rstrip())
    lines[-1] = closing.strip()
    return [line for line in lines if line]


# ---------------------------------------------------------------------------------------------------------
# Building the new provisions


def build_node(lines: tuple[str, ...] | list[str], path: tuple[rules.Step, ...]) -> dict[str, Any]:
    """The provision at `path` from the quoted lines: its own line (`a) …`, `4. …`, `Điều 5. …`), then its
    children; a plain line goes to the text of the open provision, or to its closing text once it has
    children (as the importer reads the seed: 4.2.a's sentence after its indents is its closing text)."""
    kind = path[-1][0]
    if not lines:
        raise AmendmentError(_("The amending instruction for %(ref)s quotes no new text.") % {"ref": _spoken(path)})
    root = _new(path)
    first = _LINE_OF[kind].match(lines[0])
    if first is None:
        root["text"] = lines[0]
    elif kind == "article":
        root["heading"] = first[2]
    elif kind == "indent":
        root["text"] = first[1]
    else:
        root["text"] = first[2]
    stack = [root]
    for line in lines[1:]:
        level = _level_of(line, LEVELS.index(kind))
        if level is None:
            holder = stack[-1] if stack[-1]["kind"] != "indent" else stack[-2]
            if holder["children"]:
                holder["wrap_up"] = _join(holder.get("wrap_up", ""), line)
            else:
                holder["text"] = _join(holder["text"], line)
            continue
        child_kind = LEVELS[level]
        while LEVELS.index(stack[-1]["kind"]) >= level:
            stack.pop()
        parent = stack[-1]
        match = _LINE_OF[child_kind].match(line)
        assert match is not None
        num = str(len(parent["children"]) + 1) if child_kind == "indent" else match[1]
        child_path = (*rules.parse_reference(parent["eid"]).path, (child_kind, num))  # type: ignore[union-attr]
        child = _new(child_path)
        if child_kind == "article":
            child["heading"] = match[2]
        else:
            child["text"] = match[1] if child_kind == "indent" else match[2]
        parent["children"].append(child)
        stack.append(child)
    return root


def _level_of(line: str, root_level: int) -> int | None:
    for level in range(root_level + 1, len(LEVELS)):
        if _LINE_OF[LEVELS[level]].match(line):
            return level
    return None


def _new(path: tuple[rules.Step, ...]) -> dict[str, Any]:
    kind, num = path[-1]
    return {
        "eid": rules.eid_for("regulation", path),
        "citation": rules.citation_for("regulation", path),
        "kind": kind,
        "num": num,
        "heading": "",
        "text": "",
        "children": [],
    }


def _join(first: str, second: str) -> str:
    return f"{first}\n\n{second}" if first else second


def _spoken(path: tuple[rules.Step, ...]) -> str:
    return rules.spoken_for(path)


# ---------------------------------------------------------------------------------------------------------
# Applying them to a tree


def _locate(nodes: list[dict[str, Any]], eid: str) -> tuple[list[dict[str, Any]], int] | None:
    for index, node in enumerate(nodes):
        if node["eid"] == eid:
            return nodes, index
        found = _locate(node.get("children", []), eid)
        if found:
            return found
    return None


def apply(tree: list[dict[str, Any]], instruction: Instruction, *, label: str = "") -> list[dict[str, Any]]:
    """A copy of `tree` with the instruction applied. Raises AmendmentError, naming the provision, when
    the target is missing (replace, repeal, insert after) or already there (insert)."""
    tree = copy.deepcopy(tree)
    regulation = next((root for root in tree if root["kind"] == "regulation"), None)
    if regulation is None:
        raise AmendmentError(_("The amended document has no attached regulation."))
    values = {"ref": _spoken(instruction.path), "doc": label}
    found = _locate(regulation["children"], instruction.eid)
    if instruction.action in ("replace", "repeal"):
        if found is None:
            raise AmendmentError(_("%(ref)s does not exist in %(doc)s; it cannot be amended or repealed.") % values)
        siblings, index = found
        if instruction.action == "repeal":
            del siblings[index]
        else:
            siblings[index] = build_node(instruction.new_lines, instruction.path)
        return tree
    if found is not None:
        raise AmendmentError(_("%(ref)s already exists in %(doc)s; it cannot be inserted.") % values)
    node = build_node(instruction.new_lines, instruction.path)
    if instruction.after:
        anchor = _locate(regulation["children"], instruction.after_eid)
        if anchor is None:
            after = {"ref": _spoken(instruction.after), "doc": label}
            raise AmendmentError(_("%(ref)s does not exist in %(doc)s; nothing can be inserted after it.") % after)
        siblings, index = anchor
        siblings.insert(index + 1, node)
        return tree
    parent_path = instruction.path[:-1]
    if parent_path:
        parent = _locate(regulation["children"], rules.eid_for("regulation", parent_path))
        if parent is None:
            raise AmendmentError(_("%(ref)s does not exist in %(doc)s.") % {"ref": _spoken(parent_path), "doc": label})
        siblings, index = parent
        siblings[index]["children"].append(node)
    else:  # a new article goes at the end of the last chapter (or of the Regulation)
        holder = (
            regulation["children"][-1]
            if regulation["children"] and regulation["children"][-1]["kind"] == "chapter"
            else regulation
        )
        holder["children"].append(node)
    return tree


# ---------------------------------------------------------------------------------------------------------
# Notes of a consolidated text and dated parameters


_NOTE_VERB = {"replace": "được sửa đổi, bổ sung", "insert": "được bổ sung", "repeal": "được bãi bỏ"}
_THIS = {"article": "Điều này", "clause": "Khoản này", "point": "Điểm này", "indent": "Nội dung này"}


def note_sentence(
    action: str, path: tuple[rules.Step, ...], *, source: str, effective_from: datetime.date, own: bool = True
) -> str:
    """The footnote a consolidated text puts on a changed provision: `Điểm này được sửa đổi, bổ sung theo
    quy định tại khoản 1 Điều 1 của Quyết định số …, có hiệu lực kể từ ngày 01 tháng 7 năm 2024.` A repealed
    provision is gone from the tree, so its note (own=False) names it on its parent."""
    subject = _THIS[path[-1][0]] if own else _spoken(path)[:1].upper() + _spoken(path)[1:]
    since = rules.vietnamese_date(effective_from)
    return f"{subject} {_NOTE_VERB[action]} theo quy định tại {source}, có hiệu lực kể từ {since}."


def read_parameter(pattern: str, text: str) -> int | None:
    """The value a parameter's pattern finds in a provision's text: digits as a number (`08` -> 8), a
    period word as months (`tháng` 1, `quý` 3, `năm` 12); None when the text no longer says."""
    found = re.search(pattern, unicodedata.normalize("NFC", text or ""))
    if found is None:
        return None
    value = found[1].strip().lower()
    if value.isdigit():
        return int(value)
    return PERIOD_MONTHS.get(value)


def full_text(node: dict[str, Any]) -> str:
    """Heading, text, children and closing text of a tree node, as one string (what patterns search)."""
    parts = [node.get("heading", ""), node.get("text", "")]
    parts += [full_text(child) for child in node.get("children", [])]
    parts.append(node.get("wrap_up", ""))
    return "\n".join(p for p in parts if p)
