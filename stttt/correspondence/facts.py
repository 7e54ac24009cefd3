"""Facts of Decree 30/2020/NĐ-CP on clerical work (công tác văn thư) and related law the correspondence app
relies on, each with its provision. Rules read them with `stttt.core.legalfacts.fact(key)`.

Sources: the Ministry of Justice's Legal Code topic "Công tác văn thư" (42.1), which quotes the decree
article by article (see /work/shared/research/law-documents-press-inspection.md §1). The appendices were
not read in the official text: what comes from them is marked unsure.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

D30 = "Decree 30/2020/NĐ-CP"

FACTS: list[LegalFact] = [
    LegalFact(
        "correspondence.central_registration",
        _("Every incoming and outgoing document is received and registered at the agency's clerical office"),
        True,
        "level",
        f"{D30} Art. 4(2)(b)",
    ),
    LegalFact(
        "correspondence.register_within_working_days",
        _(
            "Incoming and outgoing documents are registered, issued or handed over on the day, at the latest the "
            "next working day; urgent ones at once"
        ),
        1,
        "working_days",
        f"{D30} Art. 4(2)(c)",
    ),
    LegalFact(
        "correspondence.urgency_marks",
        _("Urgency marks"),
        ("Hỏa tốc", "Thượng khẩn", "Khẩn"),
        "text",
        f"{D30} Art. 4(2)(c); Appendix I",
    ),
    LegalFact(
        "correspondence.document_types",
        _("Types of administrative document"),
        29,
        "level",
        f"{D30} Art. 7",
    ),
    LegalFact(
        "correspondence.format_elements",
        _(
            "Main format elements: national title and motto, issuing body, number and symbol, place and date, "
            "type and summary, body, signer's title, name and signature, seal or digital signature, recipients"
        ),
        9,
        "level",
        f"{D30} Art. 8(2); Appendix I",
    ),
    LegalFact(
        "correspondence.type_abbreviations",
        _("Abbreviations of document types in the symbol (QĐ, KH, CTr, TB, BC, TTr, GM…; an official letter has none)"),
        "Appendix III",
        "text",
        f"{D30} Art. 9; Appendix III",
        unsure=True,
        note=_("Appendix III not read in the official text; abbreviations written from common practice. Check."),
    ),
    LegalFact(
        "correspondence.symbol_rule",
        _(
            "Symbol: official letter = agency abbreviation-drafting unit abbreviation (123/STTTT-TTBCXB); other "
            "types = type abbreviation-agency abbreviation (45/QĐ-STTTT)"
        ),
        "Appendix I",
        "text",
        f"{D30} Appendix I",
        unsure=True,
        note=_("The formation rule is from Appendix I, which was not read in the official text."),
    ),
    LegalFact(
        "correspondence.date_format",
        _("Dates in full with Arabic numerals; days below 10 and months 1 and 2 with a leading zero"),
        "ngày 05 tháng 02 năm 2023",
        "text",
        f"{D30} Appendix I",
    ),
    LegalFact(
        "correspondence.sign_on_behalf",
        _("A Deputy signs for the head (KT.) in the field assigned to him and for documents the head entrusts"),
        "KT.",
        "text",
        f"{D30} Art. 13(1)",
    ),
    LegalFact(
        "correspondence.acting_head_marker",
        _('A leader acting as head signs with "Q." before the title and without "KT."'),
        "Q.",
        "text",
        f"{D30} Art. 13(1); Appendix I",
        unsure=True,
        note=_(
            "Art. 13(1) says a deputy given charge of running the agency signs as a deputy signing for the head "
            '(KT.); "Q." is for a leader appointed as acting head (quyền). The app follows issue 16 (an acting '
            'Director signs without KT.) and prints "Q. GIÁM ĐỐC"; confirm with the Office which applies.'
        ),
    ),
    LegalFact(
        "correspondence.sign_by_authorisation",
        _("Signing by authorisation (TUQ.): in writing, limited in time and content, not delegated again"),
        "TUQ.",
        "text",
        f"{D30} Art. 13(3)",
    ),
    LegalFact(
        "correspondence.sign_by_order",
        _("Signing by order (TL.): unit heads sign the document types set in the working rules"),
        "TL.",
        "text",
        f"{D30} Art. 13(4)",
    ),
    LegalFact(
        "correspondence.number_per_year",
        _(
            "Outgoing numbers follow the order of issue within the year, from 01 on 1 January to 31 December; "
            "number and symbol unique within the year"
        ),
        1,
        "level",
        f"{D30} Art. 15(1)",
    ),
    LegalFact(
        "correspondence.secret_series",
        _("Secret documents have their own number series"),
        True,
        "level",
        f"{D30} Art. 15(2)",
    ),
    LegalFact(
        "correspondence.number_after_signing",
        _("A paper document is numbered after it is signed, at the latest the next working day"),
        1,
        "working_days",
        f"{D30} Art. 15(2)-(3)",
    ),
    LegalFact(
        "correspondence.outgoing_register",
        _("Outgoing register: a book (Appendix IV form) or the system, printed with every field and bound"),
        "Appendix IV",
        "text",
        f"{D30} Art. 16(2); Appendix IV",
    ),
    LegalFact(
        "correspondence.issue_same_day",
        _("A document is issued on the day it is signed, at the latest the next working day"),
        1,
        "working_days",
        f"{D30} Art. 18(1)",
    ),
    LegalFact(
        "correspondence.incoming_steps",
        _("Incoming documents: receive, register, present and hand over, handle and follow up"),
        4,
        "level",
        f"{D30} Art. 20",
    ),
    LegalFact(
        "correspondence.electronic_receipt_same_day",
        _("Receipt of an electronic document is confirmed to the sender the same day"),
        0,
        "days",
        f"{D30} Art. 21(2)",
    ),
    LegalFact(
        "correspondence.arrival_number_per_year",
        _("Arrival numbers run in order of receipt within the year, one series for paper and electronic"),
        1,
        "level",
        f"{D30} Art. 22(2)",
    ),
    LegalFact(
        "correspondence.incoming_register_columns",
        _(
            "Incoming register columns: arrival date, arrival number, issuing body, number and symbol, document "
            "date, type and summary, receiving unit or person, signature of receipt, notes"
        ),
        "Appendix IV",
        "text",
        f"{D30} Art. 22(3); Appendix IV",
        unsure=True,
        note=_("Columns written from common practice; Appendix IV was not read in the official text."),
    ),
    LegalFact(
        "correspondence.present_within_working_days",
        _(
            "Incoming documents are presented to the person directing their handling the same day, at the latest "
            "the next working day; the routing records the recipient, the instruction and the deadline"
        ),
        1,
        "working_days",
        f"{D30} Art. 23",
    ),
    LegalFact(
        "correspondence.follow_up",
        _("The head directs timely handling and has someone track and chase it"),
        True,
        "level",
        f"{D30} Art. 24(1)",
    ),
    LegalFact(
        "correspondence.secrecy_degrees",
        _("Degrees of state secrets: Tuyệt mật, Tối mật, Mật"),
        ("Tuyệt mật", "Tối mật", "Mật"),
        "text",
        "Law on Protection of State Secrets 2018 Art. 8",
        unsure=True,
        note=_("Article number from memory; check the official text."),
    ),
    LegalFact(
        "correspondence.exchange_format",
        _(
            "Exchange of electronic documents between systems: edXML message package (QCVN 102:2016/BTTTT, "
            "Circular 10/2016/TT-BTTTT; amendment 1:2022 by Circular 01/2022/TT-BTTTT)"
        ),
        "edXML",
        "text",
        "Circular 10/2016/TT-BTTTT Art. 1",
        unsure=True,
        note=_(
            "The element names exported follow the public description of the edXML header (From, To, Code, "
            "PromulgationInfo, DocumentType, Subject, SignerInfo, OtherInfo); the QCVN text itself was not read."
        ),
    ),
    LegalFact(
        "correspondence.public_consultation_days",
        _("Days a draft legal document of the PPC is posted for public comments"),
        30,
        "days",
        "Law on Promulgation of Legal Documents 2015 Art. 120(?)",
        unsure=True,
        note=_("Figure and article not confirmed for the 2025 law; used only as the default stage deadline."),
    ),
    LegalFact(
        "correspondence.appraisal_days",
        _("Days the Justice Department has to appraise a draft decision of the PPC"),
        10,
        "days",
        "Law on Promulgation of Legal Documents 2015 Art. 130(?)",
        unsure=True,
        note=_("Figure and article not confirmed for the 2025 law; used only as the default stage deadline."),
    ),
]
