"""Every work record belongs to an agency; districts and their officers move to `org`.

Data carried, nothing dropped:
- each task, meeting, report type, report, district request, Council question and coordination gets the
  agency it belongs to (the lead unit's or the unit's agency where there is one, else the existing agency);
- each `work.District` is copied into `org.District` of that agency with the same primary key and code (a
  district the agency already has under the same code is reused), with its history; each
  `work.DistrictOfficer` becomes an `org.DistrictOfficer` (same primary key where free);
- district reports (and their history rows) point at the `org` districts; then (0005) the old tables go.

The schema changes that follow the data (`0005`) are a separate migration: PostgreSQL refuses to alter a
table in the transaction that updated rows with deferred foreign keys.
"""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models

AGENCY_MODELS = ["task", "meeting", "reporttype", "report", "districtrequest", "councilquestion", "coordination"]


def _agency(null):
    return models.ForeignKey(null=null, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                             to="org.agency", verbose_name="agency")


def _historical_agency():
    return models.ForeignKey(blank=True, db_constraint=False, null=True,
                             on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="org.agency",
                             verbose_name="agency")


def _existing_agency(apps):
    """The agency the data belongs to: the first one; an install with work data but no agency gets one."""
    Agency = apps.get_model("org", "Agency")
    agency = Agency.objects.order_by("pk").first()
    if agency is None:
        has_data = any(apps.get_model("work", name).objects.exists() for name in AGENCY_MODELS) or \
            apps.get_model("work", "District").objects.exists()
        if has_data:
            agency = Agency.objects.create(code="agency", name="Department")
    return agency


def _fill_agencies(apps, default_id):
    Unit = apps.get_model("org", "Unit")
    unit_agency = dict(Unit.objects.values_list("pk", "agency_id"))

    def set_agency(name, choose):
        model = apps.get_model("work", name)
        history = apps.get_model("work", f"Historical{model.__name__}")
        for row in model.objects.all():
            agency_id = choose(row) or default_id
            model.objects.filter(pk=row.pk).update(agency_id=agency_id)
            history.objects.filter(id=row.pk).update(agency_id=agency_id)

    set_agency("task", lambda t: unit_agency.get(t.lead_unit_id))
    set_agency("meeting", lambda m: None)
    set_agency("reporttype", lambda r: None)
    report_type_agency = dict(apps.get_model("work", "ReportType").objects.values_list("pk", "agency_id"))
    set_agency("report", lambda r: report_type_agency.get(r.report_type_id))
    set_agency("districtrequest", lambda r: None)
    set_agency("councilquestion", lambda q: unit_agency.get(q.unit_id))
    set_agency("coordination", lambda c: unit_agency.get(c.unit_id))


def _copy_row(source, target_model, **override):
    names = {f.attname for f in target_model._meta.concrete_fields}
    data = {f.attname: getattr(source, f.attname) for f in source._meta.concrete_fields if f.attname in names}
    data.update(override)
    return target_model.objects.create(**data)


def _move_districts(apps, agency_id):
    District = apps.get_model("work", "District")
    Officer = apps.get_model("work", "DistrictOfficer")
    HistoricalDistrict = apps.get_model("work", "HistoricalDistrict")
    OrgDistrict = apps.get_model("org", "District")
    OrgOfficer = apps.get_model("org", "DistrictOfficer")
    OrgHistoricalDistrict = apps.get_model("org", "HistoricalDistrict")
    Report = apps.get_model("work", "DistrictReport")
    HistoricalReport = apps.get_model("work", "HistoricalDistrictReport")

    mapping = {}
    for district in District.objects.order_by("pk"):
        found = OrgDistrict.objects.filter(agency_id=agency_id, code=district.code).first()
        if found is None:
            extra = {} if OrgDistrict.objects.filter(pk=district.pk).exists() else {"id": district.pk}
            found = OrgDistrict.objects.create(agency_id=agency_id, code=district.code, name=district.name,
                                               kind=district.kind, office_name=district.office_name,
                                               order=district.order, active=district.active, **extra)
        mapping[district.pk] = found.pk
    for row in HistoricalDistrict.objects.order_by("history_id"):
        data = {"id": mapping.get(row.id, row.id), "agency_id": agency_id}
        _copy_row(row, OrgHistoricalDistrict, history_id=None, **data)
    for officer in Officer.objects.order_by("pk"):
        if OrgOfficer.objects.filter(user_id=officer.user_id).exists():
            OrgOfficer.objects.filter(user_id=officer.user_id).update(district_id=mapping[officer.district_id],
                                                                      position=officer.position)
            continue
        extra = {} if OrgOfficer.objects.filter(pk=officer.pk).exists() else {"id": officer.pk}
        OrgOfficer.objects.create(user_id=officer.user_id, district_id=mapping[officer.district_id],
                                  position=officer.position, **extra)
    for report in Report.objects.all():
        Report.objects.filter(pk=report.pk).update(org_district_id=mapping[report.district_id])
    plan = {old: list(HistoricalReport.objects.filter(district_id=old).values_list("history_id", flat=True))
            for old, new in mapping.items() if old != new}
    for old, history_ids in plan.items():
        HistoricalReport.objects.filter(history_id__in=history_ids).update(district_id=mapping[old])
    return [OrgDistrict, OrgOfficer, OrgHistoricalDistrict]


def forward(apps, schema_editor):
    agency = _existing_agency(apps)
    if agency is None:
        return
    _fill_agencies(apps, agency.pk)
    written = _move_districts(apps, agency.pk)
    # Rows created with explicit keys: move the sequences past them (PostgreSQL).
    statements = schema_editor.connection.ops.sequence_reset_sql(no_style(), written)
    with schema_editor.connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("legal", "0001_initial"),
        ("org", "0003_agency_council_name_agency_host_names_and_more"),
        ("work", "0003_request_indicator_aggregate"),
    ]

    operations = [
        *[migrations.AddField(model_name=name, name="agency", field=_agency(True)) for name in AGENCY_MODELS],
        *[migrations.AddField(model_name=f"historical{name}", name="agency", field=_historical_agency())
          for name in AGENCY_MODELS],
        migrations.AddField(model_name="councilquestion", name="answer_file_name",
                            field=models.CharField(blank=True, max_length=255, verbose_name="answer document name")),
        migrations.AddField(model_name="historicalcouncilquestion", name="answer_file_name",
                            field=models.CharField(blank=True, max_length=255, verbose_name="answer document name")),
        migrations.AddField(model_name="taskattachment", name="content_type",
                            field=models.CharField(blank=True, max_length=100, verbose_name="content type")),
        migrations.AddField(model_name="districtreport", name="org_district",
                            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                                    related_name="+", to="org.district")),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
