from __future__ import annotations

from zoneinfo import ZoneInfo

from celery import shared_task
from django.utils import timezone

from integration_portal.notifications.services import notification_emails_enqueue
from reception.reminders import reminder_scan

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@shared_task
def reminder_scan_task() -> None:
    """Beat runs this every morning (CELERY_BEAT_SCHEDULE["reminder-scan"]); safe to repeat."""
    # Deadlines are Danish calendar dates, whatever time zone the server runs in.
    reminder_scan(today=timezone.localdate(timezone=DANISH_TIME))
    # The safety net: wake the sender even when nothing new was created, so that e-mails
    # left over from an earlier failed run are picked up.
    notification_emails_enqueue()
