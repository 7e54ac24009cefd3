"""Recovery codes: made, normalised and hashed here; stored only as hashes (`models.RecoveryCode`).

A code is 12 characters of Crockford's base32 (60 random bits), shown as three groups of four. Each is
stored as a PBKDF2-SHA256 hash with its own random salt (Django's hasher, so the algorithm, salt and
iteration count travel with the hash), meeting ASVS 4.0 2.6.2 (lookup secrets salted and hashed) without
the cost of a password hash at each of the ten checks of a sign-in.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
LENGTH = 12
ITERATIONS = 20_000  # 60 random bits need no password-grade stretching; this keeps ten checks fast
# What people type for what they read (Crockford's decoding rules).
TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})

_hasher = PBKDF2PasswordHasher()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(typed: str) -> str:
    """The code as stored: capitals, no spaces or dashes, look-alike letters read as digits."""
    return "".join(ch for ch in typed.upper().translate(TYPED) if ch.isalnum())


def digest(code: str) -> str:
    return _hasher.encode(normalise(code), _hasher.salt(), iterations=ITERATIONS)


def matches(typed: str, stored: str) -> bool:
    """True when `typed` is the code behind `stored` (constant-time comparison). Codes issued before they
    were hashed (8 digits) were hashed by the migration and still match until used."""
    code = normalise(typed)
    return bool(code) and _hasher.verify(code, stored)
