"""`stttt demo`: load the demo data of every installed capability (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from stttt.core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo data of every installed capability and create the demo accounts."

    def handle(self, *args, **options):
        logins = load_all(self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        if logins:
            self.stdout.write(_("Demo accounts (password: %(password)s):") % {"password": settings.DEMO_PASSWORD})
            for login in logins:
                self.stdout.write(f"  {login.username:<16} {login.role}")
