from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.utils import timezone

from integration_portal.core.queue import DELIVERY_TASK_OPTIONS, enqueue_again
from reception.letters import households_awaiting_welcome_letter, welcome_letter_deliver

logger = logging.getLogger(__name__)

SWEEP_BATCH_SIZE = 200
# Leaves the task enqueued at arrival (and its first retries) time to do the work.
SWEEP_GRACE = datetime.timedelta(minutes=30)


@shared_task(**DELIVERY_TASK_OPTIONS)
def welcome_letter_task(household_id: int) -> None:
    welcome_letter_deliver(household_id=household_id)



@shared_task
def welcome_letter_sweep_task() -> int:
    """Enqueue again the welcome letters that were not delivered: their first enqueue was
    lost (broker down at commit) or their retries ran out (mail server down for hours).

    Pages through the households by primary key in bounded batches. Returns how many tasks
    it enqueued. Enqueueing a letter that is in fact under way is harmless: the task is
    idempotent.
    """
    cutoff = timezone.now() - SWEEP_GRACE
    enqueued = enqueue_again(
        welcome_letter_task,
        lambda after_pk, limit: households_awaiting_welcome_letter(
            arrived_before=cutoff, after_pk=after_pk, limit=limit),
        batch_size=SWEEP_BATCH_SIZE)
    if enqueued:
        logger.info("Welcome letter sweep enqueued %d household(s)", enqueued)
    return enqueued
