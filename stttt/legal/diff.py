"""Comparing two versions of a document provision by provision, with the words that changed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\S+")


@dataclass
class Change:
    status: str  # added, removed, changed
    eid: str
    citation: str
    kind: str
    old: str = ""
    new: str = ""
    words: list[tuple[str, str]] = field(default_factory=list)  # (op, text): op in "=", "-", "+"

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "eid": self.eid,
            "citation": self.citation,
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "words": [list(w) for w in self.words],
        }


def flatten(tree: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """eId -> node (without children) for every node of a tree (as `document_tree` or the parser gives)."""
    found: dict[str, dict[str, Any]] = {}

    def visit(node: dict[str, Any]) -> None:
        found[node["eid"]] = node
        for child in node.get("children", []):
            visit(child)

    for root in tree:
        visit(root)
    return found


def _full(node: dict[str, Any]) -> str:
    return " ".join(x for x in (node.get("heading", ""), node.get("text", ""), node.get("wrap_up", "")) if x)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _WORD.findall(old), _WORD.findall(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def compare(old_tree: list[dict[str, Any]], new_tree: list[dict[str, Any]]) -> list[Change]:
    """Added, removed and changed provisions (matched by eId), in the order of the new version."""
    old, new = flatten(old_tree), flatten(new_tree)
    changes: list[Change] = []
    for eid, node in new.items():
        if eid not in old:
            changes.append(Change("added", eid, node["citation"], node["kind"], new=_full(node)))
            continue
        before, after = _full(old[eid]), _full(node)
        if " ".join(before.split()) != " ".join(after.split()):
            changes.append(
                Change("changed", eid, node["citation"], node["kind"], before, after, word_diff(before, after))
            )
    for eid, node in old.items():
        if eid not in new:
            changes.append(Change("removed", eid, node["citation"], node["kind"], old=_full(node)))
    return changes


def render_words(words: list[tuple[str, str]], *, context: int = 6) -> str:
    """`… kept words [-removed-] {+added+} kept …`, long unchanged runs shortened."""
    pieces = []
    for index, (op, text) in enumerate(words):
        if op == "=":
            tokens = text.split()
            if len(tokens) > 2 * context:
                head = tokens[:context] if index else []
                tail = tokens[-context:] if index < len(words) - 1 else []
                text = " ".join([*head, "…", *tail])
            pieces.append(text)
        elif op == "-":
            pieces.append(f"[-{text}-]")
        else:
            pieces.append(f"{{+{text}+}}")
    return " ".join(pieces)
