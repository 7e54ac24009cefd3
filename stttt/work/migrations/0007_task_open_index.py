# An agency's open tasks by status and deadline: the leadership board's and the home page's counts read the
# open tasks only, from this index (issue 13).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("work", "0006_scale_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["agency", "status", "deadline"], name="work_task_open"),
        ),
    ]
