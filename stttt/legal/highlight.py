"""Marking the words of a search in the original text, ignoring diacritics (`giay phep` marks `giấy phép`)."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stttt.core.text import fold, terms


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """Fold character by character, so that each folded character knows where it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = " " if ch.isspace() else fold(ch)
        for out in folded:
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of each whole-or-partial word match of the query's words."""
    words = terms(query)
    if not words or not text:
        return []
    folded, origin = _folded_with_map(text)
    found: list[tuple[int, int]] = []
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            found.append((origin[match.start()], origin[match.end() - 1] + 1))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, query: str) -> SafeString:
    """HTML-escaped text with `<mark>` around the words of the query."""
    out: list[str] = []
    last = 0
    for start, end in spans(text, query):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece is escaped above


def snippet(text: str, query: str, *, width: int = 220) -> str:
    """A window of the text around the first match, highlighted with `<mark>` (HTML-escaped)."""
    found = spans(text, query)
    if not found:
        return str(escape(text[:width])) + ("…" if len(text) > width else "")
    start = max(0, found[0][0] - width // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 else len(text)
    piece = str(highlight(text[start:end], query))
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")
