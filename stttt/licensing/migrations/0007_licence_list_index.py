# The staff list of licences (`licensing.views.index`): an agency's licences of every kind, newest issued first,
# read a page at a time from this index (issue 13).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("licensing", "0006_scale_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="licence",
            index=models.Index(fields=["agency", "-issued_on", "-id"], name="licensing_licence_list"),
        ),
    ]
