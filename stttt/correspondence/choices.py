"""Kinds and states of the correspondence app (Decree 30/2020/NĐ-CP on clerical work)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Register(models.TextChoices):
    """The registers (sổ) an agency keeps: one series of numbers per register and calendar year (Art. 15.1,
    22.2); secret documents have their own series (Art. 15.2)."""

    INCOMING = "incoming", _("Incoming documents")
    INCOMING_SECRET = "incoming_secret", _("Incoming secret documents")
    OUTGOING = "outgoing", _("Outgoing documents")
    OUTGOING_SECRET = "outgoing_secret", _("Outgoing secret documents")


class Channel(models.TextChoices):
    """Where an incoming document came from (Art. 21: paper and electronic documents)."""

    POST = "post", _("Post")
    HAND = "hand", _("Delivered by hand")
    EMAIL = "email", _("E-mail")
    PLATFORM = "platform", _("Document exchange platform")


class DocType(models.TextChoices):
    """Types of administrative document (Art. 7); the value is the abbreviation of Appendix III."""

    CONG_VAN = "CV", _("Official letter")
    QUYET_DINH = "QĐ", _("Decision")
    CHI_THI = "CT", _("Directive")
    QUY_CHE = "QC", _("Rules")
    QUY_DINH = "QYĐ", _("Regulation")
    THONG_BAO = "TB", _("Notice")
    HUONG_DAN = "HD", _("Guidance")
    CHUONG_TRINH = "CTr", _("Programme")
    KE_HOACH = "KH", _("Plan")
    PHUONG_AN = "PA", _("Scheme")
    DE_AN = "ĐA", _("Project proposal")
    BAO_CAO = "BC", _("Report")
    BIEN_BAN = "BB", _("Minutes")
    TO_TRINH = "TTr", _("Submission")
    CONG_DIEN = "CĐ", _("Official dispatch")
    GIAY_MOI = "GM", _("Invitation")
    GIAY_UY_QUYEN = "GUQ", _("Power of attorney")
    GIAY_GIOI_THIEU = "GGT", _("Letter of introduction")
    NGHI_QUYET = "NQ", _("Resolution")
    OTHER = "KHAC", _("Other")


class Urgency(models.TextChoices):
    """Urgency marks (Art. 4.2.c names them; Appendix I places them)."""

    NORMAL = "", pgettext_lazy("urgency", "Normal")
    KHAN = "khan", _("Urgent (Khẩn)")
    THUONG_KHAN = "thuong_khan", _("Very urgent (Thượng khẩn)")
    HOA_TOC = "hoa_toc", _("Immediate (Hỏa tốc)")


class Secrecy(models.TextChoices):
    """Confidentiality marks (degrees of state secrets)."""

    NONE = "", _("Not confidential")
    MAT = "mat", _("Confidential (Mật)")
    TOI_MAT = "toi_mat", _("Secret (Tối mật)")
    TUYET_MAT = "tuyet_mat", _("Top secret (Tuyệt mật)")


class IncomingStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    PROPOSED = "proposed", _("Routing proposed")
    ROUTED = "routed", _("Routed")
    ASSIGNED = "assigned", _("Assigned to an officer")
    DONE = "done", _("Handled")


INCOMING_OPEN = frozenset({IncomingStatus.ROUTED, IncomingStatus.ASSIGNED})


class OutgoingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    REVIEWED = "reviewed", _("Reviewed by the unit head")
    SIGNED = "signed", _("Signed")
    ISSUED = "issued", _("Issued")


class SigningCapacity(models.TextChoices):
    """How the signer signs (Art. 13): as head, for the head (KT.), acting head (Q.), by order (TL.), by
    authorisation (TUQ.)."""

    HEAD = "head", _("Head of the agency")
    ACTING = "acting", _("Acting head (Q.)")
    ON_BEHALF = "kt", _("On behalf of the head (KT.)")
    BY_ORDER = "tl", _("By order (TL.)")
    BY_AUTHORISATION = "tuq", _("By authorisation (TUQ.)")


# The two ways a unit head signs under a written delegation (Art. 13(3)-(4)): the kinds of `Delegation`.
DELEGATION_KINDS = [
    (SigningCapacity.BY_ORDER.value, SigningCapacity.BY_ORDER.label),
    (SigningCapacity.BY_AUTHORISATION.value, SigningCapacity.BY_AUTHORISATION.label),
]


class DossierKind(models.TextChoices):
    """What the Department drafts for the Province (regulation 3.1-3.3)."""

    DECISION = "decision", _("Draft decision")
    PLAN = "plan", _("Draft plan")
    PROGRAMME = "programme", _("Draft programme")
    OTHER = "other", _("Other draft document")


class DossierFor(models.TextChoices):
    PPC = "ppc", _("Provincial People's Committee")
    CHAIRMAN = "chairman", _("Chairman of the PPC")


class DossierStage(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    DRAFTING = "drafting", _("Drafting")
    CONSULTATION = "consultation", _("Consultation")
    APPRAISAL = "appraisal", _("Appraisal by the Justice Department")
    SUBMITTED = "submitted", _("Submitted to the Province")
    REVISION = "revision", _("Revision after comments")
    ISSUED = "issued", _("Issued by the Province")


DOSSIER_OPEN = frozenset(set(DossierStage) - {DossierStage.ISSUED})
