"""/healthz answers 200 when database and broker answer, 503 otherwise."""

from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from integration_portal.core import health
from integration_portal.core.models import WorkerHeartbeat
from integration_portal.core.tasks import worker_heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_database_and_broker_answer(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] == "ok"
    assert body["outbox_unsent"] == 0


def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    # given a Redis broker address where nothing listens
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["broker"] == "error"
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("server closed the connection")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_the_heartbeat_task_records_the_time():
    # when the task runs (in-process here; a real worker runs it in test_worker.py)
    worker_heartbeat()
    worker_heartbeat()

    # then there is one heartbeat row, just now
    beat = WorkerHeartbeat.objects.get()
    assert timezone.now() - beat.beat_at < timedelta(seconds=5)


def test_the_health_page_says_how_long_ago_the_worker_beat(client, settings):
    # given a heartbeat 12 seconds ago
    settings.LANGUAGE_CODE = "en"
    WorkerHeartbeat.objects.create(name="worker", beat_at=timezone.now() - timedelta(seconds=12))

    response = client.get(reverse("health"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "12 s ago" in response.content.decode()
    assert response.context["health"].worker_alive


def test_the_health_page_says_when_no_worker_has_beaten(client):
    response = client.get(reverse("health"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.context["health"].heartbeat_age_seconds is None
    assert not response.context["health"].worker_alive
