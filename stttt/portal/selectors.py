"""Reads of the public portal: the applicant's dossiers, tracking by reference and secret, the public
catalogue, and the ratings aggregated per unit and quarter."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from stttt.portal import rules
from stttt.portal.models import Rating, Submission
from stttt.procedures.models import Procedure

INDICATORS = ("indicator_1", "indicator_2", "indicator_3", "indicator_4", "indicator_6", "indicator_7")


def procedures_online() -> QuerySet[Procedure]:
    return Procedure.objects.filter(active=True).prefetch_related("components")


def submission_by_credentials(reference: str, secret: str) -> Submission:
    """The submission whose reference (or dossier code) and tracking secret match; DoesNotExist otherwise,
    the same for a wrong reference and a wrong secret."""
    reference = (reference or "").strip()
    found = (Submission.objects.select_related("dossier", "dossier__procedure")
             .filter(Q(reference__iexact=reference) | Q(dossier__code=reference)).first())
    if found is None or not rules.secret_matches(secret or "", found.secret_hash, settings.SECRET_KEY):
        raise Submission.DoesNotExist
    return found


def submissions_of(user: Any) -> QuerySet[Submission]:
    """An applicant's own dossiers: those filed while signed in and those they claimed."""
    if not getattr(user, "is_authenticated", False):
        return Submission.objects.none()
    return (Submission.objects.filter(Q(account=user) | Q(dossier__submitted_by=user))
            .select_related("dossier", "dossier__procedure").order_by("-created_at"))


def submission_for(reference: str, *, user: Any, granted: list[int]) -> Submission:
    """The submission the visitor may see: their own (account) or one they unlocked with its secret in this
    session. Anything else does not exist for them (404, never 403: nothing tells that it exists)."""
    qs = Submission.objects.select_related("dossier", "dossier__procedure")
    visible = Q(pk__in=granted)
    if getattr(user, "is_authenticated", False):
        visible |= Q(account=user) | Q(dossier__submitted_by=user)
    return qs.filter(visible).get(reference=reference)


def rating_summary(quarter: str = "") -> list[dict[str, Any]]:
    """Per unit and quarter: the number of ratings, each indicator's average (Art. 15: sum / count, one
    decimal) and their total."""
    groups: dict[tuple[str, str], list[Rating]] = defaultdict(list)
    qs = Rating.objects.all()
    if quarter:
        qs = qs.filter(quarter=quarter)
    for rating in qs:
        groups[(rating.unit_code, rating.quarter)].append(rating)
    rows = []
    for (unit, q), ratings in sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]), reverse=True):
        averages = {name: rules.average([getattr(r, name) for r in ratings]) for name in INDICATORS}
        total = round(sum(v for v in averages.values() if v is not None), 1)
        rows.append({"unit": unit, "quarter": q, "count": len(ratings), **averages, "total": total})
    return rows


def home_figures() -> list[tuple[str, object]]:
    from django.utils.translation import gettext as _

    return [(_("Online submissions"), Submission.objects.count()), (_("Ratings"), Rating.objects.count())]
