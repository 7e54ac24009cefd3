"""The Celery application of stttt: background jobs and the periodic schedule (docs/operations.md "Jobs").

Configured from Django's settings (`CELERY_*`, read from the environment in settings.py). With no broker
configured, the embedded default, every job runs in-process right after the commit that enqueued it.

    celery -A stttt.config worker      # a worker (as many as the load needs, on any machine)
    celery -A stttt.config beat        # the scheduler: exactly one per installation
"""

from __future__ import annotations

import os
import sys

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stttt.config.settings")

_path = list(sys.path)
app = Celery("stttt")
# Celery's Django fix-up puts the working directory first on sys.path; stttt is installed, and a folder with
# a file named like a standard module (core/ has calendar.py and http.py) would shadow that module.
sys.path[:] = [entry for entry in sys.path if entry in _path]
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()  # each app's tasks.py

# The periodic jobs, in the Department's time zone (CELERY_TIMEZONE). Each is idempotent by period: a run
# repeated (two schedulers by mistake, a manual `stttt jobs run`) sends nothing new.
app.conf.beat_schedule = {
    "outbox-sweep": {"task": "core.outbox_sweep", "schedule": 300.0},
    "licence-expiry-warnings": {"task": "licensing.expiry_warnings", "schedule": crontab(hour=7, minute=0)},
    "dossier-deadline-reminders": {
        "task": "procedures.deadline_reminders",
        "schedule": crontab(hour=7, minute=15, day_of_week="mon-fri"),
    },
    "task-deadline-reminders": {
        "task": "work.deadline_reminders",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
    },
    "district-report-reminders": {
        "task": "work.district_reminders",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon-fri"),
    },
    "press-deposit-reminders": {
        "task": "press.remind_missing_deposits",
        "schedule": crontab(hour=9, minute=0, day_of_week="mon-fri"),
    },
    "supervision-report-reminders": {
        "task": "supervision.report_reminders",
        "schedule": crontab(hour=8, minute=15, day_of_week="mon-fri"),
    },
    "security-warning-reminders": {
        "task": "cyber.warning_reminders",
        "schedule": crontab(hour=8, minute=30, day_of_week="mon-fri"),
    },
    "digital-reminders": {
        "task": "digital.reminders",
        "schedule": crontab(hour=8, minute=45, day_of_week="mon-fri"),
    },
}
