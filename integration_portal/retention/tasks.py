"""Celery tasks of retention (Celery's autodiscovery imports this module)."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.utils import timezone

from integration_portal.core.queue import DELIVERY_TASK_OPTIONS, enqueue_again
from integration_portal.retention.services import (
    decisions_awaiting_anonymisation,
    retention_anonymise,
)

logger = logging.getLogger(__name__)

SWEEP_BATCH_SIZE = 100
# An approval younger than this is probably still on its way to a worker.
SWEEP_GRACE = datetime.timedelta(minutes=15)


# Acknowledged after it ran and retried on a passing database error: the service claims the
# decision under a lock, so a second run does nothing.
@shared_task(**DELIVERY_TASK_OPTIONS)
def retention_anonymise_task(decision_id: int) -> bool:
    return retention_anonymise(decision_id=decision_id)


@shared_task
def retention_sweep_task() -> int:
    """Enqueue again the approved anonymisations not yet carried out; returns how many."""
    before = timezone.now() - SWEEP_GRACE
    enqueued = enqueue_again(
        retention_anonymise_task,
        lambda after_pk, limit: decisions_awaiting_anonymisation(before=before,
                                                                 after_pk=after_pk, limit=limit),
        batch_size=SWEEP_BATCH_SIZE)
    if enqueued:
        logger.info("Retention sweep enqueued %d anonymisation(s)", enqueued)
    return enqueued
