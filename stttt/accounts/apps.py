from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


class AccountsConfig(CapabilityConfig):
    name = "stttt.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    url_prefix = "tai-khoan/"
