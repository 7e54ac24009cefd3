"""What a serving process does once its application is loaded, before its first request.

A full garbage collection walks every object the collector tracks: once Django and stttt are loaded that is
about 250,000 objects, 60–130 ms on the reference machine, and it lands on whichever request happens to
trigger it (seen as the slowest calls of the register search benchmark). The objects loaded at start live as
long as the process, so they are loaded first (the URL patterns, each language's catalogue) and then moved
out of the collector's sight with `gc.freeze()` (Python's documented use of it); a collection afterwards walks
only what requests made since.
"""

from __future__ import annotations

import gc

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def settle() -> None:
    """Load what every request reads, then freeze every object made so far."""
    get_resolver().reverse_dict  # noqa: B018 — imports every view module and builds the patterns
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Vietnamese")  # loads the language's catalogue
    gc.collect()  # what loading left behind is freed, not frozen
    gc.freeze()
