"""Send an e-mail at most once, guarded by a timestamp column on the row it is about."""

from __future__ import annotations

from collections.abc import Callable

from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.utils import timezone


def send_once(*, row: QuerySet, field: str, message: Callable[[], EmailMessage]) -> bool:
    """Claim `row` by setting `field` where it is empty, then send; True if this run sent it.

    `row` selects the one row, with any condition the claim needs besides the empty field.
    Not atomic on purpose: the claim (a conditional UPDATE) must be committed before the
    e-mail goes out, so that a second run, concurrent or later, finds it taken and sends
    nothing. A failed send gives the claim back and raises, so that the task retries. A
    worker that dies between the claim and the send leaves the row claimed: at most once,
    never twice.
    """
    claimed_at = timezone.now()
    if row.filter(**{f"{field}__isnull": True}).update(**{field: claimed_at}) == 0:
        return False
    try:
        message().send()
    except Exception:
        row.filter(**{field: claimed_at}).update(**{field: None})
        raise
    return True
