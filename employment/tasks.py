"""Celery tasks of the employment app (Celery's autodiscovery imports this module)."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from employment.selectors import referrals_awaiting_email
from employment.services import referral_email_send

logger = logging.getLogger(__name__)

# Worth another try: the mail server or the database was away for a moment (SMTPException and
# connection errors are OSErrors). Anything else is a bug or bad data and fails loudly.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)

SWEEP_BATCH_SIZE = 200
# Leaves the task enqueued at the report (and its first retries) time to do the work.
SWEEP_GRACE = datetime.timedelta(minutes=30)


@shared_task(
    autoretry_for=TRANSIENT_ERRORS,
    max_retries=8,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    # Acknowledged after it ran: a worker that dies mid-way leaves the message to another,
    # which is safe because the service claims the e-mail before sending it.
    acks_late=True,
)
def jobcentre_email_task(referral_id: int) -> None:
    """Tell the job centre that a volunteer found a language internship; sends at most once."""
    referral_email_send(referral_id=referral_id)


@shared_task
def jobcentre_email_sweep_task() -> int:
    """Enqueue again the job-centre e-mails that were not sent: their first enqueue was lost
    (broker down at commit), their retries ran out, or the municipality has configured the
    job centre's address since. Beat runs it every hour.

    Pages through the referrals by primary key in bounded batches and returns how many tasks
    it enqueued. Enqueueing one that is in fact under way is harmless: the task claims the
    e-mail before sending.
    """
    enqueued = 0
    after_pk = 0
    cutoff = timezone.now() - SWEEP_GRACE
    while True:
        batch = referrals_awaiting_email(created_before=cutoff, after_pk=after_pk,
                                         limit=SWEEP_BATCH_SIZE)
        if not batch:
            break
        for referral_id in batch:
            jobcentre_email_task.delay(referral_id)
        enqueued += len(batch)
        after_pk = batch[-1]
    if enqueued:
        logger.info("Job centre e-mail sweep enqueued %d referral(s)", enqueued)
    return enqueued
