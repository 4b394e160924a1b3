from __future__ import annotations

from celery import shared_task


class NotificationEmailsDeferred(Exception):
    """Some e-mails could not be sent this time; Celery runs the task again later."""


@shared_task(
    autoretry_for=(NotificationEmailsDeferred,),
    retry_backoff=60,  # about 1, 2, 4, … minutes
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    # After that, the next morning's reminder scan enqueues the sender again.
    max_retries=8,
)
def notification_emails_send_task() -> None:
    """Send every pending notification e-mail. Takes no arguments: it claims its own rows."""
    # Imported here: the services module imports this one to enqueue the task.
    from integration_portal.notifications.services import notification_emails_send

    run = notification_emails_send()
    if run.deferred:
        raise NotificationEmailsDeferred(f"{run.failed} e-mail(s) failed; trying again later")
