"""Reads of the public portal, always within the agency the site serves (`request.agency`): its catalogue,
an applicant's dossiers, tracking by reference and secret. The figures and the ratings are read through
`procedures.selectors`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from stttt.licensing import selectors as licensing_selectors
from stttt.licensing.kinds import KINDS
from stttt.org.models import Agency
from stttt.portal import rules
from stttt.portal.models import Submission
from stttt.procedures import selectors as procedure_selectors
from stttt.procedures.models import Procedure


def procedures_online(agency: Agency | None) -> QuerySet[Procedure]:
    """The catalogue the portal of `agency` publishes (nothing on an installation without agency)."""
    if agency is None:
        return Procedure.objects.none()
    return procedure_selectors.procedures_active(agency)


def _submissions(agency: Agency | None) -> QuerySet[Submission]:
    qs = Submission.objects.select_related("dossier", "dossier__procedure")
    return qs.filter(dossier__agency=agency) if agency is not None else qs.none()


def submission_by_credentials(reference: str, secret: str, agency: Agency | None) -> Submission:
    """The submission of `agency` whose reference (or dossier code) and tracking secret match; DoesNotExist
    otherwise, the same for a wrong reference, a wrong secret and another agency's dossier."""
    reference = (reference or "").strip()
    found = _submissions(agency).filter(Q(reference__iexact=reference) | Q(dossier__code=reference)).first()
    if found is None or not rules.secret_matches(secret or "", found.secret_hash, settings.SECRET_KEY):
        raise Submission.DoesNotExist
    return found


def submissions_of(user: Any, agency: Agency | None) -> QuerySet[Submission]:
    """An applicant's own dossiers at this agency: those filed while signed in and those they claimed."""
    if not getattr(user, "is_authenticated", False):
        return Submission.objects.none()
    return _submissions(agency).filter(Q(account=user) | Q(dossier__submitted_by=user)).order_by("-created_at")


def submission_for(reference: str, *, user: Any, granted: list[int], agency: Agency | None) -> Submission:
    """The submission the visitor may see: their own (account) or one they unlocked with its secret in this
    session, at this agency. Anything else does not exist for them (404, never 403)."""
    visible = Q(pk__in=granted)
    if getattr(user, "is_authenticated", False):
        visible |= Q(account=user) | Q(dossier__submitted_by=user)
    return _submissions(agency).filter(visible).get(reference=reference)


def home_figures(agency: Agency) -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    from stttt.procedures.models import Rating

    return [
        (_("Online submissions"), Submission.objects.filter(dossier__agency=agency).count()),
        (_("Ratings"), Rating.objects.filter(dossier__agency=agency).count()),
    ]


def submission_by_form_key(procedure: Procedure, key: str) -> Submission | None:
    """The submission a filing form with `key` already produced (the back button shows it again)."""
    if not key:
        return None
    return _submissions(procedure.agency).filter(dossier__procedure=procedure, dossier__idempotency_key=key).first()


@dataclass(frozen=True)
class RegisterHits:
    """The licences of one public register that match a search: how many, and the first few."""

    kind: Any
    count: int
    licences: list[Any]


def register_search(agency: Agency | None, query: str, *, first: int = 10) -> list[RegisterHits]:
    """One search across every public register of `agency`, grouped by register (in the registers' order):
    the same diacritic-insensitive search as each register's own, over what its rows show."""
    if not query.strip():
        return []
    found = licensing_selectors.register(list(KINDS), agency=agency, query=query)
    counts = dict(found.order_by().values_list("kind").annotate(n=Count("id")))
    return [
        RegisterHits(kind, counts[code], list(found.filter(kind=code)[:first]))
        for code, kind in KINDS.items()
        if counts.get(code)
    ]
