"""Enqueue background work only once the transaction that asked for it has committed."""

from __future__ import annotations

import logging
from typing import Any

from django.db import InterfaceError, OperationalError, transaction

logger = logging.getLogger(__name__)

# Worth another try: the mail server or the database was away for a moment (SMTPException and
# connection errors are OSErrors). Anything else is a bug or bad data and fails loudly.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)

# For a task that delivers something once (a letter, an e-mail): retried for about two hours
# with growing pauses, and acknowledged only after it ran, so that a worker dying mid-way
# leaves the message to another. That is safe only because such a task's service claims its
# row before it delivers.
DELIVERY_TASK_OPTIONS: dict[str, Any] = {
    "autoretry_for": TRANSIENT_ERRORS,
    "max_retries": 8,
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "acks_late": True,
}


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Send `task.delay(*args)` after commit; never fail the request if the broker is down.

    Work whose enqueue fails is not lost: every such task has a periodic sweep that finds
    the rows still waiting (e.g. arrived households without a welcome letter) and enqueues
    them again.
    """

    def send() -> None:
        try:
            task.delay(*args)
        except Exception:
            logger.exception(
                "Could not enqueue %s%r; the periodic sweep will retry", task.name, args
            )

    transaction.on_commit(send)
