"""Demo accounts of the foundation: the administrator."""

from django.utils.translation import gettext as _

from stttt.accounts.services import demo_user_ensure
from stttt.core.demo import DemoLogin


def load(stdout) -> list[DemoLogin]:
    demo_user_ensure("admin", full_name="Quản trị hệ thống", is_superuser=True)
    return [DemoLogin("admin", _("System administrator"))]
