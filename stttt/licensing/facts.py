"""Facts of law licensing applies (`stttt.core.legalfacts`): the longest term of each kind of licence, read
by `kinds.KINDS` as the default validity of a licence issued without an end date."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

_NOT_CHECKED = _("the term was not confirmed against the official text; kept from the first catalogue")

VALIDITY: dict[str, LegalFact] = {
    item.key.removeprefix("licensing.validity_"): item
    for item in [
        LegalFact(
            "licensing.validity_bulletin",
            _("A bulletin licence is valid for at most"),
            12,
            "months",
            "Press Law 2016 Art. 34; Circular 41/2020/TT-BTTTT Art. 18",
            unsure=True,
            note=_NOT_CHECKED,
        ),
        LegalFact(
            "licensing.validity_publication_import",
            _("A licence to import publications for non-business use is valid for at most"),
            12,
            "months",
            "Publishing Law 2012 Art. 39",
            unsure=True,
            note=_NOT_CHECKED,
        ),
        LegalFact(
            "licensing.validity_website",
            _("A general website licence is valid for at most"),
            60,
            "months",
            "Decree 72/2013/NĐ-CP Art. 23d, as amended by Decree 27/2018/NĐ-CP",
            unsure=True,
            note=_("the clause within Article 23d was not confirmed"),
        ),
        LegalFact(
            "licensing.validity_postal",
            _("A postal licence is valid for at most"),
            120,
            "months",
            "Postal Law 2010 Art. 19; Decree 47/2011/NĐ-CP",
            unsure=True,
            note=_NOT_CHECKED,
        ),
        LegalFact(
            "licensing.validity_satellite_tv",
            _("A satellite TV reception registration is valid for at most"),
            60,
            "months",
            "Decree 06/2016/NĐ-CP Art. 30",
            unsure=True,
            note=_NOT_CHECKED,
        ),
        LegalFact(
            "licensing.validity_game_point",
            _("A public video-game service point certificate is valid for"),
            36,
            "months",
            "Decree 72/2013/NĐ-CP Art. 35, as amended by Decree 27/2018/NĐ-CP",
            unsure=True,
            note=_("the clause within Article 35 was not confirmed"),
        ),
    ]
}

FACTS = list(VALIDITY.values())
