"""Celery tasks of the volunteers app (Celery's autodiscovery imports this module)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from volunteers.reminders import volunteer_reminder_scan


@shared_task
def volunteer_reminder_scan_task() -> None:
    """Beat runs this every morning (CELERY_BEAT_SCHEDULE["volunteer-reminder-scan"]); safe to
    repeat: a notification exists once per subject, stage and recipient."""
    # The e-mails of new notifications are enqueued as each batch commits; e-mails left over
    # from a failed run are picked up by the reception scan's daily wake-up of the sender.
    volunteer_reminder_scan(now=timezone.now())
