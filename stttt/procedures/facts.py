"""Facts of law the one-stop procedure applies (`stttt.core.legalfacts`), each with its provision."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

SUPPLEMENT_WINDOW = LegalFact(
    key="procedures.supplement_window",
    label=_("An incomplete dossier is returned with one request for supplement within"),
    value=3,
    unit="working_days",
    basis="Decree 61/2018/NĐ-CP Art. 19",
    unsure=True,
    note=_("the clause and point within Article 19 were not confirmed against the official text"),
)
RECEIPT_DAY_NOT_COUNTED = LegalFact(
    key="procedures.receipt_day_not_counted",
    label=_("A period counted in days starts on the day after receipt"),
    value=1,
    unit="days",
    basis="Civil Code 2015 Art. 147(3)",
)
LAST_DAY_OFF_MOVES = LegalFact(
    key="procedures.last_day_off_moves",
    label=_("A period whose last day is a day off ends on the next working day"),
    value=1,
    unit="working_days",
    basis="Civil Code 2015 Art. 148(5)",
)

FACTS = [SUPPLEMENT_WINDOW, RECEIPT_DAY_NOT_COUNTED, LAST_DAY_OFF_MOVES]
