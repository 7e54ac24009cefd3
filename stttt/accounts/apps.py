import time
from typing import Any

from django.utils.translation import gettext_lazy as _

from stttt.core.apps import CapabilityConfig


def _session_started(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """The absolute session cap counts from the password step (stttt.accounts.middleware)."""
    if request is not None and hasattr(request, "session"):
        from stttt.accounts.middleware import SESSION_STARTED

        request.session[SESSION_STARTED] = int(time.time())


class AccountsConfig(CapabilityConfig):
    name = "stttt.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    url_prefix = "tai-khoan/"

    def ready(self) -> None:
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from stttt.accounts import tokens

        tokens.connect()
        user_logged_in.connect(_session_started, dispatch_uid="stttt.accounts.session_started")
