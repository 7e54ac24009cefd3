"""Pages of the inspection app, one module per topic. No rules here: selectors read (the user's agency
only), services decide and write, the workflow tables say which actions a page offers."""

from stttt.inspection.views.dashboard import index
from stttt.inspection.views.referrals import referral_detail, referrals

__all__ = ["index", "referral_detail", "referrals"]
