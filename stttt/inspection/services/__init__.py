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

from stttt.inspection.services.referrals import open_referral

__all__ = ["open_referral"]
