"""Kinds of legal documents, provisions and warnings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvisionKind(models.TextChoices):
    DECISION = "decision", _("decision")
    REGULATION = "regulation", _("regulation")
    CHAPTER = "chapter", _("chapter")
    ARTICLE = "article", _("article")
    CLAUSE = "clause", _("clause")
    POINT = "point", _("point")
    INDENT = "indent", _("indent")


class Part(models.TextChoices):
    DECISION = "decision", _("Decision")
    REGULATION = "regulation", _("Regulation")


class BasisKind(models.TextChoices):
    """How a preamble line relates the document to another one."""

    PURSUANT = "can_cu", _("pursuant to")  # Căn cứ
    IMPLEMENTING = "thuc_hien", _("implementing")  # Thực hiện
    PROPOSAL = "de_nghi", _("at the proposal of")  # Theo đề nghị


class WarningCode(models.TextChoices):
    HEADER_MISSING = "header_missing", _("header missing")
    HEADING_LEVELS = "heading_levels", _("inconsistent heading levels")
    LABEL_REPAIRED = "label_repaired", _("point label repaired")
    PARAGRAPH_JOINED = "paragraph_joined", _("paragraph joined across a page break")
    DATE_CONFLICT = "date_conflict", _("dates contradict each other")
    NUMBER_SPACING = "number_spacing", _("number written with stray spaces")
    NUMBERING_GAP = "numbering_gap", _("numbering gap")
    # Repairs made while reading a DOCX, a PDF, a scan or a portal copy (stttt.legal.sources)
    HEADER_REBUILT = "header_rebuilt", _("header table rebuilt")
    FURNITURE_REMOVED = "furniture_removed", _("page numbers, footers or table marks removed")
    LINES_JOINED = "lines_joined", _("hard-wrapped lines joined into paragraphs")
    SECTION_IGNORED = "section_ignored", _("section (Mục) not kept as a level")
    OCR_TEXT = "ocr_text", _("text read by OCR")


class AmendmentAction(models.TextChoices):
    """What an amending provision does to a provision of another document (Law on Promulgation of Legal
    Documents: sửa đổi, bổ sung, thay thế, bãi bỏ)."""

    REPLACE = "replace", _("amended (replaced)")  # Sửa đổi, bổ sung … như sau / Thay thế …
    INSERT = "insert", _("inserted")  # Bổ sung … vào sau …
    REPEAL = "repeal", _("repealed")  # Bãi bỏ …


class Certainty(models.TextChoices):
    """How sure a recorded fact is: read in a cited source, or still to be checked against the official text."""

    FACT = "fact", _("read in the cited source")
    VERIFY = "verify", _("to verify against the official text")
