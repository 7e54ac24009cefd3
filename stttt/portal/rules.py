"""Rules of the public portal (pure: no ORM, no I/O). The rules of the service itself (the applicant's
assessment included) are those of `procedures.rules`; the portal keeps only how a visitor proves a dossier
is theirs."""

from __future__ import annotations

import hashlib
import hmac


def secret_hash(secret: str, key: str) -> str:
    """The tracking secret is kept only as a keyed hash (ASVS 2.10.4: no secret stored in clear)."""
    return hmac.new(key.encode(), secret.strip().encode(), hashlib.sha256).hexdigest()


def secret_matches(secret: str, stored: str, key: str) -> bool:
    return hmac.compare_digest(secret_hash(secret, key), stored)
