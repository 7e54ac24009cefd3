"""The inspection app's tables, one module per topic: referrals from other apps, inspection plans and
cases, violation records and sanction decisions, complaints/denunciations/petitions and citizen reception."""

from stttt.inspection.models.letters import DenouncerIdentity, IdentityAccess, Letter, ReceptionDay, ReceptionEntry
from stttt.inspection.models.plans import FollowUp, InspectionCase, InspectionPlan, PlanTarget
from stttt.inspection.models.referrals import Referral
from stttt.inspection.models.sanctions import SanctionDecision, ViolationRecord

__all__ = [
    "DenouncerIdentity",
    "FollowUp",
    "IdentityAccess",
    "InspectionCase",
    "InspectionPlan",
    "Letter",
    "PlanTarget",
    "ReceptionDay",
    "ReceptionEntry",
    "Referral",
    "SanctionDecision",
    "ViolationRecord",
]
