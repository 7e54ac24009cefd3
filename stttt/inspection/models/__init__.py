"""The inspection app's tables, one module per topic: referrals from other apps, inspection plans and
cases, violation records and sanction decisions, complaints/denunciations/petitions and citizen reception."""

from stttt.inspection.models.referrals import Referral

__all__ = ["Referral"]
