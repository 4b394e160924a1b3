"""Enqueue background work only once the transaction that asked for it has committed."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


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
