"""Pages of the inspection app, one module per topic. No rules here: selectors read (the user's agency
only), services decide and write, the workflow tables say which actions a page offers."""

from stttt.inspection.views.dashboard import index
from stttt.inspection.views.files import case_file, letter_file, violation_file
from stttt.inspection.views.letters import (
    letter_action,
    letter_create,
    letter_detail,
    letter_identity,
    letters,
    reception,
)
from stttt.inspection.views.plans import (
    case_action,
    case_create,
    case_detail,
    cases,
    follow_up_done,
    plan_action,
    plan_detail,
    plans,
)
from stttt.inspection.views.referrals import referral_action, referral_detail, referrals
from stttt.inspection.views.sanctions import (
    catalogue_page,
    violation_action,
    violation_create,
    violation_detail,
    violations,
)

__all__ = [
    "case_action",
    "case_create",
    "case_detail",
    "case_file",
    "cases",
    "catalogue_page",
    "follow_up_done",
    "index",
    "letter_action",
    "letter_create",
    "letter_detail",
    "letter_file",
    "letter_identity",
    "letters",
    "plan_action",
    "plan_detail",
    "plans",
    "reception",
    "referral_action",
    "referral_detail",
    "referrals",
    "violation_action",
    "violation_create",
    "violation_detail",
    "violation_file",
    "violations",
]
