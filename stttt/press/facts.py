"""Legal facts of press and publishing oversight, each with the provision it comes from.

Read in the Vietnamese Legal Code (Bộ pháp điển, topic 32.1 "Báo chí", which quotes the Press Law 2016, Decree
08/2017/NĐ-CP, Decree 09/2017/NĐ-CP and Circular 41/2020/TT-BTTTT article by article; topic 32.3 "Xuất bản",
which gives the Publishing Law 2012's deposit articles by title only) and in
/work/shared/research/law-documents-press-inspection.md §2. Where the text was not read, `unsure=True` and
the note says what to check. Rules read the values from here (`fact("press.print_deposit_hour").value`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

PUBLISHING_ART28_NOTE = _(
    "Publishing Law 2012 Art. 28 (deposit of publications) was read by title only in the Legal Code; the lead "
    "time and the number of copies come from memory and a secondary summary: check the official text and "
    "Circular 01/2020/TT-BTTTT Art. 12."
)

FACTS: list[LegalFact] = [
    # --- Press (Press Law 2016, Art. 52-53)
    LegalFact(
        "press.print_deposit_hour",
        _("Print press: deposited with the local press authority at the latest at this hour on the release day"),
        8,
        "hours",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm b",
    ),
    LegalFact(
        "press.print_copies_local",
        _("Print press printed in the province: copies deposited with the local press authority"),
        2,
        "copies",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm b",
    ),
    LegalFact(
        "press.print_copies_ministry",
        _("Print press printed in the province: copies sent at the same time to the Ministry by post"),
        5,
        "copies",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm b",
    ),
    LegalFact(
        "press.postmark_counts",
        _("A deposit sent by post is timed by the postmark of the sending office"),
        True,
        "rule",
        "Luật Báo chí 2016 Điều 52 khoản 2",
    ),
    LegalFact(
        "press.reprint_deposited",
        _("A reprinted issue is deposited again as at its first printing"),
        True,
        "rule",
        "Luật Báo chí 2016 Điều 52 khoản 2",
    ),
    LegalFact(
        "press.deposit_slip",
        _("The deposit states the issue, the print run, the date and hour of deposit and the signature of the head"),
        "issue, print run, date and hour, signature",
        "text",
        "Luật Báo chí 2016 Điều 52 khoản 2",
    ),
    LegalFact(
        "press.broadcast_retention_days",
        _("Radio and television keep every programme broadcast for this many days"),
        30,
        "days",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm c",
    ),
    LegalFact(
        "press.electronic_retention_months",
        _("Electronic press keeps what it published intact for this many months, for state checking"),
        3,
        "months",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm d",
    ),
    LegalFact(
        "press.electronic_deposit_by_ministry",
        _("Electronic deposit of radio, television and electronic press is done by the Ministry"),
        True,
        "competence",
        "Luật Báo chí 2016 Điều 52 khoản 4; Nghị định 08/2017/NĐ-CP Điều 3",
    ),
    LegalFact(
        "press.local_checking",
        _("The provincial People's Committee organises the checking of deposited press in the province"),
        True,
        "competence",
        "Luật Báo chí 2016 Điều 53 khoản 1",
    ),
    # --- Bulletins (Press Law 2016 Art. 34; Circular 41/2020)
    LegalFact(
        "press.bulletin_licence_max_months",
        _("A bulletin licence is valid for the term it states, at most this many months from issue"),
        12,
        "months",
        "Luật Báo chí 2016 Điều 34 khoản 4",
    ),
    LegalFact(
        "press.bulletin_stop_notice_days",
        _("A bulletin's publisher notifies a suspension or end of publication at least this many days before"),
        15,
        "days",
        "Luật Báo chí 2016 Điều 34 khoản 5",
    ),
    LegalFact(
        "press.bulletin_deposit_hour",
        _("Bulletin: deposited at the latest at this hour on the release day (as print press)"),
        8,
        "hours",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm b (áp dụng tương tự)",
        unsure=True,
        note=_(
            "No provision read makes bulletins depositable or fixes their deadline: Press Law Art. 34 and Circular "
            "41/2020 Art. 18-19 govern their licence, Decree 09/2017/NĐ-CP governs spokespersons and information "
            "for the press, not bulletins. The print-press rule (Art. 52.1.b) is applied as the Department's "
            "practice; confirm against the licence's conditions."
        ),
    ),
    LegalFact(
        "press.bulletin_copies",
        _("Bulletin: copies deposited with the Department"),
        2,
        "copies",
        "Luật Báo chí 2016 Điều 52 khoản 1 điểm b (áp dụng tương tự)",
        unsure=True,
        note=_("The number of bulletin copies deposited was not found in a provision read."),
    ),
    # --- Publications (Publishing Law 2012 Art. 28, 29, 48; Decree 195/2013 Art. 21)
    LegalFact(
        "press.publication_lead_days",
        _("Publication: deposited at least this many days before it is distributed"),
        10,
        "days",
        "Luật Xuất bản 2012 Điều 28",
        unsure=True,
        note=PUBLISHING_ART28_NOTE,
    ),
    LegalFact(
        "press.publication_copies",
        _("Non-business publication licensed by the Department: copies deposited with the Department"),
        2,
        "copies",
        "Luật Xuất bản 2012 Điều 28; Thông tư 01/2020/TT-BTTTT Điều 12",
        unsure=True,
        note=PUBLISHING_ART28_NOTE,
    ),
    LegalFact(
        "press.e_publication_lead_days",
        _("Electronic publication: deposited at least this many days before it is distributed"),
        10,
        "days",
        "Luật Xuất bản 2012 Điều 48; Nghị định 195/2013/NĐ-CP Điều 21",
        unsure=True,
        note=_("Art. 48 was read by title only; the lead time is taken as for printed publications (Art. 28)."),
    ),
    LegalFact(
        "press.e_publication_formats",
        _("Electronic publication: digital formats accepted for deposit, on a storage device or over the Internet"),
        ("PDF", "EPUB"),
        "formats",
        "Thông tư 01/2020/TT-BTTTT Điều 26",
        unsure=True,
        note=_(
            "Article title read (digital format of e-publications deposited); the list of formats is not confirmed."
        ),
    ),
    LegalFact(
        "press.publication_reading",
        _("The Department reads and checks the publications it licensed, and handles violating publications"),
        True,
        "competence",
        "Luật Xuất bản 2012 Điều 29; Nghị định 195/2013/NĐ-CP",
    ),
    # --- Representative offices and resident reporters (Press Law 2016 Art. 22)
    LegalFact(
        "press.office_notice_days",
        _("A press agency notifies the provincial People's Committee at least this many days before its office starts"),
        15,
        "days",
        "Luật Báo chí 2016 Điều 22 khoản 3",
    ),
    LegalFact(
        "press.office_change_notice_days",
        _("Changes of address, head or reporter, suspension or end are notified at least this many days before"),
        5,
        "days",
        "Luật Báo chí 2016 Điều 22 khoản 6",
    ),
    LegalFact(
        "press.office_conditions_check",
        _("The provincial People's Committee checks an office's conditions and asks the agency to end it if unmet"),
        True,
        "competence",
        "Luật Báo chí 2016 Điều 22 khoản 4",
    ),
    # --- Press conferences (Press Law 2016 Art. 41; Decree 09/2017)
    LegalFact(
        "press.conference_notice_hours",
        _("A press conference is notified in writing at least this many hours before it is held"),
        24,
        "hours",
        "Luật Báo chí 2016 Điều 41 khoản 3",
    ),
    LegalFact(
        "press.conference_notice_content",
        _("The notice states the venue, the time, the content and who chairs"),
        "venue, time, content, chair",
        "text",
        "Luật Báo chí 2016 Điều 41 khoản 4",
    ),
    LegalFact(
        "press.conference_silence_allows",
        _("Without a written answer within that time, the organiser may hold the conference as notified"),
        True,
        "rule",
        "Luật Báo chí 2016 Điều 41 khoản 5",
    ),
    LegalFact(
        "press.conference_suspension",
        _("The press authority may suspend a press conference showing signs of a breach of the law"),
        True,
        "competence",
        "Luật Báo chí 2016 Điều 41 khoản 6",
    ),
    LegalFact(
        "press.ppc_conference_months",
        _("The provincial People's Committee holds a press conference at least once every this many months"),
        3,
        "months",
        "Nghị định 09/2017/NĐ-CP Điều 5 khoản 2 điểm b",
    ),
    # --- The Department's own working rule (not law): the time a reader has
    LegalFact(
        "press.reading_working_days",
        _("A deposited item is read within this many working days of its assignment (the Department's rule)"),
        3,
        "working_days",
        "Quy định của Sở (thực hiện Luật Báo chí 2016 Điều 53, Luật Xuất bản 2012 Điều 29)",
        unsure=True,
        note=_("Not a figure of law: an internal working rule to set in the Department's regulation."),
    ),
]
