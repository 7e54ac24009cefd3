"""Legal facts the inspection app relies on, each with its provision (`stttt.core.legalfacts`).

Rules read the values from here (`rules.py` via `value(...)`). Laws: Law on Inspection 11/2022/QH15 (in force
01/07/2023) and Decree 43/2023/NĐ-CP; Law on Handling Administrative Violations 15/2012/QH13 as amended by
Law 67/2020/QH14 ("LHAV"); Decree 15/2020/NĐ-CP (post, telecoms, radio frequencies, IT, e-transactions) and
Decree 119/2020/NĐ-CP (press, publishing), both amended by Decree 14/2022/NĐ-CP; Decree 38/2021/NĐ-CP
(culture, advertising); Law on Complaints 02/2011/QH13; Law on Denunciations 25/2018/QH14; Law on Citizen
Reception 42/2013/QH13.

`unsure=True` marks a figure that could not be read in the official text while this was written (from a
secondary page or from memory); its note says what to check. Sources: /work/shared/research (the project's
research notes) and the pages named in each note. The 2025 reform (Department inspectorates reorganised,
the Law on Handling Administrative Violations amended in 2025) is not modelled: see docs/inspection.md.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

LI = "Law on Inspection 2022"
LHAV = "Law on Handling Administrative Violations 2012 (amended 2020)"
LC = "Law on Complaints 2011"
LD = "Law on Denunciations 2018"
LCR = "Law on Citizen Reception 2013"

FACTS: list[LegalFact] = [
    # --- Inspection plans and cases (Law on Inspection 2022) --------------------------------------------
    LegalFact(
        "inspection.plan_province_deadline",
        _("Latest day the PPC Chairman issues the province's inspection plan (Department inspectorate plans included)"),
        (12, 20),
        "month_day",
        f"{LI} Art. 45(6)",
        note=_("Text quoted on a legal Q&A page; the clause number comes from a PPC plan that cites Art. 45(7)."),
    ),
    LegalFact(
        "inspection.plan_department_deadline",
        _("Latest day the Department's inspection plan is approved, so that it enters the province's plan"),
        (12, 15),
        "month_day",
        f"{LI} Art. 45(5)-(6); Decree 43/2023/NĐ-CP",
        unsure=True,
        note=_(
            "Only the province's 20 December is confirmed; the Department's own date is the PPC's guidance in "
            "practice. Set here five days earlier; check Decree 43/2023 and the province's instruction."
        ),
    ),
    LegalFact(
        "inspection.plan_sent_at_once",
        _("The approved plan is sent at once to the inspected, the State Audit and the bodies concerned"),
        True,
        "flag",
        f"{LI} Art. 45(7)",
    ),
    LegalFact(
        "inspection.case_duration",
        _("Length of an inspection by a Department inspectorate, from the announcement of the decision"),
        30,
        "working_days",
        f"{LI} Art. 48(1)(c)",
        unsure=True,
        note=_(
            "Same figure as the 2010 Law Art. 45 (read); the 2022 article was not read. Counted in working "
            "days as Decree 86/2011 did for the 2010 Law; check Decree 43/2023."
        ),
    ),
    LegalFact(
        "inspection.case_duration_max",
        _("Longest length of a Department inspection when extended (complex cases, remote areas)"),
        45,
        "working_days",
        f"{LI} Art. 48(1)(c)",
        unsure=True,
        note=_("2010 Law Art. 45 allowed 45 days in mountain, border, island and remote areas; check the 2022 text."),
    ),
    LegalFact(
        "inspection.announce_days",
        _("Days from signing the inspection decision to announcing it at the inspected"),
        15,
        "days",
        f"{LI} Art. 53(2)",
        unsure=True,
        note=_("Recalled; not read."),
    ),
    LegalFact(
        "inspection.report_days",
        _("Days from the end of on-site inspection to the team's report and draft conclusion (Department level)"),
        15,
        "days",
        f"{LI} Art. 75",
        unsure=True,
        note=_("Figure from thanhtra.sonla.gov.vn (summary of the Law); the article number was not seen."),
    ),
    LegalFact(
        "inspection.conclusion_days",
        _("Days from receiving the report and draft conclusion to signing the conclusion"),
        15,
        "days",
        f"{LI} Art. 78",
        note=_(
            "Research notes, law-documents-press-inspection.md §3 (thuvienphapluat article page).",
        ),
    ),
    LegalFact(
        "inspection.chief_decides",
        _("The Chief Inspector issues the inspection decision and the conclusion"),
        True,
        "flag",
        f"{LI} Art. 52, 78",
        unsure=True,
        note=_("Secondary summary (thanhtra.sonla.gov.vn); article numbers not seen."),
    ),
    LegalFact(
        "inspection.conclusion_public",
        _("The inspection conclusion is published in full"),
        True,
        "flag",
        f"{LI} Art. 79",
        unsure=True,
        note=_("Secondary summary; article number not seen."),
    ),
    # --- Administrative violations: limitation, deadlines, payment (LHAV) -------------------------------
    LegalFact(
        "inspection.limitation_years",
        _("Limitation period for sanctioning an administrative violation (general)"),
        1,
        "years",
        f"{LHAV} Art. 6(1)(a)",
        note=_("Counted from the end of a finished violation, or from its discovery while ongoing (Art. 6(1)(b))."),
    ),
    LegalFact(
        "inspection.limitation_years_press",
        _("Limitation period for violations in press and publishing"),
        2,
        "years",
        f"{LHAV} Art. 6(1)(a) (list of fields with 2 years)",
        unsure=True,
        note=_(
            "Press and publishing are recalled on the 2-year list; the list was not read. Post, telecoms, IT and "
            "advertising are kept at the general 1 year."
        ),
    ),
    LegalFact(
        "inspection.decision_working_days",
        _("Working days from the violation record to the sanction decision"),
        7,
        "working_days",
        f"{LHAV} Art. 66(1), as amended by Law 67/2020 Art. 1(34)",
        note=_("congdanphapluat.vn quoting the amended clause."),
    ),
    LegalFact(
        "inspection.decision_working_days_transferred",
        _("Working days to decide when the record goes to another person to decide"),
        10,
        "working_days",
        f"{LHAV} Art. 66(1), as amended by Law 67/2020 Art. 1(34)",
        unsure=True,
        note=_("'7 or 10 days' is quoted; when the 10 days apply was recalled, not read."),
    ),
    LegalFact(
        "inspection.decision_months_explained",
        _("Time to decide when the offender asks to explain or facts must be verified"),
        1,
        "months",
        f"{LHAV} Art. 66(1)",
        unsure=True,
        note=_("Recalled; not read."),
    ),
    LegalFact(
        "inspection.decision_extension_months",
        _("Longest extension of the time to decide, for serious and complex cases, asked in writing"),
        1,
        "months",
        f"{LHAV} Art. 66(1)",
        unsure=True,
        note=_("Recalled; not read."),
    ),
    LegalFact(
        "inspection.explanation_hearing_request_working_days",
        _("Working days from the record for the offender to ask for a hearing"),
        2,
        "working_days",
        f"{LHAV} Art. 61(3)",
        note=_("123docz excerpt quoting the procedure."),
    ),
    LegalFact(
        "inspection.explanation_written_days",
        _("Days from the record for the offender to explain in writing"),
        5,
        "days",
        f"{LHAV} Art. 61(2)",
        unsure=True,
        note=_("Quoted as 5 days in a 2012-text excerpt; the 2020 amendment may count working days."),
    ),
    LegalFact(
        "inspection.payment_days",
        _("Days from receiving the sanction decision to comply and pay the fine"),
        10,
        "days",
        f"{LHAV} Art. 73(1), 78(1)",
        note=_("A decision may allow longer. trangtinphapluat.com and congdanphapluat.vn quoting the articles."),
    ),
    LegalFact(
        "inspection.late_payment_rate",
        _("Late-payment surcharge per day on the unpaid fine"),
        "0.05",
        "percent_per_day",
        f"{LHAV} Art. 78(1)",
        note=_("trangtinphapluat.com quoting Art. 78(1)."),
    ),
    LegalFact(
        "inspection.enforcement_limitation_years",
        _("Limitation period for executing a sanction decision"),
        1,
        "years",
        f"{LHAV} Art. 74(1)",
        note=_(
            "Research notes §4 (2012 text); congdanphapluat.vn.",
        ),
    ),
    LegalFact(
        "inspection.organisation_multiplier",
        _("Fine on an organisation, and a title's competence over organisations, are twice those for individuals"),
        2,
        "times",
        f"{LHAV} Art. 23(1); Decree 119/2020 Art. 4; Decree 15/2020 Art. 4",
        unsure=True,
        note=_("The rule is stated in each sector decree; exact clause numbers not read."),
    ),
    # --- Competence (who may sanction up to what) ------------------------------------------------------
    LegalFact(
        "inspection.competence_inspector",
        _("Inspector on duty: fine up to (individual)"),
        500_000,
        "VND",
        f"{LHAV} Art. 46(1); Decree 119/2020 Art. 38(1); Decree 15/2020 Art. 114(1)",
        unsure=True,
        note=_("The 500,000 VND cap of a specialised inspector is recalled; sector decree articles not read."),
    ),
    LegalFact(
        "inspection.competence_chief_inspector",
        _(
            "Chief Inspector of the Department (and head of a Department specialised inspection team): fine up to "
            "(individual)"
        ),
        50_000_000,
        "VND",
        f"{LHAV} Art. 46(3): 50% of the field's maximum, at most 50,000,000 VND; Decree 119/2020 Art. 38(2); "
        "Decree 15/2020 Art. 114(2), as amended by Decree 14/2022",
        unsure=True,
        note=_(
            "Research notes §4 mark it [verify]; 100,000,000 VND for organisations.",
        ),
    ),
    LegalFact(
        "inspection.competence_ppc_chairman",
        _("Chairman of the Provincial People's Committee: fine up to the field's maximum"),
        "field_max",
        "text",
        f"{LHAV} Art. 38(3)",
        unsure=True,
        note=_("Recalled; a decision above the Chief Inspector's competence goes to the PPC Chairman."),
    ),
    LegalFact(
        "inspection.max_fine_press",
        _("Maximum fine in press (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 119/2020 Art. 4",
        unsure=True,
        note=_("hoinhabaovietnam.vn (VOV) gives 100 M for false information; the decree's general maximum not read."),
    ),
    LegalFact(
        "inspection.max_fine_publishing",
        _("Maximum fine in publishing (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 119/2020 Art. 4",
        unsure=True,
        note=_("Not read."),
    ),
    LegalFact(
        "inspection.max_fine_post",
        _("Maximum fine in postal services (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 15/2020 Art. 4",
        unsure=True,
        note=_("Not read."),
    ),
    LegalFact(
        "inspection.max_fine_telecom",
        _("Maximum fine in telecoms and radio frequencies (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 15/2020 Art. 4",
        unsure=True,
        note=_("Not read; some summaries give 200 M for organisations (twice 100 M)."),
    ),
    LegalFact(
        "inspection.max_fine_it",
        _("Maximum fine in IT and electronic transactions (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 15/2020 Art. 4",
        unsure=True,
        note=_("Not read."),
    ),
    LegalFact(
        "inspection.max_fine_advertising",
        _("Maximum fine in advertising (individual)"),
        100_000_000,
        "VND",
        f"{LHAV} Art. 24(1); Decree 38/2021 Art. 4",
        unsure=True,
        note=_("Not read."),
    ),
    # --- Complaints (Law on Complaints 2011) ------------------------------------------------------------
    LegalFact(
        "inspection.complaint_filing_days",
        _("Days from learning of the decision or act to file a complaint"),
        90,
        "days",
        f"{LC} Art. 9",
        unsure=True,
        note=_("Recalled; not read."),
    ),
    LegalFact(
        "inspection.complaint_accept_days",
        _("Days from receipt to accept (or refuse with reasons) a first complaint"),
        10,
        "working_days",
        f"{LC} Art. 27; Circular 07/2013/TT-TTCP Art. 5",
        note=_("The Law says 10 days, the Circular 10 working days: the Circular's working days are applied."),
    ),
    LegalFact(
        "inspection.complaint_resolve_days",
        _("Days from acceptance to resolve a first complaint"),
        30,
        "days",
        f"{LC} Art. 28",
    ),
    LegalFact(
        "inspection.complaint_resolve_days_complex",
        _("Days to resolve a complex first complaint"),
        45,
        "days",
        f"{LC} Art. 28",
    ),
    LegalFact(
        "inspection.complaint_resolve_days_remote",
        _("Days to resolve a first complaint in a remote area"),
        45,
        "days",
        f"{LC} Art. 28",
    ),
    LegalFact(
        "inspection.complaint_resolve_days_remote_complex",
        _("Days to resolve a complex first complaint in a remote area"),
        60,
        "days",
        f"{LC} Art. 28",
    ),
    # --- Denunciations (Law on Denunciations 2018) ------------------------------------------------------
    LegalFact(
        "inspection.denunciation_process_working_days",
        _("Working days from receipt to log, classify and check a denunciation"),
        7,
        "working_days",
        f"{LD} Art. 24(1)",
    ),
    LegalFact(
        "inspection.denunciation_process_working_days_max",
        _("Working days when checks at several places are needed"),
        10,
        "working_days",
        f"{LD} Art. 24(1)",
    ),
    LegalFact(
        "inspection.denunciation_forward_working_days",
        _("Working days to forward a denunciation outside the Department's competence"),
        5,
        "working_days",
        f"{LD} Art. 24(2)",
    ),
    LegalFact(
        "inspection.denunciation_notify_working_days",
        _("Working days from acceptance to notify the denouncer and the denounced"),
        5,
        "working_days",
        f"{LD} Art. 29(3)",
    ),
    LegalFact(
        "inspection.denunciation_resolve_days",
        _("Days from acceptance to resolve a denunciation"),
        30,
        "days",
        f"{LD} Art. 30(1)",
    ),
    LegalFact(
        "inspection.denunciation_extension_days",
        _("Length of each extension of a denunciation (one if complex, two if especially complex)"),
        30,
        "days",
        f"{LD} Art. 30(2); Decree 31/2019 Art. 3",
    ),
    LegalFact(
        "inspection.denouncer_identity_secret",
        _("The denouncer's identity is kept secret; only those receiving and resolving the denunciation see it"),
        True,
        "flag",
        f"{LD} Art. 47(1)-(2), 56",
        note=_(
            "The law names no roles; stttt shows it to the assigned inspector and the Chief Inspector only "
            "(design choice, docs/inspection.md)."
        ),
    ),
    # --- Petitions and citizen reception ----------------------------------------------------------------
    LegalFact(
        "inspection.petition_process_working_days",
        _("Working days to process a letter (petition, reflection) received"),
        10,
        "working_days",
        "Circular 05/2021/TT-TTCP Art. 11",
        unsure=True,
        note=_("Recalled; not read."),
    ),
    LegalFact(
        "inspection.director_reception_days_per_month",
        _("Days a month the head of the agency receives citizens in person (at least)"),
        1,
        "days_per_month",
        f"{LCR} Art. 18(1)",
    ),
]
