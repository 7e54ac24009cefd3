"""Legal facts the digital app relies on, each with its provision (`stttt.core.legalfacts`).

Rules read the values from here. Facts marked `unsure` could not be checked against the official text while
this was written (the project's research notes mark them [verify]); their note says what to check."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stttt.core.legalfacts import LegalFact

_DTI = "Decision 922/QĐ-BTTTT of 20/5/2022, Annex 1, Table I.1"

FACTS: list[LegalFact] = [
    # --- Programme and the national targets it serves -------------------------------------------------
    LegalFact(
        "digital.national_programme",
        _("National digital transformation programme to 2025, vision to 2030"),
        "749/QĐ-TTg",
        "text",
        "Decision 749/QĐ-TTg of 03/6/2020, Art. 1",
    ),
    LegalFact(
        "digital.target_full_online_services_2025",
        _("Share of online public services provided fully online by 2025 (national target)"),
        80,
        "percent",
        "Decision 749/QĐ-TTg of 03/6/2020, Art. 1, Part I.2.a",
        unsure=True,
        note=_("Recalled as 80% of online public services at level 4 (now 'fully online'); the point was not read."),
    ),
    LegalFact(
        "digital.target_digital_economy_share_2025",
        _("Digital economy share of GDP by 2025 (national target)"),
        20,
        "percent",
        "Decision 749/QĐ-TTg of 03/6/2020, Art. 1, Part I.2.b",
        unsure=True,
        note=_("Recalled from the programme's basic targets; the point was not read."),
    ),
    LegalFact(
        "digital.target_fibre_households_2025",
        _("Households with fibre broadband by 2025 (national target)"),
        80,
        "percent",
        "Decision 749/QĐ-TTg of 03/6/2020, Art. 1, Part I.2.c",
        unsure=True,
        note=_("Recalled from the programme's digital-society targets; the point was not read."),
    ),
    # --- DTI ---------------------------------------------------------------------------------------------
    LegalFact(
        "digital.dti_framework",
        _("Framework of the provincial digital transformation index (DTI)"),
        "922/QĐ-BTTTT",
        "text",
        "Decision 922/QĐ-BTTTT of 20/5/2022, Art. 1 (replacing Decision 1726/QĐ-BTTTT of 12/10/2020)",
        unsure=True,
        note=_(
            "Decision 405/QĐ-BKHCN of 03/4/2025 approved a new DTI scheme that probably supersedes 922 from the "
            "2025 assessment; its structure was not read. The app keeps the 922 structure."
        ),
    ),
    LegalFact("digital.dti_total_points", _("DTI scale (points)"), 1000, "points", _DTI),
    LegalFact("digital.dti_points_awareness", _("DTI points: digital awareness"), 100, "points", _DTI),
    LegalFact("digital.dti_points_institutions", _("DTI points: digital institutions"), 100, "points", _DTI),
    LegalFact("digital.dti_points_infrastructure", _("DTI points: digital infrastructure"), 100, "points", _DTI),
    LegalFact("digital.dti_points_human_resources", _("DTI points: digital human resources"), 100, "points", _DTI),
    LegalFact("digital.dti_points_security", _("DTI points: network information security"), 100, "points", _DTI),
    LegalFact("digital.dti_points_smart_city", _("DTI points: smart city (not scored)"), 0, "points", _DTI),
    LegalFact("digital.dti_points_government", _("DTI points: digital government activity"), 200, "points", _DTI),
    LegalFact("digital.dti_points_economy", _("DTI points: digital economy activity"), 150, "points", _DTI),
    LegalFact(
        "digital.dti_points_society",
        _("DTI points: digital society activity"),
        150,
        "points",
        _DTI,
        unsure=True,
        note=_("The source table was cut off at this row; 150 is 1000 less the other rows."),
    ),
    LegalFact(
        "digital.dti_pillar_method",
        _("A pillar's value: the foundation indices' points plus the pillar's activity index, over their maximum"),
        "(foundation + activity) / (500 + activity maximum)",
        "text",
        "Decision 922/QĐ-BTTTT of 20/5/2022, Annex 1, Part I (structure by three pillars)",
        unsure=True,
        note=_(
            "The annex's method for the published pillar values was not read; this formula is the app's reading "
            "of the structure (foundation group common to the three pillars, one activity index per pillar)."
        ),
    ),
    LegalFact(
        "digital.dti_sub_index_score",
        _("A sub-index earns its points in proportion to the value reached, capped at the benchmark"),
        "min(value / benchmark, 1) × points",
        "text",
        "Decision 922/QĐ-BTTTT of 20/5/2022, Annex 1, Part II (scoring of sub-indices)",
        unsure=True,
        note=_(
            "Linear scoring against a benchmark is the common case of the annex; some sub-indices score by "
            "steps. Check each indicator's method in the annex."
        ),
    ),
    # --- Online public services --------------------------------------------------------------------------
    LegalFact(
        "digital.full_online_service",
        _("Fully online public service: information, filing, processing and result all online"),
        "full",
        "text",
        "Decree 42/2022/NĐ-CP of 24/6/2022, Art. 11(1)",
        unsure=True,
        note=_("Article number as the procedures app cites it; the text was not read here."),
    ),
    LegalFact(
        "digital.online_dossier_metrics",
        _("Online dossier shares measured per procedure and month (filed online, fully online, on time)"),
        "shares",
        "text",
        "Decree 45/2020/NĐ-CP of 08/4/2020 (administrative procedures carried out electronically); "
        "Decision 766/QĐ-TTg of 23/6/2022 (indicators of service to citizens and businesses)",
        unsure=True,
        note=_(
            "Decision 766/QĐ-TTg's indicator definitions were not read; Decree 45/2020 is partly replaced by "
            "Decree 118/2025/NĐ-CP from 01/7/2025 [verify]."
        ),
    ),
    # --- Data sharing (Decree 47/2020) -----------------------------------------------------------------
    LegalFact(
        "digital.data_sharing_decree",
        _("Management, connection and sharing of state agencies' digital data"),
        "47/2020/NĐ-CP",
        "text",
        "Decree 47/2020/NĐ-CP of 09/4/2020, Art. 1",
    ),
    LegalFact(
        "digital.sharing_answer_working_days",
        _("Time limit to answer another agency's request for data"),
        10,
        "working_days",
        "Decree 47/2020/NĐ-CP of 09/4/2020, Chapter III (sharing data on request)",
        unsure=True,
        note=_("Not found in the sources read; 10 working days is a provisional figure to check against the decree."),
    ),
    LegalFact(
        "digital.sharing_refusal_reasons",
        _("A refusal to share data is answered in writing with its reasons"),
        True,
        "text",
        "Decree 47/2020/NĐ-CP of 09/4/2020, Chapter III",
        unsure=True,
        note=_("Article not read."),
    ),
    LegalFact(
        "digital.open_data",
        _("Open data of state agencies published with its metadata"),
        "Chapter IV",
        "text",
        "Decree 47/2020/NĐ-CP of 09/4/2020, Chapter IV (open data)",
        unsure=True,
        note=_("Chapter from the research notes; articles not read."),
    ),
    # --- IT investment (Decree 73/2019, Decree 82/2024) -----------------------------------------------
    LegalFact(
        "digital.it_investment_decree",
        _("Management of IT investment using the state budget"),
        "73/2019/NĐ-CP as amended by 82/2024/NĐ-CP",
        "text",
        "Decree 73/2019/NĐ-CP of 05/9/2019, Art. 1; Decree 82/2024/NĐ-CP",
        unsure=True,
        note=_("Decree 82/2024/NĐ-CP's text was not found; its changes to thresholds and time limits are not applied."),
    ),
    LegalFact(
        "digital.economic_technical_threshold",
        _("Projects below this total investment prepare an economic-technical report instead of a feasibility study"),
        15_000_000_000,
        "VND",
        "Decree 73/2019/NĐ-CP, Art. 5",
        unsure=True,
        note=_("15 billion VND recalled; Decree 82/2024 may have changed it."),
    ),
    LegalFact(
        "digital.group_a_threshold",
        _("IT projects from this total investment are group A"),
        1_500_000_000_000,
        "VND",
        "Law on Public Investment 2019, Art. 8(4) (informatics with health, culture, education, research)",
        unsure=True,
        note=_("Threshold recalled; the Law on Public Investment 2024 raised the thresholds from 01/01/2025."),
    ),
    LegalFact(
        "digital.group_c_threshold",
        _("IT projects below this total investment are group C (group B from it up to group A)"),
        80_000_000_000,
        "VND",
        "Law on Public Investment 2019, Art. 9(4) and 10(4)",
        unsure=True,
        note=_("Threshold recalled; the Law on Public Investment 2024 raised the thresholds from 01/01/2025."),
    ),
    LegalFact(
        "digital.appraisal_days_group_a",
        _("Appraisal time limit, group A project"),
        40,
        "days",
        "Decree 73/2019/NĐ-CP, Art. 17 (time limit for appraising a project)",
        unsure=True,
        note=_("Recalled by analogy with the Law on Construction; article and figures to check."),
    ),
    LegalFact(
        "digital.appraisal_days_group_b",
        _("Appraisal time limit, group B project"),
        30,
        "days",
        "Decree 73/2019/NĐ-CP, Art. 17",
        unsure=True,
        note=_("Recalled; to check."),
    ),
    LegalFact(
        "digital.appraisal_days_group_c",
        _("Appraisal time limit, group C project and economic-technical report"),
        20,
        "days",
        "Decree 73/2019/NĐ-CP, Art. 17 and Art. 24",
        unsure=True,
        note=_("Recalled; to check."),
    ),
    LegalFact(
        "digital.appraisal_days_design",
        _("Appraisal time limit, detailed design and cost estimate"),
        20,
        "days",
        "Decree 73/2019/NĐ-CP, Art. 34",
        unsure=True,
        note=_("Recalled; to check."),
    ),
    LegalFact(
        "digital.appraisal_days_outline",
        _("Appraisal time limit, outline and detailed cost estimate of a recurrent-spending activity"),
        15,
        "working_days",
        "Decree 73/2019/NĐ-CP, Art. 50; Circular 03/2020/TT-BTTTT, Art. 7",
        unsure=True,
        note=_("Recalled; to check."),
    ),
    LegalFact(
        "digital.appraiser_competence",
        _("The provincial specialised IT agency appraises the province's IT projects and outlays"),
        "DICT",
        "text",
        "Decree 73/2019/NĐ-CP, Art. 13; regulation 3.14.c",
        unsure=True,
        note=_("Article recalled; the regulation's 3.14.c is read."),
    ),
    # --- Digital signatures --------------------------------------------------------------------------------
    LegalFact(
        "digital.law_e_transactions",
        _("Law on Electronic Transactions"),
        "20/2023/QH15",
        "text",
        "Law on Electronic Transactions 20/2023/QH15 of 22/6/2023, in force 01/7/2024",
        unsure=True,
        note=_("Number and dates recalled."),
    ),
    LegalFact(
        "digital.signature_issuer",
        _("Specialised public-service digital signatures are issued by the Government Cipher Committee"),
        "Ban Cơ yếu Chính phủ",
        "text",
        "Decree 68/2024/NĐ-CP (specialised public-service digital signatures); regulation 3.14.h",
        unsure=True,
        note=_("Decree number recalled; the regulation's 3.14.h (coordination with the Committee) is read."),
    ),
    LegalFact(
        "digital.signature_expiry_warning_days",
        _("Days before a certificate expires when its holder is reminded"),
        30,
        "days",
        "Practice of the Department (no statutory figure)",
    ),
    # --- The regulation --------------------------------------------------------------------------------
    LegalFact(
        "digital.duty_it_industry",
        _("Database of IT enterprises and products for the periodic reports"),
        "3.13.b",
        "text",
        "Regulation Art. 3, point 3.13.b",
    ),
    LegalFact(
        "digital.duty_secretariat",
        _("Secretariat of the steering committee on digital transformation"),
        "3.14.a",
        "text",
        "Regulation Art. 3, point 3.14.a",
    ),
    LegalFact(
        "digital.duty_reminder_cadence",
        _("Reporting entities are reminded 3 days before the deadline, on it, then weekly for 8 weeks"),
        "work.reminders",
        "text",
        "Regulation Art. 6(6) and Art. 3, point 3.14.a (the cadence of district reports, reused)",
    ),
]
