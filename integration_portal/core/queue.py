"""Background work goes to the broker through an outbox, so that none is lost while Redis is
away and none is sent before the change that asked for it has committed.

`enqueue_on_commit` writes an `OutboxMessage` in the caller's transaction: the message exists
if and only if the business change committed. Once the transaction commits, it tries to
publish the message at once and marks it sent. If the broker is down the request carries on
(publishing fails fast: CELERY_TASK_PUBLISH_RETRY_POLICY) and the row waits for the relay
(`outbox_relay`), which beat runs every minute, a worker runs when it starts and
`manage.py relay_outbox` runs by hand.

Each message is published by whoever holds its row lock (`select_for_update(skip_locked)`),
so the commit hook and the relay never both send it. A process that dies between publishing
and marking may leave it to be sent again: every task is idempotent, which is what makes
"at least once" mean "exactly once" in effect.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from integration_portal.core.models import OutboxMessage

logger = logging.getLogger(__name__)

# Worth another try: the mail server or the database was away for a moment (SMTPException and
# connection errors are OSErrors). Anything else is a bug or bad data and fails loudly.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)

# For a task that delivers something once (a letter, an e-mail): retried for about two hours
# with growing pauses, and acknowledged only after it ran, so that a worker dying mid-way
# leaves the message to another. That is safe only because such a task's service claims its
# row before it delivers.
DELIVERY_TASK_OPTIONS: dict[str, Any] = {
    "autoretry_for": TRANSIENT_ERRORS,
    "max_retries": 8,
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "acks_late": True,
}

RELAY_BATCH_SIZE = 200
ERROR_MAX_LENGTH = 1000
# Sent messages are kept a while to look into a problem, then deleted.
KEEP_SENT_FOR = datetime.timedelta(days=7)


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Send `task.delay(*args)` once the caller's transaction commits, through the outbox.

    Never fails the request because the broker is down: the message stays in the outbox and
    the relay sends it when the broker is back. The periodic sweeps (CELERY_BEAT_SCHEDULE)
    remain as a second net for work whose message was never written.
    """
    message = OutboxMessage.objects.create(task_name=task.name, args=list(args))
    transaction.on_commit(lambda: _publish_after_commit(task, message.pk))


def _publish_after_commit(task: Any, message_id: int) -> None:
    try:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=message_id, sent_at__isnull=True)
                .first()
            )
            if message is None:
                return  # the relay holds it or has sent it
            _publish(task, message)
    except Exception:
        # Also when the database went away: the row is committed and the relay will find it.
        logger.exception("Could not send outbox message %s; the relay will retry", message_id)


def _publish(task: Any, message: OutboxMessage) -> bool:
    """Publish one locked message and record the outcome on its row; True when it went."""
    try:
        task.delay(*message.args)
    except Exception as error:
        logger.warning("Could not enqueue %s%r (outbox message %s): %s",
                       message.task_name, tuple(message.args), message.pk, error)
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=message.attempts + 1, last_error=repr(error)[:ERROR_MAX_LENGTH]
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    return True


def outbox_relay(*, batch_size: int = RELAY_BATCH_SIZE) -> int:
    """Publish the unsent outbox messages, oldest first; returns how many were sent.

    Stops at the first message the broker refuses (it is most likely down: the next run
    goes on from there). Rows another relay holds are skipped, not waited for. A message
    whose task no longer exists is logged and counted as failed, and the rest go on.
    """
    from integration_portal.celery import app

    sent = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True, pk__gt=last_pk)
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            last_pk = batch[-1].pk
            for message in batch:
                task = app.tasks.get(message.task_name)
                if task is None:
                    logger.error("Outbox message %s: no task named %s", message.pk,
                                 message.task_name)
                    OutboxMessage.objects.filter(pk=message.pk).update(
                        attempts=message.attempts + 1, last_error="unknown task"
                    )
                    continue
                if not _publish(task, message):
                    logger.info("Outbox relay: sent %d message(s), stopped at a failure", sent)
                    return sent
                sent += 1
        if len(batch) < batch_size:
            break
    if sent:
        logger.info("Outbox relay: sent %d message(s)", sent)
    return sent


def outbox_prune(*, keep: datetime.timedelta = KEEP_SENT_FOR) -> int:
    """Delete the messages sent longer than `keep` ago; returns how many."""
    deleted, _ = OutboxMessage.objects.filter(sent_at__lt=timezone.now() - keep).delete()
    return deleted


def enqueue_again(task: Any, awaiting: Callable[[int, int], list[int]], *,
                  batch_size: int) -> int:
    """The sweeps' loop: enqueue `task` for every id `awaiting(after_pk, limit)` returns,
    paging by primary key in bounded batches; returns how many it enqueued.

    A sweep re-sends work whose first enqueue was lost or whose retries ran out. Enqueueing
    work that is in fact under way is harmless: every swept task claims before it acts.
    """
    enqueued, after_pk = 0, 0
    while batch := awaiting(after_pk, batch_size):
        for pk in batch:
            task.delay(pk)
        enqueued += len(batch)
        after_pk = batch[-1]
    return enqueued
