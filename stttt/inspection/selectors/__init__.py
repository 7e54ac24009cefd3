"""The inspection app's reads, permission-aware (`..._visible_to(user)`), one module per topic.

CONTRACT for other apps (stable; `press` and `cyber` call it):

    from stttt.inspection.selectors import referrals_for
    referrals_for(record)  # -> QuerySet[Referral], newest first

gives the referrals opened from `record` (any model instance) so the source app's page can show them and
link to each (`referral.get_absolute_url()`, its `status` and `get_status_display()`): the records are
linked both ways. It does not filter by user: the source page is already scoped to the user's agency, and
a referral always belongs to its source's agency.
"""

from stttt.inspection.selectors.dashboard import by_sector, home_figures, letters_summary, monthly, open_cases
from stttt.inspection.selectors.records import (
    board_of,
    cases_visible_to,
    inspectors_of,
    letter_step_on,
    letters_visible_to,
    licences_of,
    plans_visible_to,
    reception_days_visible_to,
    reception_entries_visible_to,
    violations_visible_to,
)
from stttt.inspection.selectors.referrals import referrals_for, referrals_visible_to

__all__ = [
    "board_of",
    "by_sector",
    "cases_visible_to",
    "home_figures",
    "inspectors_of",
    "letter_step_on",
    "letters_summary",
    "letters_visible_to",
    "licences_of",
    "monthly",
    "open_cases",
    "plans_visible_to",
    "reception_days_visible_to",
    "reception_entries_visible_to",
    "referrals_for",
    "referrals_visible_to",
    "violations_visible_to",
]
