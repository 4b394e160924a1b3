from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from reception.letters import households_awaiting_welcome_letter, welcome_letter_deliver

logger = logging.getLogger(__name__)

# Worth another try: the mail server or the database was away for a moment (SMTPException and
# connection errors are OSErrors). Anything else is a bug or bad data and fails loudly.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)

SWEEP_BATCH_SIZE = 200
# Leaves the task enqueued at arrival (and its first retries) time to do the work.
SWEEP_GRACE = datetime.timedelta(minutes=30)


@shared_task(
    autoretry_for=TRANSIENT_ERRORS,
    max_retries=8,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    # Acknowledged after it ran: a worker that dies mid-way leaves the message to another,
    # which is safe because the service is idempotent.
    acks_late=True,
)
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
    enqueued = 0
    after_pk = 0
    cutoff = timezone.now() - SWEEP_GRACE
    while True:
        batch = households_awaiting_welcome_letter(
            arrived_before=cutoff, after_pk=after_pk, limit=SWEEP_BATCH_SIZE
        )
        if not batch:
            break
        for household_id in batch:
            welcome_letter_task.delay(household_id)
        enqueued += len(batch)
        after_pk = batch[-1]
    if enqueued:
        logger.info("Welcome letter sweep enqueued %d household(s)", enqueued)
    return enqueued
