"""The inspection app's writes (the only place that writes its tables), one module per topic.

CONTRACT for other apps (stable; `press` and `cyber` call it):

    from stttt.inspection.services import open_referral
    referral = open_referral(agency=agency, source=record, summary="...", provision="Decree 119/2020 Art. 8",
                             actor=request.user)

refers a finding about `record` (any saved model instance of another app) to the agency's Inspectorate.
The referral stores the record's content type and id, `str(record)` as its label and
`record.get_absolute_url()` when it has one, and lands in the Inspectorate's inbox, where it is turned into
an ad hoc inspection case or a violation record, or dismissed with reasons (workflow
`inspection.referral`). `ValidationError` (nothing written) on bad input, `PermissionDenied` when the actor
is not staff of `agency`. The source app lists the referrals of its record with
`stttt.inspection.selectors.referrals_for(record)`.
"""

from stttt.inspection.services.letters import (
    identity_reveal,
    letter_receive,
    letter_transition,
    reception_day_schedule,
    reception_entry_add,
)
from stttt.inspection.services.plans import (
    case_decide,
    case_transition,
    follow_up_add,
    follow_up_done,
    plan_create,
    plan_target_add,
    plan_transition,
)
from stttt.inspection.services.referrals import open_referral, referral_transition
from stttt.inspection.services.sanctions import violation_record, violation_transition

__all__ = [
    "case_decide",
    "case_transition",
    "follow_up_add",
    "follow_up_done",
    "identity_reveal",
    "letter_receive",
    "letter_transition",
    "open_referral",
    "plan_create",
    "plan_target_add",
    "plan_transition",
    "reception_day_schedule",
    "reception_entry_add",
    "referral_transition",
    "violation_record",
    "violation_transition",
]
