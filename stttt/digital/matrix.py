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
    found = own or subs.first()
    assert found is not None
    return {"pk": found.pk}


def _opinion(agency: Any) -> dict[str, Any]:
    from stttt.digital.models import Appraisal

    found = Appraisal.objects.filter(agency=agency, status="appraised").order_by("pk").first()
    assert found is not None
    return {"pk": found.pk}


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

PAGE = {"staff": {"GET": "ok", "write": "allowed"}, "outsiders": "redirect", "anonymous": "login"}
RECORD_PAGE = {
    "staff": {"own": {"GET": "ok", "write": "allowed"}, "other": "404"},
    "outsiders": "redirect",
    "anonymous": "login",
}
POST_ONLY = {
    "staff": {"own": {"GET": "405", "write": "allowed"}, "other": {"GET": "405", "write": "404"}},
    "outsiders": "redirect",
    "anonymous": "login",
}
API_LIST = {"staff": "ok", "outsiders": "ok", "anonymous": "login"}
API_CREATE = {"signed_in": {"GET": "ok", "write": "invalid"}, "anonymous": "login"}
API_DETAIL = {"staff": {"own": "ok", "other": "404"}, "outsiders": "404", "anonymous": "login"}
API_ACTION = {
    "staff": {"own": {"GET": "405", "write": "invalid"}, "other": {"GET": "405", "write": "404"}},
    "outsiders": {"GET": "405", "write": "404"},
    "anonymous": "login",
}
API_FIGURES = {"staff": "ok", "district": "ok", "observer": "403", "citizen": "403", "anonymous": "login"}

EXPECTED: dict[str, dict[str, Any]] = {
    **{
        f"digital:{name}": PAGE
        for name in (
            "index",
            "programmes",
            "indicators",
            "collections",
            "dti",
            "online",
            "datasets",
            "dataset_create",
            "sharings",
            "sharing_create",
            "appraisals",
            "appraisal_create",
            "enterprises",
            "enterprise_create",
            "enterprises_xlsx",
            "enterprise_import",
            "signatures",
            "signature_create",
        )
    },
    **{
        f"digital:{name}": RECORD_PAGE
        for name in (
            "programme",
            "collection",
            "collection_xlsx",
            "dataset",
            "sharing",
            "appraisal",
            "appraisal_opinion",
            "enterprise",
            "signature",
        )
    },
    "digital:programme_task_step": POST_ONLY,
    "digital:collection_remind": POST_ONLY,
    # The staff-area gate (stttt/web/middleware.py) lets district officers reach their figures and everyone
    # the open data catalogue (DigitalConfig.open_to); other outsiders are sent home.
    "digital:my_submissions": {
        "staff": "redirect",
        "outsiders": "redirect",
        "district": "ok",
        "anonymous": "login",
    },
    "digital:open_data": {"all": "ok"},
    # The district officer of Đồng Xoài fills in the district's own figures (the sample is that submission).
    "digital:submission": {**RECORD_PAGE, "district": {"own": {"GET": "ok", "write": "allowed"}, "other": "404"}},
    "digital:submission_return": POST_ONLY,
    "digital-enterprise-list": API_CREATE,
    "digital-sharing-list": API_CREATE,
    "digital-appraisal-list": API_CREATE,
    "digital-signature-list": API_CREATE,
    "digital-dataset-list": API_LIST,
    "digital-submission-list": API_LIST,
    "digital-dti-list": API_FIGURES,
    "digital-online-list": API_FIGURES,
    "digital-enterprise-detail": API_DETAIL,
    "digital-dataset-detail": API_DETAIL,
    "digital-sharing-detail": API_DETAIL,
    "digital-appraisal-detail": API_DETAIL,
    "digital-signature-detail": API_DETAIL,
    "digital-submission-detail": {
        "staff": {"own": "ok", "other": "404"},
        "district": {"own": "ok", "other": "404"},
        "observer": "404",
        "citizen": "404",
        "anonymous": "login",
    },
    "digital-sharing-decide": API_ACTION,
    "digital-appraisal-appraise": API_ACTION,
    "digital-submission-figures": {
        "staff": {"own": {"GET": "405", "write": "invalid"}, "other": {"GET": "405", "write": "404"}},
        "district": {"own": {"GET": "405", "write": "invalid"}, "other": {"GET": "405", "write": "404"}},
        "observer": {"GET": "405", "write": "404"},
        "citizen": {"GET": "405", "write": "404"},
        "anonymous": "login",
    },
}


def MARKERS(agency: Any) -> set[str]:
    """Texts only this agency's digital records carry: enterprises' tax codes, appraisal titles that name it."""
    from stttt.digital.models import ITEnterprise

    return set(ITEnterprise.objects.filter(agency=agency).values_list("tax_code", flat=True))
