"""Find English left on a page rendered in Vietnamese: visible text that is a msgid of some catalogue whose
Vietnamese differs (so the page should have shown the translation).

`untranslated(html)` returns the offending texts. A text node (or a `title`, `aria-label`, `placeholder`,
`alt` attribute) is flagged when it is exactly a msgid, or when it contains a msgid of three words or more
(a sentence left in English inside a longer text). Msgids with `%(name)s` placeholders match any value.
Text inside an element marked `lang="en"` and inside `<script>`/`<style>`/`<code>` is not read.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from django.utils import translation
from django.utils.translation import trans_real

_SKIP_TAGS = {"script", "style", "code", "pre", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def _skipped(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = tag in _SKIP_TAGS or (values.get("lang") or "").startswith("en")
        if not skip and not self._skipped():
            self.texts.extend(v.strip() for k, v in attrs if k in _ATTRIBUTES and v and v.strip())
        if tag not in _VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipped():
            self.texts.extend(v.strip() for k, v in attrs if k in _ATTRIBUTES and v and v.strip())

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self._skipped():
            self.texts.append(text)


@functools.lru_cache(maxsize=1)
def _msgids() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """(every msgid translated differently, the patterns of those with 3+ words or placeholders)."""
    catalog = trans_real.translation("vi")._catalog
    exact: set[str] = set()
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for key in catalog.keys():  # noqa: SIM118  (TranslationCatalog has keys() but no __iter__)
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or "\x04" in msgid:
            msgid = msgid.split("\x04", 1)[-1] if msgid else ""
        translated = catalog.get(key)
        if not msgid or translated is None or str(translated) == msgid or not re.search(r"[A-Za-z]{3}", msgid):
            continue
        text = " ".join(msgid.split())
        if _PLACEHOLDER.search(text):
            literal = [re.escape(part) for part in _PLACEHOLDER.split(text)[::2]]
            fixed = " ".join(p for p in _PLACEHOLDER.split(text)[::2]).strip()
            if len(re.findall(r"[A-Za-z]+", fixed)) >= 3:
                patterns.append((text, re.compile(".+?".join(literal))))
            continue
        exact.add(text)
        if len(text.split()) >= 3:
            patterns.append((text, re.compile(r"(?<![A-Za-z])" + re.escape(text) + r"(?![A-Za-z])")))
    return frozenset(exact), tuple(patterns)


def untranslated(html: str) -> list[str]:
    """The visible texts of `html` that are English msgids (see the module docstring)."""
    with translation.override("vi"):
        exact, patterns = _msgids()
    parser = _Texts()
    parser.feed(html)
    found: list[str] = []
    for text in parser.texts:
        if text in exact:
            found.append(text)
            continue
        for msgid, pattern in patterns:
            if pattern.search(text):
                found.append(f"{msgid!r} in {text[:80]!r}")
                break
    return sorted(set(found))


_ENGLISH = re.compile(r"\b(the|and|of|is|are|for|with|from|to|by|this|that|not|Art\.|period|restarts|days?)\b")


def english_phrases(html: str) -> list[str]:
    """Visible texts that read as English though no catalogue holds them (text built outside gettext):
    two or more common English words in one text node."""
    parser = _Texts()
    parser.feed(html)
    return sorted({t[:100] for t in parser.texts if len(set(_ENGLISH.findall(t))) >= 2})
