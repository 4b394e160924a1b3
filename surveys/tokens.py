"""Single-use invitation codes: 12 characters from an alphabet without look-alikes (no 0/O,
1/I), short enough to type from a paper slip, 60 bits of randomness. Only the hash is stored."""

from __future__ import annotations

import hashlib
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 12
_NOT_CODE = re.compile(r"[^A-Z0-9]")


def new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code: str) -> str:
    """What a person typed ("abcd-efgh jklm") as the token ("ABCDEFGHJKLM")."""
    return _NOT_CODE.sub("", (code or "").upper())


def token_hash(token: str) -> str:
    return hashlib.sha256(normalise(token).encode("ascii", "ignore")).hexdigest()


def grouped(token: str) -> str:
    """The token as printed: ABCD-EFGH-JKLM."""
    return "-".join(token[i:i + 4] for i in range(0, len(token), 4))
