"""Second half of the move: agencies required, district reports on `org.District`, the old district tables
dropped (their rows were copied into `org` by 0004)."""

import django.db.models.deletion
from django.db import migrations, models

AGENCY_MODELS = ["task", "meeting", "reporttype", "report", "districtrequest", "councilquestion", "coordination"]


def _agency(null):
    return models.ForeignKey(null=null, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                             to="org.agency", verbose_name="agency")


class Migration(migrations.Migration):

    dependencies = [
        ("work", "0004_agency_and_org_districts"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="districtreport", name="work_district_report_once"),
        migrations.RemoveField(model_name="districtreport", name="district"),
        migrations.RenameField(model_name="districtreport", old_name="org_district", new_name="district"),
        migrations.AlterField(
            model_name="districtreport", name="district",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="work_reports",
                                    to="org.district", verbose_name="district")),
        migrations.AddConstraint(
            model_name="districtreport",
            constraint=models.UniqueConstraint(fields=("request", "district"), name="work_district_report_once")),
        migrations.AlterField(
            model_name="historicaldistrictreport", name="district",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="org.district", verbose_name="district")),
        *[migrations.AlterField(model_name=name, name="agency", field=_agency(False)) for name in AGENCY_MODELS],
        migrations.AlterField(model_name="reporttype", name="code", field=models.SlugField(verbose_name="code")),
        migrations.AlterField(model_name="historicalreporttype", name="code",
                              field=models.SlugField(verbose_name="code")),
        migrations.AddConstraint(
            model_name="reporttype",
            constraint=models.UniqueConstraint(fields=("agency", "code"), name="work_report_type_code_per_agency")),
        migrations.RemoveField(model_name="districtofficer", name="district"),
        migrations.RemoveField(model_name="districtofficer", name="user"),
        migrations.RemoveField(model_name="historicaldistrict", name="history_user"),
        migrations.RemoveField(model_name="historicaldistrictofficer", name="district"),
        migrations.RemoveField(model_name="historicaldistrictofficer", name="history_user"),
        migrations.RemoveField(model_name="historicaldistrictofficer", name="user"),
        migrations.DeleteModel(name="District"),
        migrations.DeleteModel(name="DistrictOfficer"),
        migrations.DeleteModel(name="HistoricalDistrict"),
        migrations.DeleteModel(name="HistoricalDistrictOfficer"),
    ]
