"""`stttt demo`: load the demo data of every installed capability (idempotent)."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from stttt.core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo data of every installed capability and create the demo accounts."

    def handle(self, *args, **options):
        # The demo's applicants and officers are made up: their notices go to the outbox and are delivered
        # to memory, not printed or sent anywhere.
        logging.getLogger("celery.app.trace").setLevel(logging.WARNING)
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            STTTT_SMS_BACKEND="stttt.core.sms.MemoryBackend",
        ):
            logins = load_all(self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        if logins:
            self.stdout.write(_("Demo accounts (password: %(password)s):") % {"password": settings.DEMO_PASSWORD})
            for login in logins:
                self.stdout.write(f"  {login.username:<16} {login.role}")
