"""Checks behind /healthz and the health page: can we reach the database and the broker?"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from integration_portal.core.models import OutboxMessage, WorkerHeartbeat
from integration_portal.core.tasks import HEARTBEAT_NAME


@dataclass(frozen=True)
class Health:
    database: bool
    broker: bool
    broker_kind: str
    last_heartbeat: datetime | None
    # Messages kept in the outbox because the broker could not take them (None: unknown).
    outbox_unsent: int | None = None

    @property
    def ok(self) -> bool:
        return self.database and self.broker

    @property
    def heartbeat_age_seconds(self) -> int | None:
        if self.last_heartbeat is None:
            return None
        return max(0, int((timezone.now() - self.last_heartbeat).total_seconds()))

    @property
    def worker_alive(self) -> bool:
        age = self.heartbeat_age_seconds
        # Three missed beats before we call the worker gone.
        return age is not None and age <= 3 * settings.HEARTBEAT_INTERVAL_SECONDS


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def broker_ok() -> bool:
    if settings.REDIS_URL:
        try:
            client = redis.Redis.from_url(
                settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
            )
            return bool(client.ping())
        except redis.RedisError:
            return False
    folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


def last_heartbeat() -> datetime | None:
    try:
        return (
            WorkerHeartbeat.objects.filter(name=HEARTBEAT_NAME)
            .values_list("beat_at", flat=True)
            .first()
        )
    except DatabaseError:
        return None


def outbox_unsent() -> int | None:
    try:
        return OutboxMessage.objects.filter(sent_at__isnull=True).count()
    except DatabaseError:
        return None


def check() -> Health:
    db = database_ok()
    return Health(
        database=db,
        broker=broker_ok(),
        broker_kind="redis" if settings.REDIS_URL else "filesystem",
        last_heartbeat=last_heartbeat() if db else None,
        outbox_unsent=outbox_unsent() if db else None,
    )
