"""Writes to notifications: create each one once, mark them read, send their e-mails."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from smtplib import SMTPRecipientsRefused
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from integration_portal.notifications.emails import notification_email
from integration_portal.notifications.models import EmailStatus, Notification
from integration_portal.notifications.tasks import notification_emails_send_task

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
EMAIL_BATCH_SIZE = 200
# A worker that claimed an e-mail and died before finishing leaves it "sending". After this
# long the claim counts as abandoned and another worker may take the row. It is far above
# the SMTP timeout, so a slow but living worker is not raced into sending twice.
ABANDONED_CLAIM_AFTER = timedelta(minutes=15)
SMTP_TIMEOUT_SECONDS = 30


_DEFAULTED_FIELDS = [field.name for field in Notification._meta.fields
                     if field.name not in {"subject_key", "stage", "title", "url"}]


@transaction.atomic
def notifications_create_many(*, notifications: list[Notification]) -> int:
    """Store the notifications that do not exist yet and return how many were new.

    Callers pass a bounded batch (one page of a scan). The unique constraint on (subject,
    stage, recipient) with ON CONFLICT DO NOTHING is what guarantees one notification each,
    even when two scans run at once. The lookup before the insert keeps the returned count
    honest (bulk_create cannot tell which rows it skipped) and spares the e-mail task a
    wake-up when nothing is new; under a concurrent run the count may include rows that the
    other run inserted first.
    """
    if not notifications:
        return 0
    existing = _existing_keys(notifications)
    new = []
    for notification in notifications:
        key = (notification.subject_key, notification.stage, notification.recipient_id)
        if key not in existing:
            existing.add(key)
            new.append(notification)
    if not new:
        return 0
    for notification in new:
        # The fields callers fill in; the rest are the model's defaults, and full_clean()
        # would look up every foreign key with a query. Only new ones are checked: the morning
        # scan offers hundreds of thousands, nearly all of them already stored.
        notification.clean_fields(exclude=_DEFAULTED_FIELDS)
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    notification_emails_enqueue()
    logger.info("%d new notification(s) stored", len(new))
    return len(new)


def _existing_keys(notifications: list[Notification]) -> set[tuple[str, str, int]]:
    return set(
        Notification.objects.filter(
            subject_key__in={notification.subject_key for notification in notifications}
        ).values_list("subject_key", "stage", "recipient_id")
    )


def notification_emails_enqueue() -> None:
    """Ask a worker to send the pending e-mails once the current transaction has committed.

    Robust: if the broker is down the notifications are already committed, and the next
    morning's scan enqueues the sender again, so the error is logged rather than raised into
    a caller whose work has succeeded.
    """
    transaction.on_commit(notification_emails_send_task.delay, robust=True)


@transaction.atomic
def notifications_mark_all_read(*, recipient: User) -> int:
    return (
        Notification.objects.for_recipient(recipient)
        .unread()
        .update(read_at=timezone.now())
    )


@dataclass(frozen=True)
class EmailRun:
    sent: int
    failed: int

    @property
    def deferred(self) -> bool:
        """Some e-mail is left to try again later."""
        return self.failed > 0


def notification_emails_send(*, batch_size: int = EMAIL_BATCH_SIZE) -> EmailRun:
    """Send the e-mail of every notification waiting for one, a bounded batch at a time.

    Not atomic on purpose: each claim must be committed before its e-mail goes out, so that
    another worker sees it. A row is claimed with a conditional UPDATE (healthchecks'
    pattern); no row updated means another worker has it, so two senders never send the same
    e-mail. A failed send puts the row back as pending with one more attempt, or as failed
    after MAX_EMAIL_ATTEMPTS. A refused address affects only its own e-mail and the run goes
    on; any other error means the mail server is unwell, so the run stops rather than spend
    every row's attempts at once, and the task retries later.
    """
    sent = failed = 0
    last_pk = 0
    connection = get_connection(timeout=settings.EMAIL_TIMEOUT or SMTP_TIMEOUT_SECONDS)
    try:
        while True:
            batch = list(
                Notification.objects.email_due(
                    stale_claims_before=timezone.now() - ABANDONED_CLAIM_AFTER
                )
                # A deactivated account's notifications wait; it may be re-activated.
                .filter(pk__gt=last_pk, recipient__is_active=True)
                .select_related("recipient")
                .order_by("pk")[:batch_size]
            )
            for notification in batch:
                last_pk = notification.pk
                if not _claim(notification):
                    continue
                try:
                    notification_email(notification, connection=connection).send()
                except OSError as error:  # smtplib's errors are OSErrors too
                    logger.warning(
                        "E-mail for notification %s failed: %r", notification.pk, error
                    )
                    _release(notification)
                    failed += 1
                    if isinstance(error, SMTPRecipientsRefused):
                        continue
                    return EmailRun(sent=sent, failed=failed)
                _mark_sent(notification)
                sent += 1
            if len(batch) < batch_size:
                break
    finally:
        connection.close()
    if sent or failed:
        logger.info("Notification e-mails: %d sent, %d failed", sent, failed)
    return EmailRun(sent=sent, failed=failed)


def _claim(notification: Notification) -> bool:
    now = timezone.now()
    claimed = (
        Notification.objects.email_due(stale_claims_before=now - ABANDONED_CLAIM_AFTER)
        .filter(pk=notification.pk)
        .update(email_status=EmailStatus.SENDING, email_claimed_at=now)
    )
    return claimed == 1


def _mark_sent(notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk, email_status=EmailStatus.SENDING).update(
        email_status=EmailStatus.SENT,
        email_attempts=F("email_attempts") + 1,
        emailed_at=timezone.now(),
    )


def _release(notification: Notification) -> None:
    # The Case reads the attempts before this UPDATE, as SQL's SET does.
    Notification.objects.filter(pk=notification.pk, email_status=EmailStatus.SENDING).update(
        email_status=Case(
            When(
                email_attempts__gte=MAX_EMAIL_ATTEMPTS - 1, then=Value(EmailStatus.FAILED)
            ),
            default=Value(EmailStatus.PENDING),
        ),
        email_attempts=F("email_attempts") + 1,
    )
