"""The digital routes for the shared access tests (`stttt/testing/declarations.py`).

Staff of the agency see its records and take the steps the tables give their roles; district officers see
only their district's indicator figures; the PPC observer and citizens get nothing; a record of the other
agency answers 404. The open-data catalogue is public (the agency of the request's host)."""

from __future__ import annotations

from typing import Any


def _pk(model_name: str, field: str = "agency", **filters: Any) -> Any:
    def sample(agency: Any) -> dict[str, Any]:
        from stttt.digital import models

        model = getattr(models, model_name)
        return {"pk": model.objects.filter(**{field: agency}, **filters).order_by("pk").first().pk}

    return sample


def _submission(agency: Any) -> dict[str, Any]:
    from stttt.digital.models import Submission

    subs = Submission.objects.filter(collection__agency=agency).order_by("-collection__year", "pk")
    own = subs.filter(entity__district__code="dong-xoai").first()
    return {"pk": (own or subs.first()).pk}


def _opinion(agency: Any) -> dict[str, Any]:
    from stttt.digital.models import Appraisal

    return {"pk": Appraisal.objects.filter(agency=agency, status="appraised").order_by("pk").first().pk}


RECORDS = {
    "digital:programme": _pk("Programme"),
    "digital:programme_task_step": _pk("ProgrammeTask", "programme__agency"),
    "digital:collection": _pk("Collection"),
    "digital:collection_xlsx": _pk("Collection"),
    "digital:collection_remind": _pk("Collection"),
    "digital:submission": _submission,
    "digital:submission_return": _submission,
    "digital:dataset": _pk("Dataset"),
    "digital:sharing": _pk("SharingRequest"),
    "digital:appraisal": _pk("Appraisal"),
    "digital:appraisal_opinion": _opinion,
    "digital:enterprise": _pk("ITEnterprise"),
    "digital:signature": _pk("SignatureRequest"),
    "digital-enterprise-detail": _pk("ITEnterprise"),
    "digital-dataset-detail": _pk("Dataset"),
    "digital-sharing-detail": _pk("SharingRequest"),
    "digital-sharing-decide": _pk("SharingRequest"),
    "digital-appraisal-detail": _pk("Appraisal"),
    "digital-appraisal-appraise": _pk("Appraisal"),
    "digital-signature-detail": _pk("SignatureRequest"),
    "digital-submission-detail": _submission,
    "digital-submission-figures": _submission,
}

EXPECTED: dict[str, dict[str, Any]] = {}


def MARKERS(agency: Any) -> set[str]:
    """Texts only this agency's digital records carry: enterprises' tax codes, appraisal titles that name it."""
    from stttt.digital.models import ITEnterprise

    return set(ITEnterprise.objects.filter(agency=agency).values_list("tax_code", flat=True))
