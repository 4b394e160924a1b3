"""Celery tasks of the community app (Celery's autodiscovery imports this module)."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.utils import timezone

from community.reminders import referral_follow_up_scan
from community.selectors import referrals_awaiting_email
from community.services import referral_email_send
from integration_portal.core.queue import DELIVERY_TASK_OPTIONS, enqueue_again

logger = logging.getLogger(__name__)

SWEEP_BATCH_SIZE = 200
SWEEP_GRACE = datetime.timedelta(minutes=30)


@shared_task(**DELIVERY_TASK_OPTIONS)
def referral_email_task(referral_id: int) -> None:
    """Tell the association about a referral; sends at most once."""
    referral_email_send(referral_id=referral_id)


@shared_task
def referral_email_sweep_task() -> int:
    """Enqueue again the association e-mails that were not sent (enqueue lost, retries
    spent). Pages by primary key; the task claims before it sends, so a double is harmless."""
    cutoff = timezone.now() - SWEEP_GRACE
    return enqueue_again(
        referral_email_task,
        lambda after_pk, limit: referrals_awaiting_email(created_before=cutoff,
                                                         after_pk=after_pk, limit=limit),
        batch_size=SWEEP_BATCH_SIZE)


@shared_task
def referral_follow_up_scan_task() -> int:
    """Every morning: remind caseworkers of the referrals whose follow-up date has come."""
    return referral_follow_up_scan(today=timezone.localdate())
