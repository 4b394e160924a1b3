from __future__ import annotations

import logging
import socket
from typing import Any

from celery import shared_task
from celery.signals import worker_ready
from django.utils import timezone

from integration_portal.core.models import WorkerHeartbeat
from integration_portal.core.queue import outbox_prune, outbox_relay

logger = logging.getLogger(__name__)

HEARTBEAT_NAME = "worker"


@shared_task
def worker_heartbeat() -> None:
    """Record that a worker is alive; beat sends this every HEARTBEAT_INTERVAL_SECONDS."""
    WorkerHeartbeat.objects.update_or_create(
        name=HEARTBEAT_NAME,
        defaults={"beat_at": timezone.now(), "hostname": socket.gethostname()},
    )


@shared_task
def outbox_relay_task() -> int:
    """Beat runs this every minute (CELERY_BEAT_SCHEDULE["outbox-relay"]): send what the
    outbox kept while the broker was away, and forget what was sent days ago."""
    sent = outbox_relay()
    outbox_prune()
    return sent


@worker_ready.connect
def relay_outbox_when_worker_starts(**kwargs: Any) -> None:
    # A worker usually (re)starts together with the broker, after an outage: do not wait a
    # minute for beat. A failure here must not keep the worker from starting.
    try:
        outbox_relay()
    except Exception:
        logger.exception("Outbox relay at worker start failed; beat will retry")
