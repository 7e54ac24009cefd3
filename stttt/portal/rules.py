"""Rules of the public portal (pure: no ORM, no I/O). The rules of the service itself (the applicant's
assessment included) are those of `procedures.rules`; the portal keeps only how a visitor proves a dossier
is theirs."""

from __future__ import annotations

import hashlib
import hmac


def secret_hash(secret: str, key: str) -> str:
    """The tracking secret is kept only as a keyed hash (ASVS 2.10.4: no secret stored in clear)."""
    return hmac.new(key.encode(), normalise_secret(secret).encode(), hashlib.sha256).hexdigest()


def secret_matches(secret: str, stored: str, key: str) -> bool:
    """Matches the secret as typed in any case; secrets given before the upper-case alphabet (mixed case,
    "-" and "_") were hashed as given, and still match when typed exactly."""
    legacy = hmac.new(key.encode(), (secret or "").strip().encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(secret_hash(secret, key), stored) or hmac.compare_digest(legacy, stored)


# Tracking secrets and references are copied by hand from paper or a screen: no look-alike characters
# (0/O, 1/I/l, no lower case, no "-" or "_").
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 12  # 31^12, about 59 bits: tracking is also rate-limited


def normalise_secret(secret: str) -> str:
    """What the applicant typed, as the secret was given: spaces dropped, upper case."""
    return "".join((secret or "").split()).upper()


def demo_secret(key: str, server_key: str) -> str:
    """A demo filing's secret, the same on every demo run (derived from its form key), so that the demo
    can print it each time without storing it."""
    digest = hmac.new(server_key.encode(), f"demo-secret:{key}".encode(), hashlib.sha256).digest()
    return "".join(SECRET_ALPHABET[b % len(SECRET_ALPHABET)] for b in digest[:SECRET_LENGTH])
