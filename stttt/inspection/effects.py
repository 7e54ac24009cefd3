"""Effects the inspection workflow tables declare, registered under their names when the app loads."""

from __future__ import annotations
