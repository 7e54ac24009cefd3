"""Organisation files as YAML text, read with limits (`stttt.core.yamlfiles`: a size cap, no aliases or
anchors); what is refused becomes a problem with its place, in the user's language."""

from __future__ import annotations

from typing import Any

import yaml
from django.utils.translation import gettext as _

from stttt.core import yamlfiles
from stttt.org.importing.problems import ImportFailed, ImportReport, Problem
from stttt.org.importing.writers import import_data
from stttt.org.models import Agency

MAX_BYTES = yamlfiles.MAX_BYTES


def _where(mark: Any) -> tuple[str, str]:
    if mark is None:
        return "", ""
    return _("line %(line)d") % {"line": mark.line + 1}, _("column %(column)d") % {"column": mark.column + 1}


def load_yaml(text: str | bytes) -> Any:
    """Parse YAML text; a syntax error, a file too large or an alias becomes a problem with its place."""
    try:
        return yamlfiles.load(text)
    except yamlfiles.TooLarge as refused:
        raise ImportFailed(
            [
                Problem(
                    "", "", _("The file is too large (at most %(size)d MB).") % {"size": refused.limit // (1024 * 1024)}
                )
            ]
        ) from None
    except yamlfiles.AliasRefused as refused:
        row, column = _where(refused.mark)
        raise ImportFailed(
            [Problem(row, column, _("YAML anchors and aliases (& and *) are not accepted: write each value out."))]
        ) from None
    except yaml.YAMLError as exc:
        row, column = _where(getattr(exc, "problem_mark", None))
        raise ImportFailed(
            [Problem(row, column, _("Not valid YAML: %(error)s") % {"error": getattr(exc, "problem", None) or exc})]
        ) from None


def import_yaml(text: str | bytes, *, actor: Any = None, agency: Agency | None = None) -> ImportReport:
    """Import a YAML file; with `agency`, only into that agency (a file for another one is refused)."""
    return import_data(load_yaml(text), actor=actor, agency=agency)
