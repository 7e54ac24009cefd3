"""The Vietnamese catalogue of every app is complete and compiled: no UI string is left in English."""

import gettext
from pathlib import Path

import polib
import pytest
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]
# Each app's catalogue, and the project one (LOCALE_PATHS) that completes the frameworks' Vietnamese.
CATALOGUES = [*sorted(PACKAGE.glob("*/locale/vi/LC_MESSAGES/django.po")), PACKAGE / "locale/vi/LC_MESSAGES/django.po"]


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_vietnamese_catalogue_is_complete_and_compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing and not fuzzy, f"{po_path}: untranslated {missing[:5]}, fuzzy {fuzzy[:5]}"
    with po_path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        e.msgid
        for e in catalogue.translated_entries()
        if not e.msgid_plural
        and (compiled.pgettext(e.msgctxt, e.msgid) if e.msgctxt else compiled.gettext(e.msgid)) != e.msgstr
    ]
    assert not stale, f"{po_path} is not compiled (run scripts/i18n.sh): {stale[:5]}"


def test_vietnamese_is_the_default_language(settings):
    assert CATALOGUES
    assert settings.LANGUAGE_CODE == "vi"
    with translation.override("vi"):
        assert translation.gettext("Log in") == "Đăng nhập"


def test_one_translation_per_source_string_across_catalogues():
    """Django merges every app's catalogue into one: a (context, msgid) translated two ways shows one app's word
    on the other app's pages. A string whose sense differs between apps takes a context (pgettext) instead."""
    seen: dict[tuple[str | None, str], dict[str, list[str]]] = {}
    for po_path in CATALOGUES:
        app = po_path.parts[-5]
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or not entry.msgstr:
                continue
            seen.setdefault((entry.msgctxt, entry.msgid), {}).setdefault(entry.msgstr, []).append(app)
    clashes = [
        f"{msgid!r}"
        + (f" (context {context!r})" if context else "")
        + ": "
        + "; ".join(f"{msgstr!r} in {', '.join(apps)}" for msgstr, apps in translations.items())
        for (context, msgid), translations in sorted(seen.items(), key=lambda item: (item[0][0] or "", item[0][1]))
        if len(translations) > 1
    ]
    assert not clashes, f"{len(clashes)} source strings are translated differently by different apps:\n" + "\n".join(
        clashes
    )
