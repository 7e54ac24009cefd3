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
