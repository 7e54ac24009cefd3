from django.http import HttpRequest
from django.urls import get_resolver

from stttt.core.apps import capabilities


def navigation(request: HttpRequest) -> dict:
    """Header navigation: one entry per capability the visitor may open."""
    signed_in = request.user.is_authenticated
    mounted = get_resolver().namespace_dict
    entries = [c for c in capabilities() if c.nav_url and c.label in mounted and (signed_in or c.public)]
    return {"nav_capabilities": entries}
