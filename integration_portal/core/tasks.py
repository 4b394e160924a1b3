from __future__ import annotations

import socket

from celery import shared_task
from django.utils import timezone

from integration_portal.core.models import WorkerHeartbeat

HEARTBEAT_NAME = "worker"


@shared_task
def worker_heartbeat() -> None:
    """Record that a worker is alive; beat sends this every HEARTBEAT_INTERVAL_SECONDS."""
    WorkerHeartbeat.objects.update_or_create(
        name=HEARTBEAT_NAME,
        defaults={"beat_at": timezone.now(), "hostname": socket.gethostname()},
    )
