"""What a filing asks besides the applicant and the documents: the particulars another capability records
through the filing step's effects (e.g. what a licence is applied for).

The app that needs particulars registers a provider: `fields(procedure)` gives the form fields (named as it
likes; empty when the procedure needs none) and `collect(procedure, cleaned_data)` turns the cleaned values
into the `particulars` dict given to `services.dossier_file`. The portal's filing page and the staff desk
page build their forms from the same providers, so both ask the same questions; the API takes the dict as
it is.
"""

from __future__ import annotations

from typing import Any, Protocol

from django import forms


class ParticularsProvider(Protocol):
    def fields(self, procedure: Any) -> dict[str, forms.Field]: ...

    def collect(self, procedure: Any, cleaned: dict[str, Any]) -> dict[str, Any]: ...


_PROVIDERS: list[ParticularsProvider] = []


def register(provider: ParticularsProvider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def fields_for(procedure: Any) -> dict[str, forms.Field]:
    found: dict[str, forms.Field] = {}
    for provider in _PROVIDERS:
        found.update(provider.fields(procedure))
    return found


def collect(procedure: Any, cleaned: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for provider in _PROVIDERS:
        found.update(provider.collect(procedure, cleaned))
    return found


# --- what staff read back ---------------------------------------------------------------------------------
# A provider may also offer `display(dossier) -> list[(label, value)]` (the particulars it recorded, shown
# on the staff dossier page) and `lookup(query) -> Q | None` (a condition on `Dossier` that finds dossiers by
# a reference it gave, e.g. the portal's). Both are optional: the filing registry stays a small protocol.


def display(dossier: Any) -> list[tuple[str, Any]]:
    """The particulars recorded with `dossier` by every provider, as (label, value) rows."""
    rows: list[tuple[str, Any]] = []
    for provider in _PROVIDERS:
        show = getattr(provider, "display", None)
        if show is not None:
            rows.extend(show(dossier))
    return rows


def lookup(query: str) -> list[Any]:
    """Conditions on `Dossier` that find `query` as a reference some provider gave (OR-ed by the caller)."""
    found = []
    for provider in _PROVIDERS:
        find = getattr(provider, "lookup", None)
        if find is not None:
            condition = find(query)
            if condition is not None:
                found.append(condition)
    return found


def references(dossier: Any) -> list[str]:
    """The references providers gave `dossier` for tracking it (e.g. the portal's, used with its secret)."""
    found: list[str] = []
    for provider in _PROVIDERS:
        give = getattr(provider, "reference", None)
        if give is not None:
            value = give(dossier)
            if value:
                found.append(value)
    return found
