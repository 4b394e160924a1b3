"""CPR numbers at rest: encrypted with a key from the environment, found by a keyed hash.

`CPR_ENCRYPTION_KEY` holds one or more Fernet keys separated by commas: the first encrypts,
every one decrypts, so a key is rotated by putting the new one first and running
`manage.py cpr_reencrypt` before the old one is removed. `CPR_HASH_KEY` keys an HMAC-SHA256
of the ten digits: equal numbers give equal hashes, so an exact search and the duplicate
check need no decryption, and without the key the hashes cannot be tried against the
few million numbers there are (a plain hash could be reversed by trying them all).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "InvalidToken", "cpr_decrypt", "cpr_encrypt", "cpr_hash", "cpr_needs_reencryption",
    "cpr_reencrypt", "development_keys",
]


def development_keys(secret_key: str) -> tuple[str, str]:
    """Stable keys for a development install, derived from SECRET_KEY (never in production)."""
    encryption = base64.urlsafe_b64encode(
        hashlib.sha256(f"cpr-encryption:{secret_key}".encode()).digest()).decode()
    return encryption, hashlib.sha256(f"cpr-hash:{secret_key}".encode()).hexdigest()


@lru_cache(maxsize=4)
def _fernets(keys: str) -> tuple[MultiFernet, Fernet]:
    """All the keys (to decrypt) and the newest one (to encrypt), built once per setting."""
    try:
        fernets = [Fernet(key.strip()) for key in keys.split(",") if key.strip()]
        return MultiFernet(fernets), fernets[0]
    except (ValueError, IndexError) as error:  # a malformed key, or none at all
        raise ImproperlyConfigured(
            f"CPR_ENCRYPTION_KEY is not a list of Fernet keys: {error}") from None


def _fernet() -> MultiFernet:
    return _fernets(settings.CPR_ENCRYPTION_KEY)[0]


def _digits(cpr: str) -> str:
    return cpr.replace("-", "").strip()


def cpr_encrypt(cpr: str) -> str:
    """The ciphertext (a Fernet token) of a normalised CPR number, with the newest key."""
    return _fernet().encrypt(cpr.encode()).decode()


def cpr_decrypt(token: str) -> str:
    """The CPR number in a token made with any of the configured keys (InvalidToken if none)."""
    return _fernet().decrypt(token.encode()).decode()


def cpr_hash(cpr: str) -> str:
    """The keyed hash of the ten digits, with or without the dash: what searches compare."""
    key = settings.CPR_HASH_KEY.encode()
    return hmac.new(key, _digits(cpr).encode(), hashlib.sha256).hexdigest()


def cpr_needs_reencryption(token: str) -> bool:
    """Whether a token was made with another key than the newest one."""
    newest = _fernets(settings.CPR_ENCRYPTION_KEY)[1]
    try:
        newest.decrypt(token.encode())
    except InvalidToken:
        return True
    return False


def cpr_reencrypt(token: str) -> str:
    """The same number encrypted with the newest key (after a key rotation)."""
    return _fernet().rotate(token.encode()).decode()
