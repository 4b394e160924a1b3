"""Celery tasks of the employment app (Celery's autodiscovery imports this module)."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.utils import timezone

from employment.selectors.referrals import referrals_awaiting_email
from employment.services.referrals import referral_email_send
from integration_portal.core.queue import DELIVERY_TASK_OPTIONS, enqueue_again

logger = logging.getLogger(__name__)

SWEEP_BATCH_SIZE = 200
# Leaves the task enqueued at the report (and its first retries) time to do the work.
SWEEP_GRACE = datetime.timedelta(minutes=30)


@shared_task(**DELIVERY_TASK_OPTIONS)
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
    cutoff = timezone.now() - SWEEP_GRACE
    enqueued = enqueue_again(
        jobcentre_email_task,
        lambda after_pk, limit: referrals_awaiting_email(created_before=cutoff,
                                                         after_pk=after_pk, limit=limit),
        batch_size=SWEEP_BATCH_SIZE)
    if enqueued:
        logger.info("Job centre e-mail sweep enqueued %d referral(s)", enqueued)
    return enqueued
