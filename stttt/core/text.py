"""Text normalisation shared by every search in stttt.

Vietnamese is written with combining marks and the letter đ; users often type without them.
`fold` makes `Giấy phép`, `giay phep` and `GIẤY PHÉP` (NFC or NFD) compare equal.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d with a mark: NFKD does not split them.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def canonical(text: str) -> str:
    """Input canonicalised once: NFC, trimmed, inner whitespace collapsed (ASVS 1.1.1)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold(text: str) -> str:
    """Lower-case, without diacritics, đ as d, whitespace collapsed: the form searches compare."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_LETTER_MAP)).strip()


def terms(query: str) -> list[str]:
    """The folded words of a query, for matching each against folded text."""
    return [word for word in re.split(r"[^\w]+", fold(query)) if word]


def matches(query: str, text: str) -> bool:
    """True when every word of the query occurs in the text, ignoring case and diacritics."""
    haystack = fold(text)
    return all(word in haystack for word in terms(query))
