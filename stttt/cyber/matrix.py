"""The information-security routes for the shared access tests (`stttt/testing/declarations.py`).

Staff of the agency see its records; the ICT Centre and the Posts-Telecom-IT division are the specialised
unit and take the steps; outsiders (district officers, the PPC observer, a citizen) are sent home from the
staff pages and get nothing from the API; a record of the other agency answers 404. The owner bodies'
pages (`cyber:cyber_owner:*`, their own namespace outside the staff area) are asked by `stttt/cyber/tests`.
"""

from __future__ import annotations

from typing import Any

PAGE = {"staff": "ok", "outsiders": "redirect", "anonymous": "login"}
RECORD_PAGE = {"staff": {"own": "ok", "other": "404"}, "outsiders": "redirect", "anonymous": "login"}
# A record page that takes steps: a POST without a known action is 404 (no such step).
STEP_PAGE = {
    "staff": {"own": {"GET": "ok", "write": "404"}, "other": "404"},
    "outsiders": "redirect",
    "anonymous": "login",
}
API_LIST = {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"}
API_DETAIL = {"staff": {"own": "ok", "other": "404"}, "outsiders": "404", "anonymous": "login"}


def _pk(model_name: str, **filters: Any) -> Any:
    def sample(agency: Any) -> dict[str, Any]:
        from stttt.cyber import models

        model = getattr(models, model_name)
        field = "warning__agency" if model_name == "WarningDelivery" else "agency"
        return {"pk": model.objects.filter(**{field: agency}, **filters).order_by("pk").first().pk}

    return sample


def _document(agency: Any) -> dict[str, Any]:
    from stttt.cyber.models import LevelDossier

    dossier = LevelDossier.objects.filter(agency=agency, appraised_on__isnull=False).order_by("pk").first()
    assert dossier is not None
    return {"pk": dossier.pk, "kind": "y-kien-tham-dinh", "fmt": "docx"}


RECORDS = {
    "cyber:owner_link": _pk("Owner"),
    "cyber:system": _pk("InfoSystem"),
    "cyber:dossier": _pk("LevelDossier"),
    "cyber:dossier_document": _document,
    "cyber:incident": _pk("Incident"),
    "cyber:warning": _pk("SecurityWarning"),
    "cyber:delivery": _pk("WarningDelivery"),
    "cyber:content": _pk("ContentReport"),
    "cyber-owner-detail": _pk("Owner"),
    "cyber-system-detail": _pk("InfoSystem"),
    "cyber-dossier-detail": _pk("LevelDossier"),
    "cyber-dossier-act": _pk("LevelDossier"),
    "cyber-incident-detail": _pk("Incident"),
    "cyber-incident-act": _pk("Incident"),
    "cyber-warning-detail": _pk("SecurityWarning"),
    "cyber-warning-act": _pk("SecurityWarning"),
    "cyber-delivery-detail": _pk("WarningDelivery"),
    "cyber-delivery-act": _pk("WarningDelivery"),
    "cyber-content-detail": _pk("ContentReport"),
    "cyber-content-act": _pk("ContentReport"),
}

OWNER_PAGES = "an owner body's own pages (portal accounts): asked in stttt/cyber/tests/test_owner_pages.py"
NOT_ASKED = {
    "cyber:cyber_owner:home": OWNER_PAGES,
    "cyber:cyber_owner:system": OWNER_PAGES,
    "cyber:cyber_owner:incident_new": OWNER_PAGES,
    "cyber:cyber_owner:incident": OWNER_PAGES,
    "cyber:cyber_owner:delivery": OWNER_PAGES,
}
NOT_RECORDS = {name: why for name, why in NOT_ASKED.items() if name != "cyber:cyber_owner:home"}

EXPECTED: dict[str, dict[str, Any]] = {
    "cyber:index": PAGE,
    "cyber:owners": PAGE,
    "cyber:compliance": PAGE,
    "cyber:systems": PAGE,
    "cyber:dossiers": PAGE,
    "cyber:incidents": PAGE,
    "cyber:warnings": PAGE,
    "cyber:contents": PAGE,
    "cyber:system": RECORD_PAGE,
    "cyber:dossier": STEP_PAGE,
    "cyber:dossier_document": RECORD_PAGE,
    "cyber:incident": STEP_PAGE,
    "cyber:warning": STEP_PAGE,
    "cyber:content": STEP_PAGE,
    "cyber:owner_link": {"staff": {"own": "redirect", "other": "404"}, "outsiders": "redirect", "anonymous": "login"},
    "cyber:delivery": {
        "staff": {"own": {"GET": "redirect", "write": "404"}, "other": "404"},
        "outsiders": "redirect",
        "anonymous": "login",
    },
    "cyber-owner-list": API_LIST,
    "cyber-system-list": API_LIST,
    "cyber-dossier-list": API_LIST,
    "cyber-incident-list": API_LIST,
    "cyber-warning-list": API_LIST,
    "cyber-delivery-list": API_LIST,
    "cyber-content-list": API_LIST,
    "cyber-owner-detail": API_DETAIL,
    "cyber-system-detail": API_DETAIL,
    "cyber-dossier-detail": API_DETAIL,
    "cyber-incident-detail": API_DETAIL,
    "cyber-warning-detail": API_DETAIL,
    "cyber-delivery-detail": API_DETAIL,
    "cyber-content-detail": API_DETAIL,
    "cyber-dossier-act": {
        "staff": {"GET": "405", "write": {"own": "invalid", "other": "404"}},
        "outsiders": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
}
for _name in ("cyber-incident-act", "cyber-warning-act", "cyber-delivery-act", "cyber-content-act"):
    EXPECTED[_name] = EXPECTED["cyber-dossier-act"]


def MARKERS(agency: Any) -> set[str]:
    from stttt.cyber.models import ContentReport, Incident, InfoSystem, SecurityWarning

    found = set(InfoSystem.objects.filter(agency=agency).values_list("name", flat=True))
    found |= set(Incident.objects.filter(agency=agency).values_list("title", flat=True))
    found |= set(SecurityWarning.objects.filter(agency=agency).values_list("title", flat=True))
    found |= set(ContentReport.objects.filter(agency=agency).values_list("reference", flat=True))
    return found
